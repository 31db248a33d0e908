/**
 * The indicator catalogue: structure only (ids, answer model, GCM tags, institutions, relevance rules).
 * Every human sentence lives in locales/<lang>/<kind>.json, keyed by the ids defined here.
 * Both files are validated when loaded; a broken file fails with the file, the id and the problem.
 */
import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { answerValueSchema, institutionKindSchema } from './answer';

export const catalogueKinds = ['national', 'local'] as const;
export const catalogueKindSchema = z.enum(catalogueKinds);
export type CatalogueKind = z.infer<typeof catalogueKindSchema>;

const idSchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9 and single dashes)'));

export const relevanceRuleSchema = z.strictObject({
  /** When this indicator ... */
  indicator: idSchema,
  /** ... has one of these answers, the indicator carrying the rule does not apply. */
  answers: z.array(answerValueSchema).check(z.minLength(1)),
});
export type RelevanceRule = z.infer<typeof relevanceRuleSchema>;

export const indicatorSchema = z.strictObject({
  id: idSchema,
  /** GCM objectives; empty only where no objective fits (e.g. refugee-only or internal-displacement items). */
  gcm: z.array(z.int().check(z.minimum(1), z.maximum(23))),
  institutions: z.array(institutionKindSchema).check(z.minLength(1)),
  /** Whether "Not applicable" may be chosen by hand (relevance rules apply regardless). */
  notApplicable: z.boolean(),
  notApplicableWhen: z.optional(z.array(relevanceRuleSchema)),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const subdomainSchema = z.strictObject({
  id: idSchema,
  indicators: z.array(indicatorSchema).check(z.minLength(1)),
});
export type Subdomain = z.infer<typeof subdomainSchema>;

export const domainSchema = z.strictObject({
  id: idSchema,
  subdomains: z.array(subdomainSchema).check(z.minLength(1)),
});
export type Domain = z.infer<typeof domainSchema>;

/**
 * An indicator no longer in the catalogue. Stored answers to it are never dropped: they stay attached
 * to this id (shown read-only, exported, imported). `mergedInto` names the indicator that now asks what
 * it asked; its answer moves there only when the assessment has no answer of its own to that indicator.
 */
export const retiredIndicatorSchema = z.strictObject({
  id: idSchema,
  mergedInto: z.optional(idSchema),
  /** The catalogue version that retired it. */
  since: z.string().check(z.regex(/^\d{4}\.\d+$/, 'must look like 2026.1')),
});
export type RetiredIndicator = z.infer<typeof retiredIndicatorSchema>;

export const catalogueSchema = z.strictObject({
  kind: catalogueKindSchema,
  /** Bumped on every change of meaning; assessments keep the version they were answered against. */
  version: z.string().check(z.regex(/^\d{4}\.\d+$/, 'must look like 2026.1')),
  domains: z.array(domainSchema).check(z.minLength(1)),
  /** Ids that earlier versions had; never reused. Answers to them stay valid in stored and imported assessments. */
  retired: z.optional(z.array(retiredIndicatorSchema)),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

const textSchema = z.string().check(z.refine((s) => s.trim().length > 0, 'must not be empty'));
const titledSchema = z.strictObject({ title: textSchema, description: textSchema });
export const indicatorTextSchema = z.strictObject({
  question: textSchema,
  guidance: z.strictObject({
    yes: textSchema,
    partial: textSchema,
    no: textSchema,
    /** When "Not applicable" is the right answer; required where the indicator allows it by hand. */
    na: z.optional(textSchema),
    evidence: textSchema,
  }),
  /** Profile sentence when the answer is Yes (well-developed area). */
  strength: textSchema,
  /** Profile sentence when the answer is No or Partial (area with potential for further development). */
  gap: textSchema,
});
export type IndicatorText = z.infer<typeof indicatorTextSchema>;

export const catalogueTextSchema = z.strictObject({
  domains: z.record(z.string(), titledSchema),
  subdomains: z.record(z.string(), titledSchema),
  indicators: z.record(z.string(), indicatorTextSchema),
  /** Texts of retired indicators, so answers stored against them can still be shown with their question. */
  retired: z.optional(z.record(z.string(), indicatorTextSchema)),
});
export type CatalogueText = z.infer<typeof catalogueTextSchema>;

export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'CatalogueError';
  }
}

/** Plain English for a schema issue (zod/mini ships no messages, which keeps the bundle small). */
export function issueMessage(issue: $ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `unknown key ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    default:
      return issue.message;
  }
}

/** Names the nearest enclosing item with an id, so "domains.0.subdomains.2.indicators.4.gcm.0" reads as an id. */
function describeIssue(data: unknown, issue: $ZodIssue): string {
  let node: unknown = data;
  let owner = '';
  const rest: PropertyKey[] = [];
  for (const key of issue.path) {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string') {
      owner = id;
      rest.length = 0;
    } else {
      rest.push(key);
    }
  }
  const where = rest.length > 0 ? rest.join('.') : '';
  return [owner && `"${owner}"`, where, issueMessage(issue)].filter(Boolean).join(': ');
}

/** Ids of indicators earlier catalogue versions had: answers to them are valid, kept and shown read-only. */
export function retiredIds(catalogue: Catalogue): Set<string> {
  return new Set((catalogue.retired ?? []).map((r) => r.id));
}

export function allIndicators(catalogue: Catalogue): Indicator[] {
  return catalogue.domains.flatMap((d) => d.subdomains.flatMap((s) => s.indicators));
}

/** Validates a catalogue file's content; `file` names it in error messages. */
export function parseCatalogue(data: unknown, file: string): Catalogue {
  const result = catalogueSchema.safeParse(data);
  if (!result.success) throw new CatalogueError(file, result.error.issues.map((i) => describeIssue(data, i)));
  const catalogue = result.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  const ids = [
    ...catalogue.domains.map((d) => d.id),
    ...catalogue.domains.flatMap((d) => d.subdomains.map((s) => s.id)),
    ...allIndicators(catalogue).map((i) => i.id),
  ];
  for (const id of ids) {
    if (seen.has(id)) problems.push(`"${id}": id is used more than once`);
    seen.add(id);
  }
  const byId = new Map(allIndicators(catalogue).map((i) => [i.id, i]));
  const retiredSeen = new Set<string>();
  for (const r of catalogue.retired ?? []) {
    if (byId.has(r.id) || seen.has(r.id)) problems.push(`"${r.id}": retired id is still in use`);
    if (retiredSeen.has(r.id)) problems.push(`"${r.id}": retired more than once`);
    retiredSeen.add(r.id);
    if (r.mergedInto !== undefined && !byId.has(r.mergedInto)) problems.push(`"${r.id}": merged into unknown indicator "${r.mergedInto}"`);
  }
  for (const indicator of byId.values()) {
    for (const rule of indicator.notApplicableWhen ?? []) {
      if (!byId.has(rule.indicator)) problems.push(`"${indicator.id}": relevance rule points at unknown indicator "${rule.indicator}"`);
      if (rule.indicator === indicator.id) problems.push(`"${indicator.id}": relevance rule points at itself`);
    }
  }
  const cycle = findRuleCycle(catalogue);
  if (cycle) problems.push(`"${cycle[0]}": relevance rules form a cycle (${cycle.join(' → ')})`);
  if (problems.length > 0) throw new CatalogueError(file, problems);
  return catalogue;
}

/** Returns one cycle of relevance rules as a list of ids, or null. */
export function findRuleCycle(catalogue: Catalogue): string[] | null {
  const edges = new Map(allIndicators(catalogue).map((i) => [i.id, (i.notApplicableWhen ?? []).map((r) => r.indicator)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of edges.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

/** Validates a locale file for a catalogue: every domain, sub-domain and indicator has its texts. */
export function parseCatalogueText(data: unknown, file: string, catalogue: Catalogue): CatalogueText {
  const result = catalogueTextSchema.safeParse(data);
  if (!result.success) {
    throw new CatalogueError(
      file,
      result.error.issues.map((i) => {
        const [section, id, ...rest] = i.path.map(String);
        return [id ? `"${id}"` : section, rest.join('.'), issueMessage(i)].filter(Boolean).join(': ');
      }),
    );
  }
  const text = result.data;
  const problems: string[] = [];
  const need = (section: 'domains' | 'subdomains' | 'indicators', id: string) => {
    if (!text[section][id]) problems.push(`"${id}": no text in ${section}`);
  };
  for (const d of catalogue.domains) {
    need('domains', d.id);
    for (const s of d.subdomains) {
      need('subdomains', s.id);
      for (const i of s.indicators) {
        need('indicators', i.id);
        if (i.notApplicable && text.indicators[i.id] && !text.indicators[i.id]!.guidance.na) problems.push(`"${i.id}": may be Not applicable but has no guidance.na`);
      }
    }
  }
  for (const r of catalogue.retired ?? []) {
    if (!text.retired?.[r.id]) problems.push(`"${r.id}": no text in retired`);
  }
  const known = new Set(allIndicators(catalogue).map((i) => i.id));
  for (const id of Object.keys(text.indicators)) {
    if (!known.has(id)) problems.push(`"${id}": text for an indicator the catalogue does not have`);
  }
  if (problems.length > 0) throw new CatalogueError(file, problems);
  return text;
}

/** A catalogue with its texts in one language: what screens and the profile are built from. */
export interface CatalogueBundle {
  catalogue: Catalogue;
  text: CatalogueText;
  lang: string;
}
