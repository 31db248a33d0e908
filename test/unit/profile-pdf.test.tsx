// @vitest-environment node
/**
 * The profile PDF rendered for real (react-pdf in Node, the same document the worker builds) and read
 * back as text with pdfjs, as a reader's PDF viewer would: what the document says, in which language,
 * and where. Also the command-line tool, run as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyAnswer, type Answer, type Assessment } from '../../src/domain/assessment';
import { ASSESSMENT_FILE_FORMAT } from '../../src/domain/assessment-file';
import { parseCatalogue, parseCatalogueText, type CatalogueBundle, type CatalogueKind } from '../../src/domain/catalogue';
import { buildDemoAssessment, type DemoPhrases } from '../../src/domain/demo';
import { buildProfile, fill, type ProfileLanguage, type ProfileModel, type ProfileStrings } from '../../src/domain/profile';
import { buildWorkshopAnnex } from '../../src/domain/workshop-annex';
import { renderProfilePdf, renderWorkshopAnnexPdf } from '../../src/features/report/profile-pdf-node';

// test/setup.ts clears localStorage after each test, which exists only under jsdom; this file runs in
// Node (react-pdf and pdfjs as a command-line user runs them), so it gets an empty stand-in.
globalThis.localStorage ??= { clear: () => undefined } as unknown as Storage;

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const catalogueOf = (kind: CatalogueKind) => parseCatalogue(json(`indicators/${kind}.json`), kind);
function bundleOf(kind: CatalogueKind, lang: ProfileLanguage): CatalogueBundle {
  const catalogue = catalogueOf(kind);
  return { catalogue, text: parseCatalogueText(json(`locales/${lang}/${kind}.json`), lang, catalogue), lang };
}
const stringsOf = (lang: ProfileLanguage) => json(`locales/${lang}/report.json`) as ProfileStrings;
const demoOf = (lang: ProfileLanguage, kind: CatalogueKind = 'national') =>
  buildDemoAssessment({ catalogue: catalogueOf(kind), phrases: json(`locales/${lang}/demo.json`) as DemoPhrases, id: `demo-${kind}`, now: NOW });
const NOW = '2026-05-04T09:00:00.000Z';

interface PdfText {
  /** All the text, in reading order, with running header, page numbers and watermark taken out and spaces collapsed. */
  body: string;
  /** The same, page by page (index 0 is page 1). */
  bodies: string[];
  pages: number;
  /** The raw text of the cover page. */
  cover: string;
  info: Record<string, unknown>;
  raw: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function readPdf(data: Uint8Array, model: Pick<ProfileModel, 'pageLabel' | 'header' | 'watermark'>): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = await doc.getMetadata();
  const raw = squash(parts.join('\n'));
  const pageLabel = new RegExp(model.pageLabel.replace('{{page}}', '\\d+').replace('{{total}}', '\\d+'), 'g');
  const clean = (text: string) => {
    let body = text.replace(pageLabel, ' ').split(model.header).join(' ');
    if (model.watermark) body = body.split(model.watermark).join(' ');
    return squash(body);
  };
  await doc.destroy();
  return { body: clean(raw), bodies: parts.map((p) => clean(squash(p))), pages: doc.numPages, cover: squash(parts[0]!), info: info as Record<string, unknown>, raw };
}

/** The text between two markers (the first after `from`), or throws naming what is missing. */
function between(text: string, from: string, to: string | null, start = 0): string {
  const a = text.indexOf(from, start);
  if (a < 0) throw new Error(`"${from}" not found`);
  const b = to === null ? text.length : text.indexOf(to, a + from.length);
  if (b < 0) throw new Error(`"${to}" not found after "${from}"`);
  return text.slice(a + from.length, b);
}

