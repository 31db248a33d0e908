import { describe, expect, it } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import { getAnswers, saveAnswer } from './answers';
import { createAssessment, getAssessment, updateAssessment } from './assessments';
import { getActor, setActor } from './actor';
import { StorageError } from './connection';
import {
  addComment,
  answerQuery,
  decideProposal,
  editComment,
  getHistory,
  getReviewData,
  proposeChange,
  raiseQuery,
  ReviewError,
  reopenAssessment,
  setThreadResolved,
  undoRejection,
  validateAssessment,
  validateIndicator,
} from './review-store';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
withFreshDatabase();

const at = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000).toISOString();

describe('who is working on this laptop', () => {
  it('makes a device id once and keeps it; name and role are set by the person', async () => {
    const first = await getActor();
    expect(first).toEqual({ name: '', role: 'team', device: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await setActor({ name: '  Ana Pérez ', role: 'reviewer' })).toEqual({ name: 'Ana Pérez', role: 'reviewer', device: first.device });
    expect(await getActor()).toEqual({ name: 'Ana Pérez', role: 'reviewer', device: first.device });
  });
});

describe('history of changes', () => {
  it('records who changed which field of an answer, when, on which device, old and new', async () => {
    const { device } = await setActor({ name: 'Ana', role: 'team' });
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'health-access', { value: 'yes', narrative: 'Law of 2020.' }, at(0));
    await saveAnswer(a.id, 'health-access', { value: 'partial' }, at(10));
    expect(await getHistory(a.id, 'health-access')).toEqual([
      expect.objectContaining({ field: 'value', old: null, new: 'yes', by: 'Ana', role: 'team', device, at: at(0) }),
      expect.objectContaining({ field: 'narrative', old: '', new: 'Law of 2020.', by: 'Ana' }),
      expect.objectContaining({ field: 'value', old: 'yes', new: 'partial', at: at(10) }),
    ]);
  });

  it('folds quick typing into one entry and writes none when nothing changed', async () => {
    const a = await createAssessment(setup, '2026.1');
    await saveAnswer(a.id, 'q', { narrative: 'A' }, at(0));
    await saveAnswer(a.id, 'q', { narrative: 'A law' }, at(1));
    await saveAnswer(a.id, 'q', { narrative: 'A law' }, at(2));
    expect(await getHistory(a.id, 'q')).toMatchObject([{ field: 'narrative', old: '', new: 'A law' }]);
  });

  it("records changes to the assessment's shared fields, not to its archive flag", async () => {
    await setActor({ name: 'Ana' });
    const a = await createAssessment(setup, '2026.1');
    await updateAssessment(a.id, { context: 'Context.', archived: true }, at(0));
    expect(await getHistory(a.id, '@assessment')).toMatchObject([{ field: 'context', old: '', new: 'Context.', by: 'Ana' }]);
  });
});

