/**
 * The Migration Governance Profile as a plain view model: every sentence resolved in the document's
 * language, every list ordered. The PDF and Word renderers and the results screen only lay it out, so
 * what the profile says is decided (and tested) here.
 *
 * The profile reads like a published one, in the published order: objectives → acronyms →
 * introduction (the MGI and MiGOF, the process, this self-assessment) → context → key findings by
 * domain → what changed since an earlier assessment (follow-ups) → local and national policy (local
 * assessments with a national one) → key sources → annexes (ratification of the conventions, findings
 * by GCM objective).
 *
 * DELIBERATELY ABSENT: scores, counts of answers, completeness and charts. Published profiles are
 * narrative and never rate a government; the workshop figures live on the results screen and in the
 * separate workshop annex (workshop-annex.ts). Do not add a number derived from the answers here.
 *
 * Rules worth knowing:
 * - Findings: Yes → the catalogue's `strength` sentence under well-developed areas; Partial and No →
 *   its `gap` sentence under areas with potential for further development (Partial tagged as such).
 *   Not applicable and unanswered indicators give no finding.
 * - Findings are numbered per domain ("2.3"), well-developed areas first; the GCM annex refers to them.
 * - Sources: evidence items with a title, de-duplicated on title + year (case and spacing ignored).
 *   Findings cite them briefly ("Migration Act (2016), art. 4"); key sources give full citations, in
 *   alphabetical order. Untitled items are drafts and are left out.
 * - Local assessments read alongside a national one get a per-domain note from `localRelation`, in
 *   words only.
 * Free text (narratives, titles) is carried as plain strings; the renderers print it as text.
 */
import type { AnswerValue } from './answer';
import type { Answer, Assessment, Evidence } from './assessment';
import type { Catalogue, CatalogueBundle, CatalogueKind, Indicator } from './catalogue';
import { fileSlug } from './file-name';
import type { Language } from './language';
import { answersForCatalogue } from './retired';
import { comparableName, compareResults, scoreAssessment, titledEvidence, type AssessmentResults, type ScoredValue } from './scoring';
import { scriptsOf, type Script } from './scripts';

/** A profile is written in any language of the app (language.ts keeps the one list). */
export type ProfileLanguage = Language;
export { isLanguage as isProfileLanguage, languages as profileLanguages } from './language';

// ── The strings the profile needs (locales/<lang>/report.json, keys "profile", "annex" and "gcm") ──

type Text = string;
export interface ProfileStrings {
  profile: {
    titleNational: Text;
    titleLocal: Text;
    cover: {
      yearLine: Text;
      draft: Text;
      validated: Text;
      validatedBy: Text;
      dateLine: Text;
      basis: Text;
      selfAssessment: Text;
      focalPoint: Text;
    };
    watermark: Text;
    header: Text;
    page: Text;
    contents: Text;
    sections: Record<SectionId, Text>;
    acronyms: { short: Text; long: Text }[];
    objectives: Record<CatalogueKind, Text[]>;
    introduction: {
      mgiTitle: Text;
      mgiNational: Text;
      mgiLocal: Text;
      migof: Text;
      gcm: Text;
      processTitle: Text;
      processIntro: Text;
      process: Text[];
      selfTitle: Text;
      selfAssessment: Text;
      draft: Text;
    };
    context: { empty: Text };
    findings: {
      intro: Text;
      wellDeveloped: Text;
      potential: Text;
      noneWellDeveloped: Text;
      nonePotential: Text;
      partialTag: Text;
      sources: Text;
      dissent: Text;
    };
    changes: { intro: Text; improved: Text; declined: Text; other: Text; none: Text };
    local: { intro: Text; rule: Text } & Record<LocalRelation, Text>;
    conventions: { intro: Text; instrument: Text; status: Text; notAnswered: Text };
    gcm: { intro: Text; objective: Text; none: Text; wellDeveloped: Text; potential: Text; item: Text };
    sources: { intro: Text; none: Text; author: Text; noYear: Text; citation: Text; available: Text };
    signOff: { title: Text; intro: Text; roles: Text[]; name: Text; position: Text; signature: Text; date: Text };
    meta: { title: Text; subject: Text; keywords: Text; author: Text };
  };
  annex: AnnexStrings;
  gcm: Record<string, Text>;
}

