/**
 * The demonstration assessment: a fictional country (or city) with every indicator of its catalogue
 * answered, with narratives and evidence, so a new user can see the results and the profile at once.
 *
 * Built from the catalogue and short phrase templates (locales/<lang>/demo.json), so it opens in the
 * UI language. The answers are chosen from a hash of each indicator id: the same demonstration in
 * every language and on every run, with a realistic mix (about 45% Yes, 30% Partial, 25% No) and a few
 * Not applicable: two relevance rules are triggered on purpose, and on catalogues that allow it, two
 * indicators are marked Not applicable by hand. No answer is left as "Don't know yet".
 */
import type { InstitutionKind } from './answer';
import type { Answer, Assessment, Evidence } from './assessment';
import { allIndicators, type Catalogue, type CatalogueKind, type Indicator } from './catalogue';
import { fill } from './profile';
import { notApplicableIds } from './relevance';

/** The sources the demonstration cites: structure here, titles in demo.json under `instruments`. */
const instruments = {
  'immigration-act': { type: 'law', year: 2012, domains: ['migrants-rights', 'whole-of-government', 'safe-migration'] },
  'nationality-act': { type: 'law', year: 2009, domains: ['migrants-rights'] },
  'labour-code': { type: 'law', year: 2019, domains: ['migrants-rights', 'socioeconomic-wellbeing'] },
  'health-act': { type: 'law', year: 2011, domains: ['migrants-rights'] },
  'trafficking-act': { type: 'law', year: 2015, domains: ['safe-migration'] },
  'disaster-act': { type: 'law', year: 2017, domains: ['mobility-crises'] },
  'migration-policy': { type: 'policy', year: 2022, domains: ['whole-of-government', 'partnerships', 'safe-migration', 'migrants-rights'] },
  'labour-migration-strategy': { type: 'policy', year: 2021, domains: ['socioeconomic-wellbeing'] },
  'development-plan': { type: 'policy', year: 2020, domains: ['whole-of-government', 'socioeconomic-wellbeing'] },
  'drr-strategy': { type: 'policy', year: 2019, domains: ['mobility-crises'] },
  'diaspora-policy': { type: 'policy', year: 2020, domains: ['socioeconomic-wellbeing', 'partnerships'] },
  'labour-agreement': { type: 'agreement', year: 2018, domains: ['partnerships', 'socioeconomic-wellbeing'] },
  'readmission-agreement': { type: 'agreement', year: 2016, domains: ['partnerships', 'safe-migration'] },
  'free-movement-protocol': { type: 'agreement', year: 2014, domains: ['partnerships'] },
  census: { type: 'data', year: 2020, domains: ['whole-of-government', 'migrants-rights'] },
  'migration-statistics': { type: 'data', year: 2024, domains: ['whole-of-government', 'safe-migration', 'mobility-crises'] },
  'workshop-minutes': { type: 'other', year: 2021, domains: ['partnerships', 'mobility-crises', 'whole-of-government'] },
  'local-integration-plan': { type: 'policy', year: 2023, domains: ['migrants-rights', 'socioeconomic-wellbeing', 'whole-of-government'], local: true },
  'city-council-decision': { type: 'law', year: 2022, domains: ['migrants-rights', 'partnerships', 'mobility-crises', 'safe-migration'], local: true },
} as const satisfies Record<string, { type: Evidence['type']; year: number; domains: readonly string[]; local?: boolean }>;
type InstrumentId = keyof typeof instruments;

export interface DemoPhrases {
  government: Record<CatalogueKind, string>;
  focalPoint: string;
  context: Record<CatalogueKind, string[]>;
  institutions: string[];
  /** Responsible bodies, as they read in the middle of a sentence. */
  bodies: Record<InstitutionKind, string>;
  instruments: Record<InstrumentId, string>;
  /** Narrative templates per answer; placeholders {{instrument}}, {{year}}, {{body}}. */
  narratives: { yes: string[]; partial: string[]; no: string[]; na: string[] };
  /** Reference template; placeholder {{n}}. */
  reference: string;
  dissentNote: string;
}

/** FNV-1a: a small, stable hash, so the demonstration is the same everywhere. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
const pick = <T>(list: readonly T[], seed: number): T => list[seed % list.length]!;

/** Domains lean one way or the other, so the demonstration profile has clear strengths and gaps. */
const domainLean = [1, -1, 3, 0, -4, 2];

function baseValue(id: string, lean: number): 'yes' | 'partial' | 'no' {
  const slot = hash(id) % 20;
  return slot < 9 + lean ? 'yes' : slot < 15 + Math.trunc(lean / 2) ? 'partial' : 'no';
}

