import Dexie, { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Answer, AssessmentSetup } from '../domain/assessment';
import { saveAnswer } from './answers';
import { createAssessment, markDeleted, purgeDeleted } from './assessments';
import { touchedIndicators, watchAnswers } from './watch-answers';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = {
  government: 'Republic of Testland',
  level: 'national',
  year: 2026,
  focalPoint: 'A. Official',
  institutions: ['interior'],
  context: '',
};

const db = withFreshDatabase();

/** Counts the rows each read of the answers table returns, by kind of read. */
function countReads() {
  const counts = { query: 0, getMany: 0 };
  db().use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        if (name !== 'answers') return table;
        return {
          ...table,
          query: async (req) => {
            const res = await table.query(req);
            counts.query += res.result.length;
            return res;
          },
          getMany: async (req) => {
            counts.getMany += req.keys.length;
            return table.getMany(req);
          },
        };
      },
    }),
  });
  return counts;
}

/** Watches an assessment's answers; `next(predicate)` resolves with the first delivery that matches. */
function watch(assessmentId: string) {
  const seen: (readonly Answer[])[] = [];
  const waiting: { test: (a: readonly Answer[]) => boolean; resolve: (a: readonly Answer[]) => void }[] = [];
  const stop = watchAnswers(
    assessmentId,
    (answers) => {
      seen.push(answers);
      for (const w of [...waiting]) {
        if (!w.test(answers)) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(answers);
      }
    },
    (error) => {
      throw error;
    },
  );
  const next = (test: (a: readonly Answer[]) => boolean) =>
    new Promise<readonly Answer[]>((resolve) => {
      const hit = seen.findLast(test);
      if (hit && seen.at(-1) === hit) resolve(hit);
      else waiting.push({ test, resolve });
    });
  return { next, stop, seen };
}

const valueOf = (answers: readonly Answer[], id: string) => answers.find((a) => a.indicatorId === id)?.value;

describe('watching the answers of one assessment', () => {
  it('reads every answer once, then only the answer a change touched', async () => {
    // Before the database opens: Dexie builds its middleware stack then.
    const counts = countReads();
    const a = await createAssessment(setup, '2026.1');
    for (let i = 0; i < 30; i++) await saveAnswer(a.id, `q${i}`, { value: 'yes' });
    expect(counts).toEqual({ query: 0, getMany: 0 });
    const w = watch(a.id);
    await w.next((answers) => answers.length === 30);
    expect(counts.query).toBe(30);
    await saveAnswer(a.id, 'q7', { value: 'no' });
    const after = await w.next((answers) => valueOf(answers, 'q7') === 'no');
    expect(after).toHaveLength(30);
    // The change read one row, not thirty: a live query of the whole assessment would have read 60 by now.
    expect(counts).toEqual({ query: 30, getMany: 1 });
    w.stop();
  });

  it("ignores another assessment's changes and reads everything again when the assessment is purged", async () => {
    const a = await createAssessment(setup, '2026.1');
    const b = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'q1', { value: 'yes' });
    const w = watch(a.id);
    await w.next((answers) => answers.length === 1);
    const deliveries = w.seen.length;
    await saveAnswer(b.id, 'q1', { value: 'no' });
    await saveAnswer(a.id, 'q2', { value: 'partial' });
    await w.next((answers) => answers.length === 2);
    // One delivery for q2, none for the other assessment's answer.
    expect(w.seen.length).toBe(deliveries + 1);
    await markDeleted(a.id, true, '2026-01-01T00:00:00.000Z');
    await purgeDeleted('2026-02-01T00:00:00.000Z');
    await w.next((answers) => answers.length === 0);
    w.stop();
  });

  it('stops delivering once stopped', async () => {
    const a = await createAssessment(setup, '2026.1');
    const w = watch(a.id);
    await w.next((answers) => answers.length === 0);
    w.stop();
    const deliveries = w.seen.length;
    await saveAnswer(a.id, 'q1', { value: 'yes' });
    await saveAnswer(a.id, 'q1', { value: 'no' });
    // A watcher started later has read the change: the stopped one, had it still listened, would have too.
    const later = watch(a.id);
    await later.next((answers) => valueOf(answers, 'q1') === 'no');
    later.stop();
    expect(w.seen.length).toBe(deliveries);
  });
});

describe('which answers a change touched', () => {
  const part = (tree: unknown) => ({ 'idb://db/answers/': tree as RangeSet });

  it('names the indicators written as single keys, of this assessment only', () => {
    const keys = new RangeSet().addKeys([
      ['a', 'q1'],
      ['b', 'q2'],
      ['a', 'q3'],
    ]);
    expect(touchedIndicators(part(keys), 'db', 'a')).toEqual(new Set(['q1', 'q3']));
    expect(touchedIndicators(part(keys), 'other-db', 'a')).toEqual(new Set());
  });

  it('reads the same tree when another tab relays it as plain objects', () => {
    const keys = new RangeSet().addKeys([
      ['a', 'q1'],
      ['a', 'q2'],
    ]);
    expect(touchedIndicators(part(JSON.parse(JSON.stringify(keys))), 'db', 'a')).toEqual(new Set(['q1', 'q2']));
  });

  it('asks for everything when a range reaches into the assessment, not when it stays outside', () => {
    expect(touchedIndicators(part(new RangeSet(Dexie.minKey, Dexie.maxKey)), 'db', 'a')).toBe('all');
    expect(touchedIndicators(part(new RangeSet(['a', 'q1'], ['a', 'q9'])), 'db', 'a')).toBe('all');
    expect(touchedIndicators(part(new RangeSet(['b', Dexie.minKey], ['b', Dexie.maxKey])), 'db', 'a')).toEqual(new Set());
  });
});
