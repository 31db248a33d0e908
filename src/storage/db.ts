/**
 * The only module that talks to IndexedDB (through Dexie). Every read is parsed by the domain schemas;
 * every write goes through a transaction so a failure leaves stored data as it was.
 *
 * DATA SAFETY: never edit an existing db.version(n) block. A change of shape is a new version with an
 * upgrade function, tested by an upgrade test in db.test.ts.
 */
import Dexie, { type Table } from 'dexie';
import {
  answerSchema,
  assessmentSchema,
  emptyAnswer,
  type Answer,
  type AnswerPatch,
  type Assessment,
  type AssessmentSetup,
} from '../domain/assessment';
import type { Actor, HistoryEntry } from '../domain/history';

/**
 * History writing (schemas, the coalescing rules) is loaded on the first write, not with the first
 * screen. It must be loaded before a transaction opens: awaiting a module inside one would end it.
 */
const historyWriter = () => import('./history');
/** Fetches the write path ahead of the first change (called when the browser is idle). */
export const preloadWriters = (): Promise<unknown> => historyWriter();

export const DB_NAME = 'mgi-assessments';

type Row = Record<string, unknown>;

export class MgiDatabase extends Dexie {
  assessments!: Table<Row, string>;
  answers!: Table<Row, [string, string]>;
  settings!: Table<Row, string>;
  history!: Table<Row, string>;
  reviews!: Table<Row, [string, string]>;
  comments!: Table<Row, string>;
  proposals!: Table<Row, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: the first vertical slice (no archive flag, no validation status).
    this.version(1).stores({
      assessments: 'id, updatedAt',
      answers: '[assessmentId+indicatorId], assessmentId',
    });
    // Version 2: archive and validation status on assessments; a settings table for device settings.
    this.version(2)
      .stores({
        assessments: 'id, updatedAt',
        answers: '[assessmentId+indicatorId], assessmentId',
        settings: 'key',
      })
      .upgrade((tx) =>
        tx
          .table('assessments')
          .toCollection()
          .modify((row: Row) => {
            row.archived ??= false;
            row.status ??= 'draft';
          }),
      );
    // Version 3: who changed what (history), review by IOM missions, for exchange between laptops.
    // New tables only; earlier tables are kept as they are.
    this.version(3).stores({
      // (The value index served the home list's counts until version 4 replaced it.)
      answers: '[assessmentId+indicatorId], assessmentId, value',
      history: 'id, assessmentId, [assessmentId+indicatorId]',
      reviews: '[assessmentId+indicatorId], assessmentId',
      comments: 'id, assessmentId, [assessmentId+indicatorId]',
      proposals: 'id, assessmentId, [assessmentId+indicatorId]',
    });
    // Version 4: answers counted per assessment by value, so the home list counts only the rows it
    // shows, natively, instead of walking every answer on the device.
    this.version(4).stores({
      answers: '[assessmentId+indicatorId], assessmentId, [assessmentId+value]',
    });
  }
}

export type StorageProblem = 'unavailable' | 'quota' | 'damaged' | 'unknown';

/** A storage failure the UI can name in the user's language. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause?: unknown,
  ) {
    super(`storage: ${problem}`, { cause });
    this.name = 'StorageError';
  }
}

function classify(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  // By name, not by class: a DOMException is not an Error everywhere.
  const name = typeof (error as { name?: unknown } | null)?.name === 'string' ? (error as { name: string }).name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if ([name, inner].some((n) => n === 'QuotaExceededError')) return new StorageError('quota', error);
  if ([name, inner].some((n) => ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError', 'DatabaseClosedError'].includes(n))) {
    return new StorageError('unavailable', error);
  }
  return new StorageError('unknown', error);
}

export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classify(error);
  }
}

let current: MgiDatabase | null = null;
/** The device database, opened on first use. Tests make a fresh one current with `setDatabase`. */
export function database(): MgiDatabase {
  current ??= new MgiDatabase();
  return current;
}
export function setDatabase(db: MgiDatabase): void {
  current = db;
}

function parseAssessment(row: unknown): Assessment | null {
  const parsed = assessmentSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}
