/**
 * Assessments as stored: list, create, change (with history), copy, delete with undo and purge.
 * Every read is parsed by the domain schemas; every write is one transaction, so a failure leaves
 * stored data as it was. Only Dexie calls are awaited inside transactions (see connection.ts).
 */
import { answerSchema, assessmentSchema, type Answer, type Assessment, type AssessmentSetup } from '../domain/assessment';
import { restoreAnswer, restoreAssessment, type Restored } from '../domain/restore';
import { database, exportedSetting, guard, newId, parseWith, present, sealedSetting, StorageError, syncSetting, type MgiDatabase } from './connection';
import { writeAssessmentHistory } from './history';

/** A stored row read repaired this session: its assessment, and its indicator for an answer. */
export interface RepairedRow {
  assessmentId: string;
  indicatorId?: string;
}

const repairedKeys = new Set<string>();
// Replaced (never changed in place) on each new repair, so a screen can tell that something changed.
let repaired: readonly RepairedRow[] = [];
const repairListeners = new Set<() => void>();

/** How many distinct stored rows were read repaired this session (see domain/restore.ts). */
export const repairedRowCount = (): number => repairedKeys.size;
/** The rows read repaired this session, in the order they were found; the same list until another is found. */
export const repairedRows = (): readonly RepairedRow[] => repaired;
/** Calls `listener` whenever another repaired row is found; returns the unsubscribe. */
export function onRepair(listener: () => void): () => void {
  repairListeners.add(listener);
  return () => repairListeners.delete(listener);
}

function noteRepairs(key: string, row: RepairedRow, restored: Restored<unknown> | null): void {
  if (!restored?.repaired.length || repairedKeys.has(key)) return;
  repairedKeys.add(key);
  repaired = [...repaired, row];
  // Reported once per row: the team's data is shown and kept, the person is told (see app/storage-notices),
  // and a developer can see what was fixed.
  console.warn(`Stored ${key} restored; repaired: ${restored.repaired.join(', ')}`);
  for (const listener of repairListeners) listener();
}

/**
 * Every stored read goes through these: a row that no longer parses is repaired field by field (kept,
 * never dropped); null only for a missing row or one without its keys.
 */
export function parseAssessment(row: unknown): Assessment | null {
  const restored = restoreAssessment(row);
  if (restored) noteRepairs(`assessment ${restored.value.id}`, { assessmentId: restored.value.id }, restored);
  return restored?.value ?? null;
}
export function parseAnswer(row: unknown): Answer | null {
  const restored = restoreAnswer(row);
  if (restored) {
    const { assessmentId, indicatorId } = restored.value;
    noteRepairs(`answer ${assessmentId}/${indicatorId}`, { assessmentId, indicatorId }, restored);
  }
  return restored?.value ?? null;
}

/**
 * Reads every stored assessment once, so a damaged one is reported when the app starts; returns how
 * many rows were found repaired so far. Answers are not read here: a device may hold tens of thousands,
 * and the first screen loads little. A damaged answer is reported as soon as its assessment is opened
 * (every read restores and reports). Nothing is written: a repaired row is stored whole at its next edit.
 */
export function checkStoredRows(): Promise<number> {
  return guard(async () => {
    await database().assessments.each((row) => void parseAssessment(row));
    return repairedRowCount();
  });
}

/** Data from outside storage (the demonstration) is parsed strictly: refused, never repaired. */
const strictAssessment = parseWith<Assessment>(assessmentSchema);
const strictAnswer = parseWith<Answer>(answerSchema);

/** Assessments not deleted, newest change first. Answers are not read: see `countAnswered`. */
export function listAssessments(): Promise<Assessment[]> {
  return guard(async () => {
    // Every row, not the updatedAt index: a row whose date is missing is not in that index and would
    // vanish from the list. Sorted after restoring (a repaired date sorts last).
    const rows = (await database().assessments.toArray()).map(parseAssessment);
    return rows.filter((a): a is Assessment => a !== null && !a.deletedAt).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  });
}

export function getAssessment(id: string): Promise<Assessment | null> {
  return guard(async () => parseAssessment(await database().assessments.get(id)));
}

