/**
 * The connection to the device database: its versions, the current instance, the error every storage
 * failure becomes, and the keys of device settings. Every other storage module builds on this one and
 * nothing here imports them, so storage has no import cycle.
 *
 * TRANSACTION RULE (real browsers only; fake-indexeddb in unit tests does not show it): an IndexedDB
 * transaction commits as soon as the code inside it awaits anything that is not a request of that
 * transaction. A dynamic `import()`, `fetch`, `crypto.subtle`, a timer or a message to a worker inside
 * `db.transaction(...)` ends it, and the next table access throws "InvalidStateError: the transaction
 * has finished". So: every module is imported statically, hashes and network calls happen before the
 * transaction opens, and functions that run inside a caller's transaction take `db` and await only
 * Dexie calls.
 *
 * DATA SAFETY: never edit an existing db.version(n) block. A change of shape is a new version with an
 * upgrade function, tested by an upgrade test in connection.test.ts.
 */
import Dexie, { type Table } from 'dexie';

export const DB_NAME = 'mgi-assessments';

export type Row = Record<string, unknown>;

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
    // Version 5: history by answer and sequence, so a keystroke's save reads the answer's latest
    // entries only, not its whole history (a save does work in proportion to the change).
    this.version(5).stores({
      history: 'id, assessmentId, [assessmentId+indicatorId], [assessmentId+indicatorId+seq]',
    });
  }
}

/**
 * What went wrong, as the person can act on it: the browser refuses storage altogether, the disk is
 * full, a change could not be written (retry), or stored data is not what it should be.
 */
export type StorageProblem = 'unavailable' | 'quota' | 'writeFailed' | 'damaged' | 'notAllowed' | 'unknown';

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

const nameOf = (error: unknown): string => {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
};

/**
 * By name, not by class: a DOMException is not an Error everywhere. "Unavailable" only for the errors a
 * browser gives when it refuses storage (no IndexedDB, blocked, private mode, the database cannot be
 * opened); a transaction that ended or aborted is a failed write the person can retry.
 */
export function classify(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = [nameOf(error), nameOf((error as { inner?: unknown } | null)?.inner)];
  if (names.includes('QuotaExceededError')) return new StorageError('quota', error);
  if (names.some((n) => ['MissingAPIError', 'SecurityError', 'OpenFailedError', 'DatabaseClosedError', 'VersionError'].includes(n))) {
    return new StorageError('unavailable', error);
  }
  if (names.some((n) => ['InvalidStateError', 'TransactionInactiveError', 'AbortError', 'PrematureCommitError', 'TimeoutError', 'UnknownError'].includes(n))) {
    return new StorageError('writeFailed', error);
  }
  if (names.some((n) => ['DataError', 'ConstraintError', 'DataCloneError'].includes(n))) return new StorageError('damaged', error);
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

export function newId(): string {
  return crypto.randomUUID();
}

/** A parser that returns null for a row that does not parse (the caller decides what that means). */
export const parseWith =
  <T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }) =>
  (row: unknown): T | null => {
    const parsed = schema.safeParse(row);
    return parsed.success ? parsed.data : null;
  };
export const present = <T>(x: T | null): x is T => x !== null;

export const SETTING_NAME = 'actor.name';
export const SETTING_ROLE = 'actor.role';
export const SETTING_DEVICE = 'device.id';
/** The last time this device exported an assessment: history entries up to then are never rewritten. */
export const sealedSetting = (assessmentId: string) => `exchange.sealed.${assessmentId}`;
/** When this device last downloaded the assessment's file: the backup reminders compare it with changes. */
export const exportedSetting = (assessmentId: string) => `exchange.exported.${assessmentId}`;
/** A review form's text not sent yet (storage/drafts.ts), by form. */
export const draftSetting = (key: string) => `draft.${key}`;
/** What this laptop remembers of an assessment's sync with a server (storage/sync/sync-settings.ts). */
export const syncSetting = (assessmentId: string) => `sync.${assessmentId}`;
