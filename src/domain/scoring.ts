/**
 * Scores of one assessment, per sub-domain and domain, and what moved since an earlier assessment.
 *
 * The method, as the results screen explains it:
 * - each indicator counts Yes 1, Partial 0.5, No 0;
 * - an indicator ruled out because a policy it depends on was answered No counts as No (0 points):
 *   if it were left out, Partial family reunification with three dependants answered No would score
 *   lower than no family reunification at all. A better policy must never lower a score;
 * - Not applicable (chosen by hand, or ruled out by a parent that is itself Not applicable) is left
 *   out of the score;
 * - Don't know yet and no answer are unanswered: left out of the score, counted against completeness;
 * - an area's score is its points as a share (0-100) of the maximum its scored indicators could
 *   reach, so a half-finished area is not pulled down by questions not yet discussed;
 * - completeness is what the walkthrough and the home list call answered: among the indicators the
 *   walkthrough asks (not ruled out), those with a position taken, Not applicable chosen by hand
 *   included; ruled-out indicators are settled by their parent and leave both sides of the share.
 * Scores are kept exact (points × 100 / count, points in halves) and rounded half up for display.
 * Confidence flags name the indicators whose answer has no evidence, was reached with dissent, or is
 * still open.
 *
 * DELIBERATELY ABSENT: any score across domains. The MGI is not a ranking; a single country figure
 * would invite one. Do not add an "overall" score here or anywhere that uses these results.
 */
import type { AnswerValue } from './answer';
import { isAnswered, type Answer, type Evidence } from './assessment';
import type { Catalogue } from './catalogue';
import { ruledOutReasons, type RuledOutReason } from './relevance';
import { answersForCatalogue } from './retired';

export const answerPoints = { yes: 1, partial: 0.5, no: 0 } as const satisfies Partial<Record<AnswerValue, number>>;
export type ScoredValue = keyof typeof answerPoints;

/** How an indicator enters the count. */
export type IndicatorStatus = ScoredValue | 'na' | 'unanswered';

export interface IndicatorResult {
  id: string;
  status: IndicatorStatus;
  /** True when the relevance rules rule it out, whatever was stored (status "no" when a parent's No did). */
  ruledOut: boolean;
  /** 1, 0.5 or 0 for Yes, Partial, No; null otherwise. */
  points: number | null;
  /** At least one evidence item with a title. */
  hasEvidence: boolean;
  dissent: boolean;
}

export interface ConfidenceFlags {
  /** Answered Yes/Partial/No without any titled evidence. */
  noEvidence: string[];
  /** Answered with the decision recorded as dissent. */
  dissent: string[];
  /** Applicable and not answered (or "Don't know yet"). */
  unanswered: string[];
}

export interface AreaResult {
  id: string;
  /** 0-100, share of the maximum of the answered applicable indicators; null when none is answered. */
  score: number | null;
  points: number;
  /** Indicators scored Yes, Partial or No (those counted as No through a parent's No included). */
  answered: number;
  /** Indicators that enter the score once answered (not Not applicable). */
  applicable: number;
  /** Indicators left out as Not applicable. */
  notApplicable: number;
  /** Of `answered`, those counted as No because a parent's No ruled them out. */
  impliedNo: number;
  /** 0-100, share of the indicators the walkthrough asks that have a position (hand-chosen Not applicable included); 100 when none is asked. */
  completeness: number;
  /** The walkthrough's count: indicators not ruled out, and those of them with a position taken. */
  asked: { answered: number; total: number };
  counts: Record<ScoredValue, number>;
  flags: ConfidenceFlags;
}

export interface DomainResult extends AreaResult {
  subdomains: AreaResult[];
}

export interface AssessmentResults {
  domains: DomainResult[];
  indicators: Record<string, IndicatorResult>;
}

/** The stored value of each indicator, for the relevance rules. */
export function valuesOf(answers: readonly Answer[]): Map<string, AnswerValue | null> {
  return new Map(answers.map((a) => [a.indicatorId, a.value]));
}

