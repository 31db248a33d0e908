/**
 * What an indicator allows and when it does not apply: the one place for the rules that the walkthrough,
 * the review, the import check (snapshot-check.ts), progress and scoring all apply.
 */
import { answerValues, type AnswerValue } from './answer';
import { allIndicators, type Catalogue, type Indicator, type RelevanceRule } from './catalogue';

/** The answers a person may choose for an indicator: "Not applicable" only where the catalogue allows it by hand. */
export function answerChoices(indicator: Pick<Indicator, 'notApplicable'>): AnswerValue[] {
  return answerValues.filter((v) => v !== 'na' || indicator.notApplicable);
}

/** Whether one relevance rule holds: the indicator it looks at has one of its answers (ruled out counts as "na"). */
function ruleHolds(rule: RelevanceRule, answers: ReadonlyMap<string, AnswerValue | null>, ruledOut: ReadonlySet<string>): boolean {
  const value = ruledOut.has(rule.indicator) ? 'na' : answers.get(rule.indicator);
  return value != null && rule.answers.includes(value);
}

/** The rule that rules an indicator out, given the answers and what is already ruled out; undefined when it applies. */
export function ruledOutBy(
  indicator: Pick<Indicator, 'notApplicableWhen'>,
  answers: ReadonlyMap<string, AnswerValue | null>,
  ruledOut: ReadonlySet<string>,
): RelevanceRule | undefined {
  return (indicator.notApplicableWhen ?? []).find((rule) => ruleHolds(rule, answers, ruledOut));
}

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
      if (ruledOutBy(indicator, answers, ruled)) {
        ruled.add(indicator.id);
        changed = true;
      }
    }
  }
  return ruled;
}

/**
 * Why an indicator is ruled out: "no" when the chain of rules goes back to a "No" (the policy it
 * depends on does not exist, so it does not exist either), "na" otherwise (the parent was itself
 * Not applicable).
 */
export type RuledOutReason = 'no' | 'na';

/**
 * The indicators `notApplicableIds` rules out, each with its reason. When several rules fire, a "No"
 * at the root wins: scoring counts those dependants as No, so a better parent never lowers a score.
 */
export function ruledOutReasons(catalogue: Catalogue, answers: ReadonlyMap<string, AnswerValue | null>): Map<string, RuledOutReason> {
  const ruled = new Map<string, RuledOutReason>();
  const withRules = allIndicators(catalogue).filter((i) => (i.notApplicableWhen ?? []).length > 0);
  let changed = true;
  while (changed) {
    changed = false;
    for (const indicator of withRules) {
      const before = ruled.get(indicator.id);
      if (before === 'no') continue;
      let reason: RuledOutReason | undefined;
      for (const rule of indicator.notApplicableWhen ?? []) {
        const parent = ruled.get(rule.indicator);
        const value = parent ? 'na' : answers.get(rule.indicator);
        if (value == null || !rule.answers.includes(value)) continue;
        const why: RuledOutReason = parent ?? (value === 'no' ? 'no' : 'na');
        if (why === 'no' || reason === undefined) reason = why;
      }
      if (reason !== undefined && reason !== before) {
        ruled.set(indicator.id, reason);
        changed = true;
      }
    }
  }
  return ruled;
}
