import * as z from 'zod/mini';

/**
 * The answer scale shared by the catalogue, stored answers, imports and forms.
 * "unknown" is "Don't know yet": work in progress, counted as unanswered by scoring.
 */
export const answerValues = ['yes', 'partial', 'no', 'na', 'unknown'] as const;
export const answerValueSchema = z.enum(answerValues);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** The kinds of institution an indicator can be assigned to (fixed list, labels live in locales). */
export const institutionKinds = [
  'interior',
  'foreign-affairs',
  'labour',
  'health',
  'education',
  'social-protection',
  'justice',
  'statistics',
  'border-management',
  'disaster-management',
  'local-government',
  'other',
] as const;
export const institutionKindSchema = z.enum(institutionKinds);
export type InstitutionKind = z.infer<typeof institutionKindSchema>;