/** Evidence items the team gave a title: the only ones cited or counted. */
export function titledEvidence(evidence: readonly Evidence[]): Evidence[] {
  return evidence.filter((e) => e.title.trim() !== '');
}

function hasTitledEvidence(answer: Answer | undefined): boolean {
  return titledEvidence(answer?.evidence ?? []).length > 0;
}

function indicatorResult(id: string, answer: Answer | undefined, ruledOut: RuledOutReason | undefined): IndicatorResult {
  const value = answer?.value ?? null;
  const status: IndicatorStatus =
    ruledOut === 'no' ? 'no' : ruledOut === 'na' || value === 'na' ? 'na' : isAnswered(value) ? (value as ScoredValue) : 'unanswered';
  return {
    id,
    status,
    ruledOut: ruledOut !== undefined,
    points: status === 'na' || status === 'unanswered' ? null : answerPoints[status],
    hasEvidence: hasTitledEvidence(answer),
    dissent: answer?.decision === 'dissent',
  };
}

function emptyArea(id: string): AreaResult {
  return {
    id,
    score: null,
    points: 0,
    answered: 0,
    applicable: 0,
    notApplicable: 0,
    impliedNo: 0,
    completeness: 100,
    asked: { answered: 0, total: 0 },
    counts: { yes: 0, partial: 0, no: 0 },
    flags: { noEvidence: [], dissent: [], unanswered: [] },
  };
}

function add(area: AreaResult, r: IndicatorResult): void {
  if (!r.ruledOut) {
    area.asked.total += 1;
    if (r.status !== 'unanswered') area.asked.answered += 1;
  }
  if (r.status === 'na') {
    area.notApplicable += 1;
    return;
  }
  area.applicable += 1;
  if (r.status === 'unanswered') {
    area.flags.unanswered.push(r.id);
    return;
  }
  area.answered += 1;
  area.points += r.points ?? 0;
  area.counts[r.status] += 1;
  // Counted as No through its parent: nobody answered it, so there is no evidence or decision to flag.
  if (r.ruledOut) {
    area.impliedNo += 1;
    return;
  }
  if (!r.hasEvidence) area.flags.noEvidence.push(r.id);
  if (r.dissent) area.flags.dissent.push(r.id);
}

function finish<T extends AreaResult>(area: T): T {
  // points × 100 first: points are halves, so 11.5 × 100 / 20 is exactly 57.5 (11.5 / 20 × 100 is 57.49999…).
  area.score = area.answered === 0 ? null : (area.points * 100) / area.answered;
  area.completeness = area.asked.total === 0 ? 100 : (area.asked.answered * 100) / area.asked.total;
  return area;
}

/** Scores every sub-domain and domain of the catalogue from the stored answers (answers to retired ids count only where merged). */
export function scoreAssessment(catalogue: Catalogue, stored: readonly Answer[]): AssessmentResults {
  // Answers to merged indicators count for the indicator that absorbed them (see retired.ts).
  const answers = answersForCatalogue(catalogue, stored).answers;
  const byId = new Map(answers.map((a) => [a.indicatorId, a]));
  const ruledOut = ruledOutReasons(catalogue, valuesOf(answers));
  const indicators: Record<string, IndicatorResult> = {};
  const domains = catalogue.domains.map((domain) => {
    const total: DomainResult = { ...emptyArea(domain.id), subdomains: [] };
    for (const sub of domain.subdomains) {
      const area = emptyArea(sub.id);
      for (const indicator of sub.indicators) {
        const r = indicatorResult(indicator.id, byId.get(indicator.id), ruledOut.get(indicator.id));
        indicators[indicator.id] = r;
        add(area, r);
        add(total, r);
      }
      total.subdomains.push(finish(area));
    }
    return finish(total);
  });
  return { domains, indicators };
}

