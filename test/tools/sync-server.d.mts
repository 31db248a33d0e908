export interface SyncServer {
  origin: string;
  couch: string;
  dataDir: string;
  admin: { name: string; password: string };
  readonly pid: number | undefined;
  output(): string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}
export function startSyncServer(options?: { dist?: string }): Promise<SyncServer>;
export function adminCommand(server: SyncServer, args: string[]): Promise<{ code: number | null; output: string }>;
