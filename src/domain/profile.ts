/**
 * The Migration Governance Profile as a plain view model: every sentence resolved in the document's
 * language, every number formatted, every list ordered. The PDF component and the results screen only
 * lay it out, so what the profile says is decided (and tested) here.
 *
 * Rules worth knowing:
 * - Findings: Yes → the catalogue's `strength` sentence under well-developed areas; Partial and No →
 *   its `gap` sentence under areas with potential for further development (Partial tagged as such).
 *   Not applicable and unanswered indicators give no finding; they appear in the answers annex.
 * - Findings are numbered per domain ("2.3"), well-developed areas first; the GCM annex lists, for
 *   each objective, the numbers of the findings whose indicator relates to it.
 * - Sources: evidence items with a title, de-duplicated on title + year (case and spacing ignored),
 *   numbered in order of first citation. Untitled items are drafts and are left out.
 * - No score across domains is computed or printed (see scoring.ts).
 * - Local assessments read alongside a national one get a per-domain note from `localNote` below.
 * Free text (narratives, titles) is carried as plain strings; the renderers print it as text.
 */
import type { AnswerValue } from './answer';
import type { Answer, Assessment, Evidence } from './assessment';
import type { Catalogue, CatalogueBundle, CatalogueKind, Indicator } from './catalogue';
import { answersForCatalogue } from './retired';
import { comparableName, roundScore, scoreAssessment, titledEvidence, type AssessmentResults, type DomainResult, type IndicatorStatus, type ScoredValue } from './scoring';

export const profileLanguages = ['en', 'es', 'fr'] as const;
export type ProfileLanguage = (typeof profileLanguages)[number];
export function isProfileLanguage(value: unknown): value is ProfileLanguage {
  return typeof value === 'string' && (profileLanguages as readonly string[]).includes(value);
}

// ── The strings the profile needs (locales/<lang>/report.json, keys "profile" and "gcm") ──────────

type Text = string;
export interface ProfileStrings {
  profile: {
    titleNational: Text;
    titleLocal: Text;
    cover: { yearLine: Text; draft: Text; validated: Text; validatedBy: Text; dateLine: Text; basis: Text; focalPoint: Text };
    watermark: Text;
    header: Text;
    page: Text;
    contents: Text;
    sections: Record<SectionId, Text>;
    objectives: Record<CatalogueKind, Text[]>;
    introduction: { mgiNational: Text; mgiLocal: Text; migof: Text; gcm: Text; method: Text; draft: Text };
    context: { empty: Text };
    findings: {
      intro: Text;
      wellDeveloped: Text;
      potential: Text;
      noneWellDeveloped: Text;
      nonePotential: Text;
      partialTag: Text;
      sources: Text;
      summary: Text;
      summaryNoScore: Text;
      dissent: Text;
    };
    chart: { caption: Text; score: Text; completeness: Text; notScored: Text; scoreValue: Text };
    local: { intro: Text; rule: Text } & Record<LocalRelation, Text>;
    gcm: { intro: Text; objective: Text; none: Text; wellDeveloped: Text; potential: Text; item: Text };
    sources: { intro: Text; none: Text; types: Record<Evidence['type'], Text> };
    answers: { intro: Text; question: Text; answer: Text; notes: Text; ruledOut: Text; none: Text } & Record<AnswerValue, Text>;
    meta: { title: Text; subject: Text; keywords: Text; author: Text };
  };
  gcm: Record<string, Text>;
}

/** Replaces {{name}} placeholders; a missing value is a programming error, so it shows loudly. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => (key in values ? String(values[key]) : `{{${key}}}`));
}

// ── The view model ─────────────────────────────────────────────────────────────────────────────────

export type SectionId = 'objectives' | 'introduction' | 'context' | 'findings' | 'chart' | 'local' | 'gcm' | 'sources' | 'answers';

export interface Finding {
  indicatorId: string;
  /** "2.3": domain 2, third finding; the GCM annex refers to findings by this number. */
  number: string;
  sentence: string;
  /** "Partly in place." for Partial, null otherwise. */
  tag: string | null;
  narrative: string;
  /** e.g. "Sources: Migration Act (2016), art. 4 [1]; …", null without sources. */
  sources: string | null;
  /** Set when the answer was reached with dissent. */
  dissent: string | null;
}

export interface FindingGroup {
  title: string;
  items: Finding[];
  /** Shown instead of the items when there are none. */
  none: string;
}

