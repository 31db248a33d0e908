import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import { lastExports, markExported } from './actor';
import { countAnswered, getAnswers, saveAnswer } from './answers';
import { createAssessment, duplicateAssessment, getAssessment, listAssessments, markDeleted, purgeDeleted, updateAssessment } from './assessments';
import { MgiDatabase, StorageError, guard, setDatabase } from './connection';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = {
  government: 'Republic of Testland',
  level: 'national',
  year: 2026,
  focalPoint: 'A. Official',
  institutions: ['interior', 'Migration Council'],
  context: '',
};

const db = withFreshDatabase();

describe('assessments', () => {
  it('creates, lists newest change first, and updates', async () => {
    const a = await createAssessment(setup, '2026.1', '2026-01-01T00:00:00.000Z');
    const b = await createAssessment({ ...setup, government: 'Second' }, '2026.1', '2026-02-01T00:00:00.000Z');
    expect((await listAssessments()).map((x) => x.id)).toEqual([b.id, a.id]);
    await updateAssessment(a.id, { archived: true });
    expect((await getAssessment(a.id))?.archived).toBe(true);
    expect((await listAssessments()).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('counts real answers per assessment, never "Don\'t know yet", an emptied answer or another assessment\'s', async () => {
    const a = await createAssessment(setup, '2026.1');
    const b = await createAssessment(setup, '2026.1');
    const values = ['yes', 'partial', 'no', 'na', 'unknown'] as const;
    for (const [i, value] of values.entries()) await saveAnswer(a.id, `indicator-${i}`, { value });
    await saveAnswer(a.id, 'emptied', { value: 'yes' });
    await saveAnswer(a.id, 'emptied', { value: null });
    await saveAnswer(a.id, 'narrative-only', { narrative: 'Still discussing.' });
    await saveAnswer(b.id, 'indicator-0', { value: 'yes' });
    expect(await countAnswered([a.id, b.id, 'none'])).toEqual(
      new Map([
        [a.id, 4],
        [b.id, 1],
        ['none', 0],
      ]),
    );
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
    await markExported(a.id, '2026-01-01T00:00:00.000Z');
    await markDeleted(a.id, true);
    expect(await purgeDeleted(new Date(Date.now() + 1000).toISOString())).toBe(1);
    expect(await getAnswers(a.id)).toHaveLength(0);
    // Nothing of it is left behind, not even when it was last exported.
    expect(await lastExports([a.id])).toEqual(new Map());
  });

  it('refuses to store an invalid record and leaves the old one as it was', async () => {
    const a = await createAssessment(setup, '2026.1');
    await expect(updateAssessment(a.id, { year: 1800 })).rejects.toBeInstanceOf(StorageError);
    expect((await getAssessment(a.id))?.year).toBe(2026);
  });

  it('restores stored rows that do not parse instead of trusting or dropping them', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db().assessments.add({ id: 'broken', government: 42 });
    expect((await listAssessments()).map((a) => [a.id, a.government, a.status])).toEqual([['broken', '—', 'draft']]);
    expect((await getAssessment('broken'))?.government).toBe('—');
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
    // The version-4 index is built from the old rows: the home list counts the old answer.
    expect(await countAnswered(['old'])).toEqual(new Map([['old', 1]]));
    expect(upgraded.verno).toBe(5);
    await upgraded.delete();
  });
});

describe('storage failures', () => {
  const failWith = (error: unknown) => guard(() => Promise.reject(error));
  it('name a full disk and missing storage, however the browser reports them', async () => {
    await expect(failWith(new DOMException('full', 'QuotaExceededError'))).rejects.toMatchObject({ problem: 'quota' });
    // Dexie wraps the browser's error in its own, with the original as `inner`.
    await expect(failWith(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).rejects.toMatchObject({ problem: 'quota' });
    await expect(failWith(new Dexie.MissingAPIError('no indexedDB'))).rejects.toMatchObject({ problem: 'unavailable' });
    await expect(failWith(new DOMException('blocked', 'SecurityError'))).rejects.toMatchObject({ problem: 'unavailable' });
  });

  it('call an ended or aborted transaction a failed write that can be retried, not missing storage', async () => {
    await expect(failWith(new DOMException('The transaction has finished.', 'InvalidStateError'))).rejects.toMatchObject({ problem: 'writeFailed' });
    await expect(failWith(new DOMException('finished', 'TransactionInactiveError'))).rejects.toMatchObject({ problem: 'writeFailed' });
    await expect(failWith(new Dexie.AbortError('aborted'))).rejects.toMatchObject({ problem: 'writeFailed' });
  });
});
