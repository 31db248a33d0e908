/**
 * The assessment exchange file: one JSON document carrying an assessment and everything recorded
 * against it, for moving between laptops, sending to IOM missions, and batch work (npm run profile).
 * Versioned: a reader refuses a format version it does not know.
 *
 * Version 1: assessment and answers.
 * Version 2 adds, without changing `assessment` or `answers`: reviews, comments, proposals, history,
 * who exported it, and a SHA-256 checksum of the canonical content (see exchange.ts). A version-1 file
 * reads as a version-2 file with empty lists. Unknown keys are ignored by this schema; the checksum
 * covers them, so an import (exchange.ts) still notices a file changed after export.
 * An encrypted file is a separate envelope (exchange.ts) holding one of these documents.
 */
import * as z from 'zod/mini';
import { answerSchema, assessmentSchema } from './assessment';
import { catalogueKindSchema } from './catalogue';
import { actorSchema, historyEntrySchema } from './history';
import { commentSchema, proposalSchema, reviewSchema } from './review';

export const ASSESSMENT_FILE_FORMAT = 'mgi-assessment';
/** The version this app writes. */
export const ASSESSMENT_FILE_VERSION = 2;
/** The versions this app reads. */
export const ASSESSMENT_FILE_VERSIONS = [1, 2] as const;

/** Bounds that keep a hostile or damaged file from exhausting memory; far above a real assessment. */
export const FILE_LIMITS = { answers: 2000, reviews: 2000, comments: 20_000, proposals: 5000, history: 200_000 } as const;

export const assessmentFileSchema = z.object({
  format: z.literal(ASSESSMENT_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(ASSESSMENT_FILE_VERSION)]),
  exportedAt: z.iso.datetime({ offset: true }),
  catalogue: z.object({ kind: catalogueKindSchema, version: z.string().check(z.minLength(1)) }),
  assessment: assessmentSchema,
  answers: z.array(answerSchema).check(z.maxLength(FILE_LIMITS.answers)),
  // Version 2.
  exportedBy: z.optional(actorSchema),
  reviews: z._default(z.array(reviewSchema).check(z.maxLength(FILE_LIMITS.reviews)), []),
  comments: z._default(z.array(commentSchema).check(z.maxLength(FILE_LIMITS.comments)), []),
  proposals: z._default(z.array(proposalSchema).check(z.maxLength(FILE_LIMITS.proposals)), []),
  history: z._default(z.array(historyEntrySchema).check(z.maxLength(FILE_LIMITS.history)), []),
  /** SHA-256 (hex) of the canonical JSON of the whole document without this key. */
  checksum: z.optional(z.object({ algorithm: z.literal('SHA-256'), value: z.string().check(z.regex(/^[0-9a-f]{64}$/)) })),
});
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;
