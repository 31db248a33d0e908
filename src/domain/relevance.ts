import type { AnswerValue } from './answer';
import { allIndicators, type Catalogue } from './catalogue';

/**
 * Which indicators do not apply, given the answers so far. A rule can chain (an indicator ruled out
 * counts as "na" for rules that look at it), so we resolve in passes; the catalogue has no cycles.
 */
export function notApplicableIds(catalogue: Catalogue, answers: ReadonlyMap<string, AnswerValue | null>): Set<string> {
  const ruled = new Set<string>();
  const withRules = allIndicators(catalogue).filter((i) => (i.notApplicableWhen ?? []).length > 0);
  let changed = true;
  while (changed) {
    changed = false;
    for (const indicator of withRules) {
      if (ruled.has(indicator.id)) continue;
      const applies = (indicator.notApplicableWhen ?? []).some((rule) => {
        const value = ruled.has(rule.indicator) ? 'na' : answers.get(rule.indicator);
        return value != null && rule.answers.includes(value);
      });
      if (applies) {
        ruled.add(indicator.id);
        changed = true;
      }
    }
  }
  return ruled;
}