describe.each(['en', 'es', 'fr'] as const)('the profile of the demonstration assessment, in %s', (lang) => {
  const { assessment, answers } = demoOf(lang);
  const bundle = bundleOf('national', lang);
  const strings = stringsOf(lang);
  const s = strings.profile;
  const model = buildProfile({ assessment, answers, bundle, strings, lang, generatedAt: NOW });
  let pdf: PdfText;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await renderProfilePdf(model);
    pdf = await readPdf(bytes, model);
  }, 120_000);

  it('has its headings in the chosen language, in the order of a published profile', () => {
    const order = [s.sections.objectives, s.sections.acronyms, s.sections.introduction, s.sections.context, s.sections.findings, s.sections.sources, s.sections.conventions, s.sections.gcm];
    let at = pdf.body.indexOf(squash(s.sections.gcm)) + s.sections.gcm.length; // after the contents, which name them all
    for (const heading of order) {
      const found = pdf.body.indexOf(squash(heading), at);
      expect(found, heading).toBeGreaterThan(0);
      at = found;
    }
    for (const part of [s.introduction.mgiTitle, s.introduction.processTitle, s.introduction.selfTitle, s.introduction.selfAssessment, s.findings.wellDeveloped, s.findings.potential]) {
      expect(pdf.body).toContain(squash(part));
    }
  });

  it('gives each entry of the contents the page on which its section starts', () => {
    const contents = pdf.bodies[1]!;
    for (const entry of model.contents.entries) {
      const match = new RegExp(`${escape(squash(entry.title))} (\\d+)`).exec(contents);
      expect(match, entry.title).not.toBeNull();
      const page = Number(match![1]);
      expect(pdf.bodies[page - 1], `${entry.title} on page ${page}`).toContain(squash(entry.title));
      if (page > 3) expect(pdf.bodies[page - 2], `${entry.title} not already on page ${page - 1}`).not.toContain(squash(entry.title) + ' ');
    }
  });

  it('prints no score, count, share or chart of answers (they belong to the workshop annex)', () => {
    const a = strings.annex;
    for (const phrase of [a.summary.score, a.summary.caption, a.answers.intro, a.sections.answers, a.flags.noEvidence.split('{{')[0]!, a.summary.unanswered]) {
      expect(pdf.body, phrase).not.toContain(squash(phrase));
    }
    // The team's own words (context, notes) may hold figures of their country; the profile's may not.
    const ours = [...model.context.paragraphs, ...answers.map((a) => a.narrative)].reduce((text, typed) => text.split(squash(typed)).join(' '), pdf.body);
    expect(ours).not.toMatch(/\b\d+ ?(\/|of|out of|sur|sobre|de) ?100\b/);
    expect(ours).not.toMatch(/\d ?%/);
    expect(ours).not.toMatch(/\b(score|puntuaci[oó]n|puntaje)\b/i);
  });

  it('keeps together what belongs together: no heading at the foot of a page, no Sources line at the head of one', () => {
    const headings = [
      s.findings.wellDeveloped,
      s.findings.potential,
      ...model.findings.domains.map((d) => d.heading),
      ...model.contents.entries.map((e) => e.title),
      s.introduction.mgiTitle,
      s.introduction.processTitle,
      s.introduction.selfTitle,
    ].map(squash);
    const sourcesLabel = squash(s.findings.sources.split('{{')[0]!);
    pdf.bodies.slice(2).forEach((page, i) => {
      for (const h of headings) expect(page.endsWith(h), `page ${i + 3} ends with "${h}"`).toBe(false);
      expect(page.startsWith(sourcesLabel), `page ${i + 3} starts with "${sourcesLabel}"`).toBe(false);
    });
  });

  it('puts every Yes under well-developed areas and every Partial and No under areas for development, domain by domain', () => {
    const findings = between(pdf.body, squash(s.findings.intro), squash(s.sections.sources));
    const byId = new Map(answers.map((a) => [a.indicatorId, a]));
    bundle.catalogue.domains.forEach((domain, index) => {
      const next = bundle.catalogue.domains[index + 1];
      const title = squash(`${index + 1}. ${bundle.text.domains[domain.id]!.title}`);
      const section = between(findings, title, next ? squash(`${index + 2}. ${bundle.text.domains[next.id]!.title}`) : null);
      const well = between(section, squash(s.findings.wellDeveloped), squash(s.findings.potential));
      const potential = between(section, squash(s.findings.potential), null);
      for (const indicator of domain.subdomains.flatMap((sub) => sub.indicators)) {
        const value = byId.get(indicator.id)!.value;
        const text = bundle.text.indicators[indicator.id]!;
        if (value === 'yes') {
          expect(well, indicator.id).toContain(squash(text.strength));
          expect(potential, indicator.id).not.toContain(squash(text.strength));
        } else if (value === 'partial' || value === 'no') {
          expect(potential, indicator.id).toContain(squash(text.gap));
          expect(well, indicator.id).not.toContain(squash(text.gap));
        } else {
          expect(section, indicator.id).not.toContain(squash(text.gap));
        }
      }
    });
  });

  it('prints no local-level sentence in the domain descriptions of a national profile', () => {
    expect(pdf.body).not.toMatch(/At local level|A nivel local|En el ámbito local|En el plano local|Au niveau local|À l'échelon local/);
  });

  it("cites the team's narratives, and lists every source once under key sources as a citation", () => {
    const sources = between(pdf.body, squash(s.sources.intro), squash(s.sections.conventions));
    const titles = new Set(answers.flatMap((a) => a.evidence.map((e) => e.title)));
    expect(titles.size).toBeGreaterThan(5);
    for (const title of titles) {
      expect(sources).toContain(squash(title));
      expect(sources.split(squash(title)).length - 1, title).toBe(1);
    }
    expect(sources).not.toMatch(/\[\d+\]/);
    expect(sources).toContain(squash(fill(s.sources.citation, { author: assessment.government, year: '', title: '' }).split(',')[0]!));
    const first = answers.find((a) => a.value === 'yes')!;
    expect(pdf.body).toContain(squash(first.narrative));
  });

  it('tables the ratification of the conventions', () => {
    const annex = between(pdf.body, squash(s.conventions.intro), squash(s.sections.gcm));
    expect(annex).toContain(squash(s.conventions.instrument));
    for (const row of model.conventions!.rows) expect(annex).toContain(squash(row.status));
  });

  it('carries the cover, a DRAFT watermark, page numbers, a running header and the metadata', () => {
    for (const line of [s.watermark, model.cover.title, assessment.government, model.cover.yearLine, model.cover.status]) {
      expect(pdf.cover).toContain(squash(line));
    }
    expect(pdf.raw).toContain(squash(s.page.replace('{{page}}', '2').replace('{{total}}', String(pdf.pages))));
    expect(pdf.raw.split(model.header).length - 1).toBe(pdf.pages - 1);
    expect(pdf.raw.split(s.watermark).length - 1).toBeGreaterThanOrEqual(pdf.pages);
    expect(pdf.info).toMatchObject({ Title: model.meta.title, Author: model.meta.author, Language: lang });
  });

  it('embeds its fonts (no reliance on the reader having them)', () => {
    const text = bytes.toString('latin1');
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/NotoSans/);
    expect(text).not.toMatch(/\/BaseFont\s*\/Helvetica/);
  });

});

