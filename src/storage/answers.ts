/**
 * Answers as stored: read, count, and the one write path for a change to an answer. Only Dexie calls
 * are awaited inside transactions (see connection.ts).
 */
import Dexie from 'dexie';
import { answerSchema, emptyAnswer, type Answer, type AnswerPatch } from '../domain/assessment';
import { answerFields, sameValue, type AnswerField, type HistoryEntry } from '../domain/history';
import { readActor } from './actor';
import { parseAnswer, parseAssessment, writeAssessment } from './assessments';
import { database, guard, present, StorageError, type MgiDatabase } from './connection';
import { readHistoryContext, readReviewStatus, recordAnswerHistory, writeReviewStatus } from './history';

/**
 * How many indicators of each assessment have a real answer (not "Don't know yet"). Counted on the
 * [assessmentId+value] index, no answer read, so a list asks only for its visible rows. With
 * `catalogueIds`, only answers to indicators of the assessment's catalogue count: an answer left by an
 * indicator that was replaced stays stored and exported but is not progress ("4 of 118" was wrong).
 */
export function countAnswered(
  assessmentIds: readonly string[],
  catalogueIds?: (assessmentId: string) => ReadonlySet<string> | undefined,
): Promise<Map<string, number>> {
  return guard(async () => {
    const db = database();
    return db.transaction('r', db.answers, async () => {
      const index = db.answers.where('[assessmentId+value]');
      // As isAnswered in domain/assessment.ts: every value but "Don't know yet". An answer with no
      // value has no key in this index, so it is not counted at all.
      const counts = await Promise.all(
        assessmentIds.map(async (id) => {
          const known = catalogueIds?.(id);
          if (known) {
            // Keys only (assessment and indicator ids), still no answer read.
            const [withValue, unknown] = await Promise.all([
              index.between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).primaryKeys(),
              index.equals([id, 'unknown']).primaryKeys(),
            ]);
            const inCatalogue = (keys: unknown[]) => keys.filter((k) => known.has(String((k as [string, string])[1]))).length;
            return [id, inCatalogue(withValue) - inCatalogue(unknown)] as const;
          }
          const [withValue, unknown] = await Promise.all([
            index.between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).count(),
            index.equals([id, 'unknown']).count(),
          ]);
          return [id, withValue - unknown] as const;
        }),
      );
      return new Map(counts);
    });
  });
}

export function getAnswers(assessmentId: string): Promise<Answer[]> {
  return guard(async () => (await database().answers.where('assessmentId').equals(assessmentId).toArray()).map(parseAnswer).filter(present));
}

/** One stored answer, or null when the indicator has not been answered. */
export function getAnswer(assessmentId: string, indicatorId: string): Promise<Answer | null> {
  return guard(async () => parseAnswer(await database().answers.get([assessmentId, indicatorId])));
}

/** The tables a change to an answer touches; a caller's transaction must include them all. */
export const answerTables = (db: MgiDatabase) => [db.answers, db.assessments, db.history, db.settings, db.reviews];

/** Fields whose change means the answer is no longer what a reviewer validated ("follow-up" is a team note). */
const reviewedFields: readonly AnswerField[] = answerFields.filter((f) => f !== 'followUp');

/**
 * Writes the changed fields of one answer inside the caller's transaction (see `answerTables`). Only
 * the fields in the patch are replaced, so two tabs editing different fields never overwrite each
 * other. Each changed field gets a history entry (who, role, device, when). A change to an answer a
 * reviewer validated reopens it for review, and a validated assessment returns to draft: what was
 * validated is no longer what is stored. A device whose person is an IOM reviewer changes answers only
 * through proposals the government team accepts (`via`), so a plain edit from it is refused, before
 * anything is written.
 */
export async function writeAnswer(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  patch: AnswerPatch,
  now: string,
  via?: HistoryEntry['via'],
): Promise<Answer> {
  // Everything the change needs is asked for at once, and everything it writes is written at once: two
  // round trips to IndexedDB, whatever the answer's history. Each round trip waits for the page's main
  // thread, which is busy drawing the change the person just made, so their number is what counts.
  const actor = readActor(db);
  const [row, review, assessmentRow, history] = await Promise.all([
    db.answers.get([assessmentId, indicatorId]),
    readReviewStatus(db, assessmentId, indicatorId),
    db.assessments.get(assessmentId),
    readHistoryContext(db, assessmentId, indicatorId, Object.keys(patch), via, actor),
  ]);
  if (via === undefined && history.actor.role === 'reviewer') throw new StorageError('notAllowed');
  const stored = parseAnswer(row) ?? emptyAnswer(assessmentId, indicatorId, now);
  const next = answerSchema.parse({ ...stored, ...patch, assessmentId, indicatorId, updatedAt: now });
  const changed = reviewedFields.some((f) => !sameValue(stored[f], next[f]));
  const assessment = parseAssessment(assessmentRow);
  await Promise.all([
    recordAnswerHistory(db, history, stored, next, now, via),
    db.answers.put(next),
    changed && assessment?.status === 'validated'
      ? writeAssessment(db, assessmentId, { status: 'draft', validatedBy: undefined, validatedAt: undefined }, now)
      : // The row read above, put back with its new date: `update` would read it twice more.
        assessmentRow && db.assessments.put({ ...assessmentRow, updatedAt: now }),
  ]);
  // After the answer's own entries: both take the answer's next sequence number.
  if (changed && review === 'validated') await writeReviewStatus(db, assessmentId, indicatorId, 'answered', now);
  return next;
}

/** Saves a person's change to one answer (refused from a reviewer's device: see `writeAnswer`). */
export function saveAnswer(assessmentId: string, indicatorId: string, patch: AnswerPatch, now = new Date().toISOString(), via?: HistoryEntry['via']): Promise<Answer> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', answerTables(db), () => writeAnswer(db, assessmentId, indicatorId, patch, now, via));
  });
}
