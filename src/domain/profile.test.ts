import { describe, expect, it } from 'vitest';
import en from '../../locales/en/report.json';
import es from '../../locales/es/report.json';
import fr from '../../locales/fr/report.json';
import { tinyCatalogue, tinyText } from '../../test/fixtures/catalogue/tiny';
import type { AnswerValue } from './answer';
import { emptyAnswer, type Answer, type Assessment, type Evidence } from './assessment';
import { parseCatalogue, type CatalogueBundle } from './catalogue';
import { buildProfile, fill, localRelation, paragraphs, profileFileName, type ProfileInput, type ProfileStrings } from './profile';

const strings = { en, es, fr } satisfies Record<string, ProfileStrings>;
const catalogue = parseCatalogue(structuredClone(tinyCatalogue), 'tiny');
const bundle: CatalogueBundle = { catalogue, text: tinyText, lang: 'en' };
const NOW = '2026-03-01T10:00:00.000Z';

const assessment: Assessment = {
  id: 'a1',
  government: 'Republic of Exampleland',
  level: 'national',
  year: 2026,
  focalPoint: 'A. Official',
  institutions: [],
  context: 'First paragraph.\n\nSecond paragraph,\nwith a line break.',
  catalogueVersion: '2026.1',
  status: 'draft',
  archived: false,
  createdAt: NOW,
  updatedAt: NOW,
};

const ev = (title: string, extra: Partial<Evidence> = {}): Evidence => ({ id: title, title, type: 'law', reference: '', year: 2016, link: '', ...extra });
function answer(id: string, value: AnswerValue | null, extra: Partial<Answer> = {}): Answer {
  return { ...emptyAnswer('a1', id, NOW), value, narrative: `Note on ${id}.`, ...extra };
}

const answers: Answer[] = [
  answer('health-access', 'yes', { evidence: [ev('Health Act', { reference: 'art. 4' }), ev('Untitled draft', { title: '  ' })] }),
  answer('school-access', 'partial', { evidence: [ev('health  act', { reference: 'art. 9' }), ev('School Decree', { year: null, type: 'policy' })] }),
  answer('labour-agreements', 'no', { decision: 'dissent', dissentNote: 'Labour disagreed.' }),
  answer('agreement-monitoring', 'yes'), // ruled out by the No above, and monitoring-report with it
  answer('monitoring-report', 'yes', { evidence: [ev('Statistics Report', { type: 'data', year: 2024, link: 'https://stats.example/report' })] }),
];

const input = (extra: Partial<ProfileInput> = {}): ProfileInput => ({ assessment, answers, bundle, strings: en, lang: 'en', generatedAt: NOW, ...extra });

