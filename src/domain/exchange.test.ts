import { describe, expect, it } from 'vitest';
import { emptySnapshot, Laptop } from '../../test/fixtures/exchange/laptop';
import type { AssessmentFile } from './assessment-file';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import { buildFile, checksumOf, encryptText, fileToSnapshot, MAX_FILE_BYTES, readFile as readWith, serializeFile } from './exchange';
import { ExchangeError, type ExchangeProblem } from './exchange-problem';

const encode = (text: string) => new TextEncoder().encode(text);
/** The reader as the app calls it, against the small test catalogue. */
const readFile = (bytes: Uint8Array, passphrase?: string) => readWith(bytes, { passphrase, catalogue: () => tinyCatalogue });
const FAST = 100_000; // the lowest iteration count a reader accepts; keeps the tests quick

async function sampleFile(): Promise<AssessmentFile> {
  const laptop = new Laptop('Ana', 'team', emptySnapshot());
  laptop.edit('health-access', { value: 'partial', narrative: 'Décret n° 12 — «accès aux soins»', evidence: [{ id: 'e1', title: 'Décret', type: 'law', reference: '', year: 2021, link: '' }] });
  laptop.setReview('health-access', 'query');
  return buildFile(laptop.export(), laptop.actor, '2026-03-04T10:00:00.000Z');
}

/** Re-signs a document after a change, as a careful forger (or a buggy tool) would. */
async function resign(document: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...document, checksum: { algorithm: 'SHA-256', value: await checksumOf(document) } });
}

async function problemOf(work: Promise<unknown>): Promise<ExchangeProblem> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeError);
    return (error as ExchangeError).problem;
  }
  throw new Error('expected an ExchangeError');
}

describe('writing and reading an exchange file', () => {
  it('reads back exactly what was written, accents included', async () => {
    const file = await sampleFile();
    const read = await readFile(encode(serializeFile(file)));
    expect(read).toEqual(file);
    expect(fileToSnapshot(read).answers[0]!.narrative).toBe('Décret n° 12 — «accès aux soins»');
    expect(read).toMatchObject({ format: 'mgi-assessment', version: 2, catalogue: { kind: 'national', version: '2026.1' }, exportedBy: { name: 'Ana' } });
    expect(read.history.length).toBeGreaterThan(0);
  });

  it('reads a file with a byte-order mark', async () => {
    const file = await sampleFile();
    expect(await readFile(encode(`\uFEFF${serializeFile(file)}`))).toEqual(file);
  });

  it('reads a version-1 file (no checksum, no history) with empty lists', async () => {
    const { checksum: _, reviews: _r, comments: _c, proposals: _p, history: _h, exportedBy: _e, ...v1 } = await sampleFile();
    const read = await readFile(encode(JSON.stringify({ ...v1, version: 1 })));
    expect(read).toMatchObject({ version: 1, history: [], comments: [], reviews: [], proposals: [] });
  });

  it('round-trips an encrypted file with the right passphrase, and says which passphrase problem otherwise', async () => {
    const file = await sampleFile();
    const sealed = encode(await encryptText(serializeFile(file), 'correct horse battery', FAST));
    expect(new TextDecoder().decode(sealed)).not.toContain('Décret');
    expect(await readFile(sealed, 'correct horse battery')).toEqual(file);
    expect(await problemOf(readFile(sealed))).toBe('passphraseNeeded');
    expect(await problemOf(readFile(sealed, 'correct horse battery!'))).toBe('passphraseWrong');
  });

  it('accepts the passphrase typed with decomposed accents', async () => {
    const file = await sampleFile();
    const sealed = encode(await encryptText(serializeFile(file), 'contraseña segura', FAST));
    expect(await readFile(sealed, 'contrasen\u0303a segura')).toEqual(file);
  });

  it('uses 600 000 PBKDF2 iterations and a fresh salt and IV for every file', async () => {
    const a = JSON.parse(await encryptText('{}', 'passphrase')) as { kdf: { iterations: number; salt: string }; cipher: { iv: string } };
    const b = JSON.parse(await encryptText('{}', 'passphrase', FAST)) as typeof a;
    expect(a.kdf.iterations).toBe(600_000);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
  });
});

