// `npm run profile -- <exported assessment file> [--lang en|es|fr] [--format pdf|docx] [--annex] [--out file] [--national <file>] [--earlier <file>]`
// `npm run profile -- --demo [--level national|local] [--lang es] [--format docx] [--out profile.docx]`
// Renders the Migration Governance Profile (or, with --annex, the workshop annex) without a browser:
// the same view models and documents as the app, as PDF or as an editable Word file.
// Exit codes: 0 written, 1 bad input (the message says what is wrong), 2 wrong usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer, Assessment } from '../domain/assessment';
import { parseCatalogue, parseCatalogueText, type Catalogue, type CatalogueBundle, type CatalogueKind } from '../domain/catalogue';
import { buildDemoAssessment, type DemoPhrases } from '../domain/demo';
import { MAX_FILE_BYTES, readFile } from '../domain/exchange';
import { describeProblem, ExchangeError, type Translate } from '../domain/exchange-problem';
import { buildProfile, isProfileLanguage, profileFileName, type ProfileLanguage, type ProfileStrings } from '../domain/profile';
import { buildWorkshopAnnex } from '../domain/workshop-annex';
import { renderProfilePdf, renderWorkshopAnnexPdf } from '../features/report/profile-pdf-node';

const root = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = `Usage:
  npm run profile -- <exported assessment file> [--lang en|es|fr] [--format pdf|docx] [--annex] [--out file]
                     [--national <national assessment file>] [--earlier <earlier assessment file>]
  npm run profile -- --demo [--level national|local] [--lang en|es|fr] [--format pdf|docx] [--annex] [--out file]
  --format docx   an editable Word document instead of a PDF
  --annex         the workshop annex (scores, confidence notes, every answer) instead of the profile
  --earlier       a follow-up: the profile says what changed since that assessment`;

class InputError extends Error {}
class UsageError extends Error {}

interface Options {
  file: string | null;
  demo: boolean;
  level: CatalogueKind;
  lang: ProfileLanguage;
  out: string | null;
  national: string | null;
  earlier: string | null;
  format: 'pdf' | 'docx';
  annex: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { file: null, demo: false, level: 'national', lang: 'en', out: null, national: null, earlier: null, format: 'pdf', annex: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--demo') options.demo = true;
    else if (arg === '--lang') {
      const lang = value();
      if (!isProfileLanguage(lang)) throw new UsageError(`--lang must be en, es or fr (got "${lang}").`);
      options.lang = lang;
    } else if (arg === '--level') {
      const level = value();
      if (level !== 'national' && level !== 'local') throw new UsageError(`--level must be national or local (got "${level}").`);
      options.level = level;
    } else if (arg === '--out') options.out = value();
    else if (arg === '--national') options.national = value();
    else if (arg === '--earlier') options.earlier = value();
    else if (arg === '--annex') options.annex = true;
    else if (arg === '--format') {
      const format = value();
      if (format !== 'pdf' && format !== 'docx') throw new UsageError(`--format must be pdf or docx (got "${format}").`);
      options.format = format;
    }
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else if (options.file) throw new UsageError(`One assessment file at a time (got "${options.file}" and "${arg}").`);
    else options.file = arg;
  }
  if (options.demo === (options.file !== null)) throw new UsageError('Give either an exported assessment file or --demo.');
  return options;
}

/** The Word writer, loaded only for --format docx. */
async function docx(build: (writer: typeof import('../features/report/profile-docx')) => import('docx').Document): Promise<Uint8Array> {
  const writer = await import('../features/report/profile-docx');
  const { Packer } = await import('docx');
  return new Uint8Array(await Packer.toBuffer(build(writer)));
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)}).`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file}: the ${what} is not valid JSON (${(error as Error).message}).`);
  }
}

/** The app's own sentences for import problems, in English (the tool speaks English). */
function englishProblems(): Translate {
  const strings = readJson(resolve(root, 'locales/en/review.json'), 'interface texts') as Record<string, unknown>;
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  return (key, values = {}) => {
    const plural = typeof values.count === 'number' ? lookup(`${key}_${values.count === 1 ? 'one' : 'other'}`) : undefined;
    const text = plural ?? lookup(key);
    return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? '')) : key;
  };
}

