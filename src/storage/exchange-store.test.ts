import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../../test/fixtures/exchange/dump';
import { backupState, type AssessmentSetup } from '../domain/assessment';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import { readFile, serializeFile } from '../domain/exchange';
import { ExchangeError } from '../domain/exchange-problem';
import type { Decision } from '../domain/merge';
import { lastExports } from './actor';
import { getAnswers, saveAnswer } from './answers';
import { createAssessment, getAssessment, markDeleted, updateAssessment } from './assessments';
import { MgiDatabase, setDatabase } from './connection';
import { setActor } from './actor';
import { exportAssessment, importFile, importFiles, readSnapshot } from './exchange-store';
import { markExported } from './actor';
import { getHistory, getReviewData, raiseQuery } from './review-store';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
const opened: MgiDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** One laptop: its own database, made current while it acts. */
function laptop(name: string, role: 'team' | 'reviewer' = 'team') {
  const db = new MgiDatabase(`laptop-${name}-${crypto.randomUUID()}`);
  opened.push(db);
  return {
    db,
    async act<T>(work: () => Promise<T>): Promise<T> {
      setDatabase(db);
      await setActor({ name, role });
      return work();
    },
  };
}

/** The file as it travels: serialized, then read and validated on arrival. */
async function carry(from: ReturnType<typeof laptop>, assessmentId: string) {
  const file = await from.act(() => exportAssessment(assessmentId));
  return readFile(new TextEncoder().encode(serializeFile(file)), { catalogue: (kind) => ({ ...tinyCatalogue, kind }) });
}

/** Exports on one laptop, imports on the other. */
async function send(from: ReturnType<typeof laptop>, to: ReturnType<typeof laptop>, assessmentId: string) {
  const file = await carry(from, assessmentId);
  return to.act(() => importFile(file));
}

/** Ana's laptop sends an assessment to Ben's (both in the government team); both then change the same narrative. Returns Ben's file. */
async function narrativeChangedOnBoth() {
  const a = laptop('Ana');
  const b = laptop('Ben');
  const x = await a.act(() => createAssessment(setup, '2026.1'));
  await send(a, b, x.id);
  await a.act(() => saveAnswer(x.id, 'school-access', { narrative: 'Mine.' }));
  await b.act(() => saveAnswer(x.id, 'school-access', { narrative: 'Theirs.' }));
  return { a, x, file: await carry(b, x.id) };
}

describe('backup reminders', () => {
  it('remember when each assessment was downloaded, so later changes show as not backed up', async () => {
    const a = laptop('Ana');
    const { first, second } = await a.act(async () => ({
      first: await createAssessment(setup, '2026.1', '2026-03-02T09:00:00.000Z'),
      second: await createAssessment(setup, '2026.1', '2026-03-02T09:00:00.000Z'),
    }));
    // A file built but never handed over (encryption or download failed) is no backup.
    await a.act(() => exportAssessment(first.id, '2026-03-02T10:00:00.000Z'));
    expect(await lastExports([first.id, second.id])).toEqual(new Map());
    await a.act(() => markExported(first.id, '2026-03-02T10:00:00.000Z'));
    expect(await lastExports([first.id, second.id])).toEqual(new Map([[first.id, '2026-03-02T10:00:00.000Z']]));
    await a.act(() => saveAnswer(first.id, 'school-access', { value: 'yes' }, '2026-03-02T11:00:00.000Z'));
    const updated = (await getAssessment(first.id))!;
    expect(backupState(updated.updatedAt, (await lastExports([first.id])).get(first.id))).toBe('behind');
  });
});