describe('profile details', () => {
  const lang = 'en';
  const bundle = bundleOf('national', lang);
  const strings = stringsOf(lang);
  const base = demoOf(lang);

  it('prints markup typed into free text as text', async () => {
    const markup = '<img src=x onerror=alert(1)> <b>bold</b> & “quotes”';
    const answers: Answer[] = base.answers.map((a, i) => (i === 0 ? { ...a, value: 'yes', narrative: markup } : a));
    const assessment: Assessment = { ...base.assessment, government: 'Republic of <script>alert(1)</script>', context: markup };
    const model = buildProfile({ assessment, answers, bundle, strings, lang, generatedAt: NOW });
    const pdf = await readPdf(await renderProfilePdf(model), model);
    expect(pdf.body).toContain(markup);
    expect(pdf.raw).toContain('Republic of <script>alert(1)</script>');
  }, 120_000);

  it('drops the watermark once the assessment is validated, and follows the level for a local assessment with national notes', async () => {
    const local = demoOf(lang, 'local');
    const model = buildProfile({
      assessment: { ...local.assessment, status: 'validated' },
      answers: local.answers,
      bundle: bundleOf('local', lang),
      strings,
      lang,
      generatedAt: NOW,
      national: { ...base, catalogue: bundle.catalogue },
    });
    const pdf = await readPdf(await renderProfilePdf(model), model);
    expect(pdf.raw).not.toContain(strings.profile.watermark);
    expect(pdf.raw).toContain(strings.profile.titleLocal);
    expect(pdf.body).toContain(squash(strings.profile.introduction.mgiLocal));
    expect(pdf.body).toContain(squash(strings.profile.local.rule));
    expect(model.findings.domains.filter((d) => d.localNote).length).toBe(6);
    for (const d of model.findings.domains) expect(pdf.body).toContain(squash(d.localNote!));
    expect(pdf.body).not.toMatch(/\d ?%|\bscore\b/i);
  }, 120_000);
});

