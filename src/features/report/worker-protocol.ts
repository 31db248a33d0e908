/** Messages between the page and the document worker. */
import type { ProfileModel } from '../../domain/profile';
import type { WorkshopAnnexModel } from '../../domain/workshop-annex';

export type DocumentFormat = 'pdf' | 'docx';

export type WorkerRequest = { format: DocumentFormat } & ({ kind: 'profile'; model: ProfileModel } | { kind: 'annex'; model: WorkshopAnnexModel });

export type BuildStage = 'starting' | 'fonts' | 'layout' | 'done';

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; stage: BuildStage }
  | { type: 'done'; blob: Blob; ms: number }
  | { type: 'error'; message: string };
