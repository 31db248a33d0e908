/** Progress through a catalogue: what is answered, what is left, what the relevance rules rule out. */
import { isAnswered } from './assessment';
import type { AnswerValue } from './answer';
import { allIndicators, type Catalogue } from './catalogue';
import { notApplicableIds } from './relevance';

export interface Count {
  answered: number;
  /** Indicators that apply (relevance rules taken into account). */
  total: number;
}

export interface Progress {
  overall: Count;
  domains: Record<string, Count>;
  ruledOut: Set<string>;
}

export function computeProgress(catalogue: Catalogue, values: ReadonlyMap<string, AnswerValue | null>): Progress {
  const ruledOut = notApplicableIds(catalogue, values);
  const overall: Count = { answered: 0, total: 0 };
  const domains: Record<string, Count> = {};
  for (const domain of catalogue.domains) {
    const count: Count = { answered: 0, total: 0 };
    for (const sub of domain.subdomains) {
      for (const indicator of sub.indicators) {
        if (ruledOut.has(indicator.id)) continue;
        count.total += 1;
        if (isAnswered(values.get(indicator.id))) count.answered += 1;
      }
    }
    domains[domain.id] = count;
    overall.answered += count.answered;
    overall.total += count.total;
  }
  return { overall, domains, ruledOut };
}

/**
 * The next indicator that applies and has no answer, searching forward from `fromId` and wrapping
 * round; `allowed` narrows the search (e.g. to one ministry's questions). Null when none is left.
 */
export function nextUnanswered(
  catalogue: Catalogue,
  values: ReadonlyMap<string, AnswerValue | null>,
  fromId: string | null,
  allowed: (id: string) => boolean = () => true,
): string | null {
  const order = allIndicators(catalogue).map((i) => i.id);
  const ruledOut = notApplicableIds(catalogue, values);
  const start = fromId ? order.indexOf(fromId) + 1 : 0;
  for (let step = 0; step < order.length; step++) {
    const id = order[(start + step) % order.length]!;
    if (id !== fromId && allowed(id) && !ruledOut.has(id) && !isAnswered(values.get(id))) return id;
  }
  return null;
}

/** The neighbour in catalogue order that applies (skipping ruled-out indicators), or null at the ends. */
export function stepIndicator(
  catalogue: Catalogue,
  values: ReadonlyMap<string, AnswerValue | null>,
  fromId: string,
  direction: 1 | -1,
  allowed: (id: string) => boolean = () => true,
): string | null {
  const order = allIndicators(catalogue).map((i) => i.id);
  const ruledOut = notApplicableIds(catalogue, values);
  for (let i = order.indexOf(fromId) + direction; i >= 0 && i < order.length; i += direction) {
    const id = order[i]!;
    if (!ruledOut.has(id) && allowed(id)) return id;
  }
  return null;
}
