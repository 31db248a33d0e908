/** Messages between the page and the document worker. */
import type { ProfileModel } from '../../domain/profile';
import type { WorkshopAnnexModel } from '../../domain/workshop-annex';

export type DocumentFormat = 'pdf' | 'docx';

export type WorkerRequest = { format: DocumentFormat } & ({ kind: 'profile'; model: ProfileModel } | { kind: 'annex'; model: WorkshopAnnexModel });

/**
 * To the worker: `warm` loads the fonts of a profile and lays it out a few times, keeping the last
 * file, so the person's click finds react-pdf loaded, its fonts parsed, its code compiled and, for that
 * same profile, the file made; `build` makes a file (or hands over the warm-up's, when it is the same
 * document). The worker handles them one at a time, in order.
 */
export type WorkerMessage = { type: 'warm'; model: ProfileModel } | { type: 'build'; id: number; request: WorkerRequest };

export type BuildStage = 'starting' | 'fonts' | 'layout' | 'done';

export type WorkerReply =
  /** The warm-up's time, and each pass's (for the bench). */
  | { type: 'warm'; ms: number; passes: number[] }
  | { type: 'progress'; id: number; stage: BuildStage }
  /** `ms`: the build's time in the worker; `made`: the file was the warm-up's (see profile.worker.ts). */
  | { type: 'done'; id: number; blob: Blob; ms: number; made: boolean }
  | { type: 'error'; id: number; message: string };
