import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import { getActor, setActor } from './actor';
import { getAnswer, saveAnswer } from './answers';
import { createAssessment, getAssessment } from './assessments';
import { getDraft } from './drafts';
import { actorTarget, answerTarget, assessmentTarget, draftTarget, edits } from './edits';
import { journal } from './journal';
import { getHistory } from './review-store';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
const db = withFreshDatabase();
afterEach(() => localStorage.clear());

/** Journals a change as an earlier session would have, without writing it. */
function journalled(target: ReturnType<typeof answerTarget>, patch: Record<string, unknown>, at = new Date().toISOString()) {
  journal.put(edits.keyOf(target)!, { target, patch, at });
}

describe('replaying what the last session journalled', () => {
  it('stores answers, assessment details and who was working, each from its own entry', async () => {
    const a = await createAssessment(setup, '2026.1');
    journalled(answerTarget(a.id, 'school-access'), { narrative: 'typed just before the reload' });
    journalled(assessmentTarget(a.id), { context: 'Context typed before "Done"', nationalAssessmentId: null });
    journalled(actorTarget, { name: 'Ana Pérez' });
    expect(await edits.replay()).toEqual({ replayed: 3, setAside: 0, kept: 0 });
    expect((await getAnswer(a.id, 'school-access'))?.narrative).toBe('typed just before the reload');
    expect((await getAssessment(a.id))?.context).toBe('Context typed before "Done"');
    expect((await getActor()).name).toBe('Ana Pérez');
    expect(await edits.replay()).toEqual({ replayed: 0, setAside: 0, kept: 0 });
  });

  it('reads the first journal’s format once (one item for every answer), and sets its bad parts aside', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await createAssessment(setup, '2026.1');
    const at = new Date().toISOString();
    localStorage.setItem(
      'mgi.journal.v1',
      JSON.stringify({
        '\u0000broken': { patch: 'not an object' },
        [`${a.id}\u0000long`]: { assessmentId: a.id, indicatorId: 'long', patch: { narrative: 'x'.repeat(25_000), value: 'yes' }, at },
        [`${a.id}\u0000fine`]: { assessmentId: a.id, indicatorId: 'fine', patch: { narrative: 'typed before the crash' }, at },
      }),
    );
    expect(await edits.replay()).toEqual({ replayed: 2, setAside: 2, kept: 0 });
    expect((await getAnswer(a.id, 'fine'))?.narrative).toBe('typed before the crash');
    expect((await getAnswer(a.id, 'long'))?.value).toBe('yes');
    expect(localStorage.getItem('mgi.journal.v1')).toBeNull();
    expect(journal.setAsideEntries().map((x) => x.reason)).toEqual(['malformed', 'refused: narrative']);
  });

  it('sets aside a first-journal entry that is not an object exactly as it was', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    localStorage.setItem('mgi.journal.v1', JSON.stringify({ 'a\u0000b': 'words typed before an old crash' }));
    expect(await edits.replay()).toEqual({ replayed: 0, setAside: 1, kept: 0 });
    expect(journal.setAsideEntries()).toMatchObject([{ entry: 'words typed before an old crash', reason: 'malformed' }]);
  });
});

describe('saving through the queue', () => {
  it('journals a keystroke synchronously and stores it on flush', async () => {
    const a = await createAssessment(setup, '2026.1');
    edits.edit(answerTarget(a.id, 'school-access'), { narrative: 'A' });
    expect(journal.entries()).toHaveLength(1);
    await edits.flush();
    expect((await getAnswer(a.id, 'school-access'))?.narrative).toBe('A');
    expect(journal.entries()).toEqual([]);
  });

  it('saves assessment details, and removes a national link set to null', async () => {
    const national = await createAssessment(setup, '2026.1');
    const local = await createAssessment({ ...setup, level: 'local', nationalAssessmentId: national.id }, '2026.1');
    edits.edit(assessmentTarget(local.id), { context: 'New context', nationalAssessmentId: null });
    await edits.flush();
    const stored = await getAssessment(local.id);
    expect(stored?.context).toBe('New context');
    expect(stored?.nationalAssessmentId).toBeUndefined();
  });
});

