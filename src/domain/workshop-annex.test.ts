import { describe, expect, it } from 'vitest';
import en from '../../locales/en/report.json';
import es from '../../locales/es/report.json';
import { tinyCatalogue, tinyText } from '../../test/fixtures/catalogue/tiny';
import type { AnswerValue } from './answer';
import { emptyAnswer, type Answer, type Assessment } from './assessment';
import { parseCatalogue, type CatalogueBundle } from './catalogue';
import type { ProfileStrings } from './profile';
import { buildWorkshopAnnex } from './workshop-annex';

const catalogue = parseCatalogue(structuredClone(tinyCatalogue), 'tiny');
const bundle: CatalogueBundle = { catalogue, text: tinyText, lang: 'en' };
const NOW = '2026-03-01T10:00:00.000Z';
const assessment: Assessment = {
  id: 'a1',
  government: 'Republic of Exampleland',
  level: 'national',
  year: 2026,
  focalPoint: '',
  institutions: [],
  context: '',
  catalogueVersion: '2026.1',
  status: 'draft',
  archived: false,
  createdAt: NOW,
  updatedAt: NOW,
};
const answer = (id: string, value: AnswerValue | null, extra: Partial<Answer> = {}): Answer => ({ ...emptyAnswer('a1', id, NOW), value, narrative: `Note on ${id}.`, ...extra });
const answers = [
  answer('health-access', 'yes', { evidence: [{ id: 'e', title: 'Health Act', type: 'law', reference: 'art. 4', year: 2016, link: '' }] }),
  answer('school-access', 'partial'),
  answer('labour-agreements', 'no', { decision: 'dissent', dissentNote: 'Labour disagreed.' }),
  answer('agreement-monitoring', 'yes'),
  answer('monitoring-report', 'yes'),
];
const build = (extra: Partial<Parameters<typeof buildWorkshopAnnex>[0]> = {}) =>
  buildWorkshopAnnex({ assessment, answers, bundle, strings: en satisfies ProfileStrings, lang: 'en', generatedAt: NOW, ...extra });

describe('the workshop annex', () => {
  const model = build();

  it('says it is not part of the profile', () => {
    expect(model.cover.notProfile).toBe('Working figures from the assessment workshop. This annex is not part of the Migration Governance Profile and is not meant for publication.');
  });

  it("gives each domain's score, share answered and counts, and no score across domains", () => {
    expect(model.summary.rows.map((r) => r.cells)).toEqual([
      ['Rights', '75', '100%', '1', '1', '0', '0', '0'],
      ['Partners', '0', '100%', '0', '0', '3', '0', '0'],
    ]);
    expect(JSON.stringify(model.summary)).not.toMatch(/overall|average|total/i);
  });

  it('names the answers behind each confidence note', () => {
    expect(model.flags.domains[1]!.lines).toEqual(['Answers without evidence: Labour agreements?', 'Answers reached with dissent: Labour agreements?']);
    expect(model.flags.domains[0]!.lines).toEqual(['Answers without evidence: School access?']);
  });

  it('labels every answer, including ruled-out, open and missing ones, with its note and sources', () => {
    expect(model.answers.domains.flatMap((d) => d.rows.map((r) => [r.indicatorId, r.answer]))).toEqual([
      ['health-access', 'Yes'],
      ['school-access', 'Partial'],
      ['labour-agreements', 'No'],
      ['agreement-monitoring', 'No (follows from another answer)'],
      ['monitoring-report', 'No (follows from another answer)'],
    ]);
    expect(model.answers.domains[0]!.rows[0]!.notes).toEqual(['Note on health-access.', 'Sources: Health Act (2016)']);
    expect(build({ answers: [answer('health-access', 'unknown')] }).answers.domains[0]!.rows[0]!.answer).toBe("Don't know yet");
    expect(build({ answers: [] }).answers.domains[0]!.rows[0]).toMatchObject({ answer: 'Not answered', notes: [] });
  });

  it('is written in the language asked for', () => {
    const m = build({ strings: es, lang: 'es' });
    expect(m.cover.title).toBe('Anexo del taller');
    expect(m.summary.rows[0]!.cells[2]).toBe('100\u00a0%');
  });
});
