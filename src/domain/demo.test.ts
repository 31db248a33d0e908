import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/demo.json';
import es from '../../locales/es/demo.json';
import fr from '../../locales/fr/demo.json';
import { answerSchema, assessmentSchema } from './assessment';
import { allIndicators, parseCatalogue, type CatalogueKind } from './catalogue';
import { buildDemoAssessment, type DemoPhrases } from './demo';
import { notApplicableIds } from './relevance';
import { scoreAssessment, valuesOf } from './scoring';

const phrases = { en, es, fr } satisfies Record<string, DemoPhrases>;
const load = (kind: CatalogueKind) => parseCatalogue(JSON.parse(readFileSync(`indicators/${kind}.json`, 'utf8')), kind);
const NOW = '2026-05-04T09:00:00.000Z';

describe.each(['national', 'local'] as const)('the %s demonstration assessment', (kind) => {
  const catalogue = load(kind);
  const { assessment, answers } = buildDemoAssessment({ catalogue, phrases: en, id: 'demo', now: NOW });

  it('is a valid stored assessment with valid answers', () => {
    expect(assessmentSchema.safeParse(assessment).success).toBe(true);
    for (const a of answers) expect(answerSchema.safeParse(a).success).toBe(true);
    expect(assessment).toMatchObject({ level: kind, year: 2026, status: 'draft', catalogueVersion: catalogue.version });
  });

  it('answers every indicator, none "Don\'t know yet"', () => {
    expect(answers.map((a) => a.indicatorId)).toEqual(allIndicators(catalogue).map((i) => i.id));
    expect(answers.filter((a) => a.value === null || a.value === 'unknown')).toEqual([]);
    const results = scoreAssessment(catalogue, answers);
    expect(results.domains.every((d) => d.completeness === 100)).toBe(true);
  });

  it('has a realistic mix of Yes, Partial and No, and a few Not applicable', () => {
    const count = (v: string) => answers.filter((a) => a.value === v).length;
    const share = (v: string) => count(v) / answers.length;
    expect(share('yes')).toBeGreaterThan(0.3);
    expect(share('partial')).toBeGreaterThan(0.15);
    expect(share('no')).toBeGreaterThan(0.1);
    expect(count('na')).toBeGreaterThanOrEqual(2);
    expect(count('na')).toBeLessThanOrEqual(6);
  });

  it('uses Not applicable only where the catalogue allows it or a relevance rule rules the indicator out', () => {
    const ruledOut = notApplicableIds(catalogue, valuesOf(answers));
    const allowed = new Set(allIndicators(catalogue).filter((i) => i.notApplicable).map((i) => i.id));
    for (const a of answers.filter((x) => x.value === 'na')) expect(ruledOut.has(a.indicatorId) || allowed.has(a.indicatorId)).toBe(true);
  });

  it('gives every answer a narrative and every Yes, Partial and No answer titled evidence', () => {
    for (const a of answers) {
      expect(a.narrative).not.toMatch(/\{\{|^\s*$/);
      if (a.value !== 'na') expect(a.evidence.filter((e) => e.title.trim()).length).toBeGreaterThan(0);
    }
  });

  it('is the same assessment in every language, with the texts of that language', () => {
    const inSpanish = buildDemoAssessment({ catalogue, phrases: es, id: 'demo', now: NOW });
    expect(inSpanish.answers.map((a) => a.value)).toEqual(answers.map((a) => a.value));
    expect(inSpanish.assessment.government).toBe(es.government[kind]);
    expect(inSpanish.answers[0]!.narrative).not.toBe(answers[0]!.narrative);
  });
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
