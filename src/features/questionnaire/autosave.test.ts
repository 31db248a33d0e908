import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerPatch } from '../../domain/assessment';
import { Autosaver, type SaveState } from './autosave';

function setup(write: (id: string, patch: AnswerPatch) => Promise<unknown> = vi.fn(async () => undefined)) {
  const journal = vi.fn();
  const settle = vi.fn();
  const states: SaveState[] = [];
  let pending: ReadonlyMap<string, AnswerPatch> = new Map();
  const saver = new Autosaver({
    write,
    journal,
    settle,
    onChange: (state, next) => {
      states.push(state);
      pending = next;
    },
  });
  return { saver, write, journal, settle, states, pending: () => pending };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('journals every keystroke at once and writes one merged patch within 300 ms', async () => {
    const { saver, write, journal } = setup();
    saver.edit('q1', { narrative: 'A' });
    saver.edit('q1', { narrative: 'AB' });
    expect(journal).toHaveBeenCalledTimes(2);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('q1', { narrative: 'AB' });
  });

  it('writes a discrete choice immediately and reports saved', async () => {
    const { saver, write, states, settle } = setup();
    saver.edit('q1', { value: 'yes' }, true);
    await saver.flush();
    expect(write).toHaveBeenCalledWith('q1', { value: 'yes' });
    expect(settle).toHaveBeenCalledWith('q1', { value: 'yes' });
    expect(states.at(-1)).toBe('saved');
  });

  it('keeps a failed change pending and retries it on the next flush', async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error('quota')).mockResolvedValue(undefined);
    const { saver, states, pending } = setup(write);
    saver.edit('q1', { narrative: 'keep me' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('error');
    expect(pending().get('q1')).toEqual({ narrative: 'keep me' });
    await saver.flush();
    expect(write).toHaveBeenLastCalledWith('q1', { narrative: 'keep me' });
    expect(states.at(-1)).toBe('saved');
  });

  it('retries a failed write by itself, without waiting for another edit', async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error('busy')).mockResolvedValue(undefined);
    const { saver, states } = setup(write);
    saver.edit('q1', { value: 'no' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('error');
    await vi.advanceTimersByTimeAsync(2000);
    expect(write).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toBe('saved');
  });

  it('waits longer after each failure, and stops retrying once the screen is closed', async () => {
    const write = vi.fn().mockRejectedValue(new Error('disk full'));
    const { saver } = setup(write);
    saver.edit('q1', { value: 'no' }, true);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(write).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(write).toHaveBeenCalledTimes(2); // the second wait is 4 s
    await vi.advanceTimersByTimeAsync(2000);
    expect(write).toHaveBeenCalledTimes(3);
    saver.dispose();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('shows an error while any change is unsaved, even when others were saved', async () => {
    const write = vi.fn(async (id: string) => {
      if (id === 'q1' && write.mock.calls.length === 1) throw new Error('busy');
    });
    const { saver, states, pending } = setup(write);
    saver.edit('q1', { value: 'no' });
    saver.edit('q2', { value: 'yes' });
    await vi.advanceTimersByTimeAsync(300);
    expect(states.at(-1)).toBe('error');
    expect([...pending().keys()]).toEqual(['q1']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(states.at(-1)).toBe('saved');
  });

  /** Writes that land only when the test says so, one at a time, in order. */
  function heldWrites() {
    const landing: (() => void)[] = [];
    const write = vi.fn((_id: string, _patch: AnswerPatch) => new Promise<void>((resolve) => landing.push(resolve)));
    return { write, land: () => landing.shift()!() };
  }

  it('keeps an edit made while an older write was in flight', async () => {
    const { write, land } = heldWrites();
    const { saver, pending } = setup(write);
    saver.edit('q1', { narrative: 'first' }, true);
    await vi.waitFor(() => expect(write).toHaveBeenCalledWith('q1', { narrative: 'first' }));
    saver.edit('q1', { narrative: 'second' }); // typed while "first" is being stored
    land();
    await vi.waitFor(() => expect(pending().get('q1')).toEqual({ narrative: 'second' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(write).toHaveBeenLastCalledWith('q1', { narrative: 'second' });
    land();
    await vi.waitFor(() => expect(pending().size).toBe(0));
  });

  it('forgets only the fields a landed write stored', async () => {
    const { write, land } = heldWrites();
    const { saver, pending } = setup(write);
    saver.edit('q1', { narrative: 'text' }, true);
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    saver.edit('q1', { value: 'yes' });
    land();
    await vi.waitFor(() => expect(pending().get('q1')).toEqual({ value: 'yes' }));
  });
});
