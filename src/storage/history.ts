/**
 * The person on this device and the history of changes, as storage writes them. Loaded by db.ts on
 * the first write (it carries the history schemas), and by the review and exchange stores.
 */
import type { Answer, Assessment } from '../domain/assessment';
import {
  ASSESSMENT_KEY,
  actorSchema,
  changedAnswerFields,
  changedAssessmentFields,
  historyEntrySchema,
  recordChanges,
  type Actor,
  type FieldChange,
  type HistoryEntry,
} from '../domain/history';
import { database, guard, newId, sealedSetting, SETTING_DEVICE, SETTING_NAME, SETTING_ROLE, type MgiDatabase } from './db';

/** The person on this device. The device id is made once, the first time anyone asks (hence 'rw'). */
export async function readActor(db: MgiDatabase): Promise<Actor> {
  const [name, role, device] = await Promise.all([db.settings.get(SETTING_NAME), db.settings.get(SETTING_ROLE), db.settings.get(SETTING_DEVICE)]);
  let id = typeof device?.value === 'string' && device.value ? device.value : null;
  if (!id) {
    id = newId();
    await db.settings.put({ key: SETTING_DEVICE, value: id });
  }
  return actorSchema.parse({
    name: typeof name?.value === 'string' ? name.value : '',
    role: role?.value === 'reviewer' ? 'reviewer' : 'team',
    device: id,
  });
}

export function getActor(): Promise<Actor> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', db.settings, () => readActor(db));
  });
}

/** Sets the display name and role recorded with every change made on this device. */
export function setActor(patch: Partial<Pick<Actor, 'name' | 'role'>>): Promise<Actor> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', db.settings, async () => {
      const next = actorSchema.parse({ ...(await readActor(db)), ...patch });
      const name = next.name.trim();
      await db.settings.bulkPut([
        { key: SETTING_NAME, value: name },
        { key: SETTING_ROLE, value: next.role },
      ]);
      return { ...next, name };
    });
  });
}

export function parseHistoryEntry(row: unknown): HistoryEntry | null {
  const parsed = historyEntrySchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/** Records field changes of one answer (or of the assessment) within the caller's transaction. */
export async function writeHistory(
  db: MgiDatabase,
  assessmentId: string,
  indicatorId: string,
  changes: FieldChange[],
  now: string,
  via?: HistoryEntry['via'],
): Promise<void> {
  if (changes.length === 0) return;
  const actor = await readActor(db);
  const sealed = (await db.settings.get(sealedSetting(assessmentId)))?.value;
  const existing = (await db.history.where('[assessmentId+indicatorId]').equals([assessmentId, indicatorId]).toArray())
    .map(parseHistoryEntry)
    .filter((e): e is HistoryEntry => e !== null);
  const { put, remove } = recordChanges(existing, changes, {
    assessmentId,
    actor,
    now,
    sealedAt: typeof sealed === 'string' ? sealed : null,
    newId,
    ...(via ? { via } : {}),
  });
  if (remove.length > 0) await db.history.bulkDelete(remove);
  if (put.length > 0) await db.history.bulkPut(put.map((e) => historyEntrySchema.parse(e)));
}

export function writeAnswerHistory(db: MgiDatabase, before: Answer, after: Answer, now: string, via?: HistoryEntry['via']): Promise<void> {
  const changes = changedAnswerFields(before, after).map((field) => ({ indicatorId: after.indicatorId, field, old: before[field], new: after[field] }));
  return writeHistory(db, after.assessmentId, after.indicatorId, changes, now, via);
}

export function writeAssessmentHistory(db: MgiDatabase, before: Assessment, after: Assessment, now: string): Promise<void> {
  const changes = changedAssessmentFields(before, after).map((field) => ({ indicatorId: ASSESSMENT_KEY, field, old: before[field], new: after[field] }));
  return writeHistory(db, after.id, ASSESSMENT_KEY, changes, now);
}
