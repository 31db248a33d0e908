/**
 * Keeps every assessment connected to a sync server in step, in the background of the whole app:
 * pull what other laptops pushed, import it with the same merge as a file, push this laptop's state.
 * Runs now and then, at once when the browser comes back online, and backs off while the server
 * cannot be reached; work goes on offline in IndexedDB regardless.
 *
 * Conflicts wait for a person exactly as for a file: nothing of that laptop's state is written until
 * the decisions are applied (the sync screen shows them with the same conflict list).
 *
 * Fetch and hashing happen outside any IndexedDB transaction: storage calls here are whole operations
 * (readSnapshot, exportAssessment, importFiles, settings).
 */
import { buildFile, type CatalogueSource } from '../../domain/exchange';
import type { Conflict, Decision } from '../../domain/merge';
import { accessOf, canWrite, databaseName, type AccessRole } from '../../domain/sync-access';
import { contentHash, fileToDocs } from '../../domain/sync-docs';
import { peekActor } from '../../storage/actor';
import { connectedAssessments, readSyncSetting, writeSyncSetting } from '../../storage/sync/sync-settings';
import { exportAssessment, importFiles, readSnapshot } from '../../storage/exchange-store';
import { CouchServer, SyncError, type SyncProblem } from '../../storage/sync/couch';
import { emptySyncState, markMerged, pull, push, type BundleCache, type DeviceState, type SyncState } from '../../storage/sync/replicate';

let catalogueSource: CatalogueSource | null = null;

/** Where received states find their catalogue (the app's loader), for the same checks as a file. */
export function setCatalogueSource(source: CatalogueSource): void {
  catalogueSource = source;
}

function catalogue(): CatalogueSource {
  if (!catalogueSource) throw new SyncError('server', 'no catalogue source');
  return catalogueSource;
}

/** Resumes every assessment connected on this laptop (at app start). */
export async function resumeAll(): Promise<void> {
  for (const id of await connectedAssessments()) await resume(id);
}
/** How often a connected assessment looks for changes, here and on the server. */
const TICK_MS = 4000;
const MAX_BACKOFF_MS = 60_000;

interface Stored {
  url: string;
  name: string;
  state: SyncState;
  lastSyncedAt: string | null;
  /** Content hash of the state last pushed: differs from the local one when changes wait. */
  pushed: string | null;
}

export type Access = AccessRole | 'admin';

export interface SyncStatus {
  connected: boolean;
  url: string;
  name: string;
  access: Access | null;
  phase: 'idle' | 'syncing' | 'synced' | 'offline' | 'signedOut' | 'noAccess' | 'error' | 'conflicts';
  problem: SyncProblem | null;
  detail: string;
  lastSyncedAt: string | null;
  /** Changes made here that the server does not have yet. */
  waiting: boolean;
  refused: { device: string; problem: SyncProblem; detail: string }[];
  conflicts: Conflict[];
}

const disconnected: SyncStatus = {
  connected: false,
  url: '',
  name: '',
  access: null,
  phase: 'idle',
  problem: null,
  detail: '',
  lastSyncedAt: null,
  waiting: false,
  refused: [],
  conflicts: [],
};

interface Running {
  server: CouchServer;
  stored: Stored;
  cache: BundleCache;
  pending: DeviceState[];
  timer: ReturnType<typeof setTimeout> | null;
  backoff: number;
  busy: Promise<void> | null;
  stopped: boolean;
}

const statuses = new Map<string, SyncStatus>();
const running = new Map<string, Running>();
const listeners = new Set<() => void>();

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function statusOf(assessmentId: string): SyncStatus {
  return statuses.get(assessmentId) ?? disconnected;
}

function setStatus(assessmentId: string, patch: Partial<SyncStatus>) {
  statuses.set(assessmentId, { ...statusOf(assessmentId), ...patch });
  for (const listener of listeners) listener();
}

function accessFrom(roles: string[], assessmentId: string): Access | null {
  if (roles.includes('_admin')) return 'admin';
  return accessOf(roles).get(assessmentId) ?? null;
}

function parseStored(value: unknown): Stored | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Stored>;
  if (typeof v.url !== 'string' || typeof v.name !== 'string') return null;
  const state = v.state && typeof v.state === 'object' ? { ...emptySyncState(), ...v.state } : emptySyncState();
  return { url: v.url, name: v.name, state, lastSyncedAt: typeof v.lastSyncedAt === 'string' ? v.lastSyncedAt : null, pushed: typeof v.pushed === 'string' ? v.pushed : null };
}