describe('every script a ministry may type', () => {
  const lang = 'en';
  const base = demoOf(lang);
  const texts = {
    arabic: 'ينص قانون العمل على حقوق العمال المهاجرين',
    hebrew: 'חוק הכניסה לישראל',
    cyrillic: 'Миграционная политика Российской Федерации',
    han: '中华人民共和国出境入境管理法',
    japanese: '出入国管理及び難民認定法',
    korean: '재한외국인 처우 기본법',
  };
  const assessment: Assessment = { ...base.assessment, government: 'المملكة الأردنية الهاشمية', context: Object.values(texts).join('\n\n') };
  const answers: Answer[] = base.answers.map((a, i) =>
    i === 0 ? { ...a, value: 'yes', narrative: texts.arabic, evidence: [{ id: 'e', title: texts.japanese, type: 'law', reference: '', year: 1951, link: '' }] } : a,
  );
  const model = buildProfile({ assessment, answers, bundle: bundleOf('national', lang), strings: stringsOf(lang), lang, generatedAt: NOW });

  it('embeds a font for each script present, and only those', async () => {
    expect(model.scripts).toEqual(['cyrillic', 'arabic', 'hebrew', 'japanese', 'korean', 'han']);
    const bytes = await renderProfilePdf(model);
    const raw = bytes.toString('latin1');
    for (const name of ['NotoSansArabic', 'NotoSansHebrew', 'NotoSansJP', 'NotoSansKR', 'NotoSansSC']) expect(raw, name).toContain(name);
    const pdf = await readPdf(bytes, model);
    for (const [script, text] of Object.entries(texts)) {
      if (script === 'arabic' || script === 'hebrew') continue; // read back below, in reading order
      expect(pdf.body, script).toContain(text);
    }
    // Right-to-left text is drawn from the right: its first word on the right, as a reader reads it.
    // (pdfjs gives the glyphs of a page in visual order, each word's letters in reading order.)
    const visual = texts.hebrew.split(' ').reverse().join(' ');
    expect(pdf.body).toContain(visual);
    expect(pdf.body).not.toContain(texts.hebrew);
    // A Latin-only profile embeds none of them.
    const plain = (await renderProfilePdf(buildProfile({ ...base, bundle: bundleOf('national', lang), strings: stringsOf(lang), lang, generatedAt: NOW }))).toString('latin1');
    expect(plain).not.toMatch(/NotoSans(Arabic|Hebrew|JP|KR|SC)/);
  }, 180_000);
});

describe('the workshop annex and follow-ups', () => {
  const lang = 'fr';
  const bundle = bundleOf('national', lang);
  const strings = stringsOf(lang);
  const base = demoOf(lang);

  it('puts the workshop figures and every answer in a document of its own', async () => {
    const model = buildWorkshopAnnex({ ...base, bundle, strings, lang, generatedAt: NOW });
    const pdf = await readPdf(await renderWorkshopAnnexPdf(model), { ...model, watermark: null });
    expect(pdf.body).toContain(squash(strings.annex.title));
    expect(pdf.body).toContain(squash(model.cover.notProfile));
    expect(pdf.body).toContain(squash(strings.annex.summary.score));
    for (const row of model.summary.rows) expect(pdf.body).toContain(squash(row.cells.join(' ')));
    for (const indicator of bundle.catalogue.domains.flatMap((d) => d.subdomains.flatMap((sub) => sub.indicators))) {
      expect(pdf.body, indicator.id).toContain(squash(bundle.text.indicators[indicator.id]!.question));
    }
  }, 120_000);

  it('says in a follow-up what changed since the earlier assessment, in words', async () => {
    const flipped = base.answers.find((a) => a.value === 'no')!;
    const earlier = { assessment: { ...base.assessment, id: 'earlier', year: base.assessment.year - 4 }, answers: base.answers };
    const answers = base.answers.map((a) => (a === flipped ? { ...a, value: 'yes' as const } : a));
    const model = buildProfile({ assessment: base.assessment, answers, bundle, strings, lang, generatedAt: NOW, earlier });
    const pdf = await readPdf(await renderProfilePdf(model), model);
    const changes = between(pdf.body, squash(model.changes!.intro), squash(strings.profile.sections.sources));
    expect(changes).toContain(squash(fill(strings.profile.changes.improved, { year: earlier.assessment.year })));
    expect(changes).toContain(squash(bundle.text.indicators[flipped.indicatorId]!.strength));
    expect(changes).toContain(squash(fill(strings.profile.changes.none, { year: earlier.assessment.year })));
    expect(pdf.bodies[1]).toContain(squash(model.changes!.title));
  }, 120_000);
});