describe('review', () => {
  it('follows an indicator from query to answer to validation, recording each status change', async () => {
    const a = await createAssessment(setup, '2026.1');
    await setActor({ name: 'Ben', role: 'reviewer' });
    const query = await raiseQuery(a.id, 'q', 'Which decree?', at(0));
    expect((await getReviewData(a.id)).reviews).toMatchObject([{ indicatorId: 'q', status: 'query' }]);

    await setActor({ name: 'Ana', role: 'team' });
    await answerQuery(a.id, 'q', query.id, 'Decree 12/2021.', at(10));
    await expect(validateAssessment(a.id)).rejects.toEqual(new ReviewError('openQueries'));

    await setActor({ name: 'Ben', role: 'reviewer' });
    await validateIndicator(a.id, 'q', at(20));
    const data = await getReviewData(a.id);
    expect(data.reviews).toMatchObject([{ status: 'validated' }]);
    expect(data.comments.find((c) => c.id === query.id)?.resolution).toMatchObject({ resolved: true, by: 'Ben' });
    expect((await getHistory(a.id, 'q')).map((e) => [e.field, e.old, e.new, e.by])).toEqual([
      ['review', 'none', 'query', 'Ben'],
      ['review', 'query', 'answered', 'Ana'],
      ['review', 'answered', 'validated', 'Ben'],
    ]);

    // Only the government team validates the assessment; who and when are stored and in the history.
    await expect(validateAssessment(a.id, at(30))).rejects.toEqual(new ReviewError('teamOnly'));
    await setActor({ name: 'Ana', role: 'team' });
    await validateAssessment(a.id, at(30));
    expect(await getAssessment(a.id)).toMatchObject({ status: 'validated', validatedBy: 'Ana', validatedAt: at(30) });
    expect((await getHistory(a.id, '@assessment')).map((e) => [e.field, e.old, e.new, e.by])).toEqual([
      ['status', 'draft', 'validated', 'Ana'],
      ['validatedBy', null, 'Ana', 'Ana'],
      ['validatedAt', null, at(30), 'Ana'],
    ]);
    await reopenAssessment(a.id, at(40));
    const reopened = await getAssessment(a.id);
    expect(reopened).toMatchObject({ status: 'draft' });
    expect(reopened).not.toHaveProperty('validatedBy');
  });

  it('reopens a validated answer for review when the team changes it, and returns the assessment to draft', async () => {
    const a = await createAssessment(setup, '2026.1');
    await setActor({ name: 'Ana', role: 'team' });
    await saveAnswer(a.id, 'q', { value: 'yes' }, at(0));
    await setActor({ name: 'Ben', role: 'reviewer' });
    await validateIndicator(a.id, 'q', at(5));
    await setActor({ name: 'Ana', role: 'team' });
    await validateAssessment(a.id, at(6));
    // A follow-up flag is the team's own note: the answer stays validated.
    await saveAnswer(a.id, 'q', { followUp: true }, at(7));
    expect((await getReviewData(a.id)).reviews).toMatchObject([{ status: 'validated' }]);
    expect((await getAssessment(a.id))?.status).toBe('validated');

    await saveAnswer(a.id, 'q', { value: 'partial' }, at(8));
    expect((await getReviewData(a.id)).reviews).toMatchObject([{ status: 'answered' }]);
    expect((await getHistory(a.id, 'q')).filter((e) => e.field === 'review').map((e) => [e.old, e.new, e.by])).toEqual([
      ['none', 'validated', 'Ben'],
      ['validated', 'answered', 'Ana'],
    ]);
    expect(await getAssessment(a.id)).toMatchObject({ status: 'draft' });
    expect(await getAssessment(a.id)).not.toHaveProperty('validatedAt');
  });

  it('refuses a direct change of an answer from a reviewer’s device: reviewers propose', async () => {
    const a = await createAssessment(setup, '2026.1');
    await setActor({ name: 'Ben', role: 'reviewer' });
    await expect(saveAnswer(a.id, 'q', { value: 'yes' })).rejects.toEqual(new StorageError('notAllowed'));
    expect(await getAnswers(a.id)).toEqual([]);
  });

  it('lets only the author edit a comment, and anyone resolve a thread', async () => {
    const a = await createAssessment(setup, '2026.1');
    await setActor({ name: 'Ben', role: 'reviewer' });
    const c = await addComment(a.id, 'q', 'First thought.');
    expect(await editComment(c.id, 'Second thought.', at(5))).toMatchObject({ text: 'Second thought.', editedAt: at(5) });
    await setActor({ name: 'Ana', role: 'team' });
    await expect(editComment(c.id, 'Changed by someone else')).rejects.toEqual(new ReviewError('notAuthor'));
    await expect(addComment(a.id, 'q', '   ')).rejects.toEqual(new ReviewError('empty'));
    expect(await setThreadResolved(c.id, true, at(6))).toMatchObject({ text: 'Second thought.', resolution: { resolved: true, by: 'Ana' } });
  });

  it('applies an accepted proposal through the answer history, and leaves the answer alone when rejected', async () => {
    const a = await createAssessment(setup, '2026.1');
    await setActor({ name: 'Ana', role: 'team' });
    await saveAnswer(a.id, 'q', { value: 'no', narrative: 'Nothing yet.' }, at(0));
    await setActor({ name: 'Ben', role: 'reviewer' });
    const accepted = await proposeChange(a.id, 'q', { value: 'partial', narrative: 'A draft law exists.', note: 'See the 2025 draft.' }, at(10));
    const rejected = await proposeChange(a.id, 'q', { value: 'yes', note: 'Maybe yes?' }, at(11));
    await expect(decideProposal(accepted.id, 'accepted', at(12))).rejects.toEqual(new ReviewError('teamOnly'));

    await setActor({ name: 'Ana', role: 'team' });
    await expect(validateAssessment(a.id)).rejects.toEqual(new ReviewError('openQueries'));
    await decideProposal(accepted.id, 'accepted', at(20));
    await decideProposal(rejected.id, 'rejected', at(21), '  The 2019 law covers it. ');
    await expect(decideProposal(rejected.id, 'accepted')).rejects.toEqual(new ReviewError('decided'));
    expect((await getReviewData(a.id)).proposals.find((p) => p.id === rejected.id)?.decision).toMatchObject({ status: 'rejected', reason: 'The 2019 law covers it.' });

    // A rejection can be taken back: the proposal waits again and blocks validation, then is decided anew.
    await undoRejection(rejected.id, at(22));
    await expect(validateAssessment(a.id)).rejects.toEqual(new ReviewError('openQueries'));
    await decideProposal(rejected.id, 'rejected', at(23));
    await validateAssessment(a.id, at(24));
    expect((await getAnswers(a.id))[0]).toMatchObject({ value: 'partial', narrative: 'A draft law exists.' });
    const fromProposal = (await getHistory(a.id, 'q')).filter((e) => e.via === 'proposal');
    expect(fromProposal.map((e) => [e.field, e.old, e.new, e.by])).toEqual([
      ['value', 'no', 'partial', 'Ana'],
      ['narrative', 'Nothing yet.', 'A draft law exists.', 'Ana'],
    ]);
    expect((await getReviewData(a.id)).proposals.map((p) => p.decision?.status).sort()).toEqual(['accepted', 'rejected']);
  });
});
