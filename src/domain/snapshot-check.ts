/**
 * The meaning check of an assessment arriving from elsewhere (a file today, a server later), after its
 * rows passed their schemas: one function, checkSnapshot, pure, used by every way data comes in.
 *
 * Refused, with a named problem and a translatable detail (exchange-problem.ts), in this order:
 * - ids that are empty, too long, hold control characters (NUL splits field keys, see history.ts) or
 *   use the app's reserved key `@assessment` anywhere but in the assessment's own history;
 * - a catalogue of the wrong level, or a catalogue version newer than this app's (update the app);
 * - any record of another assessment;
 * - the same answer, review, comment, proposal, history entry or evidence item twice;
 * - indicators that neither the catalogue nor its list of retired ids knows;
 * - "Not applicable" where the indicator allows it neither by hand nor by a relevance rule;
 * - dates before 2000 or more than a year ahead of `now` (laptop clocks are often wrong, not by years);
 * - more than MAX_HISTORY_PER_ANSWER history entries for one answer, or a history counter so high that
 *   the answer could never be saved again (history.ts bounds `seq`).
 *
 * Repaired, never refused, and listed in `repaired` (nothing disappears silently):
 * - `deletedAt` and `archived` are this device's business: a deleted mark from elsewhere would purge the
 *   assessment at the next start; they are dropped;
 * - "validated" while a query is open (two laptops validating and querying at the same time reach this
 *   state through an honest merge): read as a draft, since an open query reopens the assessment.
 *
 * Unknown keys are already gone: the schemas strip them.
 */
import { allIndicators, retiredIds, type Catalogue } from './catalogue';
import { detail, ExchangeError, quote, type ExchangeDetail } from './exchange-problem';
import { ASSESSMENT_KEY, type HistoryEntry } from './history';
import type { Snapshot } from './merge';
import { notApplicableIds } from './relevance';
import { openQueries } from './review';

/** Far above any real answer (edits within five minutes fold into one entry); keeps every later save fast. */
export const MAX_HISTORY_PER_ANSWER = 2000;
/** History counters above this are refused: the schema's ceiling is 1,000 times higher, room for every later save. */
export const MAX_HISTORY_SEQ = 1_000_000;
const MAX_ID_LENGTH = 200;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const YEAR_MS = 366 * 24 * 3600 * 1000;

export interface CheckOptions {
  /** The present, for the plausible-date window. */
  now: string;
}

export type Repair = 'deletedMarkDropped' | 'archivedCleared' | 'reopenedForOpenQuery';

export type CheckResult = { ok: true; snapshot: Snapshot; repaired: Repair[] } | { ok: false; error: ExchangeError };

/** Ids of indicators the catalogue no longer has but whose stored answers stay valid (indicators/README.md). */
export function retiredIndicatorIds(catalogue: Catalogue): readonly string[] {
  return [...retiredIds(catalogue)];
}

/** Indicator ids an answer may carry: the catalogue's own and its retired ones. */
export function knownIndicatorIds(catalogue: Catalogue): Set<string> {
  return new Set([...allIndicators(catalogue).map((i) => i.id), ...retiredIndicatorIds(catalogue)]);
}

const CATALOGUE_VERSION = /^(\d{4})\.(\d+)$/;
/** Catalogue versions ("2026.1") compared as numbers; null when one is not a version. */
export function compareCatalogueVersions(a: string, b: string): number | null {
  const x = CATALOGUE_VERSION.exec(a);
  const y = CATALOGUE_VERSION.exec(b);
  if (!x || !y) return null;
  return Number(x[1]) - Number(y[1]) || Number(x[2]) - Number(y[2]);
}

