/**
 * What the person has already been told about storage repairs and changes kept aside (see
 * app/storage-notices.tsx), kept in localStorage: a message hidden once does not come back at every
 * start, and one missed (the page reloaded before it was read) comes back until it is hidden.
 */
const KEY = 'mgi.seen-notices.v1';
/** Enough for every answer of a few dozen assessments; the oldest are forgotten first. */
const MAX_ROWS = 2000;

export interface SeenNotices {
  /** Stored rows reported as repaired and hidden, as `repairedRowKey` gives them. */
  repaired: string[];
  /** How many of the journal's set-aside entries were reported and hidden. */
  setAside: number;
}

/** One repaired row's identity: its assessment, and its indicator for an answer. */
export const repairedRowKey = (row: { assessmentId: string; indicatorId?: string }): string => `${row.assessmentId}\u0000${row.indicatorId ?? ''}`;

export function seenNotices(): SeenNotices {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<SeenNotices> | null;
    return {
      repaired: Array.isArray(raw?.repaired) ? raw.repaired.filter((k): k is string => typeof k === 'string') : [],
      setAside: typeof raw?.setAside === 'number' && raw.setAside >= 0 ? raw.setAside : 0,
    };
  } catch {
    // Unreadable or blocked: everything is shown again, which loses nothing.
    return { repaired: [], setAside: 0 };
  }
}

export function markNoticesSeen(change: Partial<SeenNotices>): void {
  const next = { ...seenNotices(), ...change };
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...next, repaired: [...new Set(next.repaired)].slice(-MAX_ROWS) }));
  } catch {
    // Nowhere to remember it: the message is hidden for this page only.
  }
}
