/**
 * Autosave for answers. Every edit goes at once into a synchronous journal (survives a crash or a
 * closed tab) and into IndexedDB within `delay` ms; discrete choices and blur/hide flush immediately.
 * Edits to one answer are merged into one patch, so a burst of typing is one write.
 */
import type { AnswerPatch } from '../../domain/assessment';
import type { SaveState } from '../../ui/save-status';

export type { SaveState };

export interface AutosaverOptions<R = unknown> {
  /** Stores a patch and resolves with what was stored. */
  write: (indicatorId: string, patch: AnswerPatch) => Promise<R>;
  /** Called with each stored result, so the screen can show it before the live query catches up. */
  written?: (indicatorId: string, result: R) => void;
  journal: (indicatorId: string, patch: AnswerPatch) => void;
  settle: (indicatorId: string, patch: AnswerPatch) => void;
  onChange: (state: SaveState, pending: ReadonlyMap<string, AnswerPatch>, error: unknown) => void;
  delay?: number;
  retryDelay?: number;
}

export class Autosaver<R = unknown> {
  private pending = new Map<string, AnswerPatch>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private error: unknown = null;
  private queued = false;
  private failures = 0;
  private disposed = false;

  constructor(private readonly options: AutosaverOptions<R>) {}

  edit(indicatorId: string, patch: AnswerPatch, immediate = false): void {
    this.pending.set(indicatorId, { ...this.pending.get(indicatorId), ...patch });
    this.options.journal(indicatorId, patch);
    this.notify();
    if (immediate) {
      void this.flush();
    } else if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), this.options.delay ?? 300);
    }
  }

  /** Writes everything pending; resolves when it is stored (or has failed, see the state). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0 || this.queued) return this.inFlight;
    // Writes are chained so an older patch never lands after a newer one. One run at a time is
    // queued, and it takes what is pending when it starts: a burst of edits faster than the disk
    // becomes a few writes, never a backlog that rewrites the same answers over and over.
    this.queued = true;
    this.inFlight = this.inFlight.then(async () => {
      this.queued = false;
      const batch = [...this.pending.entries()];
      let failure: unknown = null;
      for (const [indicatorId, patch] of batch) {
        try {
          const result = await this.options.write(indicatorId, patch);
          this.options.written?.(indicatorId, result);
          this.options.settle(indicatorId, patch);
          this.forget(indicatorId, patch);
        } catch (error) {
          failure ??= error; // The patch stays pending and journalled, and is retried below.
        }
      }
      this.error = failure;
      this.failures = failure ? this.failures + 1 : 0;
      // A failed write is retried on its own (storage may come back, space may be freed), so the
      // last change of a session never waits for another edit to be saved; each retry waits twice as
      // long as the one before, up to a minute, while the screen is open.
      if (this.error && this.timer === null && !this.disposed) {
        const wait = Math.min((this.options.retryDelay ?? 2000) * 2 ** (this.failures - 1), 60_000);
        this.timer = setTimeout(() => void this.flush(), wait);
      }
      this.notify();
    });
    return this.inFlight;
  }

  /**
   * The screen is closing: no more retries (what is still pending stays in the journal and is
   * replayed on the next start). A flush already asked for still runs.
   */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private forget(indicatorId: string, written: AnswerPatch): void {
    const current = this.pending.get(indicatorId);
    if (!current) return;
    const rest = Object.fromEntries(
      Object.entries(current).filter(([field, value]) => value !== written[field as keyof AnswerPatch]),
    ) as AnswerPatch;
    if (Object.keys(rest).length === 0) this.pending.delete(indicatorId);
    else this.pending.set(indicatorId, rest);
  }

  private notify(): void {
    const state: SaveState = this.error ? 'error' : this.pending.size > 0 ? 'pending' : 'saved';
    this.options.onChange(state, new Map(this.pending), this.error);
  }
}