/** The content hash of this laptop's current state, as a push would compute it (no sealing). */
async function localContent(assessmentId: string, device: string): Promise<string | null> {
  const snapshot = await readSnapshot(assessmentId);
  if (!snapshot) return null;
  const actor = await peekActor();
  const { head } = await fileToDocs(await buildFile(snapshot, actor, new Date().toISOString()), device);
  return contentHash(head);
}

/** Signs in and connects an assessment; throws SyncError (wrongPassword, noAccess, offline…). */
export async function connect(assessmentId: string, url: string, name: string, password: string): Promise<void> {
  const server = new CouchServer(url);
  const ctx = await server.signIn(name, password);
  const access = accessFrom(ctx.roles, assessmentId);
  if (!access) throw new SyncError('noAccess', 'no role for this assessment');
  const previous = parseStored(await readSyncSetting(assessmentId));
  const sameServer = previous && previous.url === url;
  await attach(assessmentId, server, { url, name, state: sameServer ? previous.state : emptySyncState(), lastSyncedAt: sameServer ? previous.lastSyncedAt : null, pushed: null }, access);
}

/** The assessments an account may open on a server (from its roles there), after signing in. */
export async function listRemote(url: string, name: string, password: string): Promise<{ server: CouchServer; assessments: { id: string; access: AccessRole }[] }> {
  const server = new CouchServer(url);
  const ctx = await server.signIn(name, password);
  return { server, assessments: [...accessOf(ctx.roles)].map(([id, access]) => ({ id, access })) };
}

/**
 * First download of an assessment that is not on this laptop: every laptop's state on the server,
 * imported like files (the first creates it, the others merge), then connected.
 */
export async function download(server: CouchServer, url: string, name: string, assessmentId: string, access: AccessRole): Promise<'created' | 'empty'> {
  const device = (await peekActor()).device;
  const cache: BundleCache = new Map();
  const result = await pull(server.database(databaseName(assessmentId)), emptySyncState(), device, cache, catalogue());
  if (result.states.length === 0) return 'empty';
  const { pending } = await importFiles(result.states.map((s) => s.file));
  // States left waiting on conflicts are pulled again by the background sync, which shows them.
  const applied = pending ? result.states.slice(0, pending.index) : result.states;
  await attach(assessmentId, server, { url, name, state: markMerged(result.next, applied), lastSyncedAt: null, pushed: null }, access);
  return 'created';
}

async function attach(assessmentId: string, server: CouchServer, stored: Stored, access: Access): Promise<void> {
  const { url, name } = stored;
  await writeSyncSetting(assessmentId, stored);
  stop(assessmentId);
  setStatus(assessmentId, { ...disconnected, connected: true, url, name, access });
  begin(assessmentId, server, stored);
}

export async function disconnect(assessmentId: string): Promise<void> {
  stop(assessmentId);
  const stored = parseStored(await readSyncSetting(assessmentId));
  if (stored) await new CouchServer(stored.url).signOut().catch(() => undefined);
  await writeSyncSetting(assessmentId, null);
  statuses.delete(assessmentId);
  for (const listener of listeners) listener();
}

/** Starts the background work for an assessment connected earlier (after a reload); no-op otherwise. */
export async function resume(assessmentId: string): Promise<void> {
  if (running.has(assessmentId)) return;
  const stored = parseStored(await readSyncSetting(assessmentId));
  if (!stored || running.has(assessmentId)) return;
  setStatus(assessmentId, { connected: true, url: stored.url, name: stored.name, lastSyncedAt: stored.lastSyncedAt });
  begin(assessmentId, new CouchServer(stored.url), stored);
}

function begin(assessmentId: string, server: CouchServer, stored: Stored) {
  const run: Running = { server, stored, cache: new Map(), pending: [], timer: null, backoff: 0, busy: null, stopped: false };
  running.set(assessmentId, run);
  void syncNow(assessmentId);
}

function stop(assessmentId: string) {
  const run = running.get(assessmentId);
  if (!run) return;
  run.stopped = true;
  if (run.timer) clearTimeout(run.timer);
  running.delete(assessmentId);
}

function schedule(assessmentId: string, run: Running, ms: number) {
  if (run.stopped) return;
  if (run.timer) clearTimeout(run.timer);
  run.timer = setTimeout(() => void syncNow(assessmentId), ms);
}

