import { describe, expect, it } from 'vitest';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import type { AnswerValue } from './answer';
import { computeProgress, nextUnanswered, stepIndicator } from './progress';
import { notApplicableIds } from './relevance';

const answers = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries));

describe('relevance rules', () => {
  it.each([
    [{}, []],
    [{ 'labour-agreements': 'yes' }, []],
    [{ 'labour-agreements': 'no' }, ['agreement-monitoring', 'monitoring-report']],
    [{ 'labour-agreements': 'partial', 'agreement-monitoring': 'no' }, ['monitoring-report']],
  ] as const)('with %j, rules out %j', (given, expected) => {
    expect([...notApplicableIds(tinyCatalogue, answers(given))].sort()).toEqual([...expected].sort());
  });
});

describe('progress', () => {
  it('counts answered indicators that apply, per domain and overall', () => {
    const p = computeProgress(tinyCatalogue, answers({ 'health-access': 'yes', 'school-access': 'unknown', 'labour-agreements': 'no' }));
    expect(p.domains.rights).toEqual({ answered: 1, total: 2 });
    expect(p.domains.partners).toEqual({ answered: 1, total: 1 });
    expect(p.overall).toEqual({ answered: 2, total: 3 });
  });

  it('finds the next unanswered indicator, skipping ruled-out ones and wrapping round', () => {
    const given = answers({ 'health-access': 'yes', 'labour-agreements': 'no' });
    expect(nextUnanswered(tinyCatalogue, given, 'health-access')).toBe('school-access');
    expect(nextUnanswered(tinyCatalogue, given, 'school-access')).toBeNull();
    expect(nextUnanswered(tinyCatalogue, answers({ 'school-access': 'yes' }), 'monitoring-report')).toBe('health-access');
  });

  it('steps over indicators that do not apply and stops at the ends', () => {
    const given = answers({ 'labour-agreements': 'no' });
    expect(stepIndicator(tinyCatalogue, given, 'labour-agreements', 1)).toBeNull();
    expect(stepIndicator(tinyCatalogue, given, 'school-access', 1)).toBe('labour-agreements');
    expect(stepIndicator(tinyCatalogue, given, 'health-access', -1)).toBeNull();
  });

  it('narrows to one institution when asked', () => {
    const onlyLabour = (id: string) => ['labour-agreements', 'agreement-monitoring'].includes(id);
    expect(nextUnanswered(tinyCatalogue, answers({}), null, onlyLabour)).toBe('labour-agreements');
  });
});
