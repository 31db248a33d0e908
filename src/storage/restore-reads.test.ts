import { describe, expect, it, vi } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import { countAnswered, getAnswer, getAnswers, saveAnswer } from './answers';
import { createAssessment, getAssessment, listAssessments, repairedRowCount } from './assessments';
import { readSnapshot } from './exchange-store';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
const db = withFreshDatabase();

describe('stored rows that no longer parse are restored, not dropped', () => {
  it('an answer with one bad field is still read, shown and exported, its good fields intact', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await createAssessment(setup, '1');
    await saveAnswer(a.id, 'i1', { value: 'yes', narrative: 'Kept words.' });
    // As an older build or a hand edit could leave it: a choice this version does not know.
    await db().answers.update([a.id, 'i1'], { value: 'maybe', decision: 'vote' });
    const before = repairedRowCount();

    const answers = await getAnswers(a.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ indicatorId: 'i1', value: null, narrative: 'Kept words.', decision: 'consensus' });
    expect((await getAnswer(a.id, 'i1'))?.narrative).toBe('Kept words.');
    expect((await readSnapshot(a.id))?.answers.map((x) => x.narrative)).toEqual(['Kept words.']);
    expect(repairedRowCount()).toBe(before + 1);

    // The next edit writes the repaired row back whole.
    await saveAnswer(a.id, 'i1', { value: 'partial' });
    expect(await db().answers.get([a.id, 'i1'])).toMatchObject({ value: 'partial', narrative: 'Kept words.', decision: 'consensus' });
  });

  it('an assessment with a bad field stays in the list, opens and exports', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await createAssessment(setup, '1');
    await db().assessments.update(a.id, { status: 'final', year: 'twenty' });
    expect((await listAssessments()).map((x) => x.id)).toEqual([a.id]);
    expect(await getAssessment(a.id)).toMatchObject({ government: 'Republic of Testland', status: 'draft' });
    expect((await readSnapshot(a.id))?.assessment.government).toBe('Republic of Testland');
  });
});

describe('an answer to an indicator no longer in the catalogue', () => {
  it('is not counted as progress but stays stored and exported', async () => {
    const a = await createAssessment(setup, '1');
    await saveAnswer(a.id, 'kept', { value: 'yes' });
    await saveAnswer(a.id, 'replaced-id', { value: 'partial' });
    await saveAnswer(a.id, 'unsure', { value: 'unknown' });
    // Outside the catalogue too, but no progress anyway: nothing to take away for them.
    await saveAnswer(a.id, 'replaced-unsure', { value: 'unknown' });
    await saveAnswer(a.id, 'replaced-note-only', { narrative: 'A note, no answer yet.' });
    const catalogue = new Set(['kept', 'unsure', 'other']);
    expect((await countAnswered([a.id], () => catalogue)).get(a.id)).toBe(1);
    expect((await readSnapshot(a.id))?.answers.map((x) => x.indicatorId).sort()).toEqual(['kept', 'replaced-id', 'replaced-note-only', 'replaced-unsure', 'unsure']);
  });
});
