import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import {
  MgiDatabase,
  StorageError,
  createAssessment,
  duplicateAssessment,
  getAnswers,
  getAssessment,
  listAssessments,
  markDeleted,
  purgeDeleted,
  saveAnswer,
  updateAssessment,
  setDatabase,
} from './db';
import { journalAnswer, replayJournal } from './journal';

const setup: AssessmentSetup = {
  government: 'Republic of Testland',
  level: 'national',
  year: 2026,
  focalPoint: 'A. Official',
  institutions: ['interior', 'Migration Council'],
  context: '',
};

let db: MgiDatabase;
beforeEach(() => {
  db = new MgiDatabase(`test-${crypto.randomUUID()}`);
  setDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe('assessments', () => {
  it('creates, lists with progress, and updates', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'health-access', { value: 'yes', narrative: 'Law 12/2019.' });
    await saveAnswer(a.id, 'school-access', { value: 'unknown' });
    const [summary] = await listAssessments();
    expect(summary).toMatchObject({ answered: 1, assessment: { government: 'Republic of Testland', status: 'draft' } });
    await updateAssessment(a.id, { archived: true });
    expect((await getAssessment(a.id))?.archived).toBe(true);
  });

  it('duplicates an assessment with its answers for a follow-up', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'health-access', { value: 'partial' });
    const copy = await duplicateAssessment(a.id, { year: 2030 });
    expect(copy.id).not.toBe(a.id);
    expect(copy.year).toBe(2030);
    expect((await getAnswers(copy.id)).map((x) => x.value)).toEqual(['partial']);
    expect(await getAnswers(a.id)).toHaveLength(1);
  });

  it('deletes in two steps so a deletion can be undone', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'health-access', { value: 'no' });
    await markDeleted(a.id, true);
    expect(await listAssessments()).toHaveLength(0);
    await markDeleted(a.id, false);
    expect(await listAssessments()).toHaveLength(1);
    await markDeleted(a.id, true);
    expect(await purgeDeleted(new Date(Date.now() + 1000).toISOString())).toBe(1);
    expect(await getAnswers(a.id)).toHaveLength(0);
  });

  it('refuses to store an invalid record and leaves the old one as it was', async () => {
    const a = await createAssessment(setup, '2026.1');
    await expect(updateAssessment(a.id, { year: 1800 })).rejects.toBeInstanceOf(StorageError);
    expect((await getAssessment(a.id))?.year).toBe(2026);
  });

  it('ignores stored rows that do not parse instead of trusting them', async () => {
    await db.assessments.add({ id: 'broken', government: 42 });
    expect(await listAssessments()).toEqual([]);
    expect(await getAssessment('broken')).toBeNull();
  });
});

describe('answers', () => {
  it('replaces only the fields in a patch, so edits from two tabs to different fields both stay', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'health-access', { narrative: 'typed in tab one' });
    await saveAnswer(a.id, 'health-access', { value: 'yes' });
    const [answer] = await getAnswers(a.id);
    expect(answer).toMatchObject({ narrative: 'typed in tab one', value: 'yes' });
  });

  it('replays journalled edits that never reached IndexedDB', async () => {
    const a = await createAssessment(setup, '2026.1');
    journalAnswer(a.id, 'school-access', { narrative: 'typed just before the crash' });
    expect(await replayJournal()).toBe(1);
    expect((await getAnswers(a.id))[0]?.narrative).toBe('typed just before the crash');
    expect(await replayJournal()).toBe(0);
  });
});

describe('schema upgrade', () => {
  it('opens a version-1 database and keeps its data, filling the new fields', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ assessments: 'id, updatedAt', answers: '[assessmentId+indicatorId], assessmentId' });
    const now = new Date().toISOString();
    await v1.table('assessments').add({ ...setup, id: 'old', catalogueVersion: '2026.1', createdAt: now, updatedAt: now });
    await v1.table('answers').add({
      assessmentId: 'old',
      indicatorId: 'health-access',
      value: 'yes',
      narrative: 'kept',
      evidence: [],
      institutions: [],
      decision: 'consensus',
      dissentNote: '',
      followUp: false,
      updatedAt: now,
    });
    v1.close();

    const upgraded = new MgiDatabase(name);
    setDatabase(upgraded);
    expect(await getAssessment('old')).toMatchObject({ government: 'Republic of Testland', archived: false, status: 'draft' });
    expect((await getAnswers('old'))[0]?.narrative).toBe('kept');
    expect(upgraded.verno).toBe(3);
    await upgraded.delete();
  });
});