describe('refusing a file, naming the problem', () => {
  const cases: [string, (text: string, doc: Record<string, unknown>) => Promise<Uint8Array> | Uint8Array, ExchangeProblem][] = [
    ['larger than the limit', () => new Uint8Array(MAX_FILE_BYTES + 1).fill(32), 'tooLarge'],
    ['empty', () => new Uint8Array(0), 'empty'],
    ['only spaces', () => encode('   \n'), 'empty'],
    ['not UTF-8 text', () => Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), 'encoding'],
    ['cut short', (text) => encode(text.slice(0, Math.floor(text.length / 2))), 'truncated'],
    ['cut inside a string', (text) => encode(text.slice(0, text.indexOf('Décret') + 3)), 'truncated'],
    ['not JSON', () => encode('<html>not a file</html>'), 'malformed'],
    ['JSON with trailing garbage', (text) => encode(`${text}}`), 'malformed'],
    ['some other JSON', () => encode('{"hello":"world"}'), 'notAssessmentFile'],
    ['a JSON list', () => encode('[1,2,3]'), 'notAssessmentFile'],
    ['from a future version', async (_, doc) => encode(await resign({ ...doc, version: 3 })), 'version'],
    ['without its checksum', (_, doc) => encode(JSON.stringify({ ...doc, checksum: undefined })), 'checksumMissing'],
    ['changed after export', (text) => encode(text.replace('Décret n° 12', 'Décret n° 13')), 'checksum'],
    ['with a key added after export', (_, doc) => encode(JSON.stringify({ ...doc, extra: 1 })), 'checksum'],
    ['with a wrong type, re-signed', async (_, doc) => encode(await resign({ ...doc, answers: [{ ...(doc.answers as object[])[0], value: 42 }] })), 'invalid'],
    ['with a string far too long, re-signed', async (_, doc) => encode(await resign({ ...doc, answers: [{ ...(doc.answers as object[])[0], narrative: 'x'.repeat(20_001) }] })), 'invalid'],
    ['nested absurdly deep', async (_, doc) => encode(await resign({ ...doc, extra: JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown })), 'malformed'],
    [
      'with records of another assessment, re-signed',
      async (_, doc) => encode(await resign({ ...doc, answers: [{ ...(doc.answers as object[])[0], assessmentId: 'someone-else' }] })),
      'inconsistent',
    ],
    ['with a duplicated history entry, re-signed', async (_, doc) => encode(await resign({ ...doc, history: [...(doc.history as object[]), (doc.history as object[])[0]] })), 'inconsistent'],
    [
      'encrypted with an envelope of an unknown version',
      async (text) => encode(JSON.stringify({ ...(JSON.parse(await encryptText(text, 'passphrase', FAST)) as object), version: 9 })),
      'version',
    ],
    [
      'encrypted with a changed byte',
      async (text) => {
        const envelope = JSON.parse(await encryptText(text, 'passphrase', FAST)) as { data: string };
        const flipped = envelope.data.startsWith('A') ? `B${envelope.data.slice(1)}` : `A${envelope.data.slice(1)}`;
        return encode(JSON.stringify({ ...envelope, data: flipped }));
      },
      'passphraseWrong',
    ],
    [
      'encrypted with an iteration count that would freeze the app',
      async (text) => {
        const envelope = JSON.parse(await encryptText(text, 'passphrase', FAST)) as { kdf: object };
        return encode(JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 1e12 } }));
      },
      'invalid',
    ],
  ];

  it.each(cases)('%s', async (_, make, expected) => {
    const file = await sampleFile();
    const text = serializeFile(file);
    const bytes = await make(text, JSON.parse(text) as Record<string, unknown>);
    expect(await problemOf(readFile(bytes, 'passphrase'))).toBe(expected);
  });
});
