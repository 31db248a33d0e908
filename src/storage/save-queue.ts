/**
 * The one way a person's edit reaches storage, for every form that edits stored data (answers,
 * assessment details, who is working). An edit is journalled synchronously, merged with what is still
 * waiting for the same record, and written to IndexedDB within `delay` ms (at once for a discrete
 * choice, or when the page is hidden).
 *
 * Why one queue for the whole tab, not one per screen: writes run one after another in the order they
 * were made, so an older change can never land after a newer one, even when the first screen was left
 * while its write was failing and the second screen changed the same record. What waits survives the
 * screen that made it: coming back shows it, and it is retried (with back-off) until storage takes it.
 */
import { classify, StorageError } from './connection';
import type { Journal, SetAside } from './journal';

export type SaveState = 'saved' | 'pending' | 'error';
export type Patch = Record<string, unknown>;
/** What is edited: a kind and the ids that name one record of that kind. */
export type Target = { kind: string } & Record<string, string>;

/** One kind of record people edit. */
export interface EditKind {
  /** The record's key within its kind; null when the target's ids are not valid. */
  key(target: Target): string | null;
  /** Splits a patch into the fields storage accepts and the names of those it would refuse. */
  accept(patch: Patch): { good: Patch; bad: string[] };
  /** Stores the fields; `at` is when they were typed (a replay after a crash), else now. */
  write(target: Target, patch: Patch, at?: string): Promise<unknown>;
}

export interface Pending {
  target: Target;
  patch: Patch;
  /** When the latest of these fields was typed. */
  at: string;
}

/** A write that landed: the record, the fields it stored, and what storage returned. */
export type Written = (written: { key: string; target: Target; patch: Patch; result: unknown }) => void;

/** What the screens show: what waits, and what failed (by record key). Replaced, never mutated. */
export interface QueueView {
  pending: ReadonlyMap<string, Pending>;
  failed: ReadonlyMap<string, StorageError>;
}

export interface ReplayResult {
  /** Records whose journalled changes are now in IndexedDB. */
  replayed: number;
  /** Entries or fields set aside (see `setAsideEntries` in journal.ts). */
  setAside: number;
  /** Entries kept because storage could not be written now; retried while the app is open. */
  kept: number;
}

/** Problems a retry can cure: storage may come back, space may be freed, a busy disk may answer. */
const transient = new Set(['unavailable', 'writeFailed', 'quota', 'unknown']);

export class SaveQueue {
  private pending = new Map<string, Pending>();
  private failed = new Map<string, StorageError>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private running = false;
  private failures = 0;
  private view: QueueView = { pending: new Map(), failed: new Map() };
  private readonly listeners = new Set<() => void>();
  private readonly writtenListeners = new Set<Written>();

  constructor(
    private readonly kinds: Record<string, EditKind>,
    private readonly journal: Journal,
    private readonly options: { delay?: number; retryDelay?: number } = {},
  ) {}

  /** The record's key across kinds, or null for a target no kind accepts. */
  keyOf(target: Target): string | null {
    const own = this.kinds[target.kind]?.key(target);
    return own == null ? null : `${target.kind}:${own}`;
  }

  /**
   * Records a change: journalled now, written within `delay` ms, or at once when `immediate`. Fields
   * storage would refuse are set aside (kept, not written) and reported as a failure of the record.
   */
  edit(target: Target, patch: Patch, immediate = false): void {
    const key = this.keyOf(target);
    if (key === null) throw new Error(`save queue: no record for ${JSON.stringify(target)}`);
    const { good, bad } = this.kinds[target.kind]!.accept(patch);
    const at = new Date().toISOString();
    if (bad.length > 0) {
      this.journal.setAside([{ entry: { target, patch: pick(patch, bad), at }, reason: `refused: ${bad.join(', ')}`, at }]);
      this.failed.set(key, new StorageError('damaged'));
    }
    if (Object.keys(good).length > 0) {
      const entry = { target, patch: { ...this.pending.get(key)?.patch, ...good }, at };
      this.pending.set(key, entry);
      this.journal.put(key, entry);
    }
    if (immediate) {
      void this.flush();
      // The screens hear of the change a microtask later (the view itself is current at once): the
      // IndexedDB transaction, which Dexie opens in a microtask, and its first requests are then on
      // their way while React renders, instead of waiting behind that render.
      this.publish(true);
    } else {
      this.timer ??= setTimeout(() => void this.flush(), this.options.delay ?? 50);
      this.publish();
    }
  }

