/**
 * Answers given against an earlier catalogue version, read against the current one.
 *
 * HAZARD: nothing here may drop or rewrite a stored answer. Answers to retired ids stay in the
 * database, in exports and in history exactly as they were; this module only decides how they are
 * *read*: shown read-only under "Answers to indicators no longer in the catalogue", and, where the
 * catalogue says an indicator was merged into another (`retired[].mergedInto`), read as the answer to
 * that indicator while the assessment has no answer of its own to it. The first real edit of that
 * indicator stores the carried-over answer with the edit (see `carriedOver`), so it is never lost.
 */
import type { Answer } from './assessment';
import { allIndicators, type Catalogue } from './catalogue';

export interface RetiredAnswer {
  answer: Answer;
  /** The indicator now asking what this one asked, if the catalogue merged it. */
  mergedInto: string | null;
  /** True when this answer is read as the answer to `mergedInto` (it had none of its own). */
  carried: boolean;
  /** False for an id the catalogue has never listed (a newer catalogue, or a foreign file). */
  known: boolean;
}

export interface CatalogueAnswers {
  /** Answers keyed by current indicator ids, carried-over ones included (with the target's id). */
  answers: Answer[];
  /** Current ids whose answer was carried over from a merged indicator, mapped to that indicator. */
  carriedOver: Map<string, string>;
  /** Every stored answer to an id the catalogue no longer has, with something in it, in the catalogue's retired order (unknown ids last). */
  retired: RetiredAnswer[];
}

/** Whether a stored answer holds anything a person wrote or chose. */
export function hasContent(a: Answer): boolean {
  return a.value !== null || a.narrative.trim() !== '' || a.evidence.length > 0 || a.dissentNote.trim() !== '' || a.followUp;
}

/** Reads an assessment's stored answers against `catalogue` (pure; the input is not changed). */
export function answersForCatalogue(catalogue: Catalogue, stored: readonly Answer[]): CatalogueAnswers {
  const current = new Set(allIndicators(catalogue).map((i) => i.id));
  const merges = new Map((catalogue.retired ?? []).map((r) => [r.id, r.mergedInto ?? null]));
  const order = new Map((catalogue.retired ?? []).map((r, i) => [r.id, i]));
  const own = new Map(stored.filter((a) => current.has(a.indicatorId)).map((a) => [a.indicatorId, a]));
  const answers = stored.filter((a) => current.has(a.indicatorId));
  const carriedOver = new Map<string, string>();
  const retired: RetiredAnswer[] = [];
  // In the catalogue's retired order, so which of two answers merged into one indicator is read is decided by the catalogue.
  const old = stored
    .filter((a) => !current.has(a.indicatorId) && hasContent(a))
    .sort((x, y) => (order.get(x.indicatorId) ?? Infinity) - (order.get(y.indicatorId) ?? Infinity));
  for (const a of old) {
    const target = merges.get(a.indicatorId) ?? null;
    const mine = target === null ? undefined : own.get(target);
    // Carried over only onto an indicator with no answer of its own, and only once per indicator
    // (two retired answers merged into one: the first in the catalogue's list is read; both stay visible).
    const carried = target !== null && current.has(target) && !carriedOver.has(target) && (mine === undefined || !hasContent(mine));
    if (carried) {
      carriedOver.set(target, a.indicatorId);
      const copy: Answer = { ...a, indicatorId: target };
      const at = answers.findIndex((x) => x.indicatorId === target);
      if (at >= 0) answers[at] = copy;
      else answers.push(copy);
    }
    retired.push({ answer: a, mergedInto: target, carried, known: merges.has(a.indicatorId) });
  }
  return { answers, carriedOver, retired };
}
