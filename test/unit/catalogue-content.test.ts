/**
 * Holds the real catalogues (national and local) to the rules the product depends on: enough
 * indicators in every domain and sub-domain, stable unique ids, every sentence in every language,
 * Spanish and French actually translated, GCM tags within 1-23, relevance rules that resolve.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { institutionKinds } from '../../src/domain/answer';
import { allIndicators, parseCatalogue, parseCatalogueText, type CatalogueKind } from '../../src/domain/catalogue';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const languages = ['en', 'es', 'fr'] as const;

const domainTitles = {
  'migrants-rights': ["Migrants' rights", 'Derechos de los migrantes', 'Droits des migrants'],
  'whole-of-government': ['Whole-of-government approach', 'Enfoque de gobierno integral', 'Approche pangouvernementale'],
  partnerships: ['Partnerships', 'Alianzas', 'Partenariats'],
  'socioeconomic-wellbeing': ['Socioeconomic well-being of migrants', 'Bienestar socioeconómico de los migrantes', 'Bien-être socio-économique des migrants'],
  'mobility-crises': ['Mobility dimensions of crises', 'Dimensión de movilidad en situaciones de crisis', 'Dimension de mobilité des crises'],
  'safe-migration': ['Safe, orderly and regular migration', 'Migración segura, ordenada y regular', 'Migration sûre, ordonnée et régulière'],
} as const;

// Words that give away English left in a Spanish or French sentence.
const englishMarkers = /\b(the|and|of|with|which|does|government|policy|should|there is)\b/i;

// "About a hundred" national and "about ninety" local indicators: fewer, sharper questions.
const rules: Record<CatalogueKind, { total: number; max: number; perDomain: number; perSubdomain: number }> = {
  national: { total: 96, max: 112, perDomain: 12, perSubdomain: 2 },
  local: { total: 80, max: 92, perDomain: 12, perSubdomain: 2 },
};

// GCM objective 23 (international cooperation) only where the indicator is about working with other
// states or international actors: the partnerships domain, or an id that says so.
const internationalId = /international|regional|bilateral|readmission|cross-border|integrated-border|mutual-recognition|intercity|city-network|gcm|global|evacuation|social-security-agreements|cooperation-agreements|trafficking-smuggling-cooperation/;

// A Yes or Partial must rest on what the texts provide, never on how things work in practice.
const practiceWords = /in practice|meets? regularly|exercises (the|its|this|that|dicho|ce) mandate|attends|is used to|effectively|applies them|being implemented/i;

describe.each(['national', 'local'] as const)('the %s catalogue', (kind) => {
  const catalogue = parseCatalogue(read(`indicators/${kind}.json`), `indicators/${kind}.json`);
  const indicators = allIndicators(catalogue);
  const texts = Object.fromEntries(
    languages.map((lang) => [lang, parseCatalogueText(read(`locales/${lang}/${kind}.json`), `locales/${lang}/${kind}.json`, catalogue)]),
  ) as Record<(typeof languages)[number], ReturnType<typeof parseCatalogueText>>;

  it(`has between ${rules[kind].total} and ${rules[kind].max} indicators in the six MGI domains`, () => {
    expect(indicators.length).toBeGreaterThanOrEqual(rules[kind].total);
    expect(indicators.length).toBeLessThanOrEqual(rules[kind].max);
    expect(catalogue.domains.map((d) => d.id)).toEqual(Object.keys(domainTitles));
  });

  it.each(catalogue.domains.map((d) => [d.id, d] as const))('domain %s has enough indicators in every sub-domain', (_, domain) => {
    const count = domain.subdomains.reduce((n, s) => n + s.indicators.length, 0);
    expect(count).toBeGreaterThanOrEqual(rules[kind].perDomain);
    for (const sub of domain.subdomains) expect([sub.id, sub.indicators.length >= rules[kind].perSubdomain]).toEqual([sub.id, true]);
  });

  it('uses unique, stable ids (local ones marked as local)', () => {
    const ids = indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    if (kind === 'local') expect(ids.filter((id) => !id.startsWith('local-'))).toEqual([]);
    else expect(ids.filter((id) => id.startsWith('local-'))).toEqual([]);
  });

  it('tags every indicator with GCM objectives 1-23 and institutions from the fixed list', () => {
    for (const i of indicators) {
      expect(i.gcm.every((n) => Number.isInteger(n) && n >= 1 && n <= 23)).toBe(true);
      expect(i.institutions.every((k) => (institutionKinds as readonly string[]).includes(k))).toBe(true);
    }
  });

  it('keeps GCM objective 23 for international cooperation and objective 9 on every smuggling item', () => {
    const partnerships = new Set(catalogue.domains.find((d) => d.id === 'partnerships')!.subdomains.flatMap((s) => s.indicators.map((i) => i.id)));
    expect(indicators.filter((i) => i.gcm.includes(23) && !partnerships.has(i.id) && !internationalId.test(i.id)).map((i) => i.id)).toEqual([]);
    const smuggling = indicators.filter((i) => /smuggling|irregular-migration-risk|local-risk-awareness/.test(i.id) || texts.en.indicators[i.id]!.question.includes('smuggling'));
    expect(smuggling.length).toBeGreaterThan(0);
    expect(smuggling.filter((i) => !i.gcm.includes(9)).map((i) => i.id)).toEqual([]);
  });

  it('asks about policy inputs: no Yes or Partial rests on practice', () => {
    const found = indicators.flatMap((i) => {
      const g = texts.en.indicators[i.id]!.guidance;
      return [g.yes, g.partial].filter((t) => practiceWords.test(t)).map((t) => `${i.id}: ${t}`);
    });
    expect(found).toEqual([]);
  });

  it('defines Partial the same way for every treaty', () => {
    const treaties = catalogue.domains.flatMap((d) => d.subdomains).find((s) => s.id === 'rights-conventions')?.indicators ?? [];
    if (kind === 'national') expect(treaties.length).toBeGreaterThanOrEqual(8);
    for (const lang of languages) {
      const guidance = treaties.map((i) => texts[lang].indicators[i.id]!.guidance);
      for (const field of ['yes', 'partial', 'no'] as const) expect(new Set(guidance.map((g) => g[field])).size).toBeLessThanOrEqual(1);
    }
  });

  it('says when Not applicable may be chosen, wherever it may', () => {
    for (const lang of languages) {
      for (const i of indicators) {
        const na = texts[lang].indicators[i.id]!.guidance.na;
        expect([lang, i.id, i.notApplicable, na !== undefined]).toEqual([lang, i.id, i.notApplicable, i.notApplicable]);
      }
    }
  });

  it('keeps the texts of every retired indicator, and never lists an id as both current and retired', () => {
    const ids = new Set(indicators.map((i) => i.id));
    for (const r of catalogue.retired ?? []) {
      expect(ids.has(r.id)).toBe(false);
      for (const lang of languages) expect([lang, r.id, texts[lang].retired?.[r.id]?.question.endsWith('?')]).toEqual([lang, r.id, true]);
    }
  });

  it('has relevance rules, each pointing at an existing indicator', () => {
    const ids = new Set(indicators.map((i) => i.id));
    const targets = indicators.flatMap((i) => (i.notApplicableWhen ?? []).map((r) => r.indicator));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it.each(languages)('names the domains as the MGI does, in %s', (lang) => {
    const column = languages.indexOf(lang);
    for (const [id, names] of Object.entries(domainTitles)) expect(texts[lang].domains[id]?.title).toBe(names[column]);
  });

  it.each(['es', 'fr'] as const)('is translated into %s, not left in English', (lang) => {
    const leftovers: string[] = [];
    for (const i of indicators) {
      const en = texts.en.indicators[i.id]!;
      const other = texts[lang].indicators[i.id]!;
      for (const [field, value] of [
        ['question', other.question],
        ['strength', other.strength],
        ['gap', other.gap],
        ['guidance.yes', other.guidance.yes],
      ] as const) {
        const english = field === 'guidance.yes' ? en.guidance.yes : en[field];
        if (value === english || englishMarkers.test(value)) leftovers.push(`${i.id}.${field}`);
      }
    }
    expect(leftovers).toEqual([]);
  });

  it('asks every question as a question', () => {
    for (const lang of languages) {
      for (const i of indicators) expect([lang, i.id, texts[lang].indicators[i.id]!.question.trim().endsWith('?')]).toEqual([lang, i.id, true]);
    }
  });
});
