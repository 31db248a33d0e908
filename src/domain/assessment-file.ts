/**
 * The assessment exchange file: one JSON document carrying an assessment and everything recorded
 * against it, for moving between laptops, sending to IOM missions, and batch work (npm run profile).
 * Versioned: a reader refuses a format version it does not know.
 */
import * as z from 'zod/mini';
import { answerSchema, assessmentSchema } from './assessment';
import { catalogueKindSchema } from './catalogue';

export const ASSESSMENT_FILE_FORMAT = 'mgi-assessment';
export const ASSESSMENT_FILE_VERSION = 1;

export const assessmentFileSchema = z.object({
  format: z.literal(ASSESSMENT_FILE_FORMAT),
  version: z.literal(ASSESSMENT_FILE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  catalogue: z.object({ kind: catalogueKindSchema, version: z.string().check(z.minLength(1)) }),
  assessment: assessmentSchema,
  answers: z.array(answerSchema).check(z.maxLength(2000)),
});
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;
