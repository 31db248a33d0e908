/**
 * Throws hundreds of damaged files at the import (truncations, bit flips, wrong types, huge strings,
 * missing keys, foreign ids, wrong passphrases…) and checks, for every one of them, that it is refused
 * with an ExchangeError and that the database is exactly as it was, row for row. A few mutations give
 * a file that is still valid (a flipped bit in the indentation, a value swapped for another allowed
 * one and re-signed); those may import, and the database is rebuilt before the next case.
 * Seeded, so a failure can be replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../fixtures/exchange/dump';
import { checksumOf, encryptText, ExchangeError, MAX_FILE_BYTES, readFile, serializeFile } from '../../src/domain/exchange';
import { saveAnswer } from '../../src/storage/answers';
import { createAssessment, updateAssessment } from '../../src/storage/assessments';
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

/** A realistic assessment written through storage on a "source" laptop, exported. */
async function makeSourceFile() {
  newDatabase('source');
  await setActor({ name: 'Ana Pérez', role: 'team' });
  const a = await createAssessment(
    { government: 'République de Testland', level: 'national', year: 2026, focalPoint: 'M. Dupont', institutions: ['interior'], context: 'Contexte national.' },
    '2026.1',
  );
  for (let i = 0; i < 30; i++) {
    await saveAnswer(a.id, `indicator-${i}`, {
      value: (['yes', 'partial', 'no', 'unknown'] as const)[i % 4],
      narrative: `Réponse n° ${i} : la loi « migration » de 20${10 + (i % 15)} s’applique.`,
      evidence: i % 3 === 0 ? [{ id: `e${i}`, title: `Décret ${i}`, type: 'law', reference: `Art. ${i}`, year: 2015, link: 'https://example.org' }] : [],
      institutions: i % 2 === 0 ? ['interior', 'labour'] : [],
      followUp: i % 5 === 0,
    });
  }
  await updateAssessment(a.id, { context: 'Contexte national révisé.' });
  await setActor({ name: 'Ben', role: 'reviewer' });
  const query = await raiseQuery(a.id, 'indicator-1', 'Quelle source ?');
  await addComment(a.id, 'indicator-1', 'Voir le décret.', query.id);
  await proposeChange(a.id, 'indicator-2', { value: 'yes', narrative: 'Proposition.', note: 'Texte adopté en 2025.' });
  const file = await exportAssessment(a.id);
  original = serializeFile(file);
  originalDoc = JSON.parse(original) as Record<string, unknown>;
  encrypted = await encryptText(original, PASSPHRASE, FAST);
}

/** The laptop under test: holds the assessment of the file (merge path) and another one. */
async function baseline(holdsAssessment: boolean) {
  const db = newDatabase('target');
  await setActor({ name: 'Chloé', role: 'team' });
  await createAssessment({ government: 'Autre pays', level: 'local', year: 2025, focalPoint: '', institutions: [], context: '' }, '2026.1');
  if (holdsAssessment) await importFile(await readFile(encode(original)));
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
  return importFile(await readFile(bytes, passphrase));
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
