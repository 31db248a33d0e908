import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/demo.json';
import es from '../../locales/es/demo.json';
import fr from '../../locales/fr/demo.json';
import { answerSchema, assessmentSchema } from './assessment';
import { allIndicators, parseCatalogue, type CatalogueKind } from './catalogue';
import { buildDemoAssessment, type DemoPhrases } from './demo';
import { demoAnswers, demoInstruments } from './demo-data';
import { notApplicableIds } from './relevance';
import { scoreAssessment, valuesOf } from './scoring';

const phrases: Record<'en' | 'es' | 'fr', DemoPhrases> = { en, es, fr };
const langs = ['en', 'es', 'fr'] as const;
const load = (kind: CatalogueKind) => parseCatalogue(JSON.parse(readFileSync(`indicators/${kind}.json`, 'utf8')), kind);
const NOW = '2026-05-04T09:00:00.000Z';

describe.each(['national', 'local'] as const)('the %s demonstration assessment', (kind) => {
  const catalogue = load(kind);
  const { assessment, answers } = buildDemoAssessment({ catalogue, phrases: en, id: 'demo', now: NOW });
  const byId = new Map(answers.map((a) => [a.indicatorId, a]));
  const cited = (id: string) => demoAnswers[kind][id]!.sources.map(([key]) => key);

  it('is a valid stored assessment with valid answers', () => {
    expect(assessmentSchema.safeParse(assessment).success).toBe(true);
    for (const a of answers) expect(answerSchema.safeParse(a).success).toBe(true);
    expect(assessment).toMatchObject({ level: kind, year: 2026, status: 'draft', catalogueVersion: catalogue.version });
  });

  it('has a written answer and a note in every language for every indicator of the catalogue', () => {
    // The demonstration also answers the indicators of the other catalogue version (2026.1 / 2026.2),
    // so it opens whichever is installed.
    const ids = allIndicators(catalogue).map((i) => i.id);
    for (const id of ids) expect(demoAnswers[kind][id], id).toBeDefined();
    for (const lang of langs) expect(Object.keys(phrases[lang].notes[kind]).sort(), lang).toEqual(Object.keys(demoAnswers[kind]).sort());
    expect(answers.filter((a) => a.value === null || a.value === 'unknown')).toEqual([]);
    expect(scoreAssessment(catalogue, answers).domains.every((d) => d.completeness === 100)).toBe(true);
  });

  it('was written, not assembled: every note is its own sentence, with no placeholder left', () => {
    for (const lang of langs) {
      const notes = Object.values(phrases[lang].notes[kind]);
      expect(new Set(notes).size, lang).toBe(notes.length);
      for (const note of notes) expect(note).not.toMatch(/\{\{|^\s*$/);
    }
  });

  it('has a realistic mix of Yes, Partial and No', () => {
    const share = (v: string) => answers.filter((a) => a.value === v).length / answers.length;
    expect(share('yes')).toBeGreaterThan(0.3);
    expect(share('partial')).toBeGreaterThan(0.2);
    expect(share('no')).toBeGreaterThan(0.08);
  });

  it('uses Not applicable only where the catalogue allows it or an earlier answer rules the indicator out, and marks every ruled-out indicator so', () => {
    const ruledOut = notApplicableIds(catalogue, valuesOf(answers));
    const allowed = new Set(allIndicators(catalogue).filter((i) => i.notApplicable).map((i) => i.id));
    for (const a of answers.filter((x) => x.value === 'na')) expect(ruledOut.has(a.indicatorId) || allowed.has(a.indicatorId), a.indicatorId).toBe(true);
    for (const id of ruledOut) expect(byId.get(id)!.value, id).toBe('na');
  });

  it('cites at least one titled text for every Yes and Partial, and every text in every language', () => {
    for (const a of answers.filter((x) => x.value === 'yes' || x.value === 'partial')) {
      if (a.value === 'yes') expect(a.evidence.length, a.indicatorId).toBeGreaterThan(0);
      for (const e of a.evidence) expect(e.title.trim()).not.toBe('');
    }
    for (const lang of langs) expect(Object.keys(phrases[lang].instruments).sort()).toEqual(Object.keys(demoInstruments).sort());
    for (const a of answers) for (const e of a.evidence) expect(e.year!).toBeLessThanOrEqual(assessment.year);
  });

  it('gives a dissent note for each answer reached with dissent, in every language', () => {
    const dissenting = answers.filter((a) => a.decision === 'dissent');
    expect(dissenting.length).toBeGreaterThan(0);
    for (const lang of langs) for (const a of dissenting) expect(phrases[lang].dissent[kind][a.indicatorId], `${lang} ${a.indicatorId}`).toBeTruthy();
  });

  it('is the same assessment in every language, in the words of that language', () => {
    for (const lang of ['es', 'fr'] as const) {
      const other = buildDemoAssessment({ catalogue, phrases: phrases[lang], id: 'demo', now: NOW });
      expect(other.answers.map((a) => [a.value, a.evidence.map((e) => e.year)])).toEqual(answers.map((a) => [a.value, a.evidence.map((e) => e.year)]));
      // Every part cited is written in the language (no "section 3" in a Spanish profile).
      const english = lang === 'es' ? /:|section|chapter|annex|measure| and / : /:|chapter|annex\b|measure| and /;
      for (const a of other.answers) for (const e of a.evidence) expect(e.reference).not.toMatch(english);
      expect(other.assessment.government).toBe(phrases[lang].government[kind]);
      expect(other.answers[0]!.narrative).not.toBe(answers[0]!.narrative);
    }
  });

  if (kind === 'national') {
    it('agrees with itself: the right law for each finding, and a context that says what the findings say', () => {
      expect(cited('migration-law')).toContain('immigration-act');
      expect(cited('regional-free-movement-agreement')).toEqual(['free-movement-protocol']);
      expect(cited('bilateral-labour-agreements')).toEqual(['labour-agreement']);
      expect(cited('readmission-agreements')).toEqual(['readmission-agreement']);
      expect(cited('trafficking-law')).toEqual(['trafficking-act']);
      expect(cited('asylum-legal-framework')).toEqual(['refugee-act']);
      // The context says a national migration policy was adopted in 2022: so do the findings.
      expect(byId.get('national-migration-strategy')!.value).toBe('yes');
      expect(cited('national-migration-strategy')).toEqual(['migration-policy']);
      expect(demoInstruments['migration-policy'].year).toBe(2022);
      for (const lang of langs) {
        const context = phrases[lang].context.national.join(' ').toLowerCase();
        const policy = phrases[lang].instruments['migration-policy'].replace(/\s*\d{4}\s*[–-]\s*\d{4}$/, '').toLowerCase();
        expect(context, lang).toContain(policy);
        expect(context, lang).toContain('2022');
        expect(context, lang).toContain(phrases[lang].instruments['immigration-act'].toLowerCase());
      }
      // No Partial or No on a convention the notes say was ratified in full, and the other way round.
      expect(byId.get('refugee-convention-protocol')!.value).toBe('yes');
      expect(byId.get('ilo-c189-ratified')!.value).toBe('no');
      expect(byId.get('domestic-workers-protection')!.value).toBe('partial');
    });
  } else {
    it('agrees with itself: a city acting within its competences, with a focal point of its own administration', () => {
      for (const lang of langs) {
        expect(phrases[lang].focalPoint.local, lang).not.toMatch(/Ministry|Ministerio|ministère/i);
        for (const note of Object.values(phrases[lang].notes.local)) expect(note).not.toMatch(/nationwide|across the country|todo el país|tout le pays|ensemble du territoire/i);
      }
      expect(byId.get('local-migration-strategy')!.value).toBe('yes');
      expect(cited('local-migration-strategy')).toEqual(['integration-plan']);
      expect(phrases.en.context.local.join(' ')).toContain(String(demoInstruments['integration-plan'].year));
      // Foreign residents have no local vote in Valdoria (the national demonstration says so): nothing to inform them of.
      expect(byId.get('local-foreign-voter-information')!.value).toBe('na');
      expect(demoAnswers.national['foreign-residents-local-vote']!.value).toBe('no');
    });
  }
});

describe('demo phrases', () => {
  it.each(['es', 'fr'] as const)('%s has every key of the English file', (lang) => {
    const keys = (node: unknown, prefix = ''): string[] =>
      node !== null && typeof node === 'object' && !Array.isArray(node)
        ? Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    expect(keys(phrases[lang]).sort()).toEqual(keys(en).sort());
  });
});
