/**
 * Replication of one assessment with its database on a sync server, on the CouchDB replication
 * protocol (documents: domain/sync-docs.ts).
 *
 * Push: this device's exchange file → its bundles and head → `_revs_diff` on the server → the missing
 * bundles by `_bulk_docs` with `new_edits: false` → then the head (so whoever sees the head finds its
 * bundles) → checkpoint in `_local`. Pushing the same state again writes nothing.
 *
 * Pull: checkpoint from `_local` (used only when this device's own record of it agrees) → `_changes`
 * since then → the heads of other devices that changed → `_bulk_get` of those heads → `_revs_diff`
 * against the bundles already held here → `_bulk_get` of the missing ones → every document checked
 * against its content hash → each device's state read as an exchange file by the file reader. The
 * caller imports those files with the same merge as files from disk, then records what it merged.
 *
 * Pure of storage: no Dexie, only fetch (couch.ts). Callers persist `SyncState`, never inside an
 * IndexedDB transaction.
 */
import type { AssessmentFile } from '../../domain/assessment-file';
import { ExchangeError } from '../../domain/exchange-problem';
import type { CatalogueSource } from '../../domain/exchange';
import { docsToFile, fileToDocs, headRange, MissingBundleError, nextHead, parseHeadId, SyncDocError, tamperedReason, type DocBody, type HeadBody } from '../../domain/sync-docs';
import { SyncError, type CouchDatabase } from './couch';

/** What a device remembers about its replication with one database. Plain JSON. */
export interface SyncState {
  /** The server's `_changes` sequence up to which heads were looked at, with its session. */
  checkpoint: { session: string; seq: string } | null;
  /** The newest head (its id) seen per other device. */
  heads: Record<string, string>;
  /** The head (its id) merged into this device, per other device. */
  merged: Record<string, string>;
}

export const emptySyncState = (): SyncState => ({ checkpoint: null, heads: {}, merged: {} });

/** Bundles already held on this device (by id), so they are not fetched again. */
export type BundleCache = Map<string, DocBody>;

const CHANGES_BATCH = 500;
const GET_BATCH = 200;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export interface PushResult {
  /** Documents written to the server (0 when it already had this state). */
  written: number;
  head: string;
}

/** Pushes this device's state. Throws SyncError ('readOnly' for a reader). */
export async function push(db: CouchDatabase, file: AssessmentFile, device: string, cache?: BundleCache): Promise<PushResult> {
  const { bundles, head } = await fileToDocs(file, device);
  const range = headRange(device);
  const previous = await db.lastId(range.startkey, range.endkey);
  const next = await nextHead(head, previous);
  if (cache) for (const b of bundles) cache.set(b._id, b);
  if (!next && previous) return { written: 0, head: previous };
  const missing = await db.revsDiff(Object.fromEntries(bundles.map((b) => [b._id, [b._rev]])));
  const toWrite = bundles.filter((b) => missing[b._id]);
  for (const part of chunks(toWrite, GET_BATCH)) await db.bulkDocs(part);
  // The head last: whoever sees it finds its bundles.
  if (next) await db.bulkDocs([next]);
  const written = next?._id ?? (previous as string);
  await db.putLocal(`mgi-push-${device}`, { head: written, bundles: bundles.length });
  return { written: toWrite.length + (next ? 1 : 0), head: written };
}

export interface DeviceState {
  device: string;
  /** The id of the head this state was read from. */
  head: string;
  file: AssessmentFile;
}

export interface PullResult {
  /** Other devices' states not yet merged here, as files to import. */
  states: DeviceState[];
  /** Devices whose state was refused (tampered or invalid), named, with why. Nothing of them is used. */
  refused: { device: string; error: SyncError }[];
  /** The state to store once the states were imported (see markMerged). */
  next: SyncState;
  /** Documents received. */
  received: number;
}

/**
 * Pulls what other devices pushed since the last pull. Nothing is written here: import `states`
 * (exchange-store importFiles), then store `markMerged(next, states)`.
 */
