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
 * The entry this tab last wrote for each field (by database, assessment, indicator and field), with its
 * sequence number. Only these are folded into by later edits (see `mayFold` in domain/history.ts). In
 * memory on purpose: another tab, or this tab after a reload, starts a new entry, so no one's version
 * is overwritten. An entry keeps its sequence number when folded into, so the number stays right.
 */
const ownEntries = new Map<string, { id: string; seq: number }>();
const ownKey = (db: MgiDatabase, assessmentId: string, indicatorId: string, field: string) => [db.name, assessmentId, indicatorId, field].join('\u0000');

/**
 * This tab's entries for the fields, and the sequence number reading starts from: the oldest of them,
 * or null (the latest entry only) when there is none. `readHistoryContext` reads by it and
 * `historyContextAfter` predicts that read, so both take it from here.
 */
function ownFor(db: MgiDatabase, assessmentId: string, indicatorId: string, fields: readonly string[]) {
  const own = fields.map((f) => ownEntries.get(ownKey(db, assessmentId, indicatorId, f))).filter((e) => e !== undefined);
  return { own, since: own.length > 0 ? Math.min(...own.map((e) => e.seq)) : null };
}

/** The ids of the entries read that this tab wrote (only those may be folded into). */
function mineOf(known: readonly HistoryEntry[], own: readonly { id: string }[]): ReadonlySet<string> {
  const ids = new Set(own.map((e) => e.id));
  return new Set(known.filter((e) => ids.has(e.id)).map((e) => e.id));
}

/** What recording a change to one answer (or the assessment) needs to have read first. */
export interface HistoryContext {
  assessmentId: string;
  actor: Actor;
  sealedAt: string | null;
  /** The answer's latest entry, this tab's own entries for the fields, and every entry since them. */
  known: HistoryEntry[];
  mine: ReadonlySet<string>;
}

/**
 * Reads what a change to these fields needs, in one round trip on the [assessmentId+indicatorId+seq]
 * index: the answer's latest entry (for the next sequence number) or, when this tab has entries for the
 * fields, everything from the oldest of them on (another tab's later edit of the same field must be seen
 * as the field's latest, so it is never folded over). Never the answer's whole history. `fields` may
 * name more fields than will change (a patch's keys): the caller asks before it knows what changed, so
 * that these reads go together with its own.
 */
export function readHistoryContext(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  fields: readonly string[],
  via?: HistoryEntry['via'],
  /** The person, when the caller has it already; read here otherwise. */
  knownActor?: Actor | Promise<Actor>,
): Promise<HistoryContext> {
  const bySeq = db.history.where('[assessmentId+indicatorId+seq]');
  const { own, since } = via ? { own: [], since: null } : ownFor(db, assessmentId, indicatorId, fields);
  // Dexie's own Promise, not an async function: each native await between the caller's reads and its
  // writes is one more hop Dexie must carry the transaction across, and nested ones lost it in tests.
  return Dexie.Promise.all([
    knownActor ?? readActor(db),
    db.settings.get(sealedSetting(assessmentId)),
    since === null
      ? bySeq.between([assessmentId, indicatorId, Dexie.minKey], [assessmentId, indicatorId, Dexie.maxKey], true, true).reverse().limit(1).toArray()
      : bySeq.between([assessmentId, indicatorId, since], [assessmentId, indicatorId, Dexie.maxKey], true, true).toArray(),
  ]).then(([actor, sealed, rows]) => {
    const known = rows.map(parseHistoryEntry).filter((e): e is HistoryEntry => e !== null && e.assessmentId === assessmentId && e.indicatorId === indicatorId);
    return { assessmentId, actor, sealedAt: typeof sealed?.value === 'string' ? sealed.value : null, known, mine: mineOf(known, own) };
  });
}

/** What `recordHistory` wrote: entries put (new or folded into) and ids of entries removed. */
export interface HistoryWritten {
  put: HistoryEntry[];
  remove: string[];
}

/** Writes the history entries for these changes, from what `readHistoryContext` read in the same transaction. */
export async function recordHistory(db: MgiDatabase, context: HistoryContext, changes: FieldChange[], now: string, via?: HistoryEntry['via']): Promise<HistoryWritten> {
  if (changes.length === 0) return { put: [], remove: [] };
  const { assessmentId, actor, sealedAt, known, mine } = context;
  const { put, remove } = recordChanges(known, changes, {
    assessmentId,
    actor,
    now,
    sealedAt,
    newId,
    mayFold: (entry) => mine.has(entry.id),
    ...(via ? { via } : {}),
  });
  // Never the same entry in both lists (one is removed when typed and undone, the others put), so both
  // requests go together.
  const parsed = put.map((e) => historyEntrySchema.parse(e));
  await Promise.all([remove.length > 0 && db.history.bulkDelete(remove), parsed.length > 0 && db.history.bulkPut(parsed)]);
  if (!via) {
    for (const id of remove) for (const [key, value] of ownEntries) if (value.id === id) ownEntries.delete(key);
    for (const e of put) ownEntries.set(ownKey(db, assessmentId, e.indicatorId, e.field), { id: e.id, seq: e.seq });
  }
  return { put: parsed, remove };
}

/**
 * What `readHistoryContext` will read for the same fields and no `via`, once `written` is stored and if
 * nobody else writes the answer's history meanwhile. It reads the entries from the oldest of this tab's
 * entries for the fields on (or the latest entry when there is none), and every one of those is either
 * in `context.known` already or was just written.
 */
export function historyContextAfter(db: MgiDatabase, context: HistoryContext, indicatorId: string, fields: readonly string[], written: HistoryWritten): HistoryContext {
  const byId = new Map(context.known.map((e) => [e.id, e]));
  for (const id of written.remove) byId.delete(id);
  for (const e of written.put) byId.set(e.id, e);
  const pool = [...byId.values()].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { own, since } = ownFor(db, context.assessmentId, indicatorId, fields);
  const known = since === null ? pool.slice(-1) : pool.filter((e) => e.seq >= since);
  return { ...context, known, mine: mineOf(known, own) };
}

/** Records field changes of one answer (or of the assessment) within the caller's transaction. */
export function writeHistory(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  changes: FieldChange[],
  now: string,
  via?: HistoryEntry['via'],
): Promise<void> {
  if (changes.length === 0) return Dexie.Promise.resolve();
  return readHistoryContext(db, assessmentId, indicatorId, changes.map((c) => c.field), via).then((context) => recordHistory(db, context, changes, now, via).then(() => undefined));
}

/** The history entries of a change to one answer, from a context read in the same transaction. */
export function recordAnswerHistory(db: MgiDatabase, context: HistoryContext, before: Answer, after: Answer, now: string, via?: HistoryEntry['via']): Promise<HistoryWritten> {
  const changes = changedAnswerFields(before, after).map((field) => ({ indicatorId: after.indicatorId, field, old: before[field], new: after[field] }));
  return recordHistory(db, context, changes, now, via);
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