/**
 * Reads an exported assessment file with the app's own reader (checksum, schema, the meaning check
 * against the catalogue), so the tool renders exactly the files the app imports, and refuses the others
 * with the app's own explanation.
 */
async function readAssessmentFile(file: string): Promise<{ assessment: Assessment; answers: Answer[]; kind: CatalogueKind }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read the assessment file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)}).`);
  }
  try {
    const { assessment, answers } = await readFile(bytes, { catalogue: loadCatalogue });
    return { assessment, answers, kind: assessment.level };
  } catch (error) {
    if (!(error instanceof ExchangeError)) throw error;
    if (error.problem === 'passphraseNeeded') {
      throw new InputError(`${file}: this file is encrypted. Import it into the app with its passphrase and export it again without encryption.`);
    }
    throw new InputError(`${file}: ${describeProblem(error, englishProblems(), MAX_FILE_BYTES / 1024 / 1024)}`);
  }
}

function loadCatalogue(kind: CatalogueKind): Catalogue {
  return parseCatalogue(readJson(resolve(root, `indicators/${kind}.json`), 'catalogue'), `indicators/${kind}.json`);
}

function loadBundle(kind: CatalogueKind, lang: ProfileLanguage): CatalogueBundle {
  const catalogue = loadCatalogue(kind);
  const file = `locales/${lang}/${kind}.json`;
  return { catalogue, text: parseCatalogueText(readJson(resolve(root, file), 'catalogue texts'), file, catalogue), lang };
}

async function main(argv: string[]): Promise<string> {
  const options = parseArgs(argv);
  const strings = readJson(resolve(root, `locales/${options.lang}/report.json`), 'profile texts') as ProfileStrings;
  const now = new Date().toISOString();

  let input: { assessment: Assessment; answers: Answer[] };
  if (options.demo) {
    const phrases = readJson(resolve(root, `locales/${options.lang}/demo.json`), 'demonstration texts') as DemoPhrases;
    input = buildDemoAssessment({ catalogue: loadCatalogue(options.level), phrases, id: 'demonstration', now });
  } else {
    input = await readAssessmentFile(options.file!);
  }
  const { assessment, answers } = input;

  let national: { assessment: Assessment; answers: Answer[]; catalogue: Catalogue } | null = null;
  if (options.national) {
    const other = await readAssessmentFile(options.national);
    if (other.kind !== 'national') throw new InputError(`${options.national}: --national needs a national assessment, not a ${other.kind} one.`);
    if (assessment.level !== 'local') throw new InputError('--national applies to a local assessment only.');
    national = { ...other, catalogue: loadCatalogue('national') };
  }

  let earlier: { assessment: Assessment; answers: Answer[] } | null = null;
  if (options.earlier) {
    const other = await readAssessmentFile(options.earlier);
    if (other.kind !== assessment.level) throw new InputError(`${options.earlier}: --earlier needs a ${assessment.level} assessment, not a ${other.kind} one.`);
    earlier = other;
  }

  const bundle = loadBundle(assessment.level, options.lang);
  const common = { assessment, answers, bundle, strings, lang: options.lang, generatedAt: now };
  let bytes: Uint8Array;
  let title: string;
  if (options.annex) {
    const model = buildWorkshopAnnex(common);
    title = model.meta.title;
    bytes = options.format === 'docx' ? await docx((d) => d.annexDocument(model)) : await renderWorkshopAnnexPdf(model);
  } else {
    const model = buildProfile({ ...common, national, earlier });
    title = model.meta.title;
    bytes = options.format === 'docx' ? await docx((d) => d.profileDocument(model)) : await renderProfilePdf(model);
  }
  const out = options.out ?? profileFileName(assessment, options.lang, options.format, options.annex ? 'annex' : 'profile');
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    throw new InputError(`${out}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return `Wrote ${out} (${Math.round(bytes.length / 1024)} KB): ${title}, ${options.lang}.`;
}

main(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(`profile: ${error.message}`);
      console.error(USAGE);
      process.exitCode = 2;
    } else {
      // Catalogue and input errors carry the file and the problem; anything else is a bug worth its stack.
      console.error(`profile: ${error instanceof InputError || (error instanceof Error && error.name === 'CatalogueError') ? error.message : String((error as Error)?.stack ?? error)}`);
      process.exitCode = 1;
    }
  },
);
