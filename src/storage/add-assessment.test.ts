import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/demo.json';
import { parseCatalogue } from '../domain/catalogue';
import { buildDemoAssessment } from '../domain/demo';
import { countAnswered, getAnswers } from './answers';
import { addAssessmentWithAnswers, getAssessment, listAssessments } from './assessments';
import { withFreshDatabase } from '../../test/fresh-database';

const catalogue = parseCatalogue(JSON.parse(readFileSync('indicators/national.json', 'utf8')), 'national');
const demo = (id: string) => buildDemoAssessment({ catalogue, phrases: en, id, now: '2026-05-04T09:00:00.000Z' });

withFreshDatabase();

describe('addAssessmentWithAnswers', () => {
  it('stores an assessment and all its answers, listed as fully answered', async () => {
    const { assessment, answers } = demo('demo-1');
    await addAssessmentWithAnswers(assessment, answers);
    expect(await getAssessment('demo-1')).toEqual(assessment);
    expect(await getAnswers('demo-1')).toHaveLength(answers.length);
    expect((await listAssessments()).map((a) => a.id)).toEqual(['demo-1']);
    const real = answers.filter((a) => a.value !== null && a.value !== 'unknown').length;
    expect(await countAnswered(['demo-1'])).toEqual(new Map([['demo-1', real]]));
  });

  it('stores nothing when one answer is malformed', async () => {
    const { assessment, answers } = demo('demo-2');
    const broken = answers.map((a, i) => (i === 50 ? { ...a, value: 'maybe' as never } : a));
    await expect(addAssessmentWithAnswers(assessment, broken)).rejects.toThrow();
    expect(await getAssessment('demo-2')).toBeNull();
    expect(await getAnswers('demo-2')).toEqual([]);
  });

  it('refuses an id already on the device and leaves the stored assessment as it was', async () => {
    const first = demo('demo-3');
    await addAssessmentWithAnswers(first.assessment, first.answers);
    const second = demo('demo-3');
    await expect(addAssessmentWithAnswers({ ...second.assessment, government: 'Other' }, second.answers.slice(0, 3))).rejects.toThrow();
    expect((await getAssessment('demo-3'))?.government).toBe(first.assessment.government);
    expect(await getAnswers('demo-3')).toHaveLength(first.answers.length);
  });

  it('refuses answers that belong to another assessment', async () => {
    const { assessment, answers } = demo('demo-4');
    await expect(addAssessmentWithAnswers(assessment, [{ ...answers[0]!, assessmentId: 'elsewhere' }])).rejects.toThrow();
    expect(await getAssessment('demo-4')).toBeNull();
  });
});