describe('exchange between two laptops', () => {
  it('copies an assessment whole to a laptop that does not have it', async () => {
    const a = laptop('Ana');
    const b = laptop('Ben', 'reviewer');
    const created = await a.act(async () => {
      const x = await createAssessment(setup, '2026.1');
      await saveAnswer(x.id, 'health-access', { value: 'yes', narrative: 'Santé pour tous.' });
      await raiseQuery(x.id, 'health-access', 'Source?');
      return x;
    });
    const result = await send(a, b, created.id);
    expect(result.kind).toBe('created');
    const [onA, onB] = [await a.act(() => readSnapshot(created.id)), await b.act(() => readSnapshot(created.id))];
    expect(onB).toEqual({ ...onA, assessment: onA!.assessment });
  });

  it('merges the other laptop’s changes, and importing the same file twice changes nothing', async () => {
    const a = laptop('Ana');
    const b = laptop('Ben');
    const x = await a.act(async () => {
      const created = await createAssessment(setup, '2026.1');
      await saveAnswer(created.id, 'school-access', { value: 'partial' });
      return created;
    });
    await send(a, b, x.id);
    await b.act(() => saveAnswer(x.id, 'school-access', { narrative: 'Ben wrote this.' }));
    await a.act(() => saveAnswer(x.id, 'labour-agreements', { value: 'no' }));

    const file = await carry(b, x.id);
    const first = await a.act(() => importFile(file));
    expect(first.kind).toBe('merged');
    expect(await a.act(() => getAnswers(x.id))).toEqual(
      expect.arrayContaining([expect.objectContaining({ indicatorId: 'school-access', value: 'partial', narrative: 'Ben wrote this.' }), expect.objectContaining({ indicatorId: 'labour-agreements', value: 'no' })]),
    );
    expect((await a.act(() => getHistory(x.id, 'school-access'))).map((e) => e.by)).toEqual(['Ana', 'Ben']);

    const before = await dumpDatabase(a.db);
    expect((await a.act(() => importFile(file))).kind).toBe('unchanged');
    expect(await dumpDatabase(a.db)).toEqual(before);
  });

  it('writes nothing while a conflict waits for a person, then applies the decision', async () => {
    const { a, x, file } = await narrativeChangedOnBoth();

    const before = await dumpDatabase(a.db);
    const pending = await a.act(() => importFile(file));
    expect(pending.kind).toBe('conflicts');
    if (pending.kind !== 'conflicts') return;
    expect(pending.conflicts).toMatchObject([{ field: 'narrative', base: { value: '' }, mine: { value: 'Mine.', entry: { by: 'Ana' } }, theirs: { value: 'Theirs.', entry: { by: 'Ben' } } }]);
    expect(await dumpDatabase(a.db)).toEqual(before);

    const decisions: Record<string, Decision> = { [pending.conflicts[0]!.fingerprint]: 'theirs' };
    expect((await a.act(() => importFile(file, decisions))).kind).toBe('merged');
    expect((await a.act(() => getAnswers(x.id)))[0]?.narrative).toBe('Theirs.');
    expect((await a.act(() => getHistory(x.id, 'school-access'))).at(-1)).toMatchObject({ via: 'resolve', old: 'Mine.', new: 'Theirs.', by: 'Ana' });
  });

  it('asks again when the answer changed on this laptop while the conflict was on screen', async () => {
    const { a, x, file } = await narrativeChangedOnBoth();
    const pending = await a.act(() => importFile(file));
    if (pending.kind !== 'conflicts') throw new Error('expected conflicts');
    await a.act(() => saveAnswer(x.id, 'school-access', { narrative: 'Mine, typed in another tab meanwhile.' }, new Date(Date.now() + 3_600_000).toISOString()));
    const again = await a.act(() => importFile(file, { [pending.conflicts[0]!.fingerprint]: 'theirs' }));
    expect(again).toMatchObject({ kind: 'conflicts', conflicts: [{ mine: { value: 'Mine, typed in another tab meanwhile.' } }] });
    expect((await a.act(() => getAnswers(x.id)))[0]?.narrative).toBe('Mine, typed in another tab meanwhile.');
  });

  it('refuses a file whose level differs from the assessment here, changing nothing', async () => {
    const a = laptop('Ana');
    const x = await a.act(() => createAssessment(setup, '2026.1'));
    const file = await carry(a, x.id);
    const before = await dumpDatabase(a.db);
    await expect(a.act(() => importFile({ ...file, assessment: { ...file.assessment, level: 'local' } }))).rejects.toEqual(new ExchangeError('levelMismatch'));
    expect(await dumpDatabase(a.db)).toEqual(before);
  });

  it('refuses a file reusing ids of another assessment on this laptop, changing nothing', async () => {
    const a = laptop('Ana');
    const x = await a.act(async () => {
      const created = await createAssessment(setup, '2026.1');
      await saveAnswer(created.id, 'school-access', { value: 'yes' });
      return created;
    });
    const file = await carry(a, x.id);
    const before = await dumpDatabase(a.db);
    const copy = { ...file, assessment: { ...file.assessment, id: 'other' }, answers: file.answers.map((r) => ({ ...r, assessmentId: 'other' })), history: file.history.map((e) => ({ ...e, assessmentId: 'other' })) };
    await expect(a.act(() => importFile(copy))).rejects.toMatchObject({ problem: 'inconsistent' });
    expect(await dumpDatabase(a.db)).toEqual(before);
  });

  it('refuses a file of an assessment on this laptop that carries a history entry of another one, changing nothing', async () => {
    const a = laptop('Ana');
    const [x, y] = await a.act(async () => {
      const first = await createAssessment(setup, '2026.1');
      await saveAnswer(first.id, 'school-access', { value: 'yes' });
      const second = await createAssessment({ ...setup, government: 'Republic of Elsewhere' }, '2026.1');
      await saveAnswer(second.id, 'school-access', { value: 'no' });
      return [first, second];
    });
    const [fromX, fromY] = [await carry(a, x.id), await carry(a, y.id)];
    const before = await dumpDatabase(a.db);
    // Y's own entries are known here; one more, under an id X's history already uses.
    const stolen = { ...fromX.history[0]!, assessmentId: y.id, at: '2026-12-01T00:00:00.000Z' };
    await expect(a.act(() => importFile({ ...fromY, history: [...fromY.history, stolen] }))).rejects.toMatchObject({ problem: 'inconsistent' });
    expect(await dumpDatabase(a.db)).toEqual(before);
  });

  it('brings back an assessment deleted here when its file is imported', async () => {
    const a = laptop('Ana');
    const x = await a.act(() => createAssessment(setup, '2026.1'));
    const file = await carry(a, x.id);
    await a.act(() => markDeleted(x.id, true));
    expect((await a.act(() => importFile(file))).kind).toBe('merged');
    expect((await a.act(() => getAssessment(x.id)))?.deletedAt).toBeUndefined();
  });

  it('carries a review, the assessment context and history both ways', async () => {
    const a = laptop('Ana');
    const b = laptop('Ben', 'reviewer');
    const x = await a.act(() => createAssessment(setup, '2026.1'));
    await send(a, b, x.id);
    await b.act(() => raiseQuery(x.id, 'school-access', 'Please add the decree.'));
    await a.act(() => updateAssessment(x.id, { context: 'Written by the ministry.' }));
    await send(b, a, x.id);
    await send(a, b, x.id);
    for (const side of [a, b]) {
      const data = await side.act(() => getReviewData(x.id));
      expect(data.reviews).toMatchObject([{ indicatorId: 'school-access', status: 'query' }]);
      expect(data.comments).toMatchObject([{ text: 'Please add the decree.', by: 'Ben' }]);
      expect((await side.act(() => getAssessment(x.id)))?.context).toBe('Written by the ministry.');
    }
    const histories = await Promise.all([a, b].map((side) => side.act(() => getHistory(x.id))));
    expect(histories[0]).toEqual(histories[1]);
  });
});

