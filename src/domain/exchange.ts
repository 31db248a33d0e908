/**
 * Writing and reading exchange files (format in assessment-file.ts), with no I/O of its own: bytes in,
 * bytes out. Uses the Web Crypto API (browsers and Node 20 alike) for the checksum and encryption.
 *
 * Reading checks, in this order, and stops at the first problem with an ExchangeError naming it:
 * size → text encoding → JSON (empty, truncated, malformed) → encrypted envelope (passphrase missing or
 * wrong) → format → version (a version-1 label on version-2 content is refused: it would skip the
 * checksum) → checksum → schema → the file's own coherence → meaning against the catalogue
 * (checkSnapshot in snapshot-check.ts, shared with every other way data comes in). Nothing is written
 * by this module, so a bad file can never reach the database.
 *
 * The checksum is unkeyed: it detects files damaged or edited after export, not a forger who recomputes
 * it. An encrypted file is authenticated by AES-GCM: a changed byte fails decryption.
 */
import * as z from 'zod/mini';
import {
  ASSESSMENT_FILE_FORMAT,
  ASSESSMENT_FILE_VERSION,
  ASSESSMENT_FILE_VERSIONS,
  assessmentFileSchema,
  type AssessmentFile,
} from './assessment-file';
import type { Catalogue, CatalogueKind } from './catalogue';
import { detail, ExchangeError, issueDetail, quote } from './exchange-problem';
import { canonicalJson, type Actor } from './history';
import type { Snapshot } from './merge';
import { checkSnapshot, plausibleDate } from './snapshot-check';

/** The largest file an import accepts: many times a fully answered assessment with a long history. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Nesting deeper than this is no exchange file (the real format is 6 levels deep). */
const MAX_DEPTH = 32;

export const ENCRYPTED_FORMAT = 'mgi-assessment-encrypted';
export const ENCRYPTED_VERSION = 1;
/** PBKDF2-SHA-256 iterations for new files (OWASP's 2023 recommendation). */
export const PBKDF2_ITERATIONS = 600_000;
/** What a reader accepts: below is too weak to be ours, above would let a file freeze the app. */
const ITERATIONS_RANGE = [100_000, 5_000_000] as const;
export const MIN_PASSPHRASE_LENGTH = 8;

// ---------------------------------------------------------------------------------------------------
// Bytes, base64, hashing

function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytesOf(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The checksum of a document: SHA-256 of its canonical JSON without the `checksum` key. */
export function checksumOf(document: Record<string, unknown>): Promise<string> {
  const { checksum: _, ...content } = document;
  return sha256Hex(canonicalJson(content));
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** The exchange file of an assessment as stored on this device. */
export async function buildFile(snapshot: Snapshot, actor: Actor, now: string): Promise<AssessmentFile> {
  // Archive and delete marks are this device's business, not the receiving laptop's.
  const { deletedAt: _, ...assessment } = snapshot.assessment;
  const file: AssessmentFile = {
    format: ASSESSMENT_FILE_FORMAT,
    version: ASSESSMENT_FILE_VERSION,
    exportedAt: now,
    exportedBy: actor,
    catalogue: { kind: assessment.level, version: assessment.catalogueVersion },
    assessment: { ...assessment, archived: false },
    answers: snapshot.answers,
    reviews: snapshot.reviews,
    comments: snapshot.comments,
    proposals: snapshot.proposals,
    history: snapshot.history,
  };
  // Checksum over exactly what the reader will see after JSON parsing (undefined keys vanish).
  const plain = JSON.parse(JSON.stringify(file)) as Record<string, unknown>;
  return { ...file, checksum: { algorithm: 'SHA-256', value: await checksumOf(plain) } };
}

export function serializeFile(file: AssessmentFile): string {
  return JSON.stringify(file, null, 1);
}

export function fileToSnapshot(file: AssessmentFile): Snapshot {
  return {
    assessment: file.assessment,
    answers: file.answers,
    reviews: file.reviews,
    comments: file.comments,
    proposals: file.proposals,
    history: file.history,
  };
}

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
export const encryptedFileSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(ENCRYPTED_VERSION),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().check(z.minimum(ITERATIONS_RANGE[0]), z.maximum(ITERATIONS_RANGE[1])),
    salt: base64.check(z.length(24)),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: base64.check(z.length(16)) }),
  data: base64.check(z.minLength(1)),
});
export type EncryptedFile = z.infer<typeof encryptedFileSchema>;

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  // The same passphrase typed on another keyboard may arrive in another Unicode form.
  const material = await crypto.subtle.importKey('raw', bytesOf(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Wraps a serialized file in an AES-GCM envelope keyed by the passphrase (PBKDF2, random salt). */
export async function encryptText(text: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytesOf(text)));
  const envelope: EncryptedFile = {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  };
  return JSON.stringify(envelope, null, 1);
}

// ---------------------------------------------------------------------------------------------------
// Reading

