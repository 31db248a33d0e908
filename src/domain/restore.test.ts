import { describe, expect, it } from 'vitest';
import { emptyAnswer, type Answer, type Assessment } from './assessment';
import { RESTORED_DATE, restoreAnswer, restoreAssessment } from './restore';

const now = '2026-03-01T10:00:00.000Z';
const good: Answer = {
  ...emptyAnswer('a1', 'i1', now),
  value: 'partial',
  narrative: 'The law of 2019 covers it.',
  evidence: [{ id: 'e1', title: 'Law 12', type: 'law', reference: 'Art. 4', year: 2019, link: '' }],
  institutions: ['labour'],
};

describe('restoreAnswer', () => {
  it('returns a row that parses unchanged, with nothing repaired', () => {
    expect(restoreAnswer(good)).toEqual({ value: good, repaired: [] });
  });

  it.each<[string, Record<string, unknown>, Partial<Answer>, string[]]>([
    ['an unknown choice', { value: 'maybe' }, { value: null }, ['value']],
    ['a narrative over the limit (cut, not dropped)', { narrative: 'w'.repeat(25_000) }, { narrative: 'w'.repeat(20_000) }, ['narrative']],
    ['a narrative that is not text', { narrative: 42 }, { narrative: '' }, ['narrative']],
    ['a decision from a newer version', { decision: 'vote' }, { decision: 'consensus' }, ['decision']],
    ['a broken date', { updatedAt: 'yesterday' }, { updatedAt: RESTORED_DATE }, ['updatedAt']],
    ['a missing follow-up flag', { followUp: undefined }, { followUp: false }, ['followUp']],
    ['institutions that are not a list', { institutions: 'labour' }, { institutions: [] }, ['institutions']],
    ['one bad institution among good ones', { institutions: ['labour', '', 'health'] }, { institutions: ['labour', 'health'] }, ['institutions']],
    [
      'an evidence item with a bad type',
      { evidence: [{ ...good.evidence[0], type: 'decree' }] },
      { evidence: [{ ...good.evidence[0]!, type: 'other' }] },
      ['evidence.type'],
    ],
    ['an evidence item that is not an object', { evidence: [good.evidence[0], 'junk'] }, { evidence: good.evidence }, ['evidence']],
  ])('repairs %s and keeps every other field', (_, change, expected, repaired) => {
    const restored = restoreAnswer({ ...good, ...change });
    expect(restored?.value).toEqual({ ...good, ...expected });
    expect(restored?.repaired).toEqual(repaired);
  });

  it('repairs several fields at once and names them all', () => {
    const restored = restoreAnswer({ ...good, value: 7, dissentNote: null, extra: 'ignored' });
    expect(restored?.value).toEqual({ ...good, value: null, dissentNote: '' });
    expect(restored?.repaired).toEqual(['value', 'dissentNote']);
  });

  it.each([null, 'text', [], { indicatorId: 'i1' }, { assessmentId: 'a1', indicatorId: '' }])('cannot restore a row without its keys (%j)', (row) => {
    expect(restoreAnswer(row)).toBeNull();
  });
});

const assessment: Assessment = {
  id: 'a1',
  government: 'Republic of Example',
  level: 'national',
  year: 2026,
  focalPoint: 'Ana',
  institutions: ['Ministry of Labour'],
  context: 'Context.',
  catalogueVersion: '2',
  status: 'draft',
  archived: false,
  createdAt: now,
  updatedAt: now,
};

describe('restoreAssessment', () => {
  it('returns a row that parses unchanged', () => {
    expect(restoreAssessment(assessment)).toEqual({ value: assessment, repaired: [] });
  });

  it.each<[string, Record<string, unknown>, Partial<Assessment>, string[]]>([
    ['an empty government name', { government: '' }, { government: '—' }, ['government']],
    ['a context over the limit', { context: 'c'.repeat(20_001) }, { context: 'c'.repeat(20_000) }, ['context']],
    ['a year out of range', { year: 1900 }, { year: 2026 }, ['year']],
    ['an unknown status', { status: 'final' }, { status: 'draft' }, ['status']],
    ['a missing archive flag (a version 1 row)', { archived: undefined }, { archived: false }, ['archived']],
    ['a broken update date', { updatedAt: 'x' }, { updatedAt: now }, ['updatedAt']],
    ['a broken validation date (left out)', { validatedAt: 'x' }, {}, ['validatedAt']],
  ])('repairs %s and keeps every other field', (_, change, expected, repaired) => {
    const restored = restoreAssessment({ ...assessment, ...change });
    expect(restored?.value).toEqual({ ...assessment, ...expected });
    expect(restored?.repaired).toEqual(repaired);
  });

  it.each([null, 42, { government: 'x' }, { id: '' }])('cannot restore a row without its id (%j)', (row) => {
    expect(restoreAssessment(row)).toBeNull();
  });
});