/** Syncs at once (or joins a sync under way). */
export function syncNow(assessmentId: string): Promise<void> {
  const run = running.get(assessmentId);
  if (!run) return Promise.resolve();
  if (!run.busy) {
    run.busy = once(assessmentId, run).finally(() => {
      run.busy = null;
    });
  }
  return run.busy;
}

/** Applies a person's decisions on the conflicts shown, then pushes the result. */
export async function decide(assessmentId: string, decisions: Readonly<Record<string, Decision>>): Promise<void> {
  const run = running.get(assessmentId);
  if (!run) return;
  await run.busy;
  await applyPending(assessmentId, run, decisions);
  await syncNow(assessmentId);
}

async function save(assessmentId: string, run: Running) {
  await writeSyncSetting(assessmentId, run.stored);
}

async function applyPending(assessmentId: string, run: Running, decisions: Readonly<Record<string, Decision>>): Promise<boolean> {
  if (run.pending.length === 0) return true;
  const { pending } = await importFiles(
    run.pending.map((s) => s.file),
    decisions,
  );
  const done = pending ? run.pending.slice(0, pending.index) : run.pending;
  run.stored = { ...run.stored, state: markMerged(run.stored.state, done) };
  run.pending = pending ? run.pending.slice(pending.index) : [];
  await save(assessmentId, run);
  setStatus(assessmentId, { conflicts: pending ? pending.conflicts : [], phase: pending ? 'conflicts' : statusOf(assessmentId).phase });
  return !pending;
}

async function once(assessmentId: string, run: Running): Promise<void> {
  const actor = await peekActor();
  const device = actor.device;
  let local: string | null = null;
  try {
    local = await localContent(assessmentId, device);
    setStatus(assessmentId, { waiting: local !== null && local !== run.stored.pushed });
    if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new SyncError('offline', 'the browser is offline');
    setStatus(assessmentId, { phase: statusOf(assessmentId).conflicts.length > 0 ? 'conflicts' : 'syncing' });
    const session = await run.server.session();
    if (!session) throw new SyncError('signedOut');
    const access = accessFrom(session.roles, assessmentId);
    if (!access) throw new SyncError('noAccess', 'no role for this assessment');
    setStatus(assessmentId, { access });
    const db = run.server.database(databaseName(assessmentId));
    // Pull: other laptops' states, imported like files.
    const result = await pull(db, run.stored.state, device, run.cache, catalogue());
    run.stored = { ...run.stored, state: result.next };
    const known = new Set(run.pending.map((s) => s.head));
    run.pending = [...run.pending.filter((p) => !result.states.some((s) => s.device === p.device)), ...result.states.filter((s) => !known.has(s.head))];
    setStatus(assessmentId, { refused: result.refused.map((r) => ({ device: r.device, problem: r.error.problem, detail: r.error.detail })) });
    const settled = await applyPending(assessmentId, run, {});
    // Push: this laptop's state (readers only read). Waiting conflicts do not hold back what is here.
    if (canWrite(session.roles, assessmentId)) {
      const file = await exportAssessment(assessmentId);
      await push(db, file, device, run.cache);
      const { head } = await fileToDocs(file, device);
      run.stored = { ...run.stored, pushed: await contentHash(head) };
    }
    const now = new Date().toISOString();
    run.stored = { ...run.stored, lastSyncedAt: now };
    await save(assessmentId, run);
    local = await localContent(assessmentId, device);
    run.backoff = 0;
    setStatus(assessmentId, {
      phase: settled ? 'synced' : 'conflicts',
      problem: null,
      detail: '',
      lastSyncedAt: now,
      waiting: canWrite(session.roles, assessmentId) && local !== run.stored.pushed,
    });
    schedule(assessmentId, run, TICK_MS);
  } catch (error) {
    const problem: SyncProblem = error instanceof SyncError ? error.problem : 'server';
    const detail = error instanceof Error ? error.message : String(error);
    const phase = problem === 'offline' ? 'offline' : problem === 'signedOut' || problem === 'wrongPassword' ? 'signedOut' : problem === 'noAccess' ? 'noAccess' : 'error';
    setStatus(assessmentId, { phase, problem, detail });
    if (phase === 'signedOut' || phase === 'noAccess') return; // waits for a person to sign in again
    run.backoff = Math.min(MAX_BACKOFF_MS, run.backoff ? run.backoff * 2 : TICK_MS);
    schedule(assessmentId, run, run.backoff);
  }
}

/** Called when the browser comes back online: every connected assessment syncs at once. */
export function onOnline(): void {
  for (const [assessmentId, run] of running) {
    run.backoff = 0;
    void syncNow(assessmentId);
  }
}