describe('schema upgrade to version 3', () => {
  it('opens a version-2 database, keeps its data and starts an empty history', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({ assessments: 'id, updatedAt', answers: '[assessmentId+indicatorId], assessmentId', settings: 'key' });
    const now = new Date().toISOString();
    await v2.table('assessments').add({ ...setup, id: 'old', catalogueVersion: '2026.1', status: 'draft', archived: false, createdAt: now, updatedAt: now });
    await v2.table('settings').add({ key: 'actor.name', value: 'Ana' });
    v2.close();
    const upgraded = new MgiDatabase(name);
    opened.push(upgraded);
    setDatabase(upgraded);
    expect(await getAssessment('old')).toMatchObject({ government: 'Republic of Testland' });
    await saveAnswer('old', 'school-access', { value: 'yes' });
    expect(await getHistory('old')).toMatchObject([{ field: 'value', new: 'yes', by: 'Ana' }]);
    expect(upgraded.verno).toBe(5);
  });
});

describe('importing the files of several laptops at once', () => {
  it('applies them in one go, reports each, and stops at the first that needs a decision', async () => {
    const a = laptop('Ana');
    const b = laptop('Ben');
    const c = laptop('Chloé');
    const x = await a.act(() => createAssessment(setup, '2026.1'));
    await send(a, b, x.id);
    await send(a, c, x.id);
    await b.act(() => saveAnswer(x.id, 'school-access', { value: 'yes' }));
    await c.act(() => saveAnswer(x.id, 'labour-agreements', { value: 'no' }));
    await c.act(() => saveAnswer(x.id, 'agreement-monitoring', { narrative: 'Chloé.' }));
    await a.act(() => saveAnswer(x.id, 'agreement-monitoring', { narrative: 'Ana.' }));
    const other = await a.act(() => createAssessment({ ...setup, level: 'local' }, '2026.1'));
    const mismatched = { ...(await carry(a, other.id)), assessment: { ...(await carry(a, other.id)).assessment, level: 'national' as const } };
    const [fromB, fromC] = [await carry(b, x.id), await carry(c, x.id)];

    const first = await a.act(() => importFiles([fromB, mismatched, fromB, fromC]));
    expect(first.results.map((r) => r.kind)).toEqual(['merged', 'failed', 'unchanged']);
    expect(first.pending).toMatchObject({ index: 3, conflicts: [{ field: 'narrative', mine: { value: 'Ana.' }, theirs: { value: 'Chloé.' } }] });
    // The files before the conflict are written; the one with the conflict is not, yet.
    expect((await a.act(() => getAnswers(x.id))).map((r) => [r.indicatorId, r.value, r.narrative]).sort()).toEqual([
      ['agreement-monitoring', null, 'Ana.'],
      ['school-access', 'yes', ''],
    ]);

    const decisions = { [first.pending!.conflicts[0]!.fingerprint]: 'mine' as const };
    const second = await a.act(() => importFiles([fromC], decisions));
    expect(second).toMatchObject({ results: [{ kind: 'merged' }], pending: null });
    expect((await a.act(() => getAnswers(x.id))).map((r) => [r.indicatorId, r.value, r.narrative]).sort()).toEqual([
      ['agreement-monitoring', null, 'Ana.'],
      ['labour-agreements', 'no', ''],
      ['school-access', 'yes', ''],
    ]);
  });
});