/** The workshop annex's strings (see workshop-annex.ts); typed here so report.json is checked once. */
export interface AnnexStrings {
  title: Text;
  notProfile: Text;
  header: Text;
  sections: { method: Text; summary: Text; flags: Text; answers: Text };
  method: Text[];
  summary: { caption: Text; domain: Text; score: Text; completeness: Text; yes: Text; partial: Text; no: Text; na: Text; unanswered: Text; notScored: Text };
  flags: { noEvidence: Text; dissent: Text; unanswered: Text; none: Text };
  answers: { intro: Text; question: Text; answer: Text; notes: Text; ruledOut: Text; none: Text; sources: Text } & Record<AnswerValue, Text>;
  meta: { title: Text };
}

/** Replaces {{name}} placeholders; a missing value is a programming error, so it shows loudly. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => (key in values ? String(values[key]) : `{{${key}}}`));
}

// ── The view model ─────────────────────────────────────────────────────────────────────────────────

export type SectionId = 'acronyms' | 'objectives' | 'introduction' | 'context' | 'findings' | 'changes' | 'local' | 'sources' | 'conventions' | 'gcm';

export interface Finding {
  indicatorId: string;
  /** "2.3": domain 2, third finding; the GCM annex refers to findings by this number. */
  number: string;
  sentence: string;
  /** "Partly in place." for Partial, null otherwise. */
  tag: string | null;
  narrative: string;
  /** e.g. "Sources: Migration Act (2016), art. 4; …", null without sources. */
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
  localNote: string | null;
  wellDeveloped: FindingGroup;
  potential: FindingGroup;
}

export interface GcmObjective {
  number: number;
  title: string;
  /** "Well developed: 1.2, 1.5, 3.1" and "Potential for further development: …", by finding number. */
  lines: string[];
  none: string;
}

export interface ChangeDomain {
  id: string;
  title: string;
  /** Only the groups with something in them, in the order improved, declined, other. */
  groups: { title: string; items: string[] }[];
  /** Said when nothing moved in the domain. */
  none: string | null;
}

export interface Paragraphs {
  title: string;
  paragraphs: string[];
}

export interface ProfileModel {
  lang: ProfileLanguage;
  level: CatalogueKind;
  /** Writing systems present beyond basic Latin: the renderer loads those fonts only (see scripts.ts). */
  scripts: Script[];
  meta: { title: string; author: string; subject: string; keywords: string; language: ProfileLanguage; creator: string };
  /** Printed across every page while the assessment is not validated. */
  watermark: string | null;
  header: string;
  /** Page label with {{page}} and {{total}}, filled in by the renderer, which alone knows them. */
  pageLabel: string;
  cover: { title: string; government: string; yearLine: string; status: string; basis: string; selfAssessment: string; focalPoint: string | null };
  contents: { title: string; entries: { id: SectionId; title: string }[] };
  acronyms: { title: string; items: { short: string; long: string }[] };
  objectives: Paragraphs;
  introduction: { title: string; parts: { title: string; paragraphs: string[]; items: string[] }[] };
  context: Paragraphs;
  findings: { title: string; intro: string; domains: DomainFindings[] };
  /** Only for a follow-up: an earlier assessment of the same government and level was given. */
  changes: { title: string; intro: string; domains: ChangeDomain[] } | null;
  /** Only for a local assessment that names a national assessment on this device. */
  local: { title: string; paragraphs: string[]; notes: { domain: string; note: string }[] } | null;
  sources: { title: string; intro: string; items: string[]; none: string };
  /** Annex I: the conventions sub-domain as a table; null when the catalogue has none (local). */
  conventions: { title: string; intro: string; columns: { instrument: string; status: string }; rows: { id: string; instrument: string; status: string }[] } | null;
  gcm: { title: string; intro: string; objectives: GcmObjective[] };
  /** For the editable (Word) draft: who signs the validated profile. */
  signOff: { title: string; intro: string; roles: string[]; fields: { name: string; position: string; signature: string; date: string } };
}

