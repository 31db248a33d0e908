/**
 * The app's save queue (save-queue.ts) and the records people edit through it: answers, an
 * assessment's details, who is working on this device, and review forms' unsent text. Every form that edits stored data goes
 * through `edits`, so each has the same journal, ordering and retry.
 */
import { actorSchema } from '../domain/history';
import { answerSchema, assessmentSetupSchema, TEXT_LIMITS, type AnswerPatch, type AssessmentSetup } from '../domain/assessment';
import { setActor } from './actor';
import { saveAnswer } from './answers';
import { updateAssessment } from './assessments';
import { writeDraft, type Draft } from './drafts';
import { journal } from './journal';
import { SaveQueue, type EditKind, type Patch, type Target } from './save-queue';

type Shape = Record<string, { safeParse: (v: unknown) => { success: boolean } }>;

/** Keeps the fields `allowed` names whose value its schema accepts; names the others. */
function acceptFields(shape: Shape, allowed: ReadonlySet<string>, patch: Patch): { good: Patch; bad: string[] } {
  const good: Patch = {};
  const bad: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (allowed.has(field) && shape[field]!.safeParse(value).success) good[field] = value;
    else bad.push(field);
  }
  return { good, bad };
}

const ids = (...values: unknown[]) => values.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200);

const answerFields = new Set(['value', 'narrative', 'evidence', 'institutions', 'decision', 'dissentNote', 'followUp']);
const answerKind: EditKind = {
  key: (t) => (ids(t.assessmentId, t.indicatorId) ? `${t.assessmentId}\u0000${t.indicatorId}` : null),
  accept: (patch) => acceptFields(answerSchema.shape as unknown as Shape, answerFields, patch),
  write: (t, patch, at) => saveAnswer(t.assessmentId!, t.indicatorId!, patch as AnswerPatch, at),
};

/**
 * Assessment details as the queue carries them: a removed link to the national assessment is null,
 * because the journal is JSON, which has no `undefined`.
 */
export type DetailsPatch = Omit<Partial<AssessmentSetup>, 'nationalAssessmentId'> & { nationalAssessmentId?: string | null };
export const detailsPatch = (setup: AssessmentSetup): DetailsPatch => ({ ...setup, nationalAssessmentId: setup.nationalAssessmentId ?? null });
/** The details a patch sets, with a removed link as a key whose value is `undefined` (which removes it). */
export function detailsFromPatch(patch: DetailsPatch): Partial<AssessmentSetup> {
  const { nationalAssessmentId, ...rest } = patch;
  return nationalAssessmentId === undefined ? rest : { ...rest, nationalAssessmentId: nationalAssessmentId ?? undefined };
}

const setupShape: Shape = { ...(assessmentSetupSchema.shape as unknown as Shape), nationalAssessmentId: { safeParse: (v) => ({ success: v === null || typeof v === 'string' }) } };
const assessmentKind: EditKind = {
  key: (t) => (ids(t.assessmentId) ? t.assessmentId! : null),
  accept: (patch) => acceptFields(setupShape, new Set(Object.keys(setupShape)), patch),
  write: (t, patch, at) => updateAssessment(t.assessmentId!, detailsFromPatch(patch as DetailsPatch), at),
};

const actorKind: EditKind = {
  key: () => 'device',
  accept: (patch) => acceptFields(actorSchema.shape as unknown as Shape, new Set(['name', 'role']), patch),
  write: (_t, patch) => setActor(patch),
};

// Review forms' unsent text: any short field name, text within the longest limit storage has.
const draftKind: EditKind = {
  key: (t) => (typeof t.draft === 'string' && t.draft.length > 0 && t.draft.length <= 400 ? t.draft : null),
  accept: (patch) => {
    const good: Patch = {};
    const bad: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (/^[a-z]{1,20}$/i.test(field) && typeof value === 'string' && value.length <= TEXT_LIMITS.long) good[field] = value;
      else bad.push(field);
    }
    return { good, bad };
  },
  write: (t, patch) => writeDraft(t.draft!, patch as Draft),
};

export const edits = new SaveQueue({ answer: answerKind, assessment: assessmentKind, actor: actorKind, draft: draftKind }, journal);

export const answerTarget = (assessmentId: string, indicatorId: string): Target => ({ kind: 'answer', assessmentId, indicatorId });
export const assessmentTarget = (assessmentId: string): Target => ({ kind: 'assessment', assessmentId });
export const actorTarget: Target = { kind: 'actor' };
export const draftTarget = (draft: string): Target => ({ kind: 'draft', draft });

/** Whether a queue key belongs to the assessment (its details or one of its answers). */
export const ofAssessment = (assessmentId: string) => (key: string) =>
  key === `assessment:${assessmentId}` || key.startsWith(`answer:${assessmentId}\u0000`);
/** The indicator of an answer's queue key, when it belongs to the assessment. */
export const indicatorOf = (assessmentId: string, key: string): string | null =>
  key.startsWith(`answer:${assessmentId}\u0000`) ? key.slice(`answer:${assessmentId}\u0000`.length) : null;

// Leaving the page, switching tab or hiding the window writes at once.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void edits.flush());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void edits.flush());
}
