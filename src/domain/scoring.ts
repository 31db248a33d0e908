/**
 * Scores of one assessment, per sub-domain and domain, and what moved since an earlier assessment.
 *
 * The method, as the results screen explains it:
 * - each indicator counts Yes 1, Partial 0.5, No 0;
 * - Not applicable (chosen, or ruled out by a relevance rule) is left out of the count;
 * - Don't know yet and no answer are unanswered: left out of the score, counted against completeness;
 * - an area's score is its points as a share (0-100) of the maximum its answered applicable
 *   indicators could reach, so a half-finished area is not pulled down by questions not yet discussed;
 *   completeness (answered / applicable) says how much of the area the score rests on.
 * Confidence flags name the indicators whose answer has no evidence, was reached with dissent, or is
 * still open.
 *
 * DELIBERATELY ABSENT: any score across domains. The MGI is not a ranking; a single country figure
 * would invite one. Do not add an "overall" score here or anywhere that uses these results.
 */
import type { AnswerValue } from './answer';
import { isAnswered, type Answer, type Evidence } from './assessment';
import type { Catalogue } from './catalogue';
import { notApplicableIds } from './relevance';

export const answerPoints = { yes: 1, partial: 0.5, no: 0 } as const satisfies Partial<Record<AnswerValue, number>>;
export type ScoredValue = keyof typeof answerPoints;

/** How an indicator enters the count. */
export type IndicatorStatus = ScoredValue | 'na' | 'unanswered';

export interface IndicatorResult {
  id: string;
  status: IndicatorStatus;
  /** True when the relevance rules rule it out, whatever was stored. */
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
  /** Indicators answered Yes, Partial or No. */
  answered: number;
  /** Indicators that apply (not Not applicable). */
  applicable: number;
  /** Indicators left out as Not applicable. */
  notApplicable: number;
  /** 0-100, answered / applicable; 100 when nothing applies. */
  completeness: number;
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

function indicatorResult(id: string, answer: Answer | undefined, ruledOut: boolean): IndicatorResult {
  const value = answer?.value ?? null;
  const status: IndicatorStatus = ruledOut || value === 'na' ? 'na' : isAnswered(value) ? (value as ScoredValue) : 'unanswered';
  return {
    id,
    status,
    ruledOut,
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
    completeness: 100,
    counts: { yes: 0, partial: 0, no: 0 },
    flags: { noEvidence: [], dissent: [], unanswered: [] },
  };
}

function add(area: AreaResult, r: IndicatorResult): void {
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
  if (!r.hasEvidence) area.flags.noEvidence.push(r.id);
  if (r.dissent) area.flags.dissent.push(r.id);
}

function finish<T extends AreaResult>(area: T): T {
  area.score = area.answered === 0 ? null : (area.points / area.answered) * 100;
  area.completeness = area.applicable === 0 ? 100 : (area.answered / area.applicable) * 100;
  return area;
}

/** Scores every sub-domain and domain of the catalogue from the stored answers (answers to unknown ids are ignored). */
export function scoreAssessment(catalogue: Catalogue, answers: readonly Answer[]): AssessmentResults {
  const byId = new Map(answers.map((a) => [a.indicatorId, a]));
  const ruledOut = notApplicableIds(catalogue, valuesOf(answers));
  const indicators: Record<string, IndicatorResult> = {};
  const domains = catalogue.domains.map((domain) => {
    const total: DomainResult = { ...emptyArea(domain.id), subdomains: [] };
    for (const sub of domain.subdomains) {
      const area = emptyArea(sub.id);
      for (const indicator of sub.indicators) {
        const r = indicatorResult(indicator.id, byId.get(indicator.id), ruledOut.has(indicator.id));
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

/** Rounded for display: whole numbers, as the profile prints them. */
export function roundScore(score: number | null): number | null {
  return score === null ? null : Math.round(score);
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
    const rounded = delta === null ? null : Math.round(delta);
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
