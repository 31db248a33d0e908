/**
 * Throws hundreds of damaged files at the import (truncations, bit flips, wrong types, huge strings,
 * missing keys, foreign ids, wrong passphrases…) and checks, for every one of them, that it is refused
 * with an ExchangeError and that the database is exactly as it was, row for row. A few mutations give
 * a file that is still valid (a flipped bit in the indentation, a value swapped for another allowed
 * one and re-signed); those may import, and the database is rebuilt before the next case.
 * Then files that are well formed and re-signed but wrong in meaning (one or more per rule of
 * domain/snapshot-check.ts): each is refused with its named problem and detail, said in English,
 * Spanish and French without an English word inside, or repaired as the rules say.
 * Seeded, so a failure can be replayed.
 */
import { readFileSync } from 'node:fs';
import { createInstance } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../fixtures/exchange/dump';
import { allIndicators, parseCatalogue, type Catalogue } from '../../src/domain/catalogue';
import { checksumOf, encryptText, MAX_FILE_BYTES, readFile, serializeFile } from '../../src/domain/exchange';
import { describeProblem, ExchangeError, type DetailCode, type ExchangeProblem } from '../../src/domain/exchange-problem';
import { MAX_HISTORY_PER_ANSWER } from '../../src/domain/snapshot-check';
import { getAnswers, saveAnswer } from '../../src/storage/answers';
import { createAssessment, getAssessment, updateAssessment } from '../../src/storage/assessments';
import { MgiDatabase, setDatabase } from '../../src/storage/connection';
import { setActor } from '../../src/storage/actor';
import { exportAssessment, importFile } from '../../src/storage/exchange-store';
import { addComment, proposeChange, raiseQuery } from '../../src/storage/review-store';

const SEED = 20_260_302;
const PASSPHRASE = 'Phrase secrète 2026';
const FAST = 100_000;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const encode = (text: string) => new TextEncoder().encode(text);
const national = parseCatalogue(JSON.parse(readFileSync('indicators/national.json', 'utf8')), 'indicators/national.json');
const local = parseCatalogue(JSON.parse(readFileSync('indicators/local.json', 'utf8')), 'indicators/local.json');
const catalogues: Record<string, Catalogue> = { national, local };
const ids = allIndicators(national).map((i) => i.id);
const read = (bytes: Uint8Array, passphrase?: string) => readFile(bytes, { passphrase, catalogue: (kind) => catalogues[kind]! });
const databases: MgiDatabase[] = [];
function newDatabase(name: string) {
  const db = new MgiDatabase(`${name}-${crypto.randomUUID()}`);
  databases.push(db);
  setDatabase(db);
  return db;
}

let original = '';
let originalDoc: Record<string, unknown> = {};
let encrypted = '';
/** Another assessment of the same laptop, exported: its content relabelled is a hostile case. */
let otherDoc: Record<string, unknown> = {};

