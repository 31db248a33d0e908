import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageError } from './connection';
import { Journal, type JournalStore } from './journal';
import { SaveQueue, stateOf, type EditKind, type Patch, type Target } from './save-queue';

/** localStorage's interface over a Map, so a test can read what the journal holds. */
function memoryStore(): JournalStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** A write that waits until the test lets it land (or fail), so in-flight states can be tested. */
interface Held {
  target: Target;
  patch: Patch;
  land: () => void;
  fail: (error: unknown) => void;
}

function setup({ hold = false } = {}) {
  const store = memoryStore();
  const journal = new Journal(() => store);
  const stored = new Map<string, Patch>();
  const writes: Patch[] = [];
  const held: Held[] = [];
  let failWith: unknown = null;
  const kind: EditKind = {
    key: (t) => t.id ?? null,
    accept: (patch) => ({
      good: Object.fromEntries(Object.entries(patch).filter(([f]) => f !== 'refused')),
      bad: Object.keys(patch).filter((f) => f === 'refused'),
    }),
    write: (t, patch) => {
      writes.push(patch);
      const apply = () => stored.set(t.id!, { ...stored.get(t.id!), ...patch });
      if (hold) return new Promise((resolve, reject) => held.push({ target: t, patch, land: () => resolve(apply()), fail: reject }));
      if (failWith) return Promise.reject(failWith);
      apply();
      return Promise.resolve(stored.get(t.id!));
    },
  };
  const queue = new SaveQueue({ note: kind }, journal, { delay: 50, retryDelay: 2000 });
  const target = (id: string): Target => ({ kind: 'note', id });
  const journalled = () => [...store.items.entries()].filter(([k]) => k.startsWith('mgi.journal.v2.')).map(([, v]) => JSON.parse(v) as { patch: Patch });
  return {
    queue,
    journal,
    store,
    stored,
    writes,
    held,
    target,
    journalled,
    failing: (error: unknown) => void (failWith = error),
    state: () => stateOf(queue.getView(), () => true).state,
  };
}

