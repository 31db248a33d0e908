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
import { buildProfile, type ProfileLanguage, type ProfileModel, type ProfileStrings } from '../../src/domain/profile';
import { renderProfilePdf } from '../../src/features/report/profile-pdf-node';

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
  pages: number;
  /** The raw text of the cover page. */
  cover: string;
  info: Record<string, unknown>;
  raw: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function readPdf(data: Uint8Array, model: ProfileModel): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = await doc.getMetadata();
  const raw = squash(parts.join('\n'));
  const pageLabel = new RegExp(model.pageLabel.replace('{{page}}', '\\d+').replace('{{total}}', '\\d+'), 'g');
  let body = raw.replace(pageLabel, ' ').split(model.header).join(' ');
  if (model.watermark) body = body.split(model.watermark).join(' ');
  await doc.destroy();
  return { body: squash(body), pages: doc.numPages, cover: squash(parts[0]!), info: info as Record<string, unknown>, raw };
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
    const headings = [s.contents, s.sections.objectives, s.sections.introduction, s.sections.context, s.sections.findings, s.sections.chart, s.sections.gcm, s.sections.sources, s.sections.answers];
    let at = pdf.body.indexOf(s.contents) + s.contents.length; // after the contents list, which names them all
    at = pdf.body.indexOf(s.sections.answers, at) + s.sections.answers.length;
    for (const heading of headings.slice(1)) {
      const found = pdf.body.indexOf(squash(heading), at);
      expect(found, heading).toBeGreaterThan(0);
      at = found;
    }
    expect(pdf.body).toContain(squash(s.findings.wellDeveloped));
    expect(pdf.body).toContain(squash(s.findings.potential));
  });

  it('puts every Yes under well-developed areas and every Partial and No under areas for development, domain by domain', () => {
    const findings = between(pdf.body, squash(s.findings.intro), squash(s.sections.chart));
    const byId = new Map(answers.map((a) => [a.indicatorId, a]));
    bundle.catalogue.domains.forEach((domain, index) => {
      const next = bundle.catalogue.domains[index + 1];
      const title = squash(bundle.text.domains[domain.id]!.title);
      const section = between(findings, title, next ? squash(bundle.text.domains[next.id]!.title) : null);
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

  it("cites the team's narratives and lists every source once under key sources", () => {
    const sources = between(pdf.body, squash(s.sources.intro), squash(s.sections.answers));
    const titles = new Set(answers.flatMap((a) => a.evidence.map((e) => e.title)));
    expect(titles.size).toBeGreaterThan(5);
    for (const title of titles) {
      expect(sources).toContain(squash(title));
      expect(sources.split(squash(title)).length - 1, title).toBe(1);
    }
    const first = answers.find((a) => a.value === 'yes')!;
    expect(pdf.body).toContain(squash(first.narrative));
  });

  it('annexes every answer, with its question', () => {
    const annex = between(pdf.body, squash(s.answers.intro), null);
    for (const indicator of bundle.catalogue.domains.flatMap((d) => d.subdomains.flatMap((sub) => sub.indicators))) {
      expect(annex, indicator.id).toContain(squash(bundle.text.indicators[indicator.id]!.question));
    }
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

  it('never prints a score across domains', () => {
    const numbers = model.chart.bars.map((b) => b.score ?? 0);
    const average = Math.round(numbers.reduce((a, b) => a + b, 0) / numbers.length);
    const domainScores = new Set(numbers);
    if (!domainScores.has(average)) expect(pdf.body).not.toMatch(new RegExp(`\\b${average}\\b ?/ ?100|${average} (of|sur|sobre) 100`));
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
