/** Messages between the page and the document worker. */
import type { ProfileModel } from '../../domain/profile';
import type { WorkshopAnnexModel } from '../../domain/workshop-annex';

export type DocumentFormat = 'pdf' | 'docx';

export type WorkerRequest = { format: DocumentFormat } & ({ kind: 'profile'; model: ProfileModel } | { kind: 'annex'; model: WorkshopAnnexModel });

/**
 * To the worker: `warm` loads the fonts of a profile and lays it out once, throwing the file away, so
 * the person's click finds react-pdf loaded, its fonts parsed and its code compiled; `build` makes a
 * file. The worker handles them one at a time, in order.
 */
export type WorkerMessage = { type: 'warm'; model: ProfileModel } | { type: 'build'; id: number; request: WorkerRequest };

export type BuildStage = 'starting' | 'fonts' | 'layout' | 'done';

export type WorkerReply =
  | { type: 'warm'; ms: number }
  | { type: 'progress'; id: number; stage: BuildStage }
  | { type: 'done'; id: number; blob: Blob; ms: number }
  | { type: 'error'; id: number; message: string };
