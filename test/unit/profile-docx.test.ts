// @vitest-environment node
/**
 * The profile as an editable Word file, written for real (docx in Node, the same writer the worker
 * loads) and read back by unzipping word/document.xml: the text, in which Word style (Heading 1-3),
 * the contents field, the tables and the sign-off block. Also the command-line tool's --format docx.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCatalogue, parseCatalogueText, type CatalogueBundle, type CatalogueKind } from '../../src/domain/catalogue';
import { buildDemoAssessment, type DemoPhrases } from '../../src/domain/demo';
import { buildProfile, type ProfileLanguage, type ProfileStrings } from '../../src/domain/profile';
import { buildWorkshopAnnex } from '../../src/domain/workshop-annex';
import { annexDocument, profileDocument } from '../../src/features/report/profile-docx';

globalThis.localStorage ??= { clear: () => undefined } as unknown as Storage;

const NOW = '2026-05-04T09:00:00.000Z';
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const catalogueOf = (kind: CatalogueKind) => parseCatalogue(json(`indicators/${kind}.json`), kind);
function bundleOf(kind: CatalogueKind, lang: ProfileLanguage): CatalogueBundle {
  const catalogue = catalogueOf(kind);
  return { catalogue, text: parseCatalogueText(json(`locales/${lang}/${kind}.json`), lang, catalogue), lang };
}
const stringsOf = (lang: ProfileLanguage) => json(`locales/${lang}/report.json`) as ProfileStrings;
const demoOf = (lang: ProfileLanguage) =>
  buildDemoAssessment({ catalogue: catalogueOf('national'), phrases: json(`locales/${lang}/demo.json`) as DemoPhrases, id: 'demo', now: NOW });

const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Word {
  xml: string;
  /** Every paragraph: its style (or '') and its text. */
  paragraphs: { style: string; text: string }[];
  text: string;
}

function readDocx(bytes: Uint8Array): Word {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
  return { xml, paragraphs, text: paragraphs.map((p) => p.text).join('\n') };
}

describe.each(['en', 'es'] as const)('the Word profile of the demonstration assessment, in %s', (lang) => {
  const { assessment, answers } = demoOf(lang);
  const bundle = bundleOf('national', lang);
  const strings = stringsOf(lang);
  const s = strings.profile;
  const model = buildProfile({ assessment, answers, bundle, strings, lang, generatedAt: NOW });
  let word: Word;

  it('is a Word file', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(profileDocument(model)));
    expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
    word = readDocx(bytes);
  });

  it('gives each section a real Heading 1, in the published order, and domains and groups Heading 2 and 3', () => {
    const h1 = word.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual([...model.contents.entries.map((e) => e.title), s.signOff.title]);
    const h2 = word.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    for (const d of model.findings.domains) expect(h2).toContain(d.heading);
    const h3 = word.paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text);
    expect(h3.filter((t) => t === s.findings.wellDeveloped)).toHaveLength(6);
    expect(h3.filter((t) => t === s.findings.potential)).toHaveLength(6);
  });

  it('has a contents field that Word can update, listing the sections', () => {
    expect(decode(word.xml)).toMatch(/TOC [^<]*\\o "1-1"/);
    const entries = word.paragraphs.filter((p) => p.style === 'TOC1').map((p) => p.text);
    expect(entries.join('|')).toContain(model.contents.entries[0]!.title);
  });

  it('carries every finding with its note and sources, the key sources, the conventions table and a sign-off block', () => {
    for (const d of model.findings.domains) {
      for (const f of [...d.wellDeveloped.items, ...d.potential.items]) {
        expect(word.text).toContain(f.sentence);
        if (f.sources) expect(word.text).toContain(f.sources);
      }
    }
    for (const source of model.sources.items) expect(word.text).toContain(source);
    expect((word.xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(2 + s.signOff.roles.length);
    for (const row of model.conventions!.rows) expect(word.text).toContain(row.status);
    for (const role of s.signOff.roles) expect(word.text).toContain(role);
    expect(word.text).toContain(s.signOff.signature);
  });

  it('keeps headings with what follows and table rows whole', () => {
    expect(word.xml).toContain('<w:cantSplit/>');
    expect(word.xml).toContain('<w:tblHeader/>');
    const headingParagraphs = [...word.xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?w:val="Heading[123]"[\s\S]*?<\/w:p>/g)];
    for (const [p] of headingParagraphs) expect(p).toContain('<w:keepNext/>');
  });

  it('prints no score or count', () => {
    expect(word.text).not.toContain(strings.annex.summary.score);
    expect(word.text).not.toMatch(/\b\d+ ?(\/|of|sobre) ?100\b/);
  });
});

describe('every script in the Word profile', () => {
  it('writes right-to-left paragraphs as such, and names the fonts of the scripts present', async () => {
    const { assessment, answers } = demoOf('en');
    const arabic = 'ينص قانون العمل على حقوق العمال المهاجرين';
    const model = buildProfile({
      assessment: { ...assessment, context: `${arabic}\n\n出入国管理及び難民認定法` },
      answers,
      bundle: bundleOf('national', 'en'),
      strings: stringsOf('en'),
      lang: 'en',
      generatedAt: NOW,
    });
    const bytes = new Uint8Array(await Packer.toBuffer(profileDocument(model)));
    const word = readDocx(bytes);
    const paragraph = [...word.xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => p.includes(arabic))!;
    expect(paragraph).toContain('<w:bidi/>');
    expect(paragraph).toContain('<w:rtl/>');
    const styles = strFromU8(unzipSync(bytes)['word/styles.xml']!);
    expect(styles).toContain('w:cs="Noto Sans Arabic"');
    expect(styles).toContain('w:eastAsia="Noto Sans JP"');
  });
});

describe('the Word workshop annex', () => {
  it('holds the figures by domain and every answer', async () => {
    const { assessment, answers } = demoOf('en');
    const bundle = bundleOf('national', 'en');
    const model = buildWorkshopAnnex({ assessment, answers, bundle, strings: stringsOf('en'), lang: 'en', generatedAt: NOW });
    const word = readDocx(new Uint8Array(await Packer.toBuffer(annexDocument(model))));
    for (const row of model.summary.rows) for (const cell of row.cells) expect(word.text).toContain(cell);
    expect(word.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([model.answers.title]);
  });
});

describe('npm run profile -- --format docx', () => {
  it('writes the Word profile of the demonstration', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mgi-docx-')), 'demo.docx');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/profile.tsx', '--demo', '--lang', 'fr', '--format', 'docx', '--out', out], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const word = readDocx(new Uint8Array(readFileSync(out)));
    expect(word.paragraphs.find((p) => p.style === 'Heading1')?.text).toBe(stringsOf('fr').profile.sections.objectives);
  }, 120_000);
});
