/**
 * The demonstration assessment: a fictional country (Valdoria) or city (Port Selene) with every
 * indicator of its catalogue answered, so a new user can see the results and the profile at once.
 *
 * Written by hand (demo-data.ts for the answers and the texts cited, locales/<lang>/demo.json for the
 * words), so that findings, sources and context agree as they would in a ministry's own draft: the
 * primary immigration law is cited for entry and stay, the regional protocol for free movement, the
 * 2022 National Migration Policy both in the context and in the findings, and a city acts within its
 * own competences. The same answers in every language; only the words change.
 *
 * The answers cover the indicators of catalogue versions 2026.1 and 2026.2, so the demonstration opens
 * with either. An indicator with no written answer (a newer catalogue) is left unanswered rather than
 * invented; demo.test.ts fails until it is written.
 */
import type { Answer, Assessment } from './assessment';
import type { Catalogue, CatalogueKind } from './catalogue';
import { demoAnswers, demoInstruments, type DemoInstrument } from './demo-data';
import { fill } from './profile';

export interface DemoPhrases {
  government: Record<CatalogueKind, string>;
  focalPoint: Record<CatalogueKind, string>;
  context: Record<CatalogueKind, string[]>;
  /** Titles of the texts cited, by instrument id (demo-data.ts). */
  instruments: Record<DemoInstrument, string>;
  /** How a part of a text is cited ("art. {{n}}", "sección {{n}}"), by kind. */
  references: Record<string, string>;
  /** The team's note on each answer, by indicator id. */
  notes: Record<CatalogueKind, Record<string, string>>;
  /** What the dissenting ministry said, for the answers reached with dissent. */
  dissent: Record<CatalogueKind, Record<string, string>>;
}

/** The ministries and offices taking part, as the setup form records them. */
const institutions: Record<CatalogueKind, string[]> = {
  national: ['interior', 'foreign-affairs', 'labour', 'health', 'education', 'justice', 'statistics', 'border-management', 'disaster-management'],
  local: ['local-government', 'health', 'education', 'labour', 'disaster-management'],
};

/** "art:9" → "art. 9" in the document's language; a kind without a template is a data error, shown as is. */
function citePart(reference: string, templates: Record<string, string>): string {
  if (!reference) return '';
  const at = reference.indexOf(':');
  const template = templates[reference.slice(0, at)];
  return template ? fill(template, { n: reference.slice(at + 1) }) : reference;
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
    focalPoint: phrases.focalPoint[level],
    institutions: institutions[level],
    context: phrases.context[level].join('\n\n'),
    catalogueVersion: catalogue.version,
    status: 'draft',
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
  const written = demoAnswers[level];
  const answers: Answer[] = catalogue.domains.flatMap((domain) =>
    domain.subdomains.flatMap((sub) =>
      sub.indicators.map((indicator): Answer => {
        const entry = written[indicator.id];
        const dissent = entry?.decision === 'dissent' ? (phrases.dissent[level][indicator.id] ?? '') : '';
        return {
          assessmentId: id,
          indicatorId: indicator.id,
          value: entry?.value ?? null,
          narrative: phrases.notes[level][indicator.id] ?? '',
          evidence: (entry?.sources ?? []).map(([key, reference], n) => ({
            id: `demo-${indicator.id}-${n + 1}`,
            title: phrases.instruments[key],
            type: demoInstruments[key].type,
            reference: citePart(reference, phrases.references),
            year: demoInstruments[key].year,
            link: '',
          })),
          institutions: [...indicator.institutions],
          decision: dissent ? 'dissent' : 'consensus',
          dissentNote: dissent,
          followUp: entry?.followUp ?? false,
          updatedAt: now,
        };
      }),
    ),
  );
  return { assessment, answers };
}
