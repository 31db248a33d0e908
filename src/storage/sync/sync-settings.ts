/**
 * What this laptop remembers of its sync with servers, in the settings table: per assessment the
 * server, the account name and the replication state (never a password), and the list of connected
 * assessments. Plain JSON; the sync feature parses what it reads. Whole operations only: nothing here
 * runs while a fetch is awaited.
 */
import { database, guard, syncSetting } from '../connection';

const CONNECTED_KEY = 'sync.connected';

export function readSyncSetting(assessmentId: string): Promise<unknown> {
  return guard(async () => (await database().settings.get(syncSetting(assessmentId)))?.value ?? null);
}

/** Stores the assessment's sync setting (null forgets it) and keeps the list of connected ones. */
export function writeSyncSetting(assessmentId: string, value: unknown): Promise<void> {
  return guard(async () => {
    const db = database();
    await db.transaction('rw', db.settings, async () => {
      const list = (await db.settings.get(CONNECTED_KEY))?.value;
      const ids = (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []).filter((id) => id !== assessmentId);
      if (value === null) await db.settings.delete(syncSetting(assessmentId));
      else await db.settings.put({ key: syncSetting(assessmentId), value });
      await db.settings.put({ key: CONNECTED_KEY, value: value === null ? ids : [...ids, assessmentId] });
    });
  });
}

/** The assessments connected to a server on this laptop. */
export function connectedAssessments(): Promise<string[]> {
  return guard(async () => {
    const list = (await database().settings.get(CONNECTED_KEY))?.value;
    return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
  });
}
