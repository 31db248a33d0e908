import { describe, expect, it } from 'vitest';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import type { AnswerValue } from './answer';
import { allIndicators } from './catalogue';
import { answerChoices, notApplicableIds, ruledOutBy } from './relevance';

const indicator = (id: string) => allIndicators(tinyCatalogue).find((i) => i.id === id)!;
const values = (entries: [string, AnswerValue][]) => new Map<string, AnswerValue | null>(entries);

describe('relevance rules', () => {
  it('offers “Not applicable” only where the catalogue allows it by hand', () => {
    expect(answerChoices(indicator('health-access'))).toEqual(['yes', 'partial', 'no', 'unknown']);
    expect(answerChoices(indicator('monitoring-report'))).toEqual(['yes', 'partial', 'no', 'na', 'unknown']);
  });

  it('names the rule that rules an indicator out, counting a ruled-out indicator as “na”', () => {
    const answers = values([['labour-agreements', 'no']]);
    const ruled = notApplicableIds(tinyCatalogue, answers);
    expect([...ruled].sort()).toEqual(['agreement-monitoring', 'monitoring-report']);
    expect(ruledOutBy(indicator('agreement-monitoring'), answers, ruled)?.indicator).toBe('labour-agreements');
    expect(ruledOutBy(indicator('monitoring-report'), answers, ruled)?.indicator).toBe('agreement-monitoring');
    expect(ruledOutBy(indicator('agreement-monitoring'), values([['labour-agreements', 'yes']]), new Set())).toBeUndefined();
  });
});
