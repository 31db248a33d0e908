/**
 * A synchronous write-ahead journal in localStorage for answer edits not yet in IndexedDB.
 * IndexedDB writes are asynchronous and can be cut short when a tab closes or the machine crashes;
 * localStorage writes finish before the keystroke handler returns. On start the app replays the
 * journal, so a word typed just before a crash is still there.
 *
 * Replay reads each entry on its own: one malformed entry, or one field storage cannot accept (a
 * narrative over the limit), never blocks the others. What cannot be replayed is set aside under its
 * own key with the reason, not deleted, and counted in the result; an entry that failed only because
 * storage is unavailable right now stays in the journal for the next start.
 */
import * as z from 'zod/mini';
import { answerSchema, type AnswerPatch } from '../domain/assessment';
import { saveAnswer } from './answers';
import { classify } from './connection';

const KEY = 'mgi.journal.v1';
const SET_ASIDE_KEY = 'mgi.journal.set-aside.v1';

const entrySchema = z.object({
  assessmentId: z.string().check(z.minLength(1)),
  indicatorId: z.string().check(z.minLength(1)),
  patch: z.record(z.string(), z.unknown()),
  at: z.iso.datetime({ offset: true }),
});
type Entry = { assessmentId: string; indicatorId: string; patch: AnswerPatch; at: string };
type Entries = Record<string, Entry>;

/** What could not be replayed, kept for a person or a developer to recover by hand. */
export interface SetAside {
  entry: unknown;
  reason: string;
  at: string;
}

function readRaw(key: string): unknown {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function read(): Entries {
  const parsed = readRaw(KEY);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Entries) : {};
}

function write(entries: Entries): void {
  try {
    if (Object.keys(entries).length === 0) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(entries));
  } catch {
    // localStorage full or blocked: IndexedDB remains the record; the save state shows the outcome.
  }
}

/** Entries set aside by earlier replays (malformed, or refused by storage), oldest first. */
export function setAsideEntries(): SetAside[] {
  const list = readRaw(SET_ASIDE_KEY);
  return Array.isArray(list) ? (list as SetAside[]) : [];
}

function setAside(items: SetAside[]): void {
  if (items.length === 0) return;
  try {
    globalThis.localStorage?.setItem(SET_ASIDE_KEY, JSON.stringify([...setAsideEntries(), ...items]));
  } catch {
    // Nowhere to keep it: the count returned by the replay still reports it.
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
  if (!entry?.patch) return;
  const rest = Object.fromEntries(
    Object.entries(entry.patch).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(saved[field as keyof AnswerPatch])),
  );
  if (Object.keys(rest).length === 0) delete entries[key];
  else entries[key] = { ...entry, patch: rest };
  write(entries);
}

const editable = new Set(['value', 'narrative', 'evidence', 'institutions', 'decision', 'dissentNote', 'followUp']);

/** Splits a patch into the fields storage accepts and those it would refuse (named). */
function splitPatch(patch: Record<string, unknown>): { good: AnswerPatch; bad: string[] } {
  const good: Record<string, unknown> = {};
  const bad: string[] = [];
  const shape = answerSchema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
  for (const [field, value] of Object.entries(patch)) {
    if (editable.has(field) && shape[field]!.safeParse(value).success) good[field] = value;
    else bad.push(field);
  }
  return { good: good as AnswerPatch, bad };
}

export interface ReplayResult {
  /** Answers whose journalled changes are now in IndexedDB. */
  replayed: number;
  /** Entries or fields set aside (see `setAsideEntries`). */
  setAside: number;
  /** Entries left in the journal because storage could not be written now. */
  kept: number;
}

/** Writes every journalled change into IndexedDB, each on its own; returns what happened. */
export async function replayJournal(): Promise<ReplayResult> {
  const result: ReplayResult = { replayed: 0, setAside: 0, kept: 0 };
  const entries = read();
  const now = new Date().toISOString();
  const aside: SetAside[] = [];
  const remaining: Entries = {};
  for (const [key, raw] of Object.entries(entries)) {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      aside.push({ entry: raw, reason: 'malformed', at: now });
      continue;
    }
    const entry = parsed.data;
    const { good, bad } = splitPatch(entry.patch);
    if (bad.length > 0) {
      aside.push({ entry: { ...entry, patch: Object.fromEntries(bad.map((f) => [f, entry.patch[f]])) }, reason: `refused: ${bad.join(', ')}`, at: now });
    }
    if (Object.keys(good).length === 0) continue;
    try {
      await saveAnswer(entry.assessmentId, entry.indicatorId, good, entry.at);
      result.replayed += 1;
    } catch (error) {
      const problem = classify(error).problem;
      if (problem === 'unavailable' || problem === 'writeFailed' || problem === 'quota') {
        // Storage may work at the next start: keep the entry as it is.
        remaining[key] = { ...entry, patch: good };
        result.kept += 1;
      } else {
        aside.push({ entry: { ...entry, patch: good }, reason: problem, at: now });
      }
    }
  }
  setAside(aside);
  result.setAside = aside.length;
  // Edits journalled while the replay ran (none at start-up, but keep them) are merged back.
  const latest = read();
  for (const key of Object.keys(entries)) if (JSON.stringify(latest[key]) === JSON.stringify(entries[key])) delete latest[key];
  write({ ...remaining, ...latest });
  if (aside.length > 0) console.warn(`Journal: ${aside.length} entr${aside.length === 1 ? 'y' : 'ies'} set aside (localStorage ${SET_ASIDE_KEY})`);
  return result;
}
