/**
 * What a person has typed into a review form (a query, a reply, a proposal) and not sent yet. Kept on
 * this device only, in the settings table, so a reload or a crash never loses a half-written query;
 * sending or cancelling the form clears it. Written through the save queue (edits.ts).
 */
import { database, draftSetting, guard } from './connection';

export type Draft = Record<string, string>;

const isDraft = (value: unknown): value is Draft =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

export function getDraft(key: string): Promise<Draft | null> {
  return guard(async () => {
    const value = (await database().settings.get(draftSetting(key)))?.value;
    return isDraft(value) ? value : null;
  });
}

/** Merges the fields into the stored draft; a draft whose every field is empty is removed. */
export function writeDraft(key: string, patch: Draft): Promise<Draft> {
  return guard(async () => {
    const db = database();
    return db.transaction('rw', db.settings, async () => {
      const stored = (await db.settings.get(draftSetting(key)))?.value;
      const next = { ...(isDraft(stored) ? stored : {}), ...patch };
      if (Object.values(next).every((v) => v === '')) await db.settings.delete(draftSetting(key));
      else await db.settings.put({ key: draftSetting(key), value: next });
      return next;
    });
  });
}
