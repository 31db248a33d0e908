/**
 * A synchronous write-ahead journal in localStorage for answer edits not yet in IndexedDB.
 * IndexedDB writes are asynchronous and can be cut short when a tab closes or the machine crashes;
 * localStorage writes finish before the keystroke handler returns. On start the app replays the
 * journal, so a word typed just before a crash is still there.
 */
import type { AnswerPatch } from '../domain/assessment';
import { saveAnswer } from './answers';

const KEY = 'mgi.journal.v1';

type Entries = Record<string, { assessmentId: string; indicatorId: string; patch: AnswerPatch; at: string }>;

function read(): Entries {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed !== null && typeof parsed === 'object' ? (parsed as Entries) : {};
  } catch {
    return {};
  }
}

function write(entries: Entries): void {
  try {
    if (Object.keys(entries).length === 0) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(entries));
  } catch {
    // localStorage full or blocked: IndexedDB remains the record; the save state shows the outcome.
  }
}

const entryKey = (assessmentId: string, indicatorId: string) => `${assessmentId}\u0000${indicatorId}`;

/** Records a pending change, merged with earlier pending changes to the same answer. */
export function journalAnswer(assessmentId: string, indicatorId: string, patch: AnswerPatch): void {
  const entries = read();
  const key = entryKey(assessmentId, indicatorId);
  entries[key] = { assessmentId, indicatorId, patch: { ...entries[key]?.patch, ...patch }, at: new Date().toISOString() };
  write(entries);
}

/** Forgets the given fields once they are stored, keeping any newer edits of other fields. */
export function settleJournal(assessmentId: string, indicatorId: string, saved: AnswerPatch): void {
  const entries = read();
  const key = entryKey(assessmentId, indicatorId);
  const entry = entries[key];
  if (!entry) return;
  const rest = Object.fromEntries(
    Object.entries(entry.patch).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(saved[field as keyof AnswerPatch])),
  );
  if (Object.keys(rest).length === 0) delete entries[key];
  else entries[key] = { ...entry, patch: rest };
  write(entries);
}

/** Writes every journalled change into IndexedDB; returns how many answers were recovered. */
export async function replayJournal(): Promise<number> {
  const entries = Object.values(read());
  if (entries.length === 0) return 0;
  for (const entry of entries) {
    await saveAnswer(entry.assessmentId, entry.indicatorId, entry.patch, entry.at);
    settleJournal(entry.assessmentId, entry.indicatorId, entry.patch);
  }
  return entries.length;
}