  /** Writes everything waiting; resolves when it is stored (or has failed: see the view). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0 || this.queued) return this.chain;
    // One run at a time is queued, and it takes what is waiting when it starts: a burst of edits
    // faster than the disk becomes a few writes, never a backlog that rewrites the same records.
    this.queued = true;
    const run = async () => {
      this.running = true;
      this.queued = false;
      let retry = false;
      for (const [key, { target, patch }] of [...this.pending]) {
        try {
          const result = await this.kinds[target.kind]!.write(target, patch);
          this.failed.delete(key);
          this.forget(key, patch);
          for (const listener of this.writtenListeners) listener({ key, target, patch, result });
        } catch (error) {
          const problem = classify(error);
          this.failed.set(key, problem);
          if (transient.has(problem.problem)) {
            retry = true; // Stays waiting and journalled.
          } else {
            // Storage will never take it as it is (refused by role, or not valid): kept aside, not retried forever.
            const waiting = this.pending.get(key)!;
            this.journal.setAside([{ entry: waiting, reason: problem.problem, at: new Date().toISOString() }]);
            this.pending.delete(key);
            this.journal.remove(key);
          }
        }
      }
      this.failures = retry ? this.failures + 1 : 0;
      // Retried on its own, so the last change of a session never waits for another edit; each wait
      // twice the one before, up to a minute.
      if (retry && this.timer === null) {
        const wait = Math.min((this.options.retryDelay ?? 2000) * 2 ** (this.failures - 1), 60_000);
        this.timer = setTimeout(() => void this.flush(), wait);
      }
      this.running = false;
      this.publish();
    };
    // When nothing is being written, the write starts now, in the caller's task; otherwise it runs
    // after the one in progress.
    this.chain = this.running ? this.chain.then(run) : run();
    return this.chain;
  }

  /**
   * Writes every journalled change into IndexedDB, each on its own: one malformed entry or one field
   * storage refuses never blocks the others. Entries that failed only because storage cannot be
   * written now stay journalled and wait here, retried like any other change.
   */
  async replay(): Promise<ReplayResult> {
    const result: ReplayResult = { replayed: 0, setAside: 0, kept: 0 };
    const now = new Date().toISOString();
    const aside: SetAside[] = [];
    for (const { key: journalKey, value, raw } of this.journal.entries()) {
      const v1 = journalKey.startsWith('v1');
      const entry = readEntry(value);
      const key = entry && this.keyOf(entry.target);
      if (!entry || key === null) {
        aside.push({ entry: value, reason: 'malformed', at: now });
        if (!v1) this.journal.remove(journalKey);
        continue;
      }
      const { good, bad } = this.kinds[entry.target.kind]!.accept(entry.patch);
      if (bad.length > 0) aside.push({ entry: { ...entry, patch: pick(entry.patch, bad) }, reason: `refused: ${bad.join(', ')}`, at: now });
      let keep = false;
      if (Object.keys(good).length > 0) {
        try {
          await this.kinds[entry.target.kind]!.write(entry.target, good, entry.at);
          result.replayed += 1;
        } catch (error) {
          const problem = classify(error).problem;
          if (transient.has(problem)) {
            keep = true;
            result.kept += 1;
            this.pending.set(key, { ...entry, patch: { ...good, ...this.pending.get(key)?.patch } });
            this.journal.put(key, this.pending.get(key));
          } else {
            aside.push({ entry: { ...entry, patch: good }, reason: problem, at: now });
          }
        }
      }
      // Done with the entry, unless it was typed again while it was replayed (another tab's, left
      // for its writer). The first journal's entries all end here: replayed, set aside, or moved.
      if (!v1 && (journalKey !== key || (!keep && this.journal.raw(journalKey) === raw))) this.journal.remove(journalKey);
    }
    this.journal.dropV1();
    this.journal.setAside(aside);
    result.setAside = aside.length;
    if (aside.length > 0) console.warn(`Journal: ${aside.length} entr${aside.length === 1 ? 'y' : 'ies'} set aside`);
    if (result.kept > 0) {
      this.failures = 1;
      this.timer ??= setTimeout(() => void this.flush(), this.options.retryDelay ?? 2000);
      this.publish();
    }
    return result;
  }

  /** What still waits to be saved for this record (shown when its form opens again), if anything. */
  waiting(target: Target): Patch | undefined {
    return this.pending.get(this.keyOf(target) ?? '')?.patch;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getView = (): QueueView => this.view;

  /** Called with each stored result, so a screen can show it before its live query catches up. */
  onWritten(listener: Written): () => void {
    this.writtenListeners.add(listener);
    return () => this.writtenListeners.delete(listener);
  }

  /** Forgets the fields a write stored, keeping any newer edit of them made while it was in flight. */
  private forget(key: string, written: Patch): void {
    const current = this.pending.get(key);
    if (!current) return;
    const rest = Object.fromEntries(Object.entries(current.patch).filter(([field, value]) => value !== written[field]));
    if (Object.keys(rest).length === 0) {
      this.pending.delete(key);
      this.journal.remove(key);
    } else {
      const next = { ...current, patch: rest };
      this.pending.set(key, next);
      this.journal.put(key, next);
    }
  }

  private publish(later = false): void {
    this.view = { pending: new Map(this.pending), failed: new Map(this.failed) };
    const notify = () => {
      for (const listener of this.listeners) listener();
    };
    if (later) queueMicrotask(notify);
    else notify();
  }
}

/** The save state of the records a screen shows. */
export function stateOf(view: QueueView, mine: (key: string) => boolean): { state: SaveState; error: StorageError | null } {
  for (const [key, error] of view.failed) if (mine(key)) return { state: 'error', error };
  for (const key of view.pending.keys()) if (mine(key)) return { state: 'pending', error: null };
  return { state: 'saved', error: null };
}

function pick(patch: Patch, fields: readonly string[]): Patch {
  return Object.fromEntries(fields.map((f) => [f, patch[f]]));
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A journal entry as written by `edit`, or by the first journal (answers only, ids beside the patch). */
function readEntry(value: unknown): Pending | null {
  if (!isObject(value) || !isObject(value.patch) || typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return null;
  const target = isObject(value.target) ? value.target : value.kind === 'answer' ? { kind: 'answer', assessmentId: value.assessmentId, indicatorId: value.indicatorId } : null;
  if (!target || typeof target.kind !== 'string' || !Object.values(target).every((v) => typeof v === 'string')) return null;
  return { target: target as Target, patch: value.patch, at: value.at };
}
