/**
 * The history of changes as storage writes it: one entry per changed field, inside the caller's
 * transaction (which must include `history` and `settings`, and `reviews`/`assessments` for a review
 * status). Only Dexie calls are awaited here: see the transaction rule in connection.ts.
 */
import type { Answer, Assessment } from '../domain/assessment';
import {
  ASSESSMENT_KEY,
  assessmentFieldValue,
  changedAnswerFields,
  changedAssessmentFields,
  historyEntrySchema,
  recordChanges,
  REVIEW_FIELD,
  type FieldChange,
  type HistoryEntry,
  type ReviewStatus,
} from '../domain/history';
import { reviewSchema } from '../domain/review';
import { readActor } from './actor';
import { newId, parseWith, sealedSetting, type MgiDatabase } from './connection';

export const parseHistoryEntry = parseWith<HistoryEntry>(historyEntrySchema);
export const parseReview = parseWith(reviewSchema);

/** Records field changes of one answer (or of the assessment) within the caller's transaction. */
export async function writeHistory(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  changes: FieldChange[],
  now: string,
  via?: HistoryEntry['via'],
): Promise<void> {
  if (changes.length === 0) return;
  const actor = await readActor(db);
  const sealed = (await db.settings.get(sealedSetting(assessmentId)))?.value;
  const existing = (await db.history.where('[assessmentId+indicatorId]').equals([assessmentId, indicatorId]).toArray())
    .map(parseHistoryEntry)
    .filter((e): e is HistoryEntry => e !== null);
  const { put, remove } = recordChanges(existing, changes, {
    assessmentId,
    actor,
    now,
    sealedAt: typeof sealed === 'string' ? sealed : null,
    newId,
    ...(via ? { via } : {}),
  });
  if (remove.length > 0) await db.history.bulkDelete(remove);
  if (put.length > 0) await db.history.bulkPut(put.map((e) => historyEntrySchema.parse(e)));
}

export function writeAnswerHistory(db: MgiDatabase, before: Answer, after: Answer, now: string, via?: HistoryEntry['via']): Promise<void> {
  const changes = changedAnswerFields(before, after).map((field) => ({ indicatorId: after.indicatorId, field, old: before[field], new: after[field] }));
  return writeHistory(db, after.assessmentId, after.indicatorId, changes, now, via);
}

export function writeAssessmentHistory(db: MgiDatabase, before: Assessment, after: Assessment, now: string): Promise<void> {
  const changes = changedAssessmentFields(before, after).map((field) => ({
    indicatorId: ASSESSMENT_KEY,
    field,
    old: assessmentFieldValue(before, field),
    new: assessmentFieldValue(after, field),
  }));
  return writeHistory(db, after.id, ASSESSMENT_KEY, changes, now);
}

/** The review status of one indicator, inside the caller's transaction. */
export async function readReviewStatus(db: MgiDatabase, assessmentId: string, indicatorId: string): Promise<ReviewStatus> {
  return parseReview(await db.reviews.get([assessmentId, indicatorId]))?.status ?? 'none';
}

/** Sets an indicator's review status within the caller's transaction, with a history entry. */
export async function writeReviewStatus(db: MgiDatabase, assessmentId: string, indicatorId: string, status: ReviewStatus, now: string): Promise<void> {
  const old = await readReviewStatus(db, assessmentId, indicatorId);
  if (old === status) return;
  await writeHistory(db, assessmentId, indicatorId, [{ indicatorId, field: REVIEW_FIELD, old, new: status }], now);
  await db.reviews.put(reviewSchema.parse({ assessmentId, indicatorId, status, updatedAt: now }));
  await db.assessments.update(assessmentId, { updatedAt: now });
}