export function createAssessment(setup: AssessmentSetup, catalogueVersion: string, now = new Date().toISOString()): Promise<Assessment> {
  const assessment = assessmentSchema.parse({
    ...setup,
    id: newId(),
    catalogueVersion,
    status: 'draft',
    archived: false,
    createdAt: now,
    updatedAt: now,
  });
  return guard(async () => {
    await database().assessments.add(assessment);
    return assessment;
  });
}

export type AssessmentPatch = Partial<Omit<Assessment, 'id' | 'createdAt'>>;

/**
 * Applies a change to an assessment's own fields inside the caller's transaction (tables: assessments,
 * history, settings); the result is parsed before it is written and each changed field gets a history
 * entry. A key present with `undefined` removes that field.
 */
export async function writeAssessment(db: MgiDatabase, id: string, patch: AssessmentPatch, now: string): Promise<Assessment> {
  const stored = parseAssessment(await db.assessments.get(id));
  if (!stored) throw new StorageError('damaged');
  const merged: Record<string, unknown> = { ...stored, ...patch, updatedAt: now };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const next = assessmentSchema.parse(merged);
  await writeAssessmentHistory(db, stored, next, now);
  await db.assessments.put(next);
  return next;
}

/** Applies a change to an assessment's own fields; the result is parsed before it is written. */
export function updateAssessment(id: string, patch: AssessmentPatch, now = new Date().toISOString()): Promise<Assessment> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', db.assessments, db.history, db.settings, () => writeAssessment(db, id, patch, now));
  });
}

/** Copies an assessment and all its answers into a new draft, e.g. to start a follow-up assessment. */
export function duplicateAssessment(id: string, changes: Partial<AssessmentSetup>, now = new Date().toISOString()): Promise<Assessment> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', db.assessments, db.answers, async () => {
      const source = parseAssessment(await db.assessments.get(id));
      if (!source) throw new StorageError('damaged');
      const { validatedBy: _by, validatedAt: _at, deletedAt: _deleted, ...rest } = source;
      const copy = assessmentSchema.parse({ ...rest, ...changes, id: newId(), status: 'draft', archived: false, createdAt: now, updatedAt: now });
      const answers = (await db.answers.where('assessmentId').equals(id).toArray()).map(parseAnswer).filter(present);
      await db.assessments.add(copy);
      await db.answers.bulkAdd(answers.map((a) => ({ ...a, assessmentId: copy.id })));
      return copy;
    });
  });
}

/**
 * Stores a complete assessment with its answers (e.g. the demonstration assessment) in one transaction:
 * everything is parsed first, so a bad record stores nothing, and an existing id is refused, never
 * overwritten.
 */
export async function addAssessmentWithAnswers(assessment: Assessment, answers: readonly Answer[]): Promise<Assessment> {
  const stored = strictAssessment(assessment);
  const rows = answers.map(strictAnswer).filter(present);
  if (!stored || rows.length !== answers.length || rows.some((a) => a.assessmentId !== stored.id)) throw new StorageError('damaged');
  return guard(async () => {
    const db = database();
    await db.transaction('rw', db.assessments, db.answers, async () => {
      await db.assessments.add(stored);
      await db.answers.bulkAdd(rows);
    });
    return stored;
  });
}

/** Deleting is two-step so the home screen can offer undo: mark now, purge later. */
export function markDeleted(id: string, deleted: boolean, now = new Date().toISOString()): Promise<void> {
  return guard(async () => {
    const db = database();
    await db.transaction('rw', db.assessments, async () => {
      const stored = parseAssessment(await db.assessments.get(id));
      if (!stored) return;
      const { deletedAt: _, ...rest } = stored;
      await db.assessments.put(deleted ? { ...rest, deletedAt: now } : rest);
    });
  });
}

/** Removes assessments marked deleted before `before` (so this session's deletions can still be undone). */
export function purgeDeleted(before = new Date().toISOString()): Promise<number> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', [db.assessments, db.answers, db.history, db.reviews, db.comments, db.proposals, db.settings], async () => {
      const rows = (await db.assessments.toArray()).filter((r) => typeof r.deletedAt === 'string' && r.deletedAt < before);
      for (const row of rows) {
        const id = String(row.id);
        for (const table of [db.answers, db.history, db.reviews, db.comments, db.proposals]) {
          await table.where('assessmentId').equals(id).delete();
        }
        await db.settings.bulkDelete([sealedSetting(id), exportedSetting(id), syncSetting(id)]);
        await db.assessments.delete(id);
      }
      return rows.length;
    });
  });
}