/**
 * Half up, as people round (57.5 → 58, and -2.5 → -3 for a fall as for a rise). The tiny epsilon
 * absorbs binary noise from sums such as 100 - 42.5, so a true half is never read as 57.4999….
 */
export function roundHalfUp(n: number): number {
  const magnitude = Math.floor(Math.abs(n) + 0.5 + 1e-9);
  return n < 0 ? -magnitude : magnitude;
}

/** Rounded for display: whole numbers, half up, as the profile prints them. */
export function roundScore(score: number | null): number | null {
  return score === null ? null : roundHalfUp(score);
}

// ── Comparison with an earlier assessment ────────────────────────────────────────────────────────

export type Movement = 'up' | 'down' | 'changed' | 'same';

export interface IndicatorChange {
  id: string;
  before: IndicatorStatus;
  after: IndicatorStatus;
  /** up/down when both are scored and the points differ; changed when one side is not scored. */
  movement: Exclude<Movement, 'same'>;
}

export interface DomainChange {
  id: string;
  before: number | null;
  after: number | null;
  /** after - before in score points, null when either side has no score. */
  delta: number | null;
  movement: Movement;
  completenessBefore: number;
  completenessAfter: number;
  indicators: IndicatorChange[];
}

/**
 * What moved between an earlier and a later assessment scored against the same catalogue (indicators are
 * matched by id, so an older catalogue version simply shows its missing indicators as unanswered).
 */
export function compareResults(catalogue: Catalogue, before: AssessmentResults, after: AssessmentResults): DomainChange[] {
  return catalogue.domains.map((domain, index) => {
    const b = before.domains[index]!;
    const a = after.domains[index]!;
    const indicators: IndicatorChange[] = [];
    for (const sub of domain.subdomains) {
      for (const { id } of sub.indicators) {
        const was = before.indicators[id]!;
        const now = after.indicators[id]!;
        if (was.status === now.status) continue;
        const movement = was.points !== null && now.points !== null ? (now.points > was.points ? 'up' : 'down') : 'changed';
        indicators.push({ id, before: was.status, after: now.status, movement });
      }
    }
    const delta = a.score !== null && b.score !== null ? a.score - b.score : null;
    const rounded = delta === null ? null : roundHalfUp(delta);
    const movement: Movement =
      delta === null ? (a.score === b.score ? 'same' : 'changed') : rounded! > 0 ? 'up' : rounded! < 0 ? 'down' : 'same';
    return {
      id: domain.id,
      before: b.score,
      after: a.score,
      delta,
      movement,
      completenessBefore: b.completeness,
      completenessAfter: a.completeness,
      indicators,
    };
  });
}

// ── Which earlier assessment to compare with ─────────────────────────────────────────────────────

interface Comparable {
  id: string;
  government: string;
  level: string;
  year: number;
  createdAt: string;
  deletedAt?: string | undefined;
}

/** A name as people mean it: whatever its case, spacing or Unicode form ("Côte d'Ivoire" = "côte  d'ivoire"). */
export function comparableName(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** Government names match whatever their case, spacing or Unicode form. */
export function sameGovernment(a: string, b: string): boolean {
  return comparableName(a) === comparableName(b);
}

/**
 * Earlier assessments of the same government at the same level, most recent first: an earlier year,
 * or the same year but created before (a follow-up started from a copy).
 */
export function earlierAssessments<T extends Comparable>(current: Comparable, all: readonly T[]): T[] {
  // Times compared as instants: imported files may carry offsets (+02:00), where text order is wrong.
  const at = (a: Comparable) => Date.parse(a.createdAt);
  const before = (a: Comparable) => a.year < current.year || (a.year === current.year && at(a) < at(current));
  return all
    .filter((a) => a.id !== current.id && !a.deletedAt && a.level === current.level && sameGovernment(a.government, current.government) && before(a))
    .sort((a, b) => b.year - a.year || at(b) - at(a));
}
