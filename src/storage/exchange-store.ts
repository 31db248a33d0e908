/**
 * Export and import of assessments between laptops. The file is read and validated before this module
 * sees it (domain/exchange.ts); here an import is one transaction: it reads what is on the device,
 * merges (domain/merge.ts) and writes, or writes nothing at all. While conflicts wait for a person, it
 * writes nothing; the person's decisions are applied by importing again with them, and the merge is
 * recomputed in that transaction, so a change made meanwhile on this device is never overwritten.
 */
import type { AssessmentFile } from '../domain/assessment-file';
import { answerSchema, assessmentSchema, type Assessment } from '../domain/assessment';
import { buildFile, fileToSnapshot } from '../domain/exchange';
import { detail, ExchangeError } from '../domain/exchange-problem';
import { historyEntrySchema, sameValue, type HistoryEntry } from '../domain/history';
import { mergeSnapshots, sameAssessment, type Conflict, type Decision, type MergeOutcome, type Snapshot } from '../domain/merge';
import { commentSchema, proposalSchema, reviewSchema } from '../domain/review';
import { readActor } from './actor';
import { parseAnswer, parseAssessment } from './assessments';
import { database, guard, newId, present, sealedSetting, type MgiDatabase } from './connection';
import { parseHistoryEntry } from './history';
import { parseComment, parseProposal, parseReview } from './review-store';

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExchangeError) throw error;
    return guard(() => Promise.reject(error));
  }
}

const allTables = (db: MgiDatabase) => [db.assessments, db.answers, db.reviews, db.comments, db.proposals, db.history, db.settings];

async function readSnapshotIn(db: MgiDatabase, assessmentId: string): Promise<Snapshot | null> {
  const rows = (table: typeof db.answers | typeof db.reviews | typeof db.comments | typeof db.proposals | typeof db.history) =>
    table.where('assessmentId').equals(assessmentId).toArray();
  // The reads are independent: issued together, IndexedDB serves them in one go.
  const [assessment, answers, reviews, comments, proposals, history] = await Promise.all([
    db.assessments.get(assessmentId),
    rows(db.answers),
    rows(db.reviews),
    rows(db.comments),
    rows(db.proposals),
    rows(db.history),
  ]);
  // Repaired, not refused: an assessment with one bad field is still exported with all its work.
  const parsed = parseAssessment(assessment);
  if (!parsed) return null;
  return {
    assessment: parsed,
    answers: answers.map(parseAnswer).filter(present),
    reviews: reviews.map(parseReview).filter(present),
    comments: comments.map(parseComment).filter(present),
    proposals: proposals.map(parseProposal).filter(present),
    history: history.map(parseHistoryEntry).filter(present),
  };
}

/** Everything stored about one assessment, parsed; null when there is no such assessment. */
export function readSnapshot(assessmentId: string): Promise<Snapshot | null> {
  return run(async () => {
    const db = database();
    return db.transaction('r', [db.assessments, db.answers, db.reviews, db.comments, db.proposals, db.history], () => readSnapshotIn(db, assessmentId));
  });
}

/**
 * The exchange file of an assessment. Afterwards this device never folds later edits into history
 * entries the file carries (see canCoalesce in domain/history.ts).
 */
export function exportAssessment(assessmentId: string, now = new Date().toISOString()): Promise<AssessmentFile> {
  return run(async () => {
    const db = database();
    const { snapshot, actor } = await db.transaction('rw', allTables(db), async () => ({
      snapshot: await readSnapshotIn(db, assessmentId),
      actor: await readActor(db),
    }));
    if (!snapshot) throw new ExchangeError('notAssessmentFile');
    const latest = snapshot.history.reduce((max, e) => (Date.parse(e.at) > Date.parse(max) ? e.at : max), now);
    await db.settings.put({ key: sealedSetting(assessmentId), value: latest });
    return buildFile(snapshot, actor, now);
  });
}

export type FileResult =
  | { kind: 'created'; assessment: Assessment }
  | { kind: 'unchanged'; assessment: Assessment }
  | { kind: 'merged'; assessment: Assessment; outcome: MergeOutcome }
  /** This file was not applied (the others were); nothing of it was written. */
  | { kind: 'failed'; error: ExchangeError };

export interface BatchResult {
  /** One result per file applied, in order; all written in one transaction. */
  results: FileResult[];
  /**
   * A file whose conflicts need a person's decisions: its index in the batch and its conflicts. That
   * file and the ones after it were not applied; import them again with the decisions.
   */
  pending: { index: number; assessment: Assessment; conflicts: Conflict[] } | null;
}

interface Working {
  original: Snapshot | null;
  current: Snapshot;
}

/**
 * Imports validated files (e.g. one per laptop after a workshop) in one transaction: a new assessment
 * is added whole, an assessment already on this device is merged, file after file, in memory; then
 * only the rows that differ from what was stored are written. `decisions` (by conflict fingerprint)
 * settle conflicts shown earlier; they are recomputed here, so a change made on this device meanwhile
 * is never overwritten by a stale decision.
 */
