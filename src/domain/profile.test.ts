import { describe, expect, it } from 'vitest';
import en from '../../locales/en/report.json';
import es from '../../locales/es/report.json';
import fr from '../../locales/fr/report.json';
import { tinyCatalogue, tinyText } from '../../test/fixtures/catalogue/tiny';
import type { AnswerValue } from './answer';
import { emptyAnswer, type Answer, type Assessment, type Evidence } from './assessment';
import { parseCatalogue, type CatalogueBundle } from './catalogue';
import { buildProfile, fill, levelDescription, localRelation, paragraphs, profileFileName, type ProfileInput, type ProfileStrings } from './profile';

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

  it("carries the team's narrative, the dissent note and brief citations with each finding", () => {
    expect(rights.wellDeveloped.items[0]).toMatchObject({ narrative: 'Note on health-access.', sources: 'Sources: Health Act (2016), art. 4' });
    expect(rights.potential.items[0]!.sources).toBe('Sources: health  act (2016), art. 9; School Decree');
    expect(partners.potential.items[0]!.dissent).toBe('The answer was reached with dissent: Labour disagreed.');
  });

  it('lists every titled source once as a full citation, in alphabetical order', () => {
    expect(model.sources.items).toEqual([
      'Republic of Exampleland, 2016. Health Act.',
      'Republic of Exampleland, n.d. School Decree.',
      // Its indicator is ruled out, but the team consulted it: still a key source.
      'Republic of Exampleland, 2024. Statistics Report. Available at https://stats.example/report.',
    ]);
  });

  it('prints no score, count or share of answers anywhere (the workshop annex has them)', () => {
    const keys = (node: unknown): string[] =>
      node !== null && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => [k, ...keys(v)]) : [];
    expect(keys(model).filter((k) => /score|count|completeness|chart|overall|total|rank|composite|summary/i.test(k))).toEqual([]);
    const text = JSON.stringify(model);
    expect(text).not.toMatch(/\b\d+ (of|out of) 100\b|\d+ ?%|\bscore\b/i);
  });

  it('keeps local-level sentences out of a national profile and in a local one', () => {
    const description = 'This domain looks at rights. At local level, it looks at services. It also covers conventions.';
    expect(levelDescription(description, 'national')).toBe('This domain looks at rights. It also covers conventions.');
    expect(levelDescription(description, 'local')).toBe(description);
    expect(levelDescription('Examina derechos. A nivel local, examina servicios.', 'national')).toBe('Examina derechos.');
    expect(levelDescription("Examine les droits. À l'échelon local, il examine les services.", 'national')).toBe('Examine les droits.');
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

  it('opens with a cover, contents in the published order, acronyms, the process, this self-assessment and the context', () => {
    expect(model.cover).toEqual({
      title: 'Migration Governance Profile',
      government: 'Republic of Exampleland',
      yearLine: 'Assessment year 2026',
      status: 'Draft for consultation · March 1, 2026',
      basis: en.profile.cover.basis,
      selfAssessment: en.profile.cover.selfAssessment,
      focalPoint: 'Focal point: A. Official',
    });
    expect(model.contents.entries.map((e) => e.id)).toEqual(['objectives', 'acronyms', 'introduction', 'context', 'findings', 'sources', 'gcm']);
    expect(model.acronyms.items.map((a) => a.short)).toContain('MiGOF');
    expect(model.introduction.parts.map((p) => p.title)).toEqual([en.profile.introduction.mgiTitle, en.profile.introduction.processTitle, en.profile.introduction.selfTitle]);
    expect(model.introduction.parts[1]!.items).toHaveLength(4);
    expect(model.context.paragraphs).toEqual(['First paragraph.', 'Second paragraph,\nwith a line break.']);
    expect(buildProfile(input({ assessment: { ...assessment, context: '  ' } })).context.paragraphs).toEqual([en.profile.context.empty]);
  });

  it('marks a draft with a watermark; a validated profile has none and says who validated it and when', () => {
    expect(model.watermark).toBe('DRAFT');
    expect(model.introduction.parts[2]!.paragraphs).toContain(en.profile.introduction.draft);
    const validated = buildProfile(
      input({ assessment: { ...assessment, status: 'validated', validatedBy: 'Minister of the Interior', validatedAt: '2026-04-20T08:00:00.000Z' } }),
    );
    expect(validated.watermark).toBeNull();
    expect(validated.cover.status).toBe('Validated by Minister of the Interior on April 20, 2026');
    expect(validated.introduction.parts[2]!.paragraphs).not.toContain(en.profile.introduction.draft);
    const anonymous = buildProfile(input({ assessment: { ...assessment, status: 'validated', updatedAt: '2026-04-21T08:00:00.000Z' } }));
    expect(anonymous.cover.status).toBe('Validated by the government on April 21, 2026');
  });

  it('tables the conventions sub-domain as Annex I, with what each answer means for that convention', () => {
    const withConventions = parseCatalogue(
      {
        ...structuredClone(tinyCatalogue),
        domains: [
          ...structuredClone(tinyCatalogue).domains,
          { id: 'more', subdomains: [{ id: 'rights-conventions', indicators: [{ id: 'icrmw', gcm: [23], institutions: ['foreign-affairs'], notApplicable: false }] }] },
        ],
      },
      'tiny+',
    );
    const text = {
      ...tinyText,
      domains: { ...tinyText.domains, more: { title: 'More', description: 'More.' } },
      subdomains: { ...tinyText.subdomains, 'rights-conventions': { title: 'Conventions', description: 'Conventions.' } },
      indicators: {
        ...tinyText.indicators,
        icrmw: { question: 'Ratified the ICRMW?', guidance: { yes: 'Ratified.', partial: 'Signed only.', no: 'Not signed.', evidence: '-' }, strength: 'Ratified.', gap: 'Not ratified.' },
      },
    };
    const m = buildProfile(input({ bundle: { catalogue: withConventions, text, lang: 'en' }, answers: [...answers, answer('icrmw', 'partial')] }));
    expect(m.conventions?.rows).toEqual([{ id: 'icrmw', instrument: 'Ratified the ICRMW?', status: 'Signed only.' }]);
    expect(m.contents.entries.map((e) => e.id)).toContain('conventions');
    expect(model.conventions).toBeNull();
  });

  it('says in words what changed since the earlier assessment of a follow-up, by domain', () => {
    const earlier = {
      assessment: { ...assessment, id: 'a0', year: 2022 },
      answers: [answer('health-access', 'no'), answer('school-access', 'partial'), answer('labour-agreements', 'yes')],
    };
    const m = buildProfile(input({ earlier }));
    expect(m.changes?.title).toBe('What has changed since 2022');
    expect(m.contents.entries.find((e) => e.id === 'changes')?.title).toBe('What has changed since 2022');
    expect(m.changes?.domains).toEqual([
      { id: 'rights', title: 'Rights', groups: [{ title: 'Further developed since 2022', items: ['Health access is in place.'] }], none: null },
      { id: 'partners', title: 'Partners', groups: [{ title: 'Less developed than in 2022', items: ['Labour agreements is not fully in place.'] }], none: null },
    ]);
    expect(buildProfile(input({ earlier: { ...earlier, answers } })).changes?.domains[0]!.none).toBe('No change was recorded in this domain since 2022.');
    expect(model.changes).toBeNull();
  });

  it('sets the PDF metadata: title, author and language', () => {
    expect(model.meta).toMatchObject({
      title: 'Migration Governance Profile: Republic of Exampleland 2026',
      author: 'Government of Republic of Exampleland',
      language: 'en',
    });
  });

  it.each([
    ['es', 'Perfil de Gobernanza de la Migración', 'Borrador para consulta · 1 de marzo de 2026'],
    ['fr', 'Profil de gouvernance des migrations', 'Projet soumis à consultation · 1 mars 2026'],
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
    expect(m.introduction.parts[0]!.paragraphs).toContain(en.profile.introduction.mgiLocal);
    expect(m.objectives.paragraphs).toEqual(en.profile.objectives.local);
    expect(m.findings.domains.map((d) => d.localNote)).toEqual([en.profile.local['fills-gap'], en.profile.local['builds-on']]);
    expect(JSON.stringify(m.local?.notes)).not.toMatch(/\d/);
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
    [{ government: 'République de Côte d’Ivoire', year: 2026, level: 'national' }, 'fr', 'mgi-profile-republique-de-cote-d-ivoire-2026-fr.pdf'],
    [{ government: 'São Paulo', year: 2025, level: 'local' }, 'es', 'local-mgi-profile-sao-paulo-2025-es.pdf'],
    [{ government: '東京', year: 2025, level: 'local' }, 'en', 'local-mgi-profile-assessment-2025-en.pdf'],
  ] as const)('names the file for %o', (a, lang, name) => {
    expect(profileFileName(a, lang)).toBe(name);
  });

  it('names the Word file and the workshop annex apart', () => {
    const a = { government: 'Testland', year: 2026, level: 'national' } as const;
    expect(profileFileName(a, 'es', 'docx')).toBe('mgi-profile-testland-2026-es.docx');
    expect(profileFileName(a, 'fr', 'pdf', 'annex')).toBe('mgi-workshop-annex-testland-2026-fr.pdf');
  });
});