export async function pull(db: CouchDatabase, state: SyncState, device: string, cache: BundleCache, catalogue: CatalogueSource): Promise<PullResult> {
  const checkpointId = `mgi-pull-${device}`;
  const remote = await db.getLocal(checkpointId);
  // Start over when the two sides disagree (server restored from a backup, device data reset…).
  let since = state.checkpoint && remote?.session === state.checkpoint.session && remote.seq === state.checkpoint.seq ? state.checkpoint.seq : '0';
  const heads = { ...state.heads };
  let received = 0;
  for (;;) {
    const { results, lastSeq, pending } = await db.changes(since, CHANGES_BATCH);
    for (const change of results) {
      const head = parseHeadId(change.id);
      if (!head || change.deleted || head.device === device) continue;
      const known = heads[head.device];
      if (!known || change.id > known) heads[head.device] = change.id;
    }
    since = lastSeq;
    if (results.length < CHANGES_BATCH || pending === 0) break;
  }
  const waiting = Object.entries(heads).filter(([other, id]) => state.merged[other] !== id);
  const headDocs = await db.bulkGet(waiting.map(([, id]) => ({ id })));
  received += headDocs.length;
  const refused: PullResult['refused'] = [];
  const states: DeviceState[] = [];
  const accepted: { doc: { _id: string }; body: HeadBody }[] = [];
  for (const doc of headDocs) {
    const other = parseHeadId(doc._id)?.device ?? doc._id;
    const reason = await tamperedReason(doc);
    if (reason) refused.push({ device: other, error: new SyncError('tampered', new SyncDocError(doc._id, reason).message) });
    else accepted.push({ doc, body: doc as unknown as HeadBody });
  }
  // The bundles these heads list that are not held here yet: `_revs_diff` done locally, then fetched.
  const wanted = [...new Set(accepted.flatMap(({ body }) => (Array.isArray(body.bundles) ? body.bundles.map(String) : [])))].filter((id) => !cache.has(id));
  const bad = new Map<string, string>();
  for (const part of chunks(wanted, GET_BATCH)) {
    const docs = await db.bulkGet(part.map((id) => ({ id })));
    received += docs.length;
    for (const doc of docs) {
      const reason = await tamperedReason(doc);
      if (reason) bad.set(doc._id, reason);
      else {
        const { _id: _i, _rev: _r, _revisions: _h, ...body } = doc;
        cache.set(doc._id, body);
      }
    }
  }
  for (const { doc, body } of accepted) {
    const other = body.device;
    const tampered = body.bundles.find((id) => bad.has(id));
    if (tampered) {
      refused.push({ device: other, error: new SyncError('tampered', new SyncDocError(tampered, bad.get(tampered) ?? '').message) });
      continue;
    }
    try {
      states.push({ device: other, head: doc._id, file: await docsToFile(body, cache, catalogue) });
    } catch (error) {
      // A bundle not on the server yet (its device is still pushing): try again at the next pull.
      if (error instanceof MissingBundleError) continue;
      if (!(error instanceof ExchangeError)) throw error;
      refused.push({ device: other, error: new SyncError('invalid', `${doc._id}: ${error.message}`, error) });
    }
  }
  const session = state.checkpoint?.session && remote?.session === state.checkpoint.session ? state.checkpoint.session : crypto.randomUUID();
  // Readers may not write checkpoints on the server; then the next pull starts over (still correct).
  const stored = await db.putLocal(checkpointId, { session, seq: since });
  return { states, refused, received, next: { checkpoint: stored ? { session, seq: since } : null, heads, merged: { ...state.merged } } };
}

/** The state to store after `states` were imported. */
export function markMerged(next: SyncState, states: readonly DeviceState[]): SyncState {
  const merged = { ...next.merged };
  for (const s of states) merged[s.device] = s.head;
  return { ...next, merged };
}