export function importFiles(files: AssessmentFile[], decisions: Readonly<Record<string, Decision>> = {}, now = new Date().toISOString()): Promise<BatchResult> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', allTables(db), async (): Promise<BatchResult> => {
      const actor = await readActor(db);
      const working = new Map<string, Working>();
      const results: FileResult[] = [];
      let pending: BatchResult['pending'] = null;
      for (const [index, file] of files.entries()) {
        const id = file.assessment.id;
        let work = working.get(id);
        if (!work) {
          const local = await readSnapshotIn(db, id);
          if (local) {
            work = { original: local, current: local };
            working.set(id, work);
          }
        }
        if (!work) {
          const national = file.assessment.nationalAssessmentId;
          // A link to a national assessment only means something on the laptop that has it.
          const keepLink = national !== undefined && (await db.assessments.get(national)) !== undefined;
          const { nationalAssessmentId: _, ...rest } = file.assessment;
          const assessment = assessmentSchema.parse({ ...rest, ...(keepLink ? { nationalAssessmentId: national } : {}), archived: false });
          const problem = await idsTaken(db, id, file);
          if (problem) {
            results.push({ kind: 'failed', error: problem });
            continue;
          }
          working.set(id, { original: null, current: { ...fileToSnapshot(file), assessment } });
          results.push({ kind: 'created', assessment });
          continue;
        }
        if (work.current.assessment.level !== file.assessment.level) {
          results.push({ kind: 'failed', error: new ExchangeError('levelMismatch') });
          continue;
        }
        if (!sameAssessment(work.current.assessment, file.assessment)) {
          // The same id on an assessment created elsewhere: another assessment's content relabelled.
          results.push({ kind: 'failed', error: new ExchangeError('inconsistent', detail('notSameAssessment')) });
          continue;
        }
        const outcome = mergeSnapshots(work.current, fileToSnapshot(file), { actor, now, newId, decisions });
        if (outcome.undecided.length > 0) {
          pending = { index, assessment: work.current.assessment, conflicts: outcome.undecided };
          break;
        }
        const problem = await idsTaken(db, id, fileToSnapshot(file));
        if (problem) {
          results.push({ kind: 'failed', error: problem });
          continue;
        }
        let next = outcome.snapshot;
        if (next.assessment.deletedAt !== undefined) {
          // Importing an assessment deleted here (and not yet purged) brings it back.
          const { deletedAt: _, ...assessment } = next.assessment;
          next = { ...next, assessment };
        }
        const changed = outcome.changed || next.assessment !== outcome.snapshot.assessment;
        work.current = next;
        results.push(changed ? { kind: 'merged', assessment: next.assessment, outcome } : { kind: 'unchanged', assessment: next.assessment });
      }
      for (const work of working.values()) await writeDifference(db, work);
      return { results, pending };
    });
  });
}

export type ImportResult = Exclude<FileResult, { kind: 'failed' }> | { kind: 'conflicts'; assessment: Assessment; conflicts: Conflict[] };

/** One file: as importFiles, throwing the file's ExchangeError instead of reporting it. */
export async function importFile(file: AssessmentFile, decisions: Readonly<Record<string, Decision>> = {}, now = new Date().toISOString()): Promise<ImportResult> {
  const { results, pending } = await importFiles([file], decisions, now);
  if (pending) return { kind: 'conflicts', assessment: pending.assessment, conflicts: pending.conflicts };
  const [result] = results;
  if (!result) throw new ExchangeError('notAssessmentFile');
  if (result.kind === 'failed') throw result.error;
  return result;
}

/** Comment, proposal and history ids are global keys: a file must not reuse another assessment's. */
async function idsTaken(db: MgiDatabase, assessmentId: string, rows: Pick<Snapshot, 'comments' | 'proposals' | 'history'>): Promise<ExchangeError | null> {
  const pairs = [
    [db.comments, rows.comments],
    [db.proposals, rows.proposals],
    [db.history, rows.history],
  ] as const;
  for (const [table, list] of pairs) {
    if (list.length === 0) continue;
    // This assessment's own ids first, keys only: in a merge nearly every row of the file is already
    // here, and reading each one whole to learn that cost a fifth of a ten-file import. Only the rest
    // are read, to see whether another assessment has them.
    const own = new Set(await table.where('assessmentId').equals(assessmentId).primaryKeys());
    const others = list.map((r) => r.id).filter((id) => !own.has(id));
    if (others.length === 0) continue;
    const existing = await table.bulkGet(others);
    if (existing.some((row) => row !== undefined && row.assessmentId !== assessmentId)) {
      return new ExchangeError('inconsistent', detail('idTaken'));
    }
  }
  return null;
}

/** Writes the rows of `current` that are new or differ from `original` (everything for a new assessment). */
async function writeDifference(db: MgiDatabase, { original, current }: Working): Promise<void> {
  const changed = <T>(rows: T[], before: T[] | undefined, key: (row: T) => string): T[] => {
    if (!before) return rows;
    const old = new Map(before.map((row) => [key(row), row]));
    return rows.filter((row) => {
      const stored = old.get(key(row));
      return stored === undefined || !sameValue(stored, row);
    });
  };
  if (!original || !sameValue(original.assessment, current.assessment)) await db.assessments.put(assessmentSchema.parse(current.assessment));
  const answers = changed(current.answers, original?.answers, (a) => a.indicatorId);
  const reviews = changed(current.reviews, original?.reviews, (r) => r.indicatorId);
  const comments = changed(current.comments, original?.comments, (c) => c.id);
  const proposals = changed(current.proposals, original?.proposals, (p) => p.id);
  const known = new Set(original?.history.map((e) => e.id));
  const history = current.history.filter((e) => !known.has(e.id));
  if (answers.length > 0) await db.answers.bulkPut(answers.map((a) => answerSchema.parse(a)));
  if (reviews.length > 0) await db.reviews.bulkPut(reviews.map((r) => reviewSchema.parse(r)));
  if (comments.length > 0) await db.comments.bulkPut(comments.map((c) => commentSchema.parse(c)));
  if (proposals.length > 0) await db.proposals.bulkPut(proposals.map((p) => proposalSchema.parse(p)));
  if (history.length > 0) await db.history.bulkPut(history.map((e: HistoryEntry) => historyEntrySchema.parse(e)));
}