export interface DomainFindings {
  id: string;
  title: string;
  /** "2. Whole-of-government approach" */
  heading: string;
  description: string;
  summary: string;
  localNote: string | null;
  wellDeveloped: FindingGroup;
  potential: FindingGroup;
}

export interface ChartBar {
  id: string;
  label: string;
  /** 0-100, null when the domain has no answer yet. */
  score: number | null;
  scoreText: string;
  completeness: number;
  completenessText: string;
}

export interface GcmObjective {
  number: number;
  title: string;
  /** "Well developed: 1.2, 1.5, 3.1" and "Potential for further development: …", by finding number. */
  lines: string[];
  none: string;
}

export interface AnswerRow {
  indicatorId: string;
  question: string;
  answer: string;
  /** Source numbers; and the team's note for answers that are not findings (the findings carry the others'). */
  notes: string[];
}

export interface AnswerDomain {
  id: string;
  title: string;
  rows: AnswerRow[];
}

export interface SourceItem {
  number: number;
  /** "[3]", as findings cite it. */
  label: string;
  text: string;
}

export interface ProfileModel {
  lang: ProfileLanguage;
  level: CatalogueKind;
  /**
   * Some text needs glyphs beyond the basic Latin font (e.g. "Łódź", "Đà Nẵng"): the renderer then
   * loads the Latin Extended font as a fallback. Most profiles do not, and skip its cost.
   */
  extendedLatin: boolean;
  meta: { title: string; author: string; subject: string; keywords: string; language: ProfileLanguage; creator: string };
  /** Printed across every page while the assessment is not validated. */
  watermark: string | null;
  header: string;
  /** Page label with {{page}} and {{total}}, filled in by the renderer, which alone knows them. */
  pageLabel: string;
  cover: { title: string; government: string; yearLine: string; status: string; basis: string; focalPoint: string | null };
  contents: { title: string; entries: { id: SectionId; title: string }[] };
  objectives: { title: string; paragraphs: string[] };
  introduction: { title: string; paragraphs: string[] };
  context: { title: string; paragraphs: string[] };
  findings: { title: string; intro: string; domains: DomainFindings[] };
  chart: { title: string; caption: string; scoreLabel: string; completenessLabel: string; bars: ChartBar[] };
  /** Only for a local assessment that names a national assessment on this device. */
  local: { title: string; paragraphs: string[]; notes: { domain: string; note: string }[] } | null;
  gcm: { title: string; intro: string; objectives: GcmObjective[] };
  sources: { title: string; intro: string; items: SourceItem[]; none: string };
  answers: { title: string; intro: string; columns: { question: string; answer: string; notes: string }; domains: AnswerDomain[] };
}

// ── Local and national ─────────────────────────────────────────────────────────────────────────────

export type LocalRelation = 'builds-on' | 'fills-gap' | 'room-to-build' | 'shared-potential';
/** A domain score from this value up counts as "largely in place" for the local/national note. */
export const IN_PLACE_THRESHOLD = 50;

/**
 * The documented rule for a local domain read against the same national domain:
 * local ≥ 50 and national ≥ 50 → builds on national policy; local ≥ 50, national < 50 → fills a
 * national gap; local < 50, national ≥ 50 → room to build on national policy; both < 50 → shared
 * potential. No note without a score on both sides. It compares policy presence, never ranks.
 */
export function localRelation(local: number | null, national: number | null): LocalRelation | null {
  if (local === null || national === null) return null;
  const localIn = local >= IN_PLACE_THRESHOLD;
  const nationalIn = national >= IN_PLACE_THRESHOLD;
  if (localIn) return nationalIn ? 'builds-on' : 'fills-gap';
  return nationalIn ? 'room-to-build' : 'shared-potential';
}

// ── Building it ────────────────────────────────────────────────────────────────────────────────────

export interface ProfileInput {
  assessment: Assessment;
  answers: readonly Answer[];
  /** The catalogue of the assessment's level, with its texts in the document language. */
  bundle: CatalogueBundle;
  strings: ProfileStrings;
  lang: ProfileLanguage;
  /** When the document is produced (ISO date-time); printed on the cover. */
  generatedAt: string;
  /** For a local assessment: the national assessment it names, scored against the national catalogue. */
  national?: { assessment: Assessment; answers: readonly Answer[]; catalogue: Catalogue } | null;
}