describe('npm run profile (command line)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mgi-profile-'));
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/profile.tsx', ...args], { encoding: 'utf8', timeout: 120_000 });
  const { assessment, answers } = demoOf('en');
  const exported = {
    format: ASSESSMENT_FILE_FORMAT,
    version: 1,
    exportedAt: NOW,
    catalogue: { kind: 'national', version: assessment.catalogueVersion },
    assessment,
    answers,
    // Fields from a newer exporter are tolerated.
    somethingNew: { ignored: true },
  };

  it('renders an exported assessment file to a PDF in the language asked for', async () => {
    const file = join(dir, 'exported.json');
    const out = join(dir, 'profile-es.pdf');
    writeFileSync(file, JSON.stringify(exported));
    const result = run(file, '--lang', 'es', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(out);
    const model = buildProfile({ assessment, answers, bundle: bundleOf('national', 'es'), strings: stringsOf('es'), lang: 'es', generatedAt: NOW });
    const pdf = await readPdf(readFileSync(out), model);
    expect(pdf.raw).toContain('Perfil de Gobernanza de la Migración');
    expect(pdf.body).toContain(squash(stringsOf('es').profile.findings.potential));
  }, 120_000);

  it('renders the demonstration assessment with --demo', () => {
    const out = join(dir, 'demo.pdf');
    const result = run('--demo', '--lang', 'fr', '--out', out);
    expect(result.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it.each([
    ['a file that does not exist', () => join(dir, 'missing.json'), /missing\.json: cannot read the assessment file \(no such file\)/],
    ['a file that is not JSON', () => write('broken.json', '{"format": "mgi-assess'), /broken\.json: the file is incomplete/],
    ['a file of another kind', () => write('other.json', JSON.stringify({ hello: 'world' })), /other\.json: this is not an MGI assessment file\./],
    [
      'an answer with an impossible value',
      () => write('value.json', JSON.stringify({ ...exported, answers: [{ ...emptyAnswer(assessment.id, 'x', NOW), value: 'maybe' }] })),
      /value\.json: the file contains data the app cannot accept \(“answers\[0\]\.value” holds a value that is not allowed\)/,
    ],
    [
      // The app refuses it against the catalogue; the tool used to skip that check and render it.
      'an answer to an indicator the catalogue does not have',
      () => write('invented.json', JSON.stringify({ ...exported, answers: [...answers, emptyAnswer(assessment.id, 'invented-indicator', NOW)] })),
      /invented\.json: the file does not match the indicator catalogue of this app \(1 indicator is not in catalogue 2026\.\d+: “invented-indicator”\)/,
    ],
    [
      'a file changed after it was exported',
      () => write('tampered.json', JSON.stringify({ ...exported, version: 2, history: [], reviews: [], comments: [], proposals: [], checksum: { algorithm: 'SHA-256', value: '0'.repeat(64) } })),
      /tampered\.json: the file was changed after it was exported/,
    ],
    [
      'a version-2 file relabelled version 1 (no checksum to fail)',
      () => write('relabelled.json', JSON.stringify({ ...exported, version: 1, history: [], checksum: { algorithm: 'SHA-256', value: '0'.repeat(64) } })),
      /relabelled\.json: the file contradicts itself \(it is labelled as format 1/,
    ],
    ['an encrypted file', () => write('locked.json', JSON.stringify({ format: 'mgi-assessment-encrypted', ciphertext: 'abc', salt: 'x' })), /locked\.json: this file is encrypted/],
  ])('refuses %s with a clear message and a non-zero exit', (_, make, message) => {
    const result = run(make(), '--out', join(dir, 'never.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);

  it('explains its usage when called wrongly', () => {
    const result = run('--lang', 'de', '--demo');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--lang must be en, es or fr/);
    expect(result.stderr).toMatch(/Usage:/);
  }, 60_000);

  function write(name: string, content: string): string {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  }
});
