/**
 * Answers as stored: read, count, and the one write path for a change to an answer. Only Dexie calls
 * are awaited inside transactions (see connection.ts).
 */
import Dexie from 'dexie';
import { answerSchema, emptyAnswer, type Answer, type AnswerPatch } from '../domain/assessment';
import { answerFields, sameValue, type AnswerField, type HistoryEntry, type ReviewStatus } from '../domain/history';
import { readActor } from './actor';
import { parseAnswer, parseAssessment, writeAssessment } from './assessments';
import { database, guard, present, StorageError, type MgiDatabase, type Row } from './connection';
import { historyContextAfter, readHistoryContext, readReviewStatus, recordAnswerHistory, writeReviewStatus, type HistoryContext } from './history';

/**
 * How many indicators of each assessment have a real answer (not "Don't know yet"). Counted on the
 * [assessmentId+value] index, no answer read, so a list asks only for its visible rows. With
 * `catalogueIds`, only answers to indicators of the assessment's catalogue count: an answer left by an
 * indicator that was replaced stays stored and exported but is not progress ("4 of 118" was wrong).
 *
 * Those answers are found by the primary keys of the assessment's answers, read by primary-key range:
 * inside a live query Dexie then watches the range, where keys read from the value index were each
 * added to what it watches (50 ms of the home list's 270, for 50 assessments of 118 answers). Only
 * the few answers outside the catalogue, if any, are read, to see whether they count.
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
          const [withValue, unknown, outside] = await Promise.all([
            index.between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).count(),
            index.equals([id, 'unknown']).count(),
            known
              ? db.answers
                  .where(':id')
                  .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
                  .primaryKeys()
                  .then((keys) => keys.filter((k) => !known.has(String((k as [string, string])[1]))))
              : [],
          ]);
          const notCounted = outside.length === 0 ? 0 : (await db.answers.bulkGet(outside)).filter((row) => inCount(row?.value)).length;
          return [id, withValue - unknown - notCounted] as const;
        }),
      );
      return new Map(counts);
    });
  });
}

/** Whether the value index counts this stored value as an answer (a key, and not "Don't know yet"). */
const inCount = (value: unknown) => (typeof value === 'string' || typeof value === 'number') && value !== 'unknown';

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

/** What a change to one answer reads before it writes. */
interface AnswerInputs {
  row: Row | undefined;
  review: ReviewStatus;
  assessmentRow: Row | undefined;
  history: HistoryContext;
}

/**
 * Everything the change needs, asked for at once: one round trip to IndexedDB, whatever the answer's
 * history. Each round trip waits for the page's main thread, busy drawing the change the person just
 * made, so their number is what counts.
 */
function readInputs(db: MgiDatabase, assessmentId: string, indicatorId: string, fields: readonly string[], via: HistoryEntry['via']): Promise<AnswerInputs> {
  const actor = readActor(db);
  return Dexie.Promise.all([
    db.answers.get([assessmentId, indicatorId]),
    readReviewStatus(db, assessmentId, indicatorId),
    db.assessments.get(assessmentId),
    readHistoryContext(db, assessmentId, indicatorId, fields, via, actor),
  ]).then(([row, review, assessmentRow, history]) => ({ row, review, assessmentRow, history }));
}

const sameInputs = (a: AnswerInputs, b: AnswerInputs) =>
  sameValue(a.row, b.row) &&
  a.review === b.review &&
  sameValue(a.assessmentRow, b.assessmentRow) &&
  sameValue({ ...a.history, mine: [...a.history.mine].sort() }, { ...b.history, mine: [...b.history.mine].sort() });

/**
 * Writes what `inputs` call for, all at once (a second round trip only to reopen a validated answer).
 * Returns the stored answer and, when it can be known without reading, what the next change of the
 * same fields will read.
 */
async function writeFrom(
  db: MgiDatabase,
  inputs: AnswerInputs,
  assessmentId: string,
  indicatorId: string,
  patch: AnswerPatch,
  now: string,
  via: HistoryEntry['via'],
): Promise<{ next: Answer; after: AnswerInputs | null }> {
  const { row, review, assessmentRow, history } = inputs;
  if (via === undefined && history.actor.role === 'reviewer') throw new StorageError('notAllowed');
  const stored = parseAnswer(row) ?? emptyAnswer(assessmentId, indicatorId, now);
  const next = answerSchema.parse({ ...stored, ...patch, assessmentId, indicatorId, updatedAt: now });
  const changed = reviewedFields.some((f) => !sameValue(stored[f], next[f]));
  const reopens = changed && parseAssessment(assessmentRow)?.status === 'validated';
  // The row read above, put back with its new date: `update` would read it twice more.
  const datedRow = assessmentRow && !reopens ? { ...assessmentRow, updatedAt: now } : undefined;
  const [written] = await Promise.all([
    recordAnswerHistory(db, history, stored, next, now, via),
    db.answers.put(next),
    reopens ? writeAssessment(db, assessmentId, { status: 'draft', validatedBy: undefined, validatedAt: undefined }, now) : datedRow && db.assessments.put(datedRow),
  ]);
  // After the answer's own entries: both take the answer's next sequence number.
  const unreviews = changed && review === 'validated';
  if (unreviews) await writeReviewStatus(db, assessmentId, indicatorId, 'answered', now);
  const after =
    datedRow && !unreviews && via === undefined
      ? { row: next, review, assessmentRow: datedRow, history: historyContextAfter(db, history, indicatorId, Object.keys(patch), written) }
      : null;
  return { next, after };
}