/** Paragraphs of free text: blank lines separate them; single line breaks are kept inside. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

class SourceList {
  private readonly byKey = new Map<string, SourceItem & { key: string }>();
  constructor(private readonly types: Record<Evidence['type'], string>) {}

  /** The number of an evidence item, adding it at the end of the list on first sight. */
  number(e: Evidence): number {
    const key = `${comparableName(e.title)}\u0000${e.year ?? ''}`;
    let item = this.byKey.get(key);
    if (!item) {
      const parts = [e.title.trim(), this.types[e.type], e.year === null ? '' : String(e.year), e.link.trim()].filter(Boolean);
      const number = this.byKey.size + 1;
      item = { key, number, label: `[${number}]`, text: `${parts.join('. ')}${/[.!?]$/.test(parts.at(-1) ?? '') ? '' : '.'}` };
      this.byKey.set(key, item);
    }
    return item.number;
  }

  /** "Title (2016), art. 4 [1]" for each titled item, in the order given. */
  cite(evidence: readonly Evidence[]): string[] {
    return titledEvidence(evidence).map((e) => {
      const n = this.number(e);
      const head = e.year === null ? e.title.trim() : `${e.title.trim()} (${e.year})`;
      return `${head}${e.reference.trim() ? `, ${e.reference.trim()}` : ''} [${n}]`;
    });
  }

  /** "[1]", "[4]": the numbers only. */
  refs(evidence: readonly Evidence[]): string[] {
    return [...new Set(titledEvidence(evidence).map((e) => `[${this.number(e)}]`))];
  }

  items(): SourceItem[] {
    return [...this.byKey.values()].map(({ number, label, text }) => ({ number, label, text }));
  }
}

function percent(value: number, lang: ProfileLanguage): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

function summaryOf(d: DomainResult, s: ProfileStrings['profile']['findings']): string {
  const values = {
    score: roundScore(d.score) ?? '',
    yes: d.counts.yes,
    partial: d.counts.partial,
    no: d.counts.no,
    na: d.notApplicable,
    unanswered: d.flags.unanswered.length,
  };
  return fill(d.score === null ? s.summaryNoScore : s.summary, values);
}

