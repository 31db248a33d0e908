/** Messages between the page and the PDF worker. */
import type { ProfileModel } from '../../domain/profile';

export interface WorkerRequest {
  model: ProfileModel;
}

export type BuildStage = 'starting' | 'fonts' | 'layout' | 'done';

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; stage: BuildStage }
  | { type: 'done'; blob: Blob; ms: number }
  | { type: 'error'; message: string };
