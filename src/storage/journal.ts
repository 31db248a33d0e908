/**
 * A synchronous write-ahead journal in localStorage for edits not yet in IndexedDB. IndexedDB writes
 * are asynchronous and can be cut short when a tab closes; localStorage writes finish before the
 * keystroke handler returns. On start the app replays the journal (save-queue.ts), so a word typed
 * just before a reload is still there.
 *
 * One localStorage item per edited record, so a keystroke rewrites only its own entry, never the
 * whole journal. What cannot be replayed is set aside under its own key with the reason, not deleted.
 */

const PREFIX = 'mgi.journal.v2.';
/** The first journal kept every answer edit in one item; read once, then written as v2 entries. */
const V1_KEY = 'mgi.journal.v1';
const SET_ASIDE_KEY = 'mgi.journal.set-aside.v1';

/** Where entries live: localStorage in the app, a Map in unit tests. */
export interface JournalStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/** What could not be replayed, kept for a person or a developer to recover by hand. */
export interface SetAside {
  entry: unknown;
  reason: string;
  at: string;
}

const store = (): JournalStore | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Blocked storage throws on access.
  }
};

function parse(raw: string | null): unknown {
  try {
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return raw; // Kept as text, so it can be set aside as it was.
  }
}

export class Journal {
  constructor(private readonly backing: () => JournalStore | undefined = store) {}

  /** Records the pending change of one record (replacing its earlier entry). False if it could not. */
  put(key: string, entry: unknown): boolean {
    try {
      this.backing()?.setItem(PREFIX + key, JSON.stringify(entry));
      return true;
    } catch {
      // localStorage full or blocked: IndexedDB remains the record; the save state shows the outcome.
      return false;
    }
  }

  remove(key: string): void {
    try {
      this.backing()?.removeItem(PREFIX + key);
    } catch {
      // As above.
    }
  }

  /** Raw text of one entry, to tell whether it changed while it was being replayed. */
  raw(key: string): string | null {
    try {
      return this.backing()?.getItem(PREFIX + key) ?? null;
    } catch {
      return null;
    }
  }

  /** Every entry as stored, parsed or not (the caller checks its shape). */
  entries(): { key: string; value: unknown; raw: string | null }[] {
    const backing = this.backing();
    if (!backing) return [];
    const out: { key: string; value: unknown; raw: string | null }[] = [];
    try {
      for (let i = 0; i < backing.length; i++) {
        const name = backing.key(i);
        if (name?.startsWith(PREFIX)) {
          const raw = backing.getItem(name);
          out.push({ key: name.slice(PREFIX.length), value: parse(raw), raw });
        }
      }
      const v1 = parse(backing.getItem(V1_KEY));
      if (v1 !== null && typeof v1 === 'object' && !Array.isArray(v1)) {
        // Only an object can be read as an answer entry; anything else is set aside exactly as it was.
        for (const [name, value] of Object.entries(v1)) {
          const entry = value !== null && typeof value === 'object' && !Array.isArray(value) ? { kind: 'answer', ...value } : value;
          out.push({ key: `v1:${name}`, value: entry, raw: null });
        }
      } else if (v1 !== null) {
        out.push({ key: 'v1', value: v1, raw: null });
      }
    } catch {
      // Blocked while reading: what was read is replayed.
    }
    return out;
  }

  /** Called once the v1 item's entries have all been replayed or set aside. */
  dropV1(): void {
    try {
      this.backing()?.removeItem(V1_KEY);
    } catch {
      // As above.
    }
  }

  setAside(items: SetAside[]): void {
    if (items.length === 0) return;
    try {
      this.backing()?.setItem(SET_ASIDE_KEY, JSON.stringify([...this.setAsideEntries(), ...items]));
    } catch {
      // Nowhere to keep it: the count returned by the replay still reports it.
    }
  }

  /** Entries set aside by earlier replays (malformed, or refused by storage), oldest first. */
  setAsideEntries(): SetAside[] {
    let list: unknown = null;
    try {
      list = parse(this.backing()?.getItem(SET_ASIDE_KEY) ?? null);
    } catch {
      list = null;
    }
    return Array.isArray(list) ? (list as SetAside[]) : [];
  }
}

/** The app's journal, in localStorage. */
export const journal = new Journal();

/** Entries set aside by earlier replays (malformed, or refused by storage), oldest first. */
export const setAsideEntries = (): SetAside[] => journal.setAsideEntries();
