import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import { emptyAnswer, type Answer } from './assessment';
import { allIndicators, parseCatalogue, parseCatalogueText, retiredIds, type Catalogue } from './catalogue';
import { answersForCatalogue } from './retired';
import { scoreAssessment } from './scoring';

const NOW = '2026-03-01T10:00:00.000Z';
const withRetired: Catalogue = structuredClone(tinyCatalogue);
withRetired.retired = [
  { id: 'old-health', mergedInto: 'health-access', since: '2026.2' },
  { id: 'older-health', mergedInto: 'health-access', since: '2026.2' },
  { id: 'old-survey', since: '2026.2' },
];
const catalogue = parseCatalogue(withRetired, 'tiny with retired ids');
const answer = (id: string, value: Answer['value'], narrative = `Note on ${id}.`): Answer => ({ ...emptyAnswer('a1', id, NOW), value, narrative });

describe('answersForCatalogue', () => {
  it('reads a merged answer as the answer to the indicator that absorbed it, when that one has none', () => {
    const read = answersForCatalogue(catalogue, [answer('old-health', 'partial'), answer('school-access', 'yes')]);
    expect(read.answers.map((a) => [a.indicatorId, a.value, a.narrative])).toEqual([
      ['school-access', 'yes', 'Note on school-access.'],
      ['health-access', 'partial', 'Note on old-health.'],
    ]);
    expect(read.carriedOver).toEqual(new Map([['health-access', 'old-health']]));
    expect(read.retired).toMatchObject([{ mergedInto: 'health-access', carried: true, known: true }]);
  });

  it('never overrides an answer the indicator has of its own; the retired one stays visible', () => {
    const read = answersForCatalogue(catalogue, [answer('health-access', 'no'), answer('old-health', 'yes')]);
    expect(read.answers.map((a) => [a.indicatorId, a.value])).toEqual([['health-access', 'no']]);
    expect(read.retired.map((r) => [r.answer.indicatorId, r.carried])).toEqual([['old-health', false]]);
  });

  it('carries onto an empty stored record (a value cleared, nothing written)', () => {
    const read = answersForCatalogue(catalogue, [answer('health-access', null, ''), answer('old-health', 'yes')]);
    expect(read.answers.map((a) => [a.indicatorId, a.value])).toEqual([['health-access', 'yes']]);
  });

  it('reads the first of two merged answers in the catalogue list, and shows both', () => {
    const read = answersForCatalogue(catalogue, [answer('older-health', 'no'), answer('old-health', 'yes')]);
    expect(read.answers.map((a) => [a.indicatorId, a.value])).toEqual([['health-access', 'yes']]);
    expect(read.retired.map((r) => [r.answer.indicatorId, r.carried])).toEqual([
      ['old-health', true],
      ['older-health', false],
    ]);
  });

  it('keeps retired answers without a merge, and answers to ids it has never heard of, attached to their ids', () => {
    const read = answersForCatalogue(catalogue, [answer('old-survey', 'no'), answer('from-a-newer-catalogue', 'yes')]);
    expect(read.answers).toEqual([]);
    expect(read.retired.map((r) => [r.answer.indicatorId, r.mergedInto, r.known])).toEqual([
      ['old-survey', null, true],
      ['from-a-newer-catalogue', null, false],
    ]);
  });

  it('leaves out empty retired records (nothing to show) and never changes its input', () => {
    const input = [answer('old-survey', null, ''), answer('old-health', 'yes')];
    const copy = structuredClone(input);
    const read = answersForCatalogue(catalogue, input);
    expect(read.retired.map((r) => r.answer.indicatorId)).toEqual(['old-health']);
    expect(input).toEqual(copy);
  });

  it('scores a merged answer for the indicator that absorbed it', () => {
    const rights = scoreAssessment(catalogue, [answer('old-health', 'yes'), answer('school-access', 'no')]).domains[0]!;
    expect(rights).toMatchObject({ score: 50, answered: 2 });
  });
});

describe('an assessment answered against national catalogue 2026.1', () => {
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  const fixture = read('test/fixtures/catalogue/v1-national-assessment.json') as { v1Ids: string[]; answers: Answer[] };
  const national = parseCatalogue(read('indicators/national.json'), 'indicators/national.json');
  const current = new Set(allIndicators(national).map((i) => i.id));
  const opened = answersForCatalogue(national, fixture.answers);

  it('has every 2026.1 id either in the catalogue or in its retired list', () => {
    const retired = retiredIds(national);
    expect(fixture.v1Ids.filter((id) => !current.has(id) && !retired.has(id))).toEqual([]);
  });

  it('loses no word: every stored answer is read under its own id or shown as retired, narrative and evidence intact', () => {
    const shown = new Map<string, Answer>();
    for (const a of opened.answers) if (!opened.carriedOver.has(a.indicatorId)) shown.set(a.indicatorId, a);
    for (const r of opened.retired) shown.set(r.answer.indicatorId, r.answer);
    expect(fixture.answers.filter((a) => shown.get(a.indicatorId) !== a).map((a) => a.indicatorId)).toEqual([]);
  });

  it('carries the answers of merged indicators onto the unanswered ones that absorbed them', () => {
    expect(opened.carriedOver).toEqual(
      new Map([
        ['migration-law', 'admission-criteria-in-law'],
        ['returning-nationals-reintegration', 'reintegration-crisis-returnees'],
        // New in 2026.2, so unanswered in every older assessment.
        ['trafficking-smuggling-cooperation', 'bilateral-trafficking-cooperation'],
      ]),
    );
    const law = opened.answers.find((a) => a.indicatorId === 'migration-law')!;
    expect(law.narrative).toBe('Note on admission-criteria-in-law.');
  });

  it('has the question of every retired answer in every language', () => {
    for (const lang of ['en', 'es', 'fr']) {
      const text = parseCatalogueText(read(`locales/${lang}/national.json`), `locales/${lang}/national.json`, national);
      expect(opened.retired.filter((r) => !text.retired?.[r.answer.indicatorId]?.question).map((r) => r.answer.indicatorId)).toEqual([]);
    }
  });

  it('scores on the current catalogue, every domain with answers', () => {
    const results = scoreAssessment(national, fixture.answers);
    expect(results.domains.every((d) => d.answered > 0)).toBe(true);
    expect(results.indicators['migration-law']!.status).not.toBe('unanswered');
  });
});