describe('buildProfile', () => {
  const model = buildProfile(input());
  const rights = model.findings.domains[0]!;
  const partners = model.findings.domains[1]!;

  it('puts Yes under well-developed areas with the strength sentence, and Partial and No under potential with the gap sentence', () => {
    expect(rights.wellDeveloped.items.map((f) => f.sentence)).toEqual(['Health access is in place.']);
    expect(rights.potential.items.map((f) => [f.sentence, f.tag])).toEqual([['School access is not fully in place.', 'Partly in place.']]);
    expect(partners.potential.items.map((f) => [f.sentence, f.tag])).toEqual([['Labour agreements is not fully in place.', null]]);
  });

  it('leaves ruled-out and unanswered indicators out of the findings', () => {
    const ids = model.findings.domains.flatMap((d) => [...d.wellDeveloped.items, ...d.potential.items]).map((f) => f.indicatorId);
    expect(ids).not.toContain('agreement-monitoring');
    expect(ids).not.toContain('monitoring-report');
    expect(partners.wellDeveloped.items).toEqual([]);
    expect(partners.wellDeveloped.none).toBe(en.profile.findings.noneWellDeveloped);
  });

  it("carries the team's narrative, the dissent note and the cited sources with each finding", () => {
    expect(rights.wellDeveloped.items[0]).toMatchObject({ narrative: 'Note on health-access.', sources: 'Sources: Health Act (2016), art. 4 [1]' });
    expect(rights.potential.items[0]!.sources).toBe('Sources: health  act (2016), art. 9 [1]; School Decree [2]');
    expect(partners.potential.items[0]!.dissent).toBe('The answer was reached with dissent: Labour disagreed.');
  });

  it('lists every titled source once, numbered in order of first citation', () => {
    expect(model.sources.items).toEqual([
      { number: 1, label: '[1]', text: 'Health Act. Law. 2016.' },
      { number: 2, label: '[2]', text: 'School Decree. Policy or strategy.' },
      // Cited only in the answers annex (its indicator is ruled out): listed all the same.
      { number: 3, label: '[3]', text: 'Statistics Report. Data source. 2024. https://stats.example/report.' },
    ]);
  });

  it('summarises each domain with its own score and counts, and never a score across domains', () => {
    expect(rights.summary).toBe('Score 75 of 100 · 1 Yes, 1 Partial, 0 No · 0 not applicable · 0 not yet answered');
    expect(partners.summary).toBe('Score 0 of 100 · 0 Yes, 0 Partial, 3 No · 0 not applicable · 0 not yet answered');
    expect(model.chart.bars.map((b) => [b.label, b.score, b.completenessText])).toEqual([
      ['Rights', 75, '100%'],
      ['Partners', 0, '100%'],
    ]);
    const keys = (node: unknown): string[] =>
      node !== null && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => [k, ...keys(v)]) : [];
    expect(keys(model).filter((k) => /overall|total|rank|composite/i.test(k))).toEqual([]);
  });

  it('labels every answer in the annex, including ruled-out, open and missing ones', () => {
    const rows = model.answers.domains.flatMap((d) => d.rows.map((r) => [r.indicatorId, r.answer]));
    expect(rows).toEqual([
      ['health-access', 'Yes'],
      ['school-access', 'Partial'],
      ['labour-agreements', 'No'],
      ['agreement-monitoring', 'No (follows from another answer)'],
      ['monitoring-report', 'No (follows from another answer)'],
    ]);
    const notes = Object.fromEntries(model.answers.domains.flatMap((d) => d.rows.map((r) => [r.indicatorId, r.notes])));
    // Findings carry the note and full citations of scored answers; the annex repeats only the numbers.
    expect(notes['school-access']).toEqual(['Sources: [1], [2]']);
    expect(notes['monitoring-report']).toEqual(['Note on monitoring-report.', 'Sources: [3]']);
    const open = buildProfile(input({ answers: [answer('health-access', 'unknown')] })).answers.domains[0]!.rows[0]!;
    expect(open.answer).toBe("Don't know yet");
    const missing = buildProfile(input({ answers: [] })).answers.domains[0]!.rows[0]!;
    expect(missing).toMatchObject({ answer: 'Not answered', notes: [] });
  });

  it('numbers the findings per domain, well-developed first, and lists them under each of the 23 GCM objectives', () => {
    expect(rights.heading).toBe('1. Rights');
    expect([...rights.wellDeveloped.items, ...rights.potential.items].map((f) => [f.number, f.indicatorId])).toEqual([
      ['1.1', 'health-access'],
      ['1.2', 'school-access'],
    ]);
    expect(model.gcm.objectives).toHaveLength(23);
    const objective15 = model.gcm.objectives[14]!;
    expect(objective15.title).toBe(`Objective 15: ${en.gcm['15']}`);
    expect(objective15.lines).toEqual(['Well developed: 1.1', 'Potential for further development: 1.2']);
    expect(model.gcm.objectives[22]!.lines).toEqual(['Potential for further development: 2.1']);
    expect(model.gcm.objectives[1]!.lines).toEqual([]);
  });

  it('opens with a cover, contents and context paragraphs from the assessment', () => {
    expect(model.cover).toEqual({
      title: 'Migration Governance Profile',
      government: 'Republic of Exampleland',
      yearLine: 'Assessment year 2026',
      status: 'Status: Draft for consultation · March 1, 2026',
      basis: en.profile.cover.basis,
      focalPoint: 'Focal point: A. Official',
    });
    expect(model.contents.entries.map((e) => e.id)).toEqual(['objectives', 'introduction', 'context', 'findings', 'chart', 'gcm', 'sources', 'answers']);
    expect(model.context.paragraphs).toEqual(['First paragraph.', 'Second paragraph,\nwith a line break.']);
    expect(buildProfile(input({ assessment: { ...assessment, context: '  ' } })).context.paragraphs).toEqual([en.profile.context.empty]);
  });

  it('marks a draft with a watermark and a validated profile without one', () => {
    expect(model.watermark).toBe('DRAFT');
    const validated = buildProfile(input({ assessment: { ...assessment, status: 'validated' } }));
    expect(validated.watermark).toBeNull();
    expect(validated.cover.status).toMatch(/^Status: Validated by the government/);
    expect(validated.introduction.paragraphs).not.toContain(en.profile.introduction.draft);
  });

  it('sets the PDF metadata: title, author and language', () => {
    expect(model.meta).toMatchObject({
      title: 'Migration Governance Profile: Republic of Exampleland 2026',
      author: 'Government of Republic of Exampleland',
      language: 'en',
    });
  });

  it.each([
    ['es', 'Perfil de Gobernanza de la Migración', 'Estado: Borrador para consulta · 1 de marzo de 2026'],
    ['fr', 'Profil de gouvernance des migrations', 'Statut\u00a0: projet soumis à consultation · 1 mars 2026'],
  ] as const)('writes the document in %s, whatever the catalogue bundle says', (lang, title, status) => {
    const m = buildProfile(input({ strings: strings[lang], lang }));
    expect(m.cover.title).toBe(title);
    expect(m.cover.status).toBe(status);
    expect(m.meta.language).toBe(lang);
  });

  it('keeps free text as it was typed: markup stays text', () => {
    const m = buildProfile(input({ answers: [answer('health-access', 'yes', { narrative: '<img src=x onerror=alert(1)>' })] }));
    expect(m.findings.domains[0]!.wellDeveloped.items[0]!.narrative).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses a catalogue of the other level', () => {
    expect(() => buildProfile(input({ assessment: { ...assessment, level: 'local' } }))).toThrow(/local catalogue/);
  });
});