function decodeText(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ExchangeError('empty');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ExchangeError('encoding');
  }
}

/** True when the text is a valid beginning of a JSON document that stops too early. */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return inString || depth > 0;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ExchangeError('empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExchangeError(looksTruncated(text) ? 'truncated' : 'malformed', null, { cause: error });
  }
}

function tooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function decrypt(envelope: unknown, passphrase: string): Promise<Uint8Array> {
  if (isRecord(envelope) && envelope.version !== ENCRYPTED_VERSION) throw new ExchangeError('version', detail('formatVersion', { version: quote(envelope.version) }));
  const parsed = encryptedFileSchema.safeParse(envelope);
  if (!parsed.success) throw new ExchangeError('invalid', issueDetail(parsed.error.issues));
  const { kdf, cipher, data } = parsed.data;
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations, 'decrypt');
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(cipher.iv) }, key, fromBase64(data)));
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed byte: both fail authentication.
    throw new ExchangeError('passphraseWrong');
  }
}

/** Whether a file (already parsed as JSON) is an encrypted envelope. */
export function isEncryptedEnvelope(data: unknown): boolean {
  return isRecord(data) && data.format === ENCRYPTED_FORMAT;
}

/** Keys a version-1 file never had: a file labelled 1 that carries them had its label lowered. */
const VERSION_2_KEYS = ['exportedBy', 'reviews', 'comments', 'proposals', 'history', 'checksum'];

/** Where the reader finds the catalogue of a level (the one this app ships; the CLI reads it from disk). */
export type CatalogueSource = (kind: CatalogueKind) => Catalogue | Promise<Catalogue>;

export interface ReadOptions {
  /** Needed for an encrypted file (ExchangeError 'passphraseNeeded' without it). */
  passphrase?: string;
  catalogue: CatalogueSource;
  /** The present, for the plausible-date check; the clock when left out. */
  now?: string;
}

async function readDocument(data: unknown, options: ReadOptions): Promise<AssessmentFile> {
  if (!isRecord(data) || data.format !== ASSESSMENT_FILE_FORMAT) throw new ExchangeError('notAssessmentFile');
  if (!(ASSESSMENT_FILE_VERSIONS as readonly unknown[]).includes(data.version)) {
    throw new ExchangeError('version', detail('formatVersion', { version: quote(JSON.stringify(data.version) ?? '') }));
  }
  if (tooDeep(data)) throw new ExchangeError('malformed');
  if (data.version === 1) {
    if (VERSION_2_KEYS.some((key) => data[key] !== undefined)) throw new ExchangeError('inconsistent', detail('downgraded'));
  } else {
    const checksum = data.checksum;
    if (!isRecord(checksum) || typeof checksum.value !== 'string') throw new ExchangeError('checksumMissing');
    if (checksum.algorithm !== 'SHA-256' || (await checksumOf(data)) !== checksum.value) throw new ExchangeError('checksum');
  }
  const parsed = assessmentFileSchema.safeParse(data);
  if (!parsed.success) throw new ExchangeError('invalid', issueDetail(parsed.error.issues));
  const file = parsed.data;
  if (file.catalogue.kind !== file.assessment.level) throw new ExchangeError('inconsistent', detail('catalogueKind'));
  if (file.catalogue.version !== file.assessment.catalogueVersion) throw new ExchangeError('inconsistent', detail('catalogueVersion', { version: quote(file.catalogue.version), ours: quote(file.assessment.catalogueVersion) }));
  const now = options.now ?? new Date().toISOString();
  if (!plausibleDate(file.exportedAt, now)) throw new ExchangeError('invalid', detail('implausibleDate', { where: 'exportedAt', date: quote(file.exportedAt) }));
  const checked = checkSnapshot(fileToSnapshot(file), await options.catalogue(file.assessment.level), { now });
  if (!checked.ok) throw checked.error;
  return { ...file, ...checked.snapshot };
}

/**
 * Reads and validates an exchange file against the catalogue of its level; throws ExchangeError naming
 * the first problem. What it returns is clean: checked, repaired where the rules say so, unknown keys gone.
 */
export async function readFile(bytes: Uint8Array, options: ReadOptions): Promise<AssessmentFile> {
  try {
    if (bytes.byteLength > MAX_FILE_BYTES) throw new ExchangeError('tooLarge');
    let data = parseJson(decodeText(bytes));
    if (isEncryptedEnvelope(data)) {
      if (!options.passphrase) throw new ExchangeError('passphraseNeeded');
      const inner = await decrypt(data, options.passphrase);
      data = parseJson(decodeText(inner));
      if (isEncryptedEnvelope(data)) throw new ExchangeError('notAssessmentFile');
    }
    return await readDocument(data, options);
  } catch (error) {
    if (error instanceof ExchangeError) throw error;
    // Anything unforeseen (a stack overflow on a pathological file…) is still a file we cannot read.
    throw new ExchangeError('malformed', null, { cause: error });
  }
}
