/**
 * An assessment as CouchDB documents, for replication through a sync server: exactly the records an
 * exchange file carries (assessment-file.ts), cut into documents that never conflict on the server.
 *
 * - A **bundle** holds everything about one indicator (or `@assessment`: the assessment's own record)
 *   as one device holds it: the answer, the review status, its history entries, comments, proposals.
 *   Its id and revision derive from its content (`b:<sha256>`, `1-<first half>`): it is written once,
 *   by anyone, and two devices holding the same content write the same document. Never a conflict.
 * - A **head** lists the bundles that make up one device's state at one push, with who exported it.
 *   Heads are immutable too: each push of a changed state writes a new one,
 *   `head:<device>:<generation>:<content hash>`; the highest generation of a device is its current
 *   state. (Not one head per device updated in place: that would need revision trees, and PouchDB
 *   Server's validation wrapper drops the revision history of `new_edits: false` updates.)
 *
 * A head with its bundles is that device's exchange file; receiving it is importing that file: the
 * same reader (exchange.ts readFile: schema, consistency, limits) and the same three-way merge, so
 * field conflicts are decided by people exactly as for files, and a file of the same assessment later
 * merges without duplicates (the merge unions history, comments and proposals by id).
 *
 * A received document whose content does not match its id or revision was changed after it was
 * written (on the server or on the way): it is refused, named, and nothing of it is used.
 */
import type { AssessmentFile } from './assessment-file';
import { ASSESSMENT_FILE_FORMAT, ASSESSMENT_FILE_VERSION } from './assessment-file';
import { checksumOf, readFile, type CatalogueSource } from './exchange';
import { detail, ExchangeError } from './exchange-problem';
import { ASSESSMENT_KEY, canonicalJson, type Actor } from './history';

export const BUNDLE_PREFIX = 'b:';
export const HEAD_PREFIX = 'head:';
export const SYNC_DOC_VERSION = 1;

/** The replicated body of a document (no `_id`, `_rev` or `_revisions`). */
export type DocBody = Record<string, unknown>;

export interface SyncDoc extends DocBody {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _deleted?: boolean;
}

export interface HeadBody {
  type: 'mgi-head';
  v: number;
  assessmentId: string;
  device: string;
  /** 1 for a device's first push, one more for each push of a changed state. */
  generation: number;
  exportedAt: string;
  exportedBy: Actor | null;
  catalogue: AssessmentFile['catalogue'];
  bundles: string[];
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the body will be after a JSON round trip through the server (undefined keys vanish). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function bodyOf(doc: SyncDoc): DocBody {
  const body: DocBody = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) body[key] = value;
  return body;
}

export async function contentHash(body: object): Promise<string> {
  return sha256Hex(canonicalJson(body));
}

export const isHeadId = (id: string) => id.startsWith(HEAD_PREFIX);
export const isBundleId = (id: string) => id.startsWith(BUNDLE_PREFIX);
const GENERATION_DIGITS = 10;

/** A head's id: sorts by device, then generation (zero-padded), then content. */
export function headId(device: string, generation: number, content: string): string {
  return `${HEAD_PREFIX}${device}:${String(generation).padStart(GENERATION_DIGITS, '0')}:${content.slice(0, 16)}`;
}

/** The device, generation and content hash (prefix) a head id names, or null for any other id. */
export function parseHeadId(id: string): { device: string; generation: number; content: string } | null {
  if (!id.startsWith(HEAD_PREFIX)) return null;
  const parts = id.slice(HEAD_PREFIX.length).split(':');
  const content = parts.pop();
  const generation = Number(parts.pop());
  const device = parts.join(':');
  if (!device || !content || !Number.isInteger(generation) || generation < 1) return null;
  return { device, generation, content };
}

/** The range of ids holding one device's heads, for `_all_docs?startkey=…&endkey=…`. */
export function headRange(device: string): { startkey: string; endkey: string } {
  return { startkey: `${HEAD_PREFIX}${device}:`, endkey: `${HEAD_PREFIX}${device}:\ufff0` };
}

/** The documents of one device's state: its bundles and the body of its head (revision set by the caller). */
export async function fileToDocs(file: AssessmentFile, device: string): Promise<{ bundles: SyncDoc[]; head: Omit<HeadBody, 'generation'> }> {
  const groups = new Map<string, DocBody>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { type: 'mgi-bundle', v: SYNC_DOC_VERSION, assessmentId: file.assessment.id, key, history: [], comments: [], proposals: [] };
      groups.set(key, g);
    }
    return g;
  };
  group(ASSESSMENT_KEY).assessment = file.assessment;
  for (const answer of file.answers) group(answer.indicatorId).answer = answer;
  for (const review of file.reviews) group(review.indicatorId).review = review;
  const lists = [
    ['history', file.history],
    ['comments', file.comments],
    ['proposals', file.proposals],
  ] as const;
  for (const [name, rows] of lists) {
    for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) (group(row.indicatorId)[name] as unknown[]).push(row);
  }
  const bundles: SyncDoc[] = [];
  for (const body of groups.values()) {
    const content = plain(body);
    const hash = await contentHash(content);
    bundles.push({ _id: `${BUNDLE_PREFIX}${hash}`, _rev: `1-${hash.slice(0, 32)}`, ...content });
  }
  bundles.sort((a, b) => (a._id < b._id ? -1 : 1));
  // Derived from the content, not the clock: pushing the same state twice writes nothing.
  const exportedAt = [file.assessment.updatedAt, ...file.history.map((e) => e.at)].reduce((max, at) => (Date.parse(at) > Date.parse(max) ? at : max));
  const head: Omit<HeadBody, 'generation'> = plain({
    type: 'mgi-head',
    v: SYNC_DOC_VERSION,
    assessmentId: file.assessment.id,
    device,
    exportedAt,
    exportedBy: file.exportedBy ?? null,
    catalogue: file.catalogue,
    bundles: bundles.map((b) => b._id),
  });
  return { bundles, head };
}