const busy = () => new DOMException('The transaction was aborted', 'AbortError');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the save queue', () => {
  it('journals every keystroke at once and writes one merged patch within 50 ms', async () => {
    const { queue, writes, journalled } = setup();
    queue.edit({ kind: 'note', id: 'q1' }, { text: 'A' });
    queue.edit({ kind: 'note', id: 'q1' }, { text: 'AB' });
    expect(journalled()).toMatchObject([{ patch: { text: 'AB' } }]);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toEqual([{ text: 'AB' }]);
    expect(journalled()).toEqual([]);
  });

  it('rewrites only the edited record’s journal entry, not the whole journal', () => {
    const { queue, store, target } = setup();
    queue.edit(target('q1'), { text: 'x'.repeat(1000) });
    const setItem = vi.spyOn(store, 'setItem');
    queue.edit(target('q2'), { text: 'y' });
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(setItem.mock.calls[0]![1].length).toBeLessThan(200);
  });

  it('writes a discrete choice at once and reports saved', async () => {
    const { queue, writes, state, target } = setup();
    queue.edit(target('q1'), { value: 'yes' }, true);
    expect(state()).toBe('pending');
    await queue.flush();
    expect(writes).toEqual([{ value: 'yes' }]);
    expect(state()).toBe('saved');
  });

  it('keeps an edit typed while an older write is in flight, and writes it next', async () => {
    const { queue, held, stored, target, journalled } = setup({ hold: true });
    queue.edit(target('q1'), { text: 'first', value: 'yes' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(held).toHaveLength(1);
    queue.edit(target('q1'), { text: 'first and more' });
    held[0]!.land();
    await vi.advanceTimersByTimeAsync(0);
    // Only the field the landed write stored unchanged is forgotten; the newer text still waits.
    expect(queue.getView().pending.get('note:q1')?.patch).toEqual({ text: 'first and more' });
    expect(journalled()).toMatchObject([{ patch: { text: 'first and more' } }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(held).toHaveLength(2);
    expect(held[1]!.patch).toEqual({ text: 'first and more' });
    held[1]!.land();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored.get('q1')).toEqual({ text: 'first and more', value: 'yes' });
    expect(queue.getView().pending.size).toBe(0);
  });

  it('never lets an older change land after a newer one, even after a failure and a new screen', async () => {
    // The reported case: a save fails, the person leaves the screen, comes back and answers again;
    // when storage works again the newer answer must be what is stored.
    const { queue, held, stored, target } = setup({ hold: true });
    queue.edit(target('q1'), { value: 'yes' }, true);
    await vi.advanceTimersByTimeAsync(0);
    held[0]!.fail(busy());
    await vi.advanceTimersByTimeAsync(0);
    expect(stateOf(queue.getView(), () => true).state).toBe('error');
    // "Another screen": the same queue, so the older change is merged with the newer, not raced.
    queue.edit(target('q1'), { value: 'no' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(held[1]!.patch).toEqual({ value: 'no' });
    held[1]!.land();
    await vi.advanceTimersByTimeAsync(5000);
    expect(stored.get('q1')).toEqual({ value: 'no' });
    expect(held).toHaveLength(2); // nothing older is written afterwards
  });

  it('retries a failed write by itself, waiting longer each time, until it lands', async () => {
    const { queue, writes, failing, state, target, journalled } = setup();
    failing(busy());
    queue.edit(target('q1'), { value: 'no' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe('error');
    expect(journalled()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(2); // the second wait is 4 s
    failing(null);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(3);
    expect(state()).toBe('saved');
    expect(journalled()).toEqual([]);
  });

  it('sets aside a change storage will never take (not allowed), instead of retrying it for ever', async () => {
    const { queue, writes, failing, state, target, journal } = setup();
    failing(new StorageError('notAllowed'));
    queue.edit(target('q1'), { value: 'no' }, true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(writes).toHaveLength(1);
    expect(state()).toBe('error');
    expect(queue.getView().pending.size).toBe(0);
    expect(journal.setAsideEntries()).toHaveLength(1);
  });

  it('keeps fields storage would refuse aside, and saves the rest', async () => {
    const { queue, writes, target, journal } = setup();
    queue.edit(target('q1'), { refused: 'x', value: 'yes' }, true);
    await queue.flush();
    expect(writes).toEqual([{ value: 'yes' }]);
    expect(journal.setAsideEntries()).toMatchObject([{ reason: 'refused: refused', entry: { patch: { refused: 'x' } } }]);
  });
});

describe('replaying the journal', () => {
  it('writes each entry on its own: a malformed one or a refused field blocks nothing else', async () => {
    const { queue, journal, store, stored } = setup();
    store.setItem('mgi.journal.v2.note:a', 'not json');
    journal.put('note:b', { target: { kind: 'note', id: 'b' }, patch: { refused: 'x', text: 'kept' }, at: '2026-11-30T10:00:00.000Z' });
    journal.put('note:c', { target: { kind: 'note', id: 'c' }, patch: { text: 'also' }, at: '2026-11-30T10:00:00.000Z' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await queue.replay()).toEqual({ replayed: 2, setAside: 2, kept: 0 });
    expect(stored).toEqual(new Map([['b', { text: 'kept' }], ['c', { text: 'also' }]]));
    expect(journal.setAsideEntries().map((x) => x.reason)).toEqual(['malformed', 'refused: refused']);
    expect(store.items.size).toBe(1); // only the set-aside list is left
  });

  it('keeps what storage cannot take now, and retries it while the app is open', async () => {
    const { queue, journal, failing, stored } = setup();
    journal.put('note:a', { target: { kind: 'note', id: 'a' }, patch: { text: 'typed' }, at: '2026-11-30T10:00:00.000Z' });
    failing(busy());
    expect(await queue.replay()).toEqual({ replayed: 0, setAside: 0, kept: 1 });
    expect(queue.getView().pending.get('note:a')?.patch).toEqual({ text: 'typed' });
    failing(null);
    await vi.advanceTimersByTimeAsync(2000);
    expect(stored.get('a')).toEqual({ text: 'typed' });
    expect(journal.entries()).toEqual([]);
  });
});