/**
 * What the next change of an answer's fields will read, as this tab's last change of them left it,
 * by database, assessment, indicator and fields. In memory: a reload starts with none.
 */
const expected = new Map<string, AnswerInputs>();
const EXPECTED_MAX = 50;
const expectedKey = (db: MgiDatabase, assessmentId: string, indicatorId: string, patch: object) =>
  [db.name, assessmentId, indicatorId, ...Object.keys(patch).sort()].join('\u0000');

/** Another tab (or another path of this one) wrote what a change had expected to read; it starts again. */
class Unexpected extends Error {}

/**
 * Writes the changed fields of one answer inside the caller's transaction (see `answerTables`). Only
 * the fields in the patch are replaced, so two tabs editing different fields never overwrite each
 * other. Each changed field gets a history entry (who, role, device, when). A change to an answer a
 * reviewer validated reopens it for review, and a validated assessment returns to draft: what was
 * validated is no longer what is stored. A device whose person is an IOM reviewer changes answers only
 * through proposals the government team accepts (`via`), so a plain edit from it is refused, before
 * anything is written.
 *
 * `speculate` (from `saveAnswer`, which owns the transaction): when this tab changed the same fields
 * last, the writes are computed from what that change left and sent with the reads, in one round trip
 * instead of two. The reads are sent first, so they see the stored data as it was; if it is not what
 * was expected, `Unexpected` is thrown, the transaction is aborted (nothing written) and the caller
 * starts again without speculating.
 */
export async function writeAnswer(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  patch: AnswerPatch,
  now: string,
  via?: HistoryEntry['via'],
  speculate = false,
): Promise<Answer> {
  const key = expectedKey(db, assessmentId, indicatorId, patch);
  const guess = speculate && via === undefined ? expected.get(key) : undefined;
  expected.delete(key);
  const reading = readInputs(db, assessmentId, indicatorId, Object.keys(patch), via);
  let result: { next: Answer; after: AnswerInputs | null };
  if (guess) {
    const [inputs, written] = await Promise.all([reading, writeFrom(db, guess, assessmentId, indicatorId, patch, now, via)]);
    if (!sameInputs(inputs, guess)) throw new Unexpected();
    result = written;
  } else {
    result = await writeFrom(db, await reading, assessmentId, indicatorId, patch, now, via);
  }
  if (result.after) expect(key, result.after);
  return result.next;
}

function expect(key: string, inputs: AnswerInputs): void {
  expected.set(key, inputs);
  // The oldest first out: a long session touches many answers, the next change only a few.
  if (expected.size > EXPECTED_MAX) expected.delete(expected.keys().next().value!);
}

/**
 * Reads now what the first change of these fields of one answer will read, so that change too goes
 * in one round trip (see `writeAnswer`): for a screen that shows the answer, while the person reads
 * the question. Only reads; whatever changes before the change is made is caught by the comparison.
 */
export function expectChange(assessmentId: string, indicatorId: string, fields: readonly AnswerField[]): Promise<void> {
  return guard(async () => {
    const db = database();
    const key = expectedKey(db, assessmentId, indicatorId, Object.fromEntries(fields.map((f) => [f, null])));
    if (expected.has(key)) return;
    const inputs = await db.transaction('r', answerTables(db), () => readInputs(db, assessmentId, indicatorId, fields, undefined));
    // A change made meanwhile left a newer expectation; a reviewer's plain edit is refused anyway.
    if (!expected.has(key) && inputs.assessmentRow && inputs.history.actor.role !== 'reviewer') expect(key, inputs);
  });
}

/** Saves a person's change to one answer (refused from a reviewer's device: see `writeAnswer`). */
export function saveAnswer(assessmentId: string, indicatorId: string, patch: AnswerPatch, now = new Date().toISOString(), via?: HistoryEntry['via']): Promise<Answer> {
  return guard(async () => {
    const db = database();
    const save = (speculate: boolean) => db.transaction('rw', answerTables(db), () => writeAnswer(db, assessmentId, indicatorId, patch, now, via, speculate));
    try {
      return await save(true);
    } catch (error) {
      if (!(error instanceof Unexpected)) throw error;
      return save(false);
    }
  });
}