/** The stored value of each indicator before relevance rules are applied. */
function chooseValues(catalogue: Catalogue): Map<string, 'yes' | 'partial' | 'no' | 'na'> {
  const indicators = allIndicators(catalogue);
  const values = new Map<string, 'yes' | 'partial' | 'no' | 'na'>();
  catalogue.domains.forEach((d, n) => d.subdomains.forEach((s) => s.indicators.forEach((i) => values.set(i.id, baseValue(i.id, domainLean[n % domainLean.length]!)))));
  // Rule parents: two are answered No (among those that rule out a single indicator), so the relevance
  // rules show without emptying a whole sub-domain; the others are kept off No.
  const children = new Map<string, number>();
  for (const i of indicators) for (const r of i.notApplicableWhen ?? []) children.set(r.indicator, (children.get(r.indicator) ?? 0) + 1);
  const parents = indicators.filter((i) => children.has(i.id));
  const single = parents.filter((p) => children.get(p.id) === 1);
  // The first and the last in catalogue order, so the two gaps fall in different parts of the profile.
  const chosen = new Set([single[0]?.id, single.at(-1)?.id].filter((x): x is string => x !== undefined));
  for (const p of parents) {
    if (chosen.has(p.id)) values.set(p.id, 'no');
    else if (values.get(p.id) === 'no') values.set(p.id, 'partial');
  }
  // Where Not applicable may be chosen by hand, two indicators use it.
  indicators
    .filter((i) => i.notApplicable)
    .slice(0, 2)
    .forEach((i) => values.set(i.id, 'na'));
  return values;
}

const primaryTypes: readonly Evidence['type'][] = ['law', 'policy', 'agreement'];

/** A legal or policy text first (the narrative names it), sometimes a data source or manual after it. */
function evidenceFor(indicator: Indicator, domainId: string, level: CatalogueKind, phrases: DemoPhrases): Evidence[] {
  const candidates = (Object.keys(instruments) as InstrumentId[]).filter((key) => {
    const info: { domains: readonly string[]; local?: boolean } = instruments[key];
    return info.domains.includes(domainId) && (level === 'local' || !info.local);
  });
  const texts = candidates.filter((k) => primaryTypes.includes(instruments[k].type));
  // A city cites its own decisions first where it has any in the domain.
  const own = texts.filter((k) => (instruments[k] as { local?: boolean }).local === true);
  const primary = level === 'local' && own.length > 0 ? own : texts;
  const secondary = candidates.filter((k) => !primaryTypes.includes(instruments[k].type));
  const seed = hash(`${indicator.id}:evidence`);
  const keys = [pick(primary, seed)];
  if (secondary.length > 0 && seed % 3 === 0) keys.push(pick(secondary, seed >>> 8));
  return keys.map((key, n) => ({
    id: `demo-${indicator.id}-${n + 1}`,
    title: phrases.instruments[key],
    type: instruments[key].type,
    // Articles for legal texts only; a policy or a data source is cited as a whole.
    reference: instruments[key].type === 'law' ? fill(phrases.reference, { n: 2 + (hash(`${indicator.id}:${key}`) % 60) }) : '',
    year: instruments[key].year,
    link: '',
  }));
}

export interface DemoInput {
  catalogue: Catalogue;
  phrases: DemoPhrases;
  id: string;
  /** ISO date-time: creation and answer times, and the assessment year. */
  now: string;
}

export function buildDemoAssessment({ catalogue, phrases, id, now }: DemoInput): { assessment: Assessment; answers: Answer[] } {
  const level = catalogue.kind;
  const assessment: Assessment = {
    id,
    government: phrases.government[level],
    level,
    year: new Date(now).getUTCFullYear(),
    focalPoint: phrases.focalPoint,
    institutions: phrases.institutions,
    context: phrases.context[level].join('\n\n'),
    catalogueVersion: catalogue.version,
    status: 'draft',
    archived: false,
    createdAt: now,
    updatedAt: now,
  };

  const values = chooseValues(catalogue);
  const ruledOut = notApplicableIds(catalogue, values);
  const dissentAt = new Set(allIndicators(catalogue).filter((_, n) => n % 29 === 11).map((i) => i.id));
  const answers: Answer[] = [];
  for (const domain of catalogue.domains) {
    for (const sub of domain.subdomains) {
      for (const indicator of sub.indicators) {
        const value = ruledOut.has(indicator.id) ? 'na' : values.get(indicator.id)!;
        const evidence = value === 'na' ? [] : evidenceFor(indicator, domain.id, level, phrases);
        const seed = hash(`${indicator.id}:narrative`);
        const narrative = fill(pick(phrases.narratives[value], seed), {
          instrument: evidence[0]?.title ?? '',
          year: evidence[0]?.year ?? '',
          body: phrases.bodies[indicator.institutions[0]!],
        });
        const dissent = dissentAt.has(indicator.id) && value !== 'na';
        answers.push({
          assessmentId: id,
          indicatorId: indicator.id,
          value,
          narrative,
          evidence,
          institutions: [...indicator.institutions],
          decision: dissent ? 'dissent' : seed % 4 === 0 ? 'majority' : 'consensus',
          dissentNote: dissent ? phrases.dissentNote : '',
          followUp: value === 'partial' && seed % 5 === 0,
          updatedAt: now,
        });
      }
    }
  }
  return { assessment, answers };
}
