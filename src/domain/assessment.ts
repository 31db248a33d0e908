/**
 * Assessments and answers as stored, exported and imported. These schemas parse every IndexedDB read
 * and every imported file, so persisted data never enters the app unchecked.
 * Changing a shape means a new storage version with a migration, never an edit in place.
 */
import * as z from 'zod/mini';
import { answerValueSchema, institutionKindSchema } from './answer';
import { catalogueKindSchema } from './catalogue';

const isoDate = z.iso.datetime({ offset: true });
/** What storage accepts; the boxes that edit these fields stop at the same limits (ui/length-hint). */
export const TEXT_LIMITS = { long: 20_000, short: 500, link: 2000 } as const;
const shortText = z.string().check(z.maxLength(TEXT_LIMITS.short));
const longText = z.string().check(z.maxLength(TEXT_LIMITS.long));

export const assessmentSetupSchema = z.object({
  government: z.string().check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(200, { error: 'tooLong' })),
  level: catalogueKindSchema,
  year: z.int({ error: 'year' }).check(z.minimum(2000, { error: 'year' }), z.maximum(2100, { error: 'year' })),
  focalPoint: z.string().check(z.trim(), z.maxLength(200, { error: 'tooLong' })),
  /** Catalogue institution kinds plus free entries typed by the team. */
  institutions: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(100)),
  context: z.string().check(z.maxLength(TEXT_LIMITS.long, { error: 'tooLong' })),
  /** For a local assessment: the national assessment of its country on this device, if any. */
  nationalAssessmentId: z.optional(z.string()),
});
export type AssessmentSetup = z.infer<typeof assessmentSetupSchema>;

export const assessmentSchema = z.extend(assessmentSetupSchema, {
  id: z.string().check(z.minLength(1)),
  catalogueVersion: z.string().check(z.minLength(1)),
  status: z.enum(['draft', 'validated']),
  /** Who marked the assessment as validated, and when; absent while it is a draft. */
  validatedBy: z.optional(z.string().check(z.maxLength(200))),
  validatedAt: z.optional(isoDate),
  archived: z.boolean(),
  /** Set when deleted; the row is kept until the undo window has passed. */
  deletedAt: z.optional(isoDate),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const evidenceTypes = ['law', 'policy', 'agreement', 'data', 'other'] as const;
export const evidenceSchema = z.object({
  id: z.string().check(z.minLength(1)),
  // May be empty while being typed; the profile leaves untitled items out.
  title: z.string().check(z.maxLength(TEXT_LIMITS.short)),
  type: z.enum(evidenceTypes),
  reference: shortText,
  year: z.nullable(z.int().check(z.minimum(1800), z.maximum(2100))),
  link: z.string().check(z.maxLength(TEXT_LIMITS.link)),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const decisionMethods = ['consensus', 'majority', 'dissent'] as const;

export const answerSchema = z.object({
  assessmentId: z.string().check(z.minLength(1)),
  indicatorId: z.string().check(z.minLength(1)),
  value: z.nullable(answerValueSchema),
  narrative: longText,
  evidence: z.array(evidenceSchema).check(z.maxLength(500)),
  institutions: z.array(z.union([institutionKindSchema, z.string().check(z.minLength(1), z.maxLength(200))])).check(z.maxLength(50)),
  decision: z.enum(decisionMethods),
  dissentNote: longText,
  followUp: z.boolean(),
  updatedAt: isoDate,
});
export type Answer = z.infer<typeof answerSchema>;
/** The fields a person edits; storage adds the keys and the time. */
export type AnswerPatch = Partial<Omit<Answer, 'assessmentId' | 'indicatorId' | 'updatedAt'>>;

export function emptyAnswer(assessmentId: string, indicatorId: string, now: string): Answer {
  return {
    assessmentId,
    indicatorId,
    value: null,
    narrative: '',
    evidence: [],
    institutions: [],
    decision: 'consensus',
    dissentNote: '',
    followUp: false,
    updatedAt: now,
  };
}

/** Answered means a real position was taken; "Don't know yet" is still work in progress. */
export function isAnswered(value: Answer['value'] | undefined): boolean {
  return value != null && value !== 'unknown';
}

/** Whether the changes to an assessment are in a file downloaded from this device. */
export type BackupState = 'never' | 'behind' | 'current';

/**
 * `lastExport` is when this device last downloaded the assessment's file. Any later change (the
 * assessment's `updatedAt` moves with every saved answer) exists only on this device until the next one.
 */
export function backupState(updatedAt: string, lastExport: string | undefined): BackupState {
  if (!lastExport) return 'never';
  return Date.parse(updatedAt) > Date.parse(lastExport) ? 'behind' : 'current';
}
