import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import { getActor, setActor } from './actor';
import { expectChange, getAnswer, saveAnswer } from './answers';
import { createAssessment, getAssessment, updateAssessment } from './assessments';
import { StorageError } from './connection';
import { getHistory } from './review-store';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
const db = withFreshDatabase();

/**
 * Logs, below IndexedDB's API, each read and write of every read-write transaction: whether a write was
 * sent before that transaction's reads had all come back (the change then took one round trip).
 */
function watchRoundTrips(): { writesBeforeReads: () => boolean[] } {
  const transactions: { pendingReads: number; readsDone: number; writeEarly: boolean | null }[] = [];
  const stateOf = new WeakMap<object, (typeof transactions)[number]>();
  db().use({
    stack: 'dbcore',
    name: 'watch-round-trips',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const state = (trans: object) => {
          let s = stateOf.get(trans);
          if (!s) {
            s = { pendingReads: 0, readsDone: 0, writeEarly: null };
            stateOf.set(trans, s);
            transactions.push(s);
          }
          return s;
        };
        const read = <R,>(trans: object, work: Promise<R>) => {
          const s = state(trans);
          s.pendingReads += 1;
          return work.then((r) => {
            s.pendingReads -= 1;
            s.readsDone += 1;
            return r;
          });
        };
        return {
          ...table,
          get: (req) => read(req.trans, table.get(req)),
          getMany: (req) => read(req.trans, table.getMany(req)),
          query: (req) => read(req.trans, table.query(req)),
          mutate: (req) => {
            const s = state(req.trans);
            s.writeEarly ??= s.pendingReads > 0;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return { writesBeforeReads: () => transactions.filter((t) => t.writeEarly !== null).map((t) => t.writeEarly!) };
}

describe('a change of the fields this tab changed last', () => {
  it('is written with its reads, in one round trip; the first change of a field reads first', async () => {
    const log = watchRoundTrips(); // before the database opens
    const a = await createAssessment(setup, '2026.1');
    await getActor(); // the device's id is made at start (main.tsx), not inside a change
    for (const value of ['yes', 'partial', 'no'] as const) await saveAnswer(a.id, 'school-access', { value });
    await saveAnswer(a.id, 'school-access', { narrative: 'A first narrative' });
    expect(log.writesBeforeReads().slice(-4)).toEqual([false, true, true, false]);
    expect(await getAnswer(a.id, 'school-access')).toMatchObject({ value: 'no', narrative: 'A first narrative' });
    // Still one entry per field, folded as before.
    expect((await getHistory(a.id, 'school-access')).map((e) => [e.field, e.old, e.new])).toEqual([
      ['value', null, 'no'],
      ['narrative', '', 'A first narrative'],
    ]);
  });

  it('goes in one round trip on its first change too when it was expected while the question was read', async () => {
    const log = watchRoundTrips(); // before the database opens
    const a = await createAssessment(setup, '2026.1');
    await getActor();
    await expectChange(a.id, 'school-access', ['value']);
    await saveAnswer(a.id, 'school-access', { value: 'yes' });
    // Expected, then changed by another tab before the choice: read again, and the narrative kept.
    await expectChange(a.id, 'work-permits', ['value']);
    await db().answers.put({ ...(await getAnswer(a.id, 'school-access'))!, indicatorId: 'work-permits', value: null, narrative: 'From the other tab' });
    await saveAnswer(a.id, 'work-permits', { value: 'no' });
    // The first choice in one round trip; the other tab's put; the second choice tried so, then made again.
    expect(log.writesBeforeReads().slice(-4)).toEqual([true, false, true, false]);
    expect(await getAnswer(a.id, 'school-access')).toMatchObject({ value: 'yes' });
    expect(await getAnswer(a.id, 'work-permits')).toMatchObject({ value: 'no', narrative: 'From the other tab' });
  });

  it('keeps what another tab wrote meanwhile: the expected answer was not the stored one, so it is read again', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'school-access', { value: 'yes' });
    // Another tab writes the narrative, with its own history entry.
    const [mine] = await getHistory(a.id, 'school-access');
    await db().answers.update([a.id, 'school-access'], { narrative: 'From the other tab' });
    await db().history.put({ ...mine!, id: 'other-tab', field: 'narrative', old: '', new: 'From the other tab', seq: mine!.seq + 1 });
    await saveAnswer(a.id, 'school-access', { value: 'no' });
    expect(await getAnswer(a.id, 'school-access')).toMatchObject({ value: 'no', narrative: 'From the other tab' });
    expect((await getHistory(a.id, 'school-access')).map((e) => [e.field, e.new, e.seq])).toEqual([
      ['value', 'no', 1],
      ['narrative', 'From the other tab', 2],
    ]);
  });

  it('is refused, with nothing written, when the person became a reviewer meanwhile', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'school-access', { value: 'yes' });
    await setActor({ role: 'reviewer' });
    await expect(saveAnswer(a.id, 'school-access', { value: 'no' })).rejects.toEqual(new StorageError('notAllowed'));
    expect(await getAnswer(a.id, 'school-access')).toMatchObject({ value: 'yes' });
    expect((await getHistory(a.id, 'school-access')).map((e) => e.new)).toEqual(['yes']);
  });

  it('keeps the assessment\'s details changed meanwhile, and returns it to draft if it was validated meanwhile', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'school-access', { value: 'yes' });
    await updateAssessment(a.id, { government: 'Renamed in the other tab' });
    await saveAnswer(a.id, 'school-access', { value: 'partial' });
    expect(await getAssessment(a.id)).toMatchObject({ government: 'Renamed in the other tab', status: 'draft' });
    await updateAssessment(a.id, { status: 'validated', validatedBy: 'IOM mission', validatedAt: '2026-03-01T00:00:00.000Z' });
    await saveAnswer(a.id, 'school-access', { value: 'no' });
    expect(await getAssessment(a.id)).toMatchObject({ government: 'Renamed in the other tab', status: 'draft' });
    expect((await getAssessment(a.id))?.validatedBy).toBeUndefined();
  });
});
