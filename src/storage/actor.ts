/**
 * Device settings: the person working on this device (name and role recorded with every change), the
 * device id, and when each assessment was last downloaded as a file.
 */
import { actorSchema, type Actor } from '../domain/history';
import { database, exportedSetting, guard, newId, SETTING_DEVICE, SETTING_NAME, SETTING_ROLE, type MgiDatabase } from './connection';

/**
 * The person on this device, inside the caller's transaction (which must include `settings` as 'rw'):
 * the device id is made once, the first time anyone asks.
 */
export async function readActor(db: MgiDatabase): Promise<Actor> {
  // One request for the three settings: this runs in every change's transaction.
  const [name, role, device] = await db.settings.bulkGet([SETTING_NAME, SETTING_ROLE, SETTING_DEVICE]);
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

/** The person on this device, read-only (for live queries); `device` is empty until the first write. */
export function peekActor(): Promise<Actor> {
  return guard(async () => {
    const db = database();
    // One request, so one transaction: three separate gets outside a transaction would open three.
    const [name, role, device] = await db.settings.bulkGet([SETTING_NAME, SETTING_ROLE, SETTING_DEVICE]);
    return {
      name: typeof name?.value === 'string' ? name.value : '',
      role: role?.value === 'reviewer' ? 'reviewer' : 'team',
      device: typeof device?.value === 'string' ? device.value : '',
    };
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

/**
 * Records that the assessment's file reached the person (called once the download is handed over, so
 * a failed encryption or download never silences the backup reminders).
 */
export function markExported(assessmentId: string, at = new Date().toISOString()): Promise<void> {
  return guard(async () => {
    await database().settings.put({ key: exportedSetting(assessmentId), value: at });
  });
}
