/**
 * Assessments and answers as stored, exported and imported. These schemas parse every IndexedDB read
 * and every imported file, so persisted data never enters the app unchecked.
 * Changing a shape means a new storage version with a migration, never an edit in place.
 */
import { z } from 'zod';
import { answerValueSchema, institutionKindSchema } from './answer';
import { catalogueKindSchema } from './catalogue';

const isoDate = z.iso.datetime({ offset: true });
const shortText = z.string().max(500);
const longText = z.string().max(20_000);

export const assessmentSetupSchema = z.object({
  government: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  level: catalogueKindSchema,
  year: z
    .number({ error: 'year' })
    .int({ error: 'year' })
    .min(2000, { error: 'year' })
    .max(2100, { error: 'year' }),
  focalPoint: z.string().trim().max(200, { error: 'tooLong' }),
  /** Catalogue institution kinds plus free entries typed by the team. */
  institutions: z.array(z.string().trim().min(1).max(200)).max(100),
  context: z.string().max(20_000, { error: 'tooLong' }),
});
export type AssessmentSetup = z.infer<typeof assessmentSetupSchema>;

export const assessmentSchema = assessmentSetupSchema.extend({
  id: z.string().min(1),
  catalogueVersion: z.string().min(1),
  status: z.enum(['draft', 'validated']),
  archived: z.boolean(),
  /** Set when deleted; the row is kept until the undo window has passed. */
  deletedAt: isoDate.optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const evidenceTypes = ['law', 'policy', 'agreement', 'data', 'other'] as const;
export const evidenceSchema = z.object({
  id: z.string().min(1),
  // May be empty while being typed; the profile leaves untitled items out.
  title: z.string().max(500),
  type: z.enum(evidenceTypes),
  reference: shortText,
  year: z.number().int().min(1800).max(2100).nullable(),
  link: z.string().max(2000),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const decisionMethods = ['consensus', 'majority', 'dissent'] as const;

export const answerSchema = z.object({
  assessmentId: z.string().min(1),
  indicatorId: z.string().min(1),
  value: answerValueSchema.nullable(),
  narrative: longText,
  evidence: z.array(evidenceSchema).max(500),
  institutions: z.array(z.union([institutionKindSchema, z.string().min(1).max(200)])).max(50),
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