export function buildProfile(input: ProfileInput): ProfileModel {
  const { assessment, answers, bundle, strings, lang } = input;
  const { catalogue, text } = bundle;
  if (catalogue.kind !== assessment.level) {
    throw new Error(`The ${assessment.level} assessment needs the ${assessment.level} catalogue, not the ${catalogue.kind} one.`);
  }
  const s = strings.profile;
  const results = scoreAssessment(catalogue, answers);
  // Read as scoring reads them: answers to merged indicators count for the one that absorbed them.
  const byId = new Map(answersForCatalogue(catalogue, answers).answers.map((a) => [a.indicatorId, a]));
  const sources = new SourceList(s.sources.types);
  const government = assessment.government.trim();
  const title = assessment.level === 'local' ? s.titleLocal : s.titleNational;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(input.generatedAt));
  const validated = assessment.status === 'validated';

  const nationalResults: AssessmentResults | null =
    assessment.level === 'local' && input.national ? scoreAssessment(input.national.catalogue, input.national.answers) : null;
  const localNotes = new Map<string, string>();
  if (nationalResults) {
    for (const d of results.domains) {
      const n = nationalResults.domains.find((x) => x.id === d.id);
      const relation = localRelation(d.score, n?.score ?? null);
      if (relation) localNotes.set(d.id, fill(s.local[relation], { local: roundScore(d.score)!, national: roundScore(n!.score)! }));
    }
  }

  // Findings first, in the order they are printed: they number the sources as a reader meets them.
  const gcmRefs = new Map<number, { well: string[]; potential: string[] }>();
  const findings: DomainFindings[] = catalogue.domains.map((domain, index) => {
    const result = results.domains[index]!;
    const scored = domain.subdomains
      .flatMap((sub) => sub.indicators)
      // Ruled out by a parent's No: scored as No, but the parent's own gap sentence already says it.
      .filter((indicator) => !results.indicators[indicator.id]!.ruledOut)
      .map((indicator) => ({ indicator, status: results.indicators[indicator.id]!.status }))
      .filter((x): x is { indicator: Indicator; status: ScoredValue } => x.status === 'yes' || x.status === 'partial' || x.status === 'no');
    const ordered = [...scored.filter((x) => x.status === 'yes'), ...scored.filter((x) => x.status !== 'yes')];
    const wellDeveloped: Finding[] = [];
    const potential: Finding[] = [];
    ordered.forEach(({ indicator, status }, position) => {
      const answer = byId.get(indicator.id)!;
      const sentence = status === 'yes' ? text.indicators[indicator.id]!.strength : text.indicators[indicator.id]!.gap;
      const cited = sources.cite(answer.evidence);
      const number = `${index + 1}.${position + 1}`;
      const finding: Finding = {
        indicatorId: indicator.id,
        number,
        sentence,
        tag: status === 'partial' ? s.findings.partialTag : null,
        narrative: answer.narrative.trim(),
        sources: cited.length > 0 ? fill(s.findings.sources, { list: cited.join('; ') }) : null,
        dissent: answer.decision === 'dissent' && answer.dissentNote.trim() ? fill(s.findings.dissent, { note: answer.dissentNote.trim() }) : null,
      };
      (status === 'yes' ? wellDeveloped : potential).push(finding);
      for (const objective of indicator.gcm) {
        const refs = gcmRefs.get(objective) ?? { well: [], potential: [] };
        (status === 'yes' ? refs.well : refs.potential).push(number);
        gcmRefs.set(objective, refs);
      }
    });
    return {
      id: domain.id,
      title: text.domains[domain.id]!.title,
      heading: `${index + 1}. ${text.domains[domain.id]!.title}`,
      description: text.domains[domain.id]!.description,
      summary: summaryOf(result, s.findings),
      localNote: localNotes.get(domain.id) ?? null,
      wellDeveloped: { title: s.findings.wellDeveloped, items: wellDeveloped, none: s.findings.noneWellDeveloped },
      potential: { title: s.findings.potential, items: potential, none: s.findings.nonePotential },
    };
  });

  const answerLabel = (id: string, status: IndicatorStatus, stored: AnswerValue | null | undefined): string => {
    if (results.indicators[id]!.ruledOut) return s.answers.ruledOut;
    if (status === 'unanswered') return stored === 'unknown' ? s.answers.unknown : s.answers.none;
    return s.answers[status];
  };
  const answerDomains: AnswerDomain[] = catalogue.domains.map((domain) => ({
    id: domain.id,
    title: text.domains[domain.id]!.title,
    rows: domain.subdomains.flatMap((sub) =>
      sub.indicators.map((indicator) => {
        const answer = byId.get(indicator.id);
        const status = results.indicators[indicator.id]!.status;
        const refs = answer ? sources.refs(answer.evidence) : [];
        // Answers that are findings already carry their note and full citations there; the annex gives
        // their source numbers only, and the full note for the others.
        const inFindings = !results.indicators[indicator.id]!.ruledOut && (status === 'yes' || status === 'partial' || status === 'no');
        const notes = [
          inFindings ? '' : (answer?.narrative.trim() ?? ''),
          refs.length > 0 ? fill(s.findings.sources, { list: refs.join(', ') }) : '',
        ].filter(Boolean);
        return { indicatorId: indicator.id, question: text.indicators[indicator.id]!.question, answer: answerLabel(indicator.id, status, answer?.value), notes };
      }),
    ),
  }));

  const gcmObjectives: GcmObjective[] = Array.from({ length: 23 }, (_, i) => i + 1).map((number) => {
    const refs = gcmRefs.get(number) ?? { well: [], potential: [] };
    return {
      number,
      title: fill(s.gcm.objective, { number, name: strings.gcm[String(number)] ?? '' }),
      lines: [
        ...(refs.well.length > 0 ? [fill(s.gcm.item, { mark: s.gcm.wellDeveloped, list: refs.well.join(', ') })] : []),
        ...(refs.potential.length > 0 ? [fill(s.gcm.item, { mark: s.gcm.potential, list: refs.potential.join(', ') })] : []),
      ],
      none: s.gcm.none,
    };
  });

  const bars: ChartBar[] = results.domains.map((d) => ({
    id: d.id,
    label: text.domains[d.id]!.title,
    score: roundScore(d.score),
    scoreText: d.score === null ? s.chart.notScored : fill(s.chart.scoreValue, { value: roundScore(d.score)! }),
    completeness: Math.round(d.completeness),
    completenessText: percent(d.completeness, lang),
  }));

  const local =
    assessment.level === 'local' && input.national
      ? {
          title: s.sections.local,
          paragraphs: [
            fill(s.local.intro, { government: input.national.assessment.government.trim(), year: input.national.assessment.year }),
            s.local.rule,
          ],
          notes: findings.filter((f) => f.localNote).map((f) => ({ domain: f.title, note: f.localNote! })),
        }
      : null;

  const sections: SectionId[] = ['objectives', 'introduction', 'context', 'findings', 'chart', ...(local ? (['local'] as const) : []), 'gcm', 'sources', 'answers'];
  // A validated profile names who validated it and when (recorded with the validation, and carried in files).
  const status = !validated
    ? s.cover.draft
    : assessment.validatedBy && assessment.validatedAt
      ? fill(s.cover.validatedBy, { name: assessment.validatedBy, date: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(assessment.validatedAt)) })
      : s.cover.validated;

  const contextParagraphs = paragraphs(assessment.context);
  const model: ProfileModel = {
    lang,
    level: assessment.level,
    extendedLatin: false,
    meta: {
      title: fill(s.meta.title, { title, government, year: assessment.year }),
      author: fill(s.meta.author, { government }),
      subject: fill(s.meta.subject, { government, year: assessment.year }),
      keywords: s.meta.keywords,
      language: lang,
      creator: 'MGI assessment',
    },
    watermark: validated ? null : s.watermark,
    header: fill(s.header, { title, government, year: assessment.year }),
    pageLabel: s.page,
    cover: {
      title,
      government,
      yearLine: fill(s.cover.yearLine, { year: assessment.year }),
      status: fill(s.cover.dateLine, { status, date }),
      basis: s.cover.basis,
      focalPoint: assessment.focalPoint.trim() ? fill(s.cover.focalPoint, { name: assessment.focalPoint.trim() }) : null,
    },
    contents: { title: s.contents, entries: sections.map((id) => ({ id, title: s.sections[id] })) },
    objectives: { title: s.sections.objectives, paragraphs: s.objectives[assessment.level] },
    introduction: {
      title: s.sections.introduction,
      paragraphs: [
        s.introduction.mgiNational,
        ...(assessment.level === 'local' ? [s.introduction.mgiLocal] : []),
        s.introduction.migof,
        s.introduction.gcm,
        s.introduction.method,
        ...(validated ? [] : [s.introduction.draft]),
      ],
    },
    context: { title: s.sections.context, paragraphs: contextParagraphs.length > 0 ? contextParagraphs : [s.context.empty] },
    findings: { title: s.sections.findings, intro: s.findings.intro, domains: findings },
    chart: { title: s.sections.chart, caption: s.chart.caption, scoreLabel: s.chart.score, completenessLabel: s.chart.completeness, bars },
    local,
    gcm: { title: s.sections.gcm, intro: s.gcm.intro, objectives: gcmObjectives },
    sources: { title: s.sections.sources, intro: s.sources.intro, items: sources.items(), none: s.sources.none },
    answers: {
      title: s.sections.answers,
      intro: s.answers.intro,
      columns: { question: s.answers.question, answer: s.answers.answer, notes: s.answers.notes },
      domains: answerDomains,
    },
  };
  // Free text is normalised to composed characters (NFC): a decomposed "é" would need mark positioning,
  // and would call for the extended font for nothing.
  const normalised = normaliseText(model);
  return { ...normalised, extendedLatin: needsExtendedLatin(normalised) };
}

function normaliseText<T>(node: T): T {
  if (typeof node === 'string') return node.normalize('NFC') as T;
  if (Array.isArray(node)) return node.map(normaliseText) as T;
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, normaliseText(v)])) as T;
  return node;
}

/** Characters of the basic Latin font (@fontsource/noto-sans "latin" subset). */
const BASIC_LATIN = /^[\u0000-\u00ff\u0131\u0152\u0153\u02bb\u02bc\u02c6\u02da\u02dc\u0304\u0308\u0329\u2000-\u206f\u20ac\u2122\u2191\u2193\u2212\u2215\ufeff\ufffd]*$/;

function allText(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(allText);
  return [];
}

/** True when some text of the model has a character the basic Latin font lacks. */
export function needsExtendedLatin(node: unknown): boolean {
  return allText(node).some((text) => !BASIC_LATIN.test(text));
}

/** The file name offered for download: readable, and safe on every operating system. */
export function profileFileName(assessment: Pick<Assessment, 'government' | 'year' | 'level'>, lang: ProfileLanguage): string {
  const name = assessment.government
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${assessment.level === 'local' ? 'local-' : ''}mgi-profile-${name || 'assessment'}-${assessment.year}-${lang}.pdf`;
}