function parseAnswer(row: unknown): Answer | null {
  const parsed = answerSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/** Assessments not deleted, newest change first. Answers are not read: see `countAnswered`. */
export function listAssessments(): Promise<Assessment[]> {
  return guard(async () => {
    const rows = await database().assessments.orderBy('updatedAt').reverse().toArray();
    return rows.map(parseAssessment).filter((a): a is Assessment => a !== null && !a.deletedAt);
  });
}

/**
 * How many indicators of each assessment have a real answer (not "Don't know yet"). Counted by the
 * database on the [assessmentId+value] index, no answer read, so a list asks only for its visible rows.
 */
export function countAnswered(assessmentIds: readonly string[]): Promise<Map<string, number>> {
  return guard(async () => {
    const db = database();
    return db.transaction('r', db.answers, async () => {
      const index = db.answers.where('[assessmentId+value]');
      // As isAnswered in domain/assessment.ts: every value but "Don't know yet". An answer with no
      // value has no key in this index, so it is not counted at all.
      const counts = await Promise.all(
        assessmentIds.map(async (id) => {
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

export function getAssessment(id: string): Promise<Assessment | null> {
  return guard(async () => parseAssessment(await database().assessments.get(id)));
}

export function newId(): string {
  return crypto.randomUUID();
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

/** Applies a change to an assessment's own fields; the result is parsed before it is written. */
export function updateAssessment(
  id: string,
  patch: Partial<Omit<Assessment, 'id' | 'createdAt'>>,
  now = new Date().toISOString(),
): Promise<Assessment> {
  return guard(async () => {
    const db = database();
    const { writeAssessmentHistory } = await historyWriter();
    return db.transaction('rw', db.assessments, db.history, db.settings, async () => {
      const stored = parseAssessment(await db.assessments.get(id));
      if (!stored) throw new StorageError('damaged');
      const next = assessmentSchema.parse({ ...stored, ...patch, updatedAt: now });
      await writeAssessmentHistory(db, stored, next, now);
      await db.assessments.put(next);
      return next;
    });
  });
}

/** Copies an assessment and all its answers into a new draft, e.g. to start a follow-up assessment. */
export function duplicateAssessment(id: string, changes: Partial<AssessmentSetup>, now = new Date().toISOString()): Promise<Assessment> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', db.assessments, db.answers, async () => {
      const source = parseAssessment(await db.assessments.get(id));
      if (!source) throw new StorageError('damaged');
      const copy = assessmentSchema.parse({
        ...source,
        ...changes,
        id: newId(),
        status: 'draft',
        archived: false,
        deletedAt: undefined,
        createdAt: now,
        updatedAt: now,
      });
      const answers = (await db.answers.where('assessmentId').equals(id).toArray()).map(parseAnswer).filter((a): a is Answer => a !== null);
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
  const stored = parseAssessment(assessment);
  const rows = answers.map(parseAnswer).filter((a): a is Answer => a !== null);
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
        await db.settings.bulkDelete([sealedSetting(id), exportedSetting(id)]);
        await db.assessments.delete(id);
      }
      return rows.length;
    });
  });
}

export function getAnswers(assessmentId: string): Promise<Answer[]> {
  return guard(async () =>
    (await database().answers.where('assessmentId').equals(assessmentId).toArray()).map(parseAnswer).filter((a): a is Answer => a !== null),
  );
}

/**
 * Writes the changed fields of one answer. Only the fields in the patch are replaced, so two tabs
 * editing different fields (or different answers) of one assessment never overwrite each other.
 * Each changed field gets a history entry (who, role, device, when) in the same transaction.
 */
export function saveAnswer(
  assessmentId: string,
  indicatorId: string,
  patch: AnswerPatch,
  now = new Date().toISOString(),
  via?: HistoryEntry['via'],
): Promise<Answer> {
  return guard(async () => {
    const db = database();
    const { writeAnswerHistory } = await historyWriter();
    return db.transaction('rw', [db.answers, db.assessments, db.history, db.settings], async () => {
      const stored = parseAnswer(await db.answers.get([assessmentId, indicatorId])) ?? emptyAnswer(assessmentId, indicatorId, now);
      const next = answerSchema.parse({ ...stored, ...patch, assessmentId, indicatorId, updatedAt: now });
      await writeAnswerHistory(db, stored, next, now, via);
      await db.answers.put(next);
      await db.assessments.update(assessmentId, { updatedAt: now });
      return next;
    });
  });
}

export const SETTING_NAME = 'actor.name';
export const SETTING_ROLE = 'actor.role';
export const SETTING_DEVICE = 'device.id';
/** The last time this device exported an assessment: history entries up to then are never rewritten. */
export const sealedSetting = (assessmentId: string) => `exchange.sealed.${assessmentId}`;
/** When this device last downloaded the assessment's file: the backup reminders compare it with changes. */
export const exportedSetting = (assessmentId: string) => `exchange.exported.${assessmentId}`;

/** When each assessment was last exported from this device (absent: never). */
export function lastExports(assessmentIds: readonly string[]): Promise<Map<string, string>> {
  return guard(async () => {
    const rows = await database().settings.bulkGet(assessmentIds.map(exportedSetting));
    const out = new Map<string, string>();
    rows.forEach((row, i) => {
      if (typeof row?.value === 'string') out.set(assessmentIds[i]!, row.value);
    });
    return out;
  });
}

/** The person on this device, read-only (for live queries); `device` is empty until the first write. */
export function peekActor(): Promise<Actor> {
  return guard(async () => {
    const db = database();
    const [name, role, device] = await Promise.all([db.settings.get(SETTING_NAME), db.settings.get(SETTING_ROLE), db.settings.get(SETTING_DEVICE)]);
    return {
      name: typeof name?.value === 'string' ? name.value : '',
      role: role?.value === 'reviewer' ? 'reviewer' : 'team',
      device: typeof device?.value === 'string' ? device.value : '',
    };
  });
}

export function getSetting(key: string): Promise<unknown> {
  return guard(async () => (await database().settings.get(key))?.value);
}
export function putSetting(key: string, value: unknown): Promise<void> {
  return guard(async () => {
    await database().settings.put({ key, value });
  });
}