// ── Local and national ─────────────────────────────────────────────────────────────────────────────

export type LocalRelation = 'builds-on' | 'fills-gap' | 'room-to-build' | 'shared-potential';
/** A domain score from this value up counts as "largely in place" for the local/national note. */
export const IN_PLACE_THRESHOLD = 50;

/**
 * The documented rule for a local domain read against the same national domain:
 * local ≥ 50 and national ≥ 50 → builds on national policy; local ≥ 50, national < 50 → fills a
 * national gap; local < 50, national ≥ 50 → room to build on national policy; both < 50 → shared
 * potential. No note without an answer on both sides. It compares policy presence, never ranks, and
 * the note says it in words: the figures stay on the results screen.
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
  /** For a follow-up: the earlier assessment it was duplicated from (same level, same catalogue). */
  earlier?: { assessment: Assessment; answers: readonly Answer[] } | null;
}

/** Paragraphs of free text: blank lines separate them; single line breaks are kept inside. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Sentences of a domain description that speak of the other level. The current catalogue gives one
 * description for both levels and ends it with a local-level sentence; a national profile leaves that
 * sentence out (and a local one keeps it). Stop-gap until the catalogue has a text per level.
 */
const LOCAL_SENTENCE = /^(At (the )?local level|A nivel local|En el (ámbito|plano) local|Au niveau local|À l['’]échelon local)\b/;

export function levelDescription(description: string, level: CatalogueKind): string {
  if (level === 'local') return description;
  const sentences = description.match(/[^.!?]+[.!?]+(\s+|$)/g) ?? [description];
  return sentences
    .filter((s) => !LOCAL_SENTENCE.test(s.trim()))
    .join('')
    .trim();
}

const sourceKey = (e: Evidence) => `${comparableName(e.title)}\u0000${e.year ?? ''}`;

/** "Migration Act (2016), art. 4" for each titled item, in the order given. */
function briefCitations(evidence: readonly Evidence[]): string[] {
  return titledEvidence(evidence).map((e) => {
    const head = e.year === null ? e.title.trim() : `${e.title.trim()} (${e.year})`;
    return `${head}${e.reference.trim() ? `, ${e.reference.trim()}` : ''}`;
  });
}

/**
 * Full citations, each source once, alphabetical: "Republic of X, 2009. Nationality Act. Available at …".
 * The author is the national government for a national profile; a local profile cites both local and
 * national texts, and the team records no issuer, so its citations start with the title.
 */
function keySources(answers: readonly Answer[], author: string | null, s: ProfileStrings['profile']['sources'], lang: ProfileLanguage): string[] {
  const seen = new Map<string, Evidence>();
  for (const a of answers) for (const e of titledEvidence(a.evidence)) if (!seen.has(sourceKey(e))) seen.set(sourceKey(e), e);
  const cite = (e: Evidence) => {
    const year = e.year === null ? s.noYear : String(e.year);
    const title = e.title.trim().replace(/[.\s]+$/, '');
    // "n.d." ends with its own full stop: no second one after it.
    const head = (author ? fill(s.citation, { author, year, title }) : `${title} (${year}).`).replace(/\.\./g, '.');
    return e.link.trim() ? `${head} ${fill(s.available, { link: e.link.trim() })}` : head;
  };
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return [...seen.values()].sort((a, b) => collator.compare(a.title.trim(), b.title.trim()) || (a.year ?? 0) - (b.year ?? 0)).map(cite);
}

/** Sub-domains of conventions signed and ratified: found by id, so the catalogue can move them. */
const isConventions = (subdomainId: string) => /conventions/.test(subdomainId);

type DomainText = CatalogueBundle['text'];
type ProfileText = ProfileStrings['profile'];
type SentenceOf = (id: string, status: ScoredValue) => string;
/** Finding numbers per GCM objective, split by where the finding stands. */
type GcmRefs = Map<number, { well: string[]; potential: string[] }>;

/** A local assessment read against the national one it names: one sentence per domain, in words. */
function localNotesOf(input: ProfileInput, results: AssessmentResults, s: ProfileText): Map<string, string> {
  const notes = new Map<string, string>();
  if (input.assessment.level !== 'local' || !input.national) return notes;
  const national = scoreAssessment(input.national.catalogue, input.national.answers);
  for (const d of results.domains) {
    const n = national.domains.find((x) => x.id === d.id);
    const relation = localRelation(d.score, n?.score ?? null);
    if (relation) notes.set(d.id, s.local[relation]);
  }
  return notes;
}

/** The key findings by domain, numbered, and the numbers each GCM objective refers to. */
function findingsOf(
  catalogue: Catalogue,
  text: DomainText,
  results: AssessmentResults,
  byId: ReadonlyMap<string, Answer>,
  level: CatalogueKind,
  localNotes: ReadonlyMap<string, string>,
  s: ProfileText,
  sentenceOf: SentenceOf,
): { domains: DomainFindings[]; gcmRefs: GcmRefs } {
  const gcmRefs: GcmRefs = new Map();
  const domains = catalogue.domains.map((domain, index): DomainFindings => {
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
      const cited = briefCitations(answer.evidence);
      const number = `${index + 1}.${position + 1}`;
      const finding: Finding = {
        indicatorId: indicator.id,
        number,
        sentence: sentenceOf(indicator.id, status),
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
      description: levelDescription(text.domains[domain.id]!.description, level),
      localNote: localNotes.get(domain.id) ?? null,
      wellDeveloped: { title: s.findings.wellDeveloped, items: wellDeveloped, none: s.findings.noneWellDeveloped },
      potential: { title: s.findings.potential, items: potential, none: s.findings.nonePotential },
    };
  });
  return { domains, gcmRefs };
}

/** Annex II: each of the 23 GCM objectives with the findings that speak to it. */
function gcmObjectivesOf(gcmRefs: GcmRefs, s: ProfileText, names: ProfileStrings['gcm']): GcmObjective[] {
  return Array.from({ length: 23 }, (_, i) => i + 1).map((number) => {
    const refs = gcmRefs.get(number) ?? { well: [], potential: [] };
    return {
      number,
      title: fill(s.gcm.objective, { number, name: names[String(number)] ?? '' }),
      lines: [
        ...(refs.well.length > 0 ? [fill(s.gcm.item, { mark: s.gcm.wellDeveloped, list: refs.well.join(', ') })] : []),
        ...(refs.potential.length > 0 ? [fill(s.gcm.item, { mark: s.gcm.potential, list: refs.potential.join(', ') })] : []),
      ],
      none: s.gcm.none,
    };
  });
}

/** Annex I: the conventions sub-domains as a table, or null when the catalogue has none (local). */
function conventionsOf(catalogue: Catalogue, text: DomainText, results: AssessmentResults, byId: ReadonlyMap<string, Answer>, s: ProfileText): ProfileModel['conventions'] {
  const indicators = catalogue.domains.flatMap((d) => d.subdomains.filter((sub) => isConventions(sub.id)).flatMap((sub) => sub.indicators));
  if (indicators.length === 0) return null;
  return {
    title: s.sections.conventions,
    intro: s.conventions.intro,
    columns: { instrument: s.conventions.instrument, status: s.conventions.status },
    rows: indicators.map(({ id }) => {
      const status = results.indicators[id]!.status;
      const value = byId.get(id)?.value;
      // The guidance of the answer chosen says what it means for that convention ("signed, not ratified").
      const guidance = text.indicators[id]!.guidance;
      const said = status === 'yes' || status === 'partial' || status === 'no' ? guidance[status] : value === 'na' ? '' : s.conventions.notAnswered;
      return { id, instrument: text.indicators[id]!.question, status: said || s.conventions.notAnswered };
    }),
  };
}

/** Local and national policy: only for a local assessment that names a national one. */
function localOf(input: ProfileInput, findings: readonly DomainFindings[], s: ProfileText): ProfileModel['local'] {
  if (input.assessment.level !== 'local' || !input.national) return null;
  const national = input.national.assessment;
  return {
    title: s.sections.local,
    paragraphs: [fill(s.local.intro, { government: national.government.trim(), year: national.year }), s.local.rule],
    notes: findings.filter((f) => f.localNote).map((f) => ({ domain: f.title, note: f.localNote! })),
  };
}

/** The sections in the published order, each present only when it has something to say. */
function sectionsOf(present: { changes: boolean; local: boolean; conventions: boolean }): SectionId[] {
  // Objectives first, then acronyms, as in IOM's Spanish profiles (Villa del Rosario 2021).
  return [
    'objectives',
    'acronyms',
    'introduction',
    'context',
    'findings',
    ...(present.changes ? (['changes'] as const) : []),
    ...(present.local ? (['local'] as const) : []),
    'sources',
    ...(present.conventions ? (['conventions'] as const) : []),
    'gcm',
  ];
}

/** The cover: title, government, year, and where the document stands (draft of a date, or validated). */
function coverOf(assessment: Assessment, title: string, s: ProfileText, lang: ProfileLanguage, generatedAt: string): ProfileModel['cover'] {
  const formatDate = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  const validatedBy = assessment.validatedBy?.trim();
  const validatedOn = () => formatDate(assessment.validatedAt ?? assessment.updatedAt);
  const status =
    assessment.status === 'validated'
      ? validatedBy
        ? fill(s.cover.validatedBy, { name: validatedBy, date: validatedOn() })
        : fill(s.cover.validated, { date: validatedOn() })
      : fill(s.cover.dateLine, { status: s.cover.draft, date: formatDate(generatedAt) });
  return {
    title,
    government: assessment.government.trim(),
    yearLine: fill(s.cover.yearLine, { year: assessment.year }),
    status,
    basis: s.cover.basis,
    selfAssessment: s.cover.selfAssessment,
    focalPoint: assessment.focalPoint.trim() ? fill(s.cover.focalPoint, { name: assessment.focalPoint.trim() }) : null,
  };
}

/** The introduction: the MGI and MiGOF, the process, and this self-assessment (with the draft note until validated). */
function introductionOf(level: CatalogueKind, validated: boolean, s: ProfileText): ProfileModel['introduction'] {
  return {
    title: s.sections.introduction,
    parts: [
      {
        title: s.introduction.mgiTitle,
        paragraphs: [s.introduction.mgiNational, ...(level === 'local' ? [s.introduction.mgiLocal] : []), s.introduction.migof, s.introduction.gcm],
        items: [],
      },
      { title: s.introduction.processTitle, paragraphs: [s.introduction.processIntro], items: s.introduction.process },
      { title: s.introduction.selfTitle, paragraphs: [s.introduction.selfAssessment, ...(validated ? [] : [s.introduction.draft])], items: [] },
    ],
  };
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
  const government = assessment.government.trim();
  const title = assessment.level === 'local' ? s.titleLocal : s.titleNational;
  const validated = assessment.status === 'validated';
  const sentenceOf: SentenceOf = (id, status) => (status === 'yes' ? text.indicators[id]!.strength : text.indicators[id]!.gap);

  const findings = findingsOf(catalogue, text, results, byId, assessment.level, localNotesOf(input, results, s), s, sentenceOf);
  const changes = input.earlier ? buildChanges(input.earlier, results, catalogue, text, s, sentenceOf) : null;
  const conventions = conventionsOf(catalogue, text, results, byId, s);
  const local = localOf(input, findings.domains, s);
  const changesTitle = input.earlier ? fill(s.sections.changes, { year: input.earlier.assessment.year }) : '';
  const sections = sectionsOf({ changes: changes !== null, local: local !== null, conventions: conventions !== null });
  const contextParagraphs = paragraphs(assessment.context);

  const model: ProfileModel = {
    lang,
    level: assessment.level,
    scripts: [],
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
    cover: coverOf(assessment, title, s, lang, input.generatedAt),
    contents: { title: s.contents, entries: sections.map((id) => ({ id, title: id === 'changes' ? changesTitle : s.sections[id] })) },
    acronyms: { title: s.sections.acronyms, items: s.acronyms },
    objectives: { title: s.sections.objectives, paragraphs: s.objectives[assessment.level] },
    introduction: introductionOf(assessment.level, validated, s),
    context: { title: s.sections.context, paragraphs: contextParagraphs.length > 0 ? contextParagraphs : [s.context.empty] },
    findings: { title: s.sections.findings, intro: s.findings.intro, domains: findings.domains },
    changes: changes ? { title: changesTitle, ...changes } : null,
    local,
    sources: {
      title: s.sections.sources,
      intro: s.sources.intro,
      items: keySources(answers, assessment.level === 'national' ? fill(s.sources.author, { government }) : null, s.sources, lang),
      none: s.sources.none,
    },
    conventions,
    gcm: { title: s.sections.gcm, intro: s.gcm.intro, objectives: gcmObjectivesOf(findings.gcmRefs, s, strings.gcm) },
    signOff: {
      title: s.signOff.title,
      intro: s.signOff.intro,
      roles: s.signOff.roles,
      fields: { name: s.signOff.name, position: s.signOff.position, signature: s.signOff.signature, date: s.signOff.date },
    },
  };
  // Free text is normalised to composed characters (NFC): a decomposed "é" would need mark positioning,
  // and would call for the extended font for nothing.
  const normalised = normaliseText(model);
  return { ...normalised, scripts: scriptsOf(allText(normalised)) };
}

/** What moved since the earlier assessment, domain by domain, as sentences of the profile. */
function buildChanges(
  earlier: NonNullable<ProfileInput['earlier']>,
  now: AssessmentResults,
  catalogue: Catalogue,
  text: DomainText,
  s: ProfileText,
  sentenceOf: SentenceOf,
): { intro: string; domains: ChangeDomain[] } {
  const year = earlier.assessment.year;
  const moved = compareResults(catalogue, scoreAssessment(catalogue, earlier.answers), now);
  const scoredNow = (id: string): ScoredValue | null => {
    const st = now.indicators[id]!.status;
    return st === 'yes' || st === 'partial' || st === 'no' ? st : null;
  };
  const line = (id: string) => {
    const st = scoredNow(id);
    if (st === null) return text.indicators[id]!.question;
    return st === 'partial' ? `${sentenceOf(id, st)} ${s.findings.partialTag}` : sentenceOf(id, st);
  };
  return {
    intro: fill(s.changes.intro, { year }),
    domains: moved.map((change) => {
      // Ruled out by a parent's No: the parent's own line says it (as in the findings).
      const d = { ...change, indicators: change.indicators.filter((i) => !now.indicators[i.id]!.ruledOut) };
      const groups = [
        { title: fill(s.changes.improved, { year }), items: d.indicators.filter((i) => i.movement === 'up').map((i) => line(i.id)) },
        { title: fill(s.changes.declined, { year }), items: d.indicators.filter((i) => i.movement === 'down').map((i) => line(i.id)) },
        // Newly assessed (from unanswered or not applicable); answers that became open or not applicable say nothing of policy.
        { title: fill(s.changes.other, { year }), items: d.indicators.filter((i) => i.movement === 'changed' && scoredNow(i.id) !== null).map((i) => line(i.id)) },
      ].filter((g) => g.items.length > 0);
      return { id: d.id, title: text.domains[d.id]!.title, groups, none: groups.length === 0 ? fill(s.changes.none, { year }) : null };
    }),
  };
}

function normaliseText<T>(node: T): T {
  if (typeof node === 'string') return node.normalize('NFC') as T;
  if (Array.isArray(node)) return node.map(normaliseText) as T;
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, normaliseText(v)])) as T;
  return node;
}

export function allText(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(allText);
  return [];
}

/** The file name offered for download: readable, and safe on every operating system. */
export function profileFileName(
  assessment: Pick<Assessment, 'government' | 'year' | 'level'>,
  lang: ProfileLanguage,
  format: 'pdf' | 'docx' = 'pdf',
  kind: 'profile' | 'annex' = 'profile',
): string {
  const name = fileSlug(assessment.government) || 'assessment';
  return `${assessment.level === 'local' ? 'local-' : ''}mgi-${kind === 'annex' ? 'workshop-annex' : 'profile'}-${name}-${assessment.year}-${lang}.${format}`;
}
