/**
 * Why a file (or a snapshot from elsewhere) cannot be imported, in a form every language can say:
 * a problem code, and optionally a detail code with parameters. Nothing here is an English sentence,
 * so a Spanish message never carries an English explanation inside it; the sentences live in
 * locales/<lang>/review.json under `problems.*` and `details.*`, and describeProblem puts them together
 * (the app with i18next, the command line with the English file).
 *
 * Parameters quoted from a file go through `quote`: bounded and with control characters made visible,
 * so a hostile file cannot put megabytes or invisible text on the screen.
 */
import type { $ZodIssue } from 'zod/v4/core';

export type ExchangeProblem =
  | 'tooLarge'
  | 'unreadable'
  | 'empty'
  | 'encoding'
  | 'truncated'
  | 'malformed'
  | 'notAssessmentFile'
  | 'version'
  | 'checksumMissing'
  | 'checksum'
  | 'invalid'
  | 'inconsistent'
  | 'catalogue'
  | 'catalogueNewer'
  | 'passphraseNeeded'
  | 'passphraseWrong'
  | 'levelMismatch'
  | 'changedMeanwhile';

/** What exactly is wrong; each code has a sentence in `details.<code>` taking `values`. */
export type DetailCode =
  // a value against the file format (from the schema)
  | 'missing'
  | 'wrongType'
  | 'notAllowed'
  | 'tooLong'
  | 'tooMany'
  | 'outOfRange'
  | 'badFormat'
  // the file's own coherence
  | 'formatVersion'
  | 'downgraded'
  | 'foreignRecord'
  | 'duplicate'
  | 'reservedId'
  | 'badId'
  | 'implausibleDate'
  | 'historyTooLong'
  | 'counterTooHigh'
  | 'catalogueKind'
  | 'catalogueVersion'
  | 'newerCatalogue'
  // against the catalogue
  | 'unknownIndicators'
  | 'notApplicableForbidden'
  // against this laptop
  | 'notSameAssessment'
  | 'idTaken';

export interface ExchangeDetail {
  code: DetailCode;
  values: Record<string, string | number>;
}

/** A file that cannot be imported; `problem` picks the message, `detail` says what exactly, both translatable. */
export class ExchangeError extends Error {
  readonly detail: ExchangeDetail | null;
  constructor(
    readonly problem: ExchangeProblem,
    detail: ExchangeDetail | null = null,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${problem}: ${detail.code} ${JSON.stringify(detail.values)}` : problem, options);
    this.name = 'ExchangeError';
    this.detail = detail;
  }
}

export function detail(code: DetailCode, values: Record<string, string | number> = {}): ExchangeDetail {
  return { code, values };
}

/** The longest piece of a file quoted in a message. */
const QUOTE_MAX = 40;

/** A value from a file, fit to quote in a message: at most 40 characters, control characters shown as �. */
export function quote(value: unknown): string {
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
  const chars = [...text.slice(0, QUOTE_MAX * 2)];
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : chars.join('');
}

/** Where in the file: `answers[3].value`, as a person can find it in a text editor. */
export function placeOf(path: readonly PropertyKey[]): string {
  let place = '';
  for (const key of path) {
    if (typeof key === 'number') place += `[${key}]`;
    else place += place ? `.${quote(String(key))}` : quote(String(key));
  }
  return place || '/';
}

/** The first schema issue as a translatable detail. */
export function issueDetail(issues: readonly $ZodIssue[]): ExchangeDetail | null {
  const issue = issues[0];
  if (!issue) return null;
  const where = placeOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return detail(issue.input === undefined ? 'missing' : 'wrongType', { where });
    case 'too_big':
      if (issue.origin === 'string') return detail('tooLong', { where, max: Number(issue.maximum) });
      if (issue.origin === 'array') return detail('tooMany', { where, max: Number(issue.maximum) });
      return detail('outOfRange', { where });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return detail('missing', { where });
      return detail('outOfRange', { where });
    case 'invalid_format':
      return detail('badFormat', { where });
    default:
      return detail('notAllowed', { where });
  }
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The problem as one sentence in the language of `t` (keys of locales/<lang>/review.json). */
export function describeProblem(error: ExchangeError, t: Translate, limitMegabytes: number): string {
  const values = error.detail?.values ?? {};
  const said = error.detail ? t(`details.${error.detail.code}`, values) : '';
  return t(`problems.${error.problem}`, { ...values, detail: said, limit: limitMegabytes });
}