/** A realistic assessment written through storage on a "source" laptop, exported. */
async function makeSourceFile() {
  newDatabase('source');
  await setActor({ name: 'Ana Pérez', role: 'team' });
  const a = await createAssessment(
    { government: 'République de Testland', level: 'national', year: 2026, focalPoint: 'M. Dupont', institutions: ['interior'], context: 'Contexte national.' },
    '2026.1',
  );
  for (let i = 0; i < 30; i++) {
    await saveAnswer(a.id, ids[i]!, {
      value: (['yes', 'partial', 'no', 'unknown'] as const)[i % 4],
      narrative: `Réponse n° ${i} : la loi « migration » de 20${10 + (i % 15)} s’applique.`,
      evidence: i % 3 === 0 ? [{ id: `e${i}`, title: `Décret ${i}`, type: 'law', reference: `Art. ${i}`, year: 2015, link: 'https://example.org' }] : [],
      institutions: i % 2 === 0 ? ['interior', 'labour'] : [],
      followUp: i % 5 === 0,
    });
  }
  await updateAssessment(a.id, { context: 'Contexte national révisé.' });
  await setActor({ name: 'Ben', role: 'reviewer' });
  const query = await raiseQuery(a.id, ids[1]!, 'Quelle source ?');
  await addComment(a.id, ids[1]!, 'Voir le décret.', query.id);
  await proposeChange(a.id, ids[2]!, { value: 'yes', narrative: 'Proposition.', note: 'Texte adopté en 2025.' });
  const file = await exportAssessment(a.id);
  original = serializeFile(file);
  originalDoc = JSON.parse(original) as Record<string, unknown>;
  encrypted = await encryptText(original, PASSPHRASE, FAST);
  await setActor({ name: 'Ana', role: 'team' });
  const b = await createAssessment({ government: 'Autre État', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' }, '2026.1', '2026-01-05T10:00:00.000Z');
  await saveAnswer(b.id, ids[40]!, { value: 'no', narrative: 'Réponse d’une autre évaluation.' });
  otherDoc = JSON.parse(serializeFile(await exportAssessment(b.id))) as Record<string, unknown>;
}

/** The laptop under test: holds the assessment of the file (merge path) and another one. */
async function baseline(holdsAssessment: boolean) {
  const db = newDatabase('target');
  await setActor({ name: 'Chloé', role: 'team' });
  await createAssessment({ government: 'Autre pays', level: 'local', year: 2025, focalPoint: '', institutions: [], context: '' }, '2026.1');
  if (holdsAssessment) await importFile(await read(encode(original)));
  return { db, dump: await dumpDatabase(db) };
}

// ---------------------------------------------------------------------------------------------------
// Mutations

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Mutation = { label: string; bytes: () => Promise<Uint8Array> | Uint8Array; passphrase?: string };

function paths(node: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(node)) return [...here, ...node.flatMap((child, i) => paths(child, [...prefix, i]))];
  if (node !== null && typeof node === 'object') return [...here, ...Object.entries(node).flatMap(([k, child]) => paths(child, [...prefix, k]))];
  return here;
}
function getAt(node: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((n, k) => (n as Record<string | number, Json>)[k]!, node);
}
function setAt(node: Json, path: (string | number)[], value: Json | undefined): void {
  const parent = getAt(node, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = value;
}
function typeOf(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
const samples: Json[] = [null, true, 0, -1, 1e308, 3.5, '', 'texte', [], [1, 'a'], {}, { id: 1 }];

async function resign(doc: Record<string, unknown>): Promise<string> {
  const { checksum: _, ...rest } = doc;
  return JSON.stringify({ ...rest, checksum: { algorithm: 'SHA-256', value: await checksumOf(rest) } });
}

function mutations(): Mutation[] {
  const r = prng(SEED);
  const bytes = encode(original);
  const all = paths(originalDoc as Json).filter((p) => p[0] !== 'checksum');
  const strings = all.filter((p) => typeof getAt(originalDoc as Json, p) === 'string');
  const list: Mutation[] = [];

  for (let i = 0; i < 80; i++) {
    const cut = r.int(bytes.length);
    list.push({ label: `truncated at byte ${cut}`, bytes: () => bytes.slice(0, cut) });
  }
  for (let i = 0; i < 100; i++) {
    const flips = Array.from({ length: 1 + r.int(3) }, () => [r.int(bytes.length), 1 << r.int(8)] as const);
    list.push({
      label: `bits flipped at ${flips.map(([at]) => at).join(', ')}`,
      bytes: () => {
        const copy = bytes.slice();
        for (const [at, bit] of flips) copy[at]! ^= bit;
        return copy;
      },
    });
  }
  for (let i = 0; i < 120; i++) {
    const path = r.pick(all);
    const current = getAt(originalDoc as Json, path);
    const candidates = samples.filter((s) => typeOf(s) !== typeOf(current));
    const replacement = r.pick(candidates);
    const signed = r.next() < 0.7;
    list.push({
      label: `${path.join('.')} set to ${JSON.stringify(replacement)}${signed ? ', re-signed' : ''}`,
      bytes: async () => {
        const doc = structuredClone(originalDoc) as Json;
        setAt(doc, path, structuredClone(replacement));
        return encode(signed ? await resign(doc as Record<string, unknown>) : JSON.stringify(doc));
      },
    });
  }
  for (let i = 0; i < 40; i++) {
    const path = r.pick(all);
    list.push({
      label: `${path.join('.')} removed, re-signed`,
      bytes: async () => {
        const doc = structuredClone(originalDoc) as Json;
        setAt(doc, path, undefined);
        return encode(await resign(doc as Record<string, unknown>));
      },
    });
  }
  for (let i = 0; i < 40; i++) {
    const path = r.pick(strings);
    const size = r.pick([20_001, 100_000, 2_000_000]);
    const char = r.pick(['x', 'é', '\u0000', '"', '\\', '😀']);
    list.push({
      label: `${path.join('.')} made ${size} characters long, re-signed`,
      bytes: async () => {
        const doc = structuredClone(originalDoc) as Json;
        setAt(doc, path, char.repeat(size));
        return encode(await resign(doc as Record<string, unknown>));
      },
    });
  }
  list.push({ label: 'padded past the size limit', bytes: () => encode(original + ' '.repeat(MAX_FILE_BYTES)) });
  list.push({ label: 'a huge array of answers, re-signed', bytes: async () => encode(await resign({ ...originalDoc, answers: Array.from({ length: 3000 }, () => (originalDoc.answers as unknown[])[0]) })) });
  for (const version of [0, 3, 99, '2', null, -1, 1.5]) {
    list.push({ label: `version ${JSON.stringify(version)}, re-signed`, bytes: async () => encode(await resign({ ...originalDoc, version })) });
  }
  for (const format of ['mgi', 'MGI-ASSESSMENT', null, 7]) {
    list.push({ label: `format ${JSON.stringify(format)}`, bytes: () => encode(JSON.stringify({ ...originalDoc, format })) });
  }
  for (const table of ['answers', 'history', 'comments', 'proposals', 'reviews'] as const) {
    list.push({
      label: `${table} with a record of another assessment, re-signed`,
      bytes: async () => {
        const rows = structuredClone(originalDoc[table]) as Record<string, unknown>[];
        if (rows[0]) rows[0].assessmentId = 'elsewhere';
        return encode(await resign({ ...originalDoc, [table]: rows }));
      },
    });
    list.push({
      label: `${table} with a duplicated record, re-signed`,
      bytes: async () => {
        const rows = structuredClone(originalDoc[table]) as unknown[];
        return encode(await resign({ ...originalDoc, [table]: [...rows, ...rows.slice(0, 1)] }));
      },
    });
  }
  for (let i = 0; i < 20; i++) {
    const length = 1 + r.int(5000);
    list.push({ label: `${length} random bytes`, bytes: () => Uint8Array.from({ length }, () => r.int(256)) });
  }
  for (const passphrase of ['', 'phrase secrète 2026', 'Phrase secrete 2026', `${PASSPHRASE} `, 'x']) {
    list.push({ label: `encrypted, passphrase ${JSON.stringify(passphrase)}`, bytes: () => encode(encrypted), passphrase });
  }
  for (let i = 0; i < 10; i++) {
    const envelope = encode(encrypted);
    const at = r.int(envelope.length);
    list.push({
      label: `encrypted, bit flipped at ${at}`,
      passphrase: PASSPHRASE,
      bytes: () => {
        const copy = envelope.slice();
        copy[at]! ^= 1 << r.int(8);
        return copy;
      },
    });
    list.push({ label: `encrypted, truncated at ${at}`, passphrase: PASSPHRASE, bytes: () => envelope.slice(0, at) });
  }
  return list;
}

async function importBytes(bytes: Uint8Array, passphrase?: string) {
  return importFile(await read(bytes, passphrase));
}

beforeAll(makeSourceFile, 60_000);
afterAll(async () => {
  await Promise.all(databases.map((db) => db.delete()));
});

describe.each([
  ['into a laptop that already holds the assessment (merge)', true],
  ['into a laptop that does not hold it (new assessment)', false],
])('importing damaged files %s', (_, holds) => {
  it('refuses each with a named problem and leaves the database exactly as it was', async () => {
    let state = await baseline(holds);
    const list = mutations();
    expect(list.length).toBeGreaterThan(400);
    const problems = new Map<string, number>();
    let accepted = 0;
    for (const mutation of list) {
      const bytes = await mutation.bytes();
      try {
        await importBytes(bytes, mutation.passphrase ?? PASSPHRASE);
        accepted += 1;
        state = await baseline(holds); // a still-valid file may change data: start the next case clean
        continue;
      } catch (error) {
        if (!(error instanceof ExchangeError)) throw new Error(`${mutation.label}: not an ExchangeError: ${String(error)}`);
        problems.set(error.problem, (problems.get(error.problem) ?? 0) + 1);
      }
      const after = await dumpDatabase(state.db);
      if (JSON.stringify(after) !== JSON.stringify(state.dump)) throw new Error(`${mutation.label}: the database changed`);
    }
    // Nearly everything is refused, for the whole range of reasons.
    expect(accepted).toBeLessThan(list.length * 0.1);
    expect([...problems.keys()].sort()).toEqual(
      expect.arrayContaining(['checksum', 'encoding', 'inconsistent', 'invalid', 'malformed', 'notAssessmentFile', 'passphraseWrong', 'tooLarge', 'truncated', 'version']),
    );
  }, 240_000);

  it('still imports the undamaged file after all that', async () => {
    const { db } = await baseline(false);
    setDatabase(db);
    expect((await importBytes(encode(encrypted), PASSPHRASE)).kind).toBe('created');
    if (holds) expect((await importBytes(encode(original))).kind).toBe('unchanged');
  });
});

// ---------------------------------------------------------------------------------------------------
// Well formed, re-signed, wrong in meaning

type Row = Record<string, unknown>;
type Doc = Record<string, unknown> & { assessment: Row; answers: Row[]; reviews: Row[]; comments: Row[]; proposals: Row[]; history: Row[] };
const tables = ['answers', 'reviews', 'comments', 'proposals', 'history'] as const;

async function edited(change: (doc: Doc) => void, from: Record<string, unknown> = originalDoc): Promise<Uint8Array> {
  const doc = structuredClone(from) as Doc;
  change(doc);
  return encode(await resign(doc));
}

/** Every record moved to assessment `id`. */
function relabel(doc: Doc, id: string) {
  doc.assessment.id = id;
  for (const table of tables) for (const row of doc[table]) row.assessmentId = id;
}

/** An answer whose indicator allows "Not applicable" neither by hand nor by any rule. */
function answerWithoutNotApplicable(doc: Doc): Row {
  const plain = new Set(allIndicators(national).filter((i) => !i.notApplicable && !i.notApplicableWhen?.length).map((i) => i.id));
  return doc.answers.find((a) => plain.has(a.indicatorId as string))!;
}

type Refused = { problem: ExchangeProblem; detail: DetailCode | null };
type Semantic = { label: string; bytes: () => Promise<Uint8Array>; refused: Refused | ((holds: boolean) => Refused | null) };

const refusedAs = (problem: ExchangeProblem, detail: DetailCode | null = null): Refused => ({ problem, detail });
const HUGE = 2_000_000;

function semanticCases(): Semantic[] {
  return [
    { label: 'an answer to an indicator no catalogue has', bytes: () => edited((d) => d.answers.push({ ...d.answers[0], indicatorId: 'invented-indicator' })), refused: refusedAs('catalogue', 'unknownIndicators') },
    {
      label: '1,000 answers to invented indicators',
      bytes: () => edited((d) => d.answers.push(...Array.from({ length: 1000 }, (_, i) => ({ ...d.answers[0], indicatorId: `invented-${i}` })))),
      refused: refusedAs('catalogue', 'unknownIndicators'),
    },
    { label: 'a history entry of an invented indicator', bytes: () => edited((d) => d.history.push({ ...d.history[0], id: 'h-invented', indicatorId: 'invented-indicator' })), refused: refusedAs('catalogue', 'unknownIndicators') },
    { label: 'an answer keyed by the internal @assessment key', bytes: () => edited((d) => (d.answers[0]!.indicatorId = '@assessment')), refused: refusedAs('invalid', 'reservedId') },
    { label: 'a review keyed by @assessment', bytes: () => edited((d) => (d.reviews[0]!.indicatorId = '@assessment')), refused: refusedAs('invalid', 'reservedId') },
    { label: 'a comment on @assessment', bytes: () => edited((d) => (d.comments[0]!.indicatorId = '@assessment')), refused: refusedAs('invalid', 'reservedId') },
    { label: 'a NUL in an answer’s indicator id', bytes: () => edited((d) => (d.answers[0]!.indicatorId = `${ids[0]}\u0000value`)), refused: refusedAs('invalid', 'badId') },
    { label: 'a NUL in a history id', bytes: () => edited((d) => (d.history[0]!.id = 'h\u0000x')), refused: refusedAs('invalid', 'badId') },
    {
      label: 'a NUL in an evidence id',
      bytes: () => edited((d) => ((d.answers.find((a) => (a.evidence as Row[]).length > 0)!.evidence as Row[])[0]!.id = 'e\u0000')),
      refused: refusedAs('invalid', 'badId'),
    },
    { label: 'a NUL in the assessment id, on every record', bytes: () => edited((d) => relabel(d, `${d.assessment.id as string}\u0000`)), refused: refusedAs('invalid', 'badId') },
    { label: `a ${HUGE}-character comment id`, bytes: () => edited((d) => (d.comments[0]!.id = 'x'.repeat(HUGE))), refused: refusedAs('invalid', 'tooLong') },
    { label: `a ${HUGE}-character evidence id`, bytes: () => edited((d) => ((d.answers.find((a) => (a.evidence as Row[]).length > 0)!.evidence as Row[])[0]!.id = 'é'.repeat(HUGE))), refused: refusedAs('invalid', 'badId') },
    { label: `a ${HUGE}-character assessment id on one answer`, bytes: () => edited((d) => (d.answers[0]!.assessmentId = 'x'.repeat(HUGE))), refused: refusedAs('inconsistent', 'foreignRecord') },
    { label: '“Not applicable” where the indicator forbids it', bytes: () => edited((d) => (answerWithoutNotApplicable(d).value = 'na')), refused: refusedAs('invalid', 'notApplicableForbidden') },
    { label: 'created in the year 0000', bytes: () => edited((d) => (d.assessment.createdAt = '0000-01-01T00:00:00.000Z')), refused: refusedAs('invalid', 'implausibleDate') },
    { label: 'a history entry dated 9999', bytes: () => edited((d) => (d.history[0]!.at = '9999-12-31T23:59:59.000Z')), refused: refusedAs('invalid', 'implausibleDate') },
    { label: 'a comment dated 1970', bytes: () => edited((d) => (d.comments[0]!.at = '1970-01-01T00:00:00.000Z')), refused: refusedAs('invalid', 'implausibleDate') },
    { label: 'exported in 9999', bytes: () => edited((d) => (d.exportedAt = '9999-01-01T00:00:00.000Z')), refused: refusedAs('invalid', 'implausibleDate') },
    { label: 'a history counter of 1,000,000,000', bytes: () => edited((d) => (d.history[0]!.seq = 1_000_000_000)), refused: refusedAs('invalid', 'counterTooHigh') },
    {
      label: `${MAX_HISTORY_PER_ANSWER + 1} history entries for one answer`,
      bytes: () =>
        edited((d) => {
          const template = d.history.find((e) => e.field === 'narrative')!;
          const extra = Array.from({ length: MAX_HISTORY_PER_ANSWER + 1 }, (_, i) => ({ ...template, id: `h-flood-${i}`, seq: 100 + i, old: `v${i}`, new: `v${i + 1}` }));
          d.history.push(...extra);
        }),
      refused: refusedAs('invalid', 'historyTooLong'),
    },
    { label: 'a duplicated evidence id', bytes: () => edited((d) => { const a = d.answers.find((x) => (x.evidence as Row[]).length > 0)!; a.evidence = [...(a.evidence as Row[]), ...(a.evidence as Row[])]; }), refused: refusedAs('inconsistent', 'duplicate') },
    { label: 'a version-2 file relabelled version 1', bytes: async () => encode(JSON.stringify({ ...originalDoc, version: 1 })), refused: refusedAs('inconsistent', 'downgraded') },
    {
      label: 'a version-2 file relabelled version 1, checksum removed',
      bytes: async () => encode(JSON.stringify({ ...originalDoc, version: 1, checksum: undefined })),
      refused: refusedAs('inconsistent', 'downgraded'),
    },
    { label: 'answered against a newer catalogue', bytes: () => edited((d) => { d.assessment.catalogueVersion = '2099.1'; d.catalogue = { kind: 'national', version: '2099.1' }; }), refused: refusedAs('catalogueNewer', 'newerCatalogue') },
    { label: 'a catalogue version other than the assessment’s', bytes: () => edited((d) => (d.catalogue = { kind: 'national', version: '2025.3' })), refused: refusedAs('inconsistent', 'catalogueVersion') },
    { label: 'the catalogue of the other level', bytes: () => edited((d) => (d.catalogue = { kind: 'local', version: '2026.1' })), refused: refusedAs('inconsistent', 'catalogueKind') },
    {
      label: 'another assessment’s answers re-signed with this one’s id',
      bytes: () => edited((d) => relabel(d, (originalDoc.assessment as Row).id as string), otherDoc),
      // Only a laptop holding the real assessment can tell: it was created elsewhere.
      refused: (holds) => (holds ? refusedAs('inconsistent', 'notSameAssessment') : null),
    },
  ];
}

function problemsIn(lang: 'en' | 'es' | 'fr') {
  const i18n = createInstance();
  void i18n.init({ lng: lang, resources: { [lang]: { review: JSON.parse(readFileSync(`locales/${lang}/review.json`, 'utf8')) as object } }, defaultNS: 'review', interpolation: { escapeValue: false }, initAsync: false });
  return (error: ExchangeError) => ({
    message: describeProblem(error, (key, values) => i18n.t(key, values), MAX_FILE_BYTES / 1024 / 1024),
    detail: error.detail ? i18n.t(`details.${error.detail.code}`, error.detail.values) : '',
  });
}

describe.each([
  ['into a laptop that already holds the assessment (merge)', true],
  ['into a laptop that does not hold it (new assessment)', false],
])('importing files wrong in meaning %s', (_, holds) => {
  it.each(semanticCases().map((c) => [c.label, c] as const))('refuses %s with its named problem, said in every language, changing nothing', async (_label, c) => {
    const { db, dump } = await baseline(holds);
    const expected = typeof c.refused === 'function' ? c.refused(holds) : c.refused;
    const bytes = await c.bytes();
    const outcome = await importBytes(bytes).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (expected === null) {
      expect(outcome.ok).toBe(true);
      return;
    }
    if (outcome.ok) throw new Error(`${c.label}: accepted (${outcome.result.kind})`);
    expect(outcome.error).toBeInstanceOf(ExchangeError);
    const error = outcome.error as ExchangeError;
    expect({ problem: error.problem, detail: error.detail?.code ?? null }).toEqual(expected);
    expect(JSON.stringify(await dumpDatabase(db))).toBe(JSON.stringify(dump));

    const said = Object.fromEntries((['en', 'es', 'fr'] as const).map((lang) => [lang, problemsIn(lang)(error)]));
    for (const lang of ['en', 'es', 'fr'] as const) {
      const { message } = said[lang]!;
      expect(message).not.toMatch(/\{\{|problems\.|details\./);
      expect(message.length).toBeLessThan(400); // nothing of a huge value reaches the screen
    }
    // The detail is itself translated: no English sentence inside a Spanish or French message.
    expect(said.es!.message).not.toContain(said.en!.detail);
    expect(said.fr!.message).not.toContain(said.en!.detail);
  }, 60_000);

  it('imports a file with a deleted mark, without the mark (it would purge the assessment at the next start)', async () => {
    await baseline(holds);
    const id = (originalDoc.assessment as Row).id as string;
    await importBytes(await edited((d) => (d.assessment.deletedAt = '2026-03-03T10:00:00.000Z')));
    expect((await getAssessment(id))?.deletedAt).toBeUndefined();
  });

  it('reads “validated” with an open query as a draft', async () => {
    await baseline(holds);
    const id = (originalDoc.assessment as Row).id as string;
    await importBytes(await edited((d) => (d.assessment.status = 'validated')));
    expect((await getAssessment(id))?.status).toBe('draft');
  });

  it('drops keys the format does not have', async () => {
    await baseline(holds);
    const id = (originalDoc.assessment as Row).id as string;
    await importBytes(await edited((d) => { d.answers[0]!.script = '<img src=x onerror=alert(1)>'; d.assessment.extra = 1; }));
    expect((await getAnswers(id)).some((a) => 'script' in a)).toBe(false);
    expect(await getAssessment(id)).not.toHaveProperty('extra');
  });
});