/** Whether an ISO date is one a person could have recorded: from 2000 to a year after `now`. */
export function plausibleDate(value: string, now: string): boolean {
  const at = Date.parse(value);
  return Number.isFinite(at) && at >= EARLIEST && at <= Date.parse(now) + YEAR_MS;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
function badId(id: string): boolean {
  return id.length === 0 || id.length > MAX_ID_LENGTH || CONTROL.test(id) || id.trim() !== id;
}

class Refusal {
  constructor(readonly error: ExchangeError) {}
}
function refuse(problem: ExchangeError['problem'], d: ExchangeDetail): never {
  throw new Refusal(new ExchangeError(problem, d));
}

/** Checks (and repairs, see the module header) a snapshot against the catalogue of its level. */
export function checkSnapshot(snapshot: Snapshot, catalogue: Catalogue, options: CheckOptions): CheckResult {
  try {
    return { ok: true, ...check(snapshot, catalogue, options) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    throw error;
  }
}

function check(snapshot: Snapshot, catalogue: Catalogue, { now }: CheckOptions): { snapshot: Snapshot; repaired: Repair[] } {
  const { assessment, answers, reviews, comments, proposals, history } = snapshot;

  // Ids first: everything below uses them as keys.
  const ids = (where: string, list: readonly { id: string }[]) => list.forEach((row, i) => checkId(`${where}[${i}].id`, row.id));
  const checkId = (where: string, id: string) => {
    if (badId(id)) refuse('invalid', detail('badId', { where }));
    if (id === ASSESSMENT_KEY) refuse('invalid', detail('reservedId', { where }));
  };
  checkId('assessment.id', assessment.id);
  ids('comments', comments);
  ids('proposals', proposals);
  ids('history', history);
  answers.forEach((a, i) => a.evidence.forEach((e, j) => checkId(`answers[${i}].evidence[${j}].id`, e.id)));
  comments.forEach((c, i) => c.parentId !== null && checkId(`comments[${i}].parentId`, c.parentId));
  type Row = { assessmentId: string; indicatorId: string };
  const indicatorRows: [string, readonly Row[]][] = [
    ['answers', answers],
    ['reviews', reviews],
    ['comments', comments],
    ['proposals', proposals],
  ];
  for (const [where, rows] of indicatorRows) rows.forEach((row, i) => checkId(`${where}[${i}].indicatorId`, row.indicatorId));
  history.forEach((e, i) => e.indicatorId !== ASSESSMENT_KEY && checkId(`history[${i}].indicatorId`, e.indicatorId));

  // The catalogue.
  if (assessment.level !== catalogue.kind) refuse('inconsistent', detail('catalogueKind'));
  const newer = compareCatalogueVersions(assessment.catalogueVersion, catalogue.version);
  if (newer === null) refuse('invalid', detail('badFormat', { where: 'assessment.catalogueVersion' }));
  if (newer > 0) refuse('catalogueNewer', detail('newerCatalogue', { version: assessment.catalogueVersion, ours: catalogue.version }));

  // One assessment.
  const all: [string, readonly Row[]][] = [...indicatorRows, ['history', history]];
  for (const [where, rows] of all) {
    const i = rows.findIndex((row) => row.assessmentId !== assessment.id);
    if (i >= 0) refuse('inconsistent', detail('foreignRecord', { where: `${where}[${i}]` }));
  }

  // Each thing once.
  const unique = (where: string, keys: readonly string[]) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key)) refuse('inconsistent', detail('duplicate', { where: `${where}[${i}]`, id: quote(key) }));
      seen.add(key);
    });
  };
  unique('answers', answers.map((a) => a.indicatorId));
  unique('reviews', reviews.map((r) => r.indicatorId));
  unique('comments', comments.map((c) => c.id));
  unique('proposals', proposals.map((p) => p.id));
  unique('history', history.map((e) => e.id));
  answers.forEach((a, i) => unique(`answers[${i}].evidence`, a.evidence.map((e) => e.id)));

  // Indicators the catalogue knows.
  const known = knownIndicatorIds(catalogue);
  const unknown = new Set<string>();
  for (const [, rows] of all) {
    for (const row of rows) if (row.indicatorId !== ASSESSMENT_KEY && !known.has(row.indicatorId)) unknown.add(row.indicatorId);
  }
  const [first] = unknown;
  if (first !== undefined) refuse('catalogue', detail('unknownIndicators', { count: unknown.size, id: quote(first), version: catalogue.version }));

  // Answers each indicator allows.
  const byId = new Map(allIndicators(catalogue).map((i) => [i.id, i]));
  const ruledOut = notApplicableIds(catalogue, new Map(answers.map((a) => [a.indicatorId, a.value])));
  const forbidden = answers.find((a) => a.value === 'na' && byId.get(a.indicatorId)?.notApplicable === false && !ruledOut.has(a.indicatorId));
  if (forbidden) refuse('invalid', detail('notApplicableForbidden', { id: forbidden.indicatorId }));

  // Dates a person could have recorded.
  const date = (where: string, value: string | null | undefined) => {
    if (value != null && !plausibleDate(value, now)) refuse('invalid', detail('implausibleDate', { where, date: quote(value) }));
  };
  date('assessment.createdAt', assessment.createdAt);
  date('assessment.updatedAt', assessment.updatedAt);
  answers.forEach((a, i) => date(`answers[${i}].updatedAt`, a.updatedAt));
  reviews.forEach((r, i) => date(`reviews[${i}].updatedAt`, r.updatedAt));
  comments.forEach((c, i) => {
    date(`comments[${i}].at`, c.at);
    date(`comments[${i}].editedAt`, c.editedAt);
    date(`comments[${i}].resolution.at`, c.resolution?.at);
  });
  proposals.forEach((p, i) => {
    date(`proposals[${i}].at`, p.at);
    date(`proposals[${i}].decision.at`, p.decision?.at);
  });
  history.forEach((e, i) => date(`history[${i}].at`, e.at));

  // History that stays workable.
  const perAnswer = new Map<string, number>();
  history.forEach((e: HistoryEntry, i) => {
    if (e.seq > MAX_HISTORY_SEQ) refuse('invalid', detail('counterTooHigh', { where: `history[${i}].seq` }));
    const count = (perAnswer.get(e.indicatorId) ?? 0) + 1;
    perAnswer.set(e.indicatorId, count);
    if (count > MAX_HISTORY_PER_ANSWER) {
      const entries = history.filter((x) => x.indicatorId === e.indicatorId).length;
      refuse('invalid', detail('historyTooLong', { id: quote(e.indicatorId), entries, max: MAX_HISTORY_PER_ANSWER }));
    }
  });

  // Repairs.
  const repaired: Repair[] = [];
  let clean = assessment;
  if (clean.deletedAt !== undefined) {
    const { deletedAt: _, ...rest } = clean;
    clean = rest;
    repaired.push('deletedMarkDropped');
  }
  if (clean.archived) {
    clean = { ...clean, archived: false };
    repaired.push('archivedCleared');
  }
  if (clean.status === 'validated' && openQueries(comments, proposals).length > 0) {
    const { validatedBy: _by, validatedAt: _at, ...rest } = clean;
    clean = { ...rest, status: 'draft' };
    repaired.push('reopenedForOpenQuery');
  }
  return { snapshot: clean === assessment ? snapshot : { ...snapshot, assessment: clean }, repaired };
}

