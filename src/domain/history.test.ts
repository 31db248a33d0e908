import { describe, expect, it } from 'vitest';
import { ASSESSMENT_KEY, canonicalJson, compareEntries, historyEntrySchema, recordChanges, sameValue, type Actor, type HistoryEntry } from './history';

const ana: Actor = { name: 'Ana', role: 'team', device: 'device-ana' };
let n = 0;
const context = (now: string, sealedAt: string | null = null, actor = ana) => ({ assessmentId: 'a1', actor, now, sealedAt, newId: () => `h${++n}` });
const at = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000).toISOString();

/** Applies recordChanges the way storage does and returns the resulting history. */
function apply(history: HistoryEntry[], field: 'narrative' | 'value', old: unknown, value: unknown, ctx: ReturnType<typeof context>) {
  const { put, remove } = recordChanges(history, [{ indicatorId: 'q1', field, old, new: value }], ctx);
  const gone = new Set([...remove, ...put.map((e) => e.id)]);
  return [...history.filter((e) => !gone.has(e.id)), ...put].sort(compareEntries);
}

describe('recordChanges', () => {
  it('records who, role, device, when, old and new for each changed field', () => {
    const { put } = recordChanges([], [{ indicatorId: 'q1', field: 'value', old: null, new: 'yes' }], context(at(0)));
    expect(put).toEqual([
      { id: expect.any(String), assessmentId: 'a1', indicatorId: 'q1', field: 'value', old: null, new: 'yes', by: 'Ana', role: 'team', device: 'device-ana', at: at(0), seq: 1 },
    ]);
  });

  it('folds a burst of typing by one person into one entry', () => {
    let history = apply([], 'narrative', '', 'A', context(at(0)));
    history = apply(history, 'narrative', 'A', 'A decree', context(at(1)));
    history = apply(history, 'narrative', 'A decree', 'A decree of 2021', context(at(2)));
    expect(history).toMatchObject([{ old: '', new: 'A decree of 2021', at: at(2), seq: 1 }]);
  });

  it('drops the entry when the text is typed and undone', () => {
    let history = apply([], 'narrative', '', 'oops', context(at(0)));
    history = apply(history, 'narrative', 'oops', '', context(at(1)));
    expect(history).toEqual([]);
  });

  it.each([
    ['after five minutes', context(at(6))],
    ['by another person', context(at(1), null, { name: 'Ben', role: 'reviewer', device: 'device-ana' })],
    ['on another device', context(at(1), null, { ...ana, device: 'device-2' })],
    ['once the entry went out in an exported file', context(at(1), at(0))],
  ])('starts a new entry %s', (_, ctx) => {
    let history = apply([], 'narrative', '', 'first', context(at(0)));
    history = apply(history, 'narrative', 'first', 'second', ctx);
    expect(history.map((e) => [e.old, e.new, e.seq])).toEqual([
      ['', 'first', 1],
      ['first', 'second', 2],
    ]);
  });

  it('counts past every entry of the answer held on the device, imported ones included', () => {
    const imported = { ...apply([], 'value', null, 'no', context(at(0), null, { name: 'Ben', role: 'reviewer', device: 'b' }))[0]!, seq: 41 };
    const { put } = recordChanges([imported], [{ indicatorId: 'q1', field: 'value', old: 'no', new: 'yes' }], context(at(-300)));
    expect(put[0]!.seq).toBe(42);
    expect(compareEntries(imported, put[0]!)).toBeLessThan(0);
  });
});

describe('historyEntrySchema', () => {
  const entry = { id: 'h1', assessmentId: 'a1', indicatorId: 'q1', field: 'value', old: null, new: 'yes', by: 'Ana', role: 'team', device: 'd', at: at(0), seq: 1 };
  it.each([
    ['an answer value', entry, true],
    ['a value the field cannot hold', { ...entry, new: 'maybe' }, false],
    ['an unknown field', { ...entry, field: 'colour' }, false],
    ['an assessment field', { ...entry, indicatorId: ASSESSMENT_KEY, field: 'context', old: 'a', new: 'b' }, true],
    ['an answer field on the assessment', { ...entry, indicatorId: ASSESSMENT_KEY }, false],
    ['a review status', { ...entry, field: 'review', old: 'none', new: 'query' }, true],
    ['a missing old value', { ...entry, indicatorId: ASSESSMENT_KEY, field: 'context', old: undefined, new: 'b' }, false],
  ])('%s → %s', (_, value, ok) => {
    expect(historyEntrySchema.safeParse(value).success).toBe(ok);
  });
});

describe('canonicalJson and sameValue', () => {
  it('gives one text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: 'é' } })).toBe('{"a":{"c":"é","d":[1,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
  it('compares values deeply', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue(null, {})).toBe(false);
  });
});