/**
 * The head to write for a device's state, or null when its latest head (`previous`, its id) already
 * holds this very state: pushing the same state twice writes nothing.
 */
export async function nextHead(body: Omit<HeadBody, 'generation'>, previous: string | null): Promise<SyncDoc | null> {
  const content = await contentHash(body);
  const last = previous ? parseHeadId(previous) : null;
  if (last && content.startsWith(last.content)) return null;
  const full: HeadBody = { ...body, generation: (last?.generation ?? 0) + 1 };
  const hash = await contentHash(full);
  return { _id: headId(body.device, full.generation, content), _rev: `1-${hash.slice(0, 32)}`, ...full };
}

/** Why a received document cannot be used, or null when its content matches its id and revision. */
export async function tamperedReason(doc: SyncDoc): Promise<string | null> {
  const body = bodyOf(doc);
  const hash = await contentHash(body);
  if (isBundleId(doc._id)) {
    if (doc._id !== `${BUNDLE_PREFIX}${hash}` || doc._rev !== `1-${hash.slice(0, 32)}`) return 'its content does not match its id';
    if (body.type !== 'mgi-bundle') return 'it is no bundle';
    return null;
  }
  const head = parseHeadId(doc._id);
  if (head) {
    if (doc._rev !== `1-${hash.slice(0, 32)}`) return 'its content does not match its revision';
    const { generation, ...rest } = body;
    if (body.type !== 'mgi-head' || body.device !== head.device || generation !== head.generation) return 'it is no head of the device it names';
    if (!(await contentHash(rest)).startsWith(head.content)) return 'its content does not match its id';
    return null;
  }
  return 'it is no document of this app';
}

/** A state that lists a bundle not on the server yet (its laptop is still pushing): try again later. */
export class MissingBundleError extends Error {
  constructor(readonly docId: string) {
    super(`bundle ${docId} is missing`);
    this.name = 'MissingBundleError';
  }
}

/** A document refused on receipt: named, so a person can report it. */
export class SyncDocError extends Error {
  constructor(
    readonly docId: string,
    readonly reason: string,
  ) {
    super(`${docId}: ${reason}`);
    this.name = 'SyncDocError';
  }
}

/**
 * One device's state (its head and the bundles it lists) as an exchange file, read and checked by the
 * same reader as a file from disk. Throws ExchangeError naming the problem.
 */
export async function docsToFile(head: HeadBody, bundles: ReadonlyMap<string, DocBody>, catalogue: CatalogueSource): Promise<AssessmentFile> {
  const file: Record<string, unknown> = {
    format: ASSESSMENT_FILE_FORMAT,
    version: ASSESSMENT_FILE_VERSION,
    exportedAt: head.exportedAt,
    ...(head.exportedBy ? { exportedBy: head.exportedBy } : {}),
    catalogue: head.catalogue,
    answers: [],
    reviews: [],
    comments: [],
    proposals: [],
    history: [],
  };
  const push = (key: string, value: unknown) => {
    if (Array.isArray(value)) (file[key] as unknown[]).push(...(value as unknown[]));
  };
  if (!Array.isArray(head.bundles)) throw new ExchangeError('invalid', detail('missing', { where: 'bundles' }));
  for (const id of head.bundles) {
    const bundle = bundles.get(id);
    if (!bundle) throw new MissingBundleError(id);
    if (bundle.assessmentId !== head.assessmentId) throw new ExchangeError('inconsistent', detail('foreignRecord', { where: id }));
    if (bundle.assessment !== undefined) {
      if (file.assessment !== undefined) throw new ExchangeError('inconsistent', detail('duplicate', { where: 'assessment', id }));
      file.assessment = bundle.assessment;
    }
    if (bundle.answer !== undefined) push('answers', [bundle.answer]);
    if (bundle.review !== undefined) push('reviews', [bundle.review]);
    push('history', bundle.history);
    push('comments', bundle.comments);
    push('proposals', bundle.proposals);
  }
  const checksum = await checksumOf(file);
  const bytes = new TextEncoder().encode(JSON.stringify({ ...file, checksum: { algorithm: 'SHA-256', value: checksum } }));
  return readFile(bytes, { catalogue });
}
