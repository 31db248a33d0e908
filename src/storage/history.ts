/**
 * The history of changes as storage writes it: one entry per changed field, inside the caller's
 * transaction (which must include `history` and `settings`, and `reviews`/`assessments` for a review
 * status). Only Dexie calls are awaited here: see the transaction rule in connection.ts.
 */
import Dexie from 'dexie';
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
  type Actor,
  type HistoryEntry,
  type ReviewStatus,
} from '../domain/history';
import { reviewSchema } from '../domain/review';
import { readActor } from './actor';
import { newId, parseWith, sealedSetting, type MgiDatabase } from './connection';

export const parseHistoryEntry = parseWith<HistoryEntry>(historyEntrySchema);
export const parseReview = parseWith(reviewSchema);

/**
 * The entry this tab last wrote for each field (by database, assessment, indicator and field). Only
 * these are folded into by later edits (see `mayFold` in domain/history.ts). In memory on purpose:
 * another tab, or this tab after a reload, starts a new entry, so no one's version is overwritten.
 */
const ownEntries = new Map<string, string>();
const ownKey = (db: MgiDatabase, assessmentId: string, indicatorId: string, field: string) => [db.name, assessmentId, indicatorId, field].join('\u0000');

/**
 * Records field changes of one answer (or of the assessment) within the caller's transaction. Reads
 * only what the change needs, on the [assessmentId+indicatorId+seq] index: the answer's latest entry
 * (for the next sequence number) and, per changed field, the entry this tab wrote last and anything
 * newer, never the answer's whole history.
 */
export async function writeHistory(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  changes: FieldChange[],
  now: string,
  via?: HistoryEntry['via'],
  /** The person, when the caller has read it already in this transaction. */
  knownActor?: Actor,
): Promise<void> {
  if (changes.length === 0) return;
  const bySeq = db.history.where('[assessmentId+indicatorId+seq]');
  const answerRange = (from: number | typeof Dexie.minKey) => bySeq.between([assessmentId, indicatorId, from], [assessmentId, indicatorId, Dexie.maxKey], true, true);
  const ownIds = via ? [] : changes.map((c) => ownEntries.get(ownKey(db, assessmentId, c.indicatorId, c.field))).filter((id): id is string => id !== undefined);
  const [actor, sealed, latest, own] = await Promise.all([
    knownActor ?? readActor(db),
    db.settings.get(sealedSetting(assessmentId)),
    answerRange(Dexie.minKey).last(),
    db.history.bulkGet(ownIds),
  ]);
  const ownLast = own.map(parseHistoryEntry).filter((e): e is HistoryEntry => e !== null && e.assessmentId === assessmentId && e.indicatorId === indicatorId);
  // Entries written after the oldest of this tab's own (usually none): another tab's later edit of the
  // same field must be seen as the field's latest, so it is never folded over.
  const since = ownLast.length > 0 ? Math.min(...ownLast.map((e) => e.seq)) : null;
  const newer = since === null ? [] : (await answerRange(since).toArray()).map(parseHistoryEntry).filter((e): e is HistoryEntry => e !== null);
  const known = new Map([...ownLast, ...newer, ...(latest ? [parseHistoryEntry(latest)].filter((e): e is HistoryEntry => e !== null) : [])].map((e) => [e.id, e]));
  const mine = new Set(ownLast.map((e) => e.id));
  const { put, remove } = recordChanges([...known.values()], changes, {
    assessmentId,
    actor,
    now,
    sealedAt: typeof sealed?.value === 'string' ? sealed.value : null,
    newId,
    mayFold: (entry) => mine.has(entry.id),
    ...(via ? { via } : {}),
  });
  if (remove.length > 0) await db.history.bulkDelete(remove);
  if (put.length > 0) await db.history.bulkPut(put.map((e) => historyEntrySchema.parse(e)));
  if (!via) {
    for (const id of remove) for (const [key, value] of ownEntries) if (value === id) ownEntries.delete(key);
    for (const e of put) ownEntries.set(ownKey(db, assessmentId, e.indicatorId, e.field), e.id);
  }
}

export function writeAnswerHistory(db: MgiDatabase, before: Answer, after: Answer, now: string, via?: HistoryEntry['via'], actor?: Actor): Promise<void> {
  const changes = changedAnswerFields(before, after).map((field) => ({ indicatorId: after.indicatorId, field, old: before[field], new: after[field] }));
  return writeHistory(db, after.assessmentId, after.indicatorId, changes, now, via, actor);
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