describe('review form drafts', () => {
  it('are kept field by field until every field is empty again, and never reach another laptop', async () => {
    edits.edit(draftTarget('a/i/propose'), { value: 'yes', narrative: 'Draft' });
    edits.edit(draftTarget('a/i/propose'), { note: 'Why' });
    await edits.flush();
    expect(await getDraft('a/i/propose')).toEqual({ value: 'yes', narrative: 'Draft', note: 'Why' });
    edits.edit(draftTarget('a/i/propose'), { value: '', narrative: '', note: '' }, true);
    await edits.flush();
    expect(await getDraft('a/i/propose')).toBeNull();
  });
});

describe('history, when two tabs of one laptop type in one field', () => {
  it('keeps both versions: an edit never folds into an entry another tab wrote', async () => {
    await setActor({ name: 'Ana' });
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'school-access', { narrative: 'Tab one' });
    // The other tab (same person, same device) writes the same field; its entry is not this tab's.
    const [mine] = await getHistory(a.id, 'school-access');
    await db().history.put({ ...mine!, id: 'other-tab', old: 'Tab one', new: 'Tab two', seq: mine!.seq + 1 });
    await db().answers.update([a.id, 'school-access'], { narrative: 'Tab two' });
    await saveAnswer(a.id, 'school-access', { narrative: 'Tab one, typing on' });
    const entries = await getHistory(a.id, 'school-access');
    expect(entries.map((e) => e.new)).toEqual(['Tab one', 'Tab two', 'Tab one, typing on']);
  });

  it('still folds a burst of this tab’s own typing into one entry', async () => {
    const a = await createAssessment(setup, '2026.1');
    for (const text of ['T', 'Ty', 'Typ', 'Typed']) await saveAnswer(a.id, 'school-access', { narrative: text });
    expect((await getHistory(a.id, 'school-access')).map((e) => e.new)).toEqual(['Typed']);
  });
});

describe('a save does work in proportion to the change', () => {
  it('reads a handful of history rows, however long the answer’s history is', async () => {
    // Counts history rows read below IndexedDB's API (added before the database opens).
    let historyRows = 0;
    let counting = false;
    db().use({
      stack: 'dbcore',
      name: 'count-history-reads',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'history') return table;
          const count = <T extends { result: unknown[] }>(r: T) => {
            if (counting) historyRows += r.result.length;
            return r;
          };
          return {
            ...table,
            query: (req) => table.query(req).then(count),
            getMany: (req) =>
              table.getMany(req).then((result) => {
                if (counting) historyRows += result.length;
                return result;
              }),
            openCursor: (req) =>
              table.openCursor(req).then((cursor) => {
                if (cursor && counting) historyRows += 1;
                return cursor;
              }),
          };
        },
      }),
    });
    const a = await createAssessment(setup, '2026.1');
    const now = Date.now();
    await db().history.bulkPut(
      Array.from({ length: 1500 }, (_, i) => ({
        id: `old-${i}`,
        assessmentId: a.id,
        indicatorId: 'school-access',
        field: 'narrative',
        old: `v${i}`,
        new: `v${i + 1}`,
        by: 'Someone',
        role: 'team',
        device: 'elsewhere',
        at: new Date(now - 86_400_000 + i).toISOString(),
        seq: i + 1,
      })),
    );
    counting = true;
    for (const text of ['a', 'ab', 'abc']) await saveAnswer(a.id, 'school-access', { narrative: text });
    expect(historyRows).toBeLessThan(20);
    expect((await getHistory(a.id, 'school-access')).at(-1)).toMatchObject({ new: 'abc', seq: 1501 });
  });
});