describe('local assessments', () => {
  const local: Assessment = { ...assessment, id: 'l1', level: 'local', government: 'City of Example' };
  const localBundle: CatalogueBundle = { ...bundle, catalogue: { ...catalogue, kind: 'local' } };
  const national = {
    assessment,
    catalogue,
    answers: [answer('health-access', 'no'), answer('school-access', 'no'), answer('labour-agreements', 'yes'), answer('agreement-monitoring', 'yes')],
  };
  const localAnswers = [answer('health-access', 'yes'), answer('school-access', 'partial'), answer('labour-agreements', 'yes'), answer('agreement-monitoring', 'partial')];

  it.each([
    [80, 20, 'fills-gap'],
    [80, 60, 'builds-on'],
    [50, 50, 'builds-on'],
    [49, 50, 'room-to-build'],
    [10, 20, 'shared-potential'],
    [null, 20, null],
    [80, null, null],
  ] as const)('local %s and national %s → %s', (l, n, relation) => {
    expect(localRelation(l, n)).toBe(relation);
  });

  it('follows the level in title and introduction, and notes per domain how local practice relates to national policy', () => {
    const m = buildProfile({ ...input(), assessment: local, bundle: localBundle, answers: localAnswers, national });
    expect(m.cover.title).toBe('Local Migration Governance Profile');
    expect(m.introduction.paragraphs).toContain(en.profile.introduction.mgiLocal);
    expect(m.objectives.paragraphs).toEqual(en.profile.objectives.local);
    expect(m.findings.domains.map((d) => d.localNote)).toEqual([
      'Local practice fills a national gap (local score 75, national score 0).',
      'Local practice builds on national policy (local score 75, national score 100).',
    ]);
    expect(m.local?.paragraphs[0]).toBe(fill(en.profile.local.intro, { government: 'Republic of Exampleland', year: 2026 }));
    expect(m.contents.entries.map((e) => e.id)).toContain('local');
  });

  it('makes no local note without a national assessment', () => {
    const m = buildProfile({ ...input(), assessment: local, bundle: localBundle, answers: localAnswers });
    expect(m.local).toBeNull();
    expect(m.findings.domains.every((d) => d.localNote === null)).toBe(true);
  });
});

describe('helpers', () => {
  it('splits free text into paragraphs on blank lines', () => {
    expect(paragraphs('a\r\n\r\n  b\n\n\n\nc\nd ')).toEqual(['a', 'b', 'c\nd']);
  });

  it.each([
    [{ government: 'République de Côte d’Ivoire', year: 2026, level: 'national' }, 'fr', 'mgi-profile-Republique-de-Cote-d-Ivoire-2026-fr.pdf'],
    [{ government: 'São Paulo', year: 2025, level: 'local' }, 'es', 'local-mgi-profile-Sao-Paulo-2025-es.pdf'],
    [{ government: '東京', year: 2025, level: 'local' }, 'en', 'local-mgi-profile-assessment-2025-en.pdf'],
  ] as const)('names the file for %o', (a, lang, name) => {
    expect(profileFileName(a, lang)).toBe(name);
  });
});
