import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { MgiDatabase, setDatabase } from '../src/storage/connection';
import { edits } from '../src/storage/edits';

/** A fresh Dexie database over fake-indexeddb, made current for the storage module. */
export function freshDatabase(): MgiDatabase {
  const db = new MgiDatabase(`test-${crypto.randomUUID()}`);
  setDatabase(db);
  return db;
}

/**
 * Gives every test of the file its own fresh database, deleted afterwards, so no test sees another's
 * records. Returns the current one for tests that write rows directly.
 */
export function withFreshDatabase(): () => MgiDatabase {
  let db: MgiDatabase | undefined;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(async () => {
    // Unmount first: a screen still mounted would re-run its live queries on a deleted database.
    cleanup();
    // Changes a test left in the tab's save queue are written now, not into the next test's database.
    await edits.flush().catch(() => undefined);
    await db?.delete();
  });
  return () => {
    if (!db) throw new Error('withFreshDatabase: no test is running');
    return db;
  };
}
