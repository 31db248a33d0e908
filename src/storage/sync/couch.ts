/**
 * A CouchDB server and its databases over HTTP, with nothing but fetch: the endpoints the replication
 * protocol needs (`_session`, `_changes`, `_revs_diff`, `_bulk_get`, `_bulk_docs`, `_local`). Only plain
 * CouchDB 3 behaviour: works the same against the embedded server and an Apache CouchDB cluster.
 *
 * Signing in uses `_session` cookies. In a browser the cookie is the browser's business (same origin,
 * HttpOnly); elsewhere (Node: tests, benchmarks) the cookie is kept here and sent back.
 * No Dexie here: nothing in this file may run inside an IndexedDB transaction.
 */
import type { ExchangeError } from '../../domain/exchange-problem';
import type { SyncDoc } from '../../domain/sync-docs';

export type SyncProblem =
  /** The server cannot be reached (offline, server down). */
  | 'offline'
  /** Not signed in, or the session expired. */
  | 'signedOut'
  /** Sign-in refused: wrong name or password. */
  | 'wrongPassword'
  /** Signed in, but this account has no access to the assessment. */
  | 'noAccess'
  /** This account may read the assessment but not change it. */
  | 'readOnly'
  /** A document from the server does not match its content hash. */
  | 'tampered'
  /** A device's state from the server is no valid assessment (see the detail). */
  | 'invalid'
  /** Anything else the server answered. */
  | 'server';

export class SyncError extends Error {
  constructor(
    readonly problem: SyncProblem,
    readonly detail = '',
    /** For 'invalid': what the file reader found, translatable (describeProblem). */
    readonly exchange: ExchangeError | null = null,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'SyncError';
  }
}

export interface UserCtx {
  name: string | null;
  roles: string[];
}

type Json = Record<string, unknown>;

export interface CouchOptions {
  fetch?: typeof fetch;
}

export class CouchServer {
  private cookie: string | null = null;
  private readonly fetcher: typeof fetch;
  /** `url` is the CouchDB API, e.g. `${location.origin}/couch`. */
  constructor(
    readonly url: string,
    options: CouchOptions = {},
  ) {
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json | Json[] }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    let response: Response;
    try {
      response = await this.fetcher(`${this.url.replace(/\/$/, '')}/${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (error) {
      throw new SyncError('offline', error instanceof Error ? error.message : String(error));
    }
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('AuthSession=')) this.cookie = setCookie.split(';')[0] ?? null;
    let json: Json | Json[];
    try {
      json = (await response.json()) as Json | Json[];
    } catch {
      if (response.status >= 500 || response.status === 0) throw new SyncError('offline', `status ${response.status}`);
      throw new SyncError('server', `status ${response.status}: not JSON`);
    }
    return { status: response.status, json };
  }

  /** Signs in; the session lives in a cookie. Throws SyncError 'wrongPassword' when refused. */
  async signIn(name: string, password: string): Promise<UserCtx> {
    const { status, json } = await this.request('POST', '_session', { name, password });
    if (status === 401) throw new SyncError('wrongPassword', reasonOf(json));
    if (status !== 200) throw new SyncError('server', `${status} ${reasonOf(json)}`);
    return userCtxOf({ userCtx: json });
  }

  /** The signed-in account, or null. */
  async session(): Promise<UserCtx | null> {
    const { status, json } = await this.request('GET', '_session');
    if (status !== 200) throw new SyncError('server', `${status} ${reasonOf(json)}`);
    const ctx = userCtxOf(json);
    return ctx.name ? ctx : null;
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '_session');
    this.cookie = null;
  }

  database(name: string): CouchDatabase {
    return new CouchDatabase(this, name);
  }
}

function reasonOf(json: Json | Json[]): string {
  return Array.isArray(json) ? '' : String(json.reason ?? json.error ?? '');
}

function userCtxOf(json: Json | Json[]): UserCtx {
  const ctx = (Array.isArray(json) ? {} : (json.userCtx ?? json)) as Json;
  const name = typeof ctx.name === 'string' ? ctx.name : null;
  const roles = Array.isArray(ctx.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [];
  return { name, roles };
}

/** Turns a refusal of the server into the problem a person can act on. */
function refusal(status: number, json: Json | Json[], writing: boolean): SyncError {
  const reason = reasonOf(json);
  if (status === 401) return new SyncError(/not authorized to access this db/i.test(reason) ? 'noAccess' : 'signedOut', reason);
  if (status === 403) return new SyncError(writing && /read-only/.test(reason) ? 'readOnly' : 'noAccess', reason);
  if (status === 404) return new SyncError('noAccess', reason || 'no such database');
  return new SyncError('server', `${status} ${reason}`);
}

export interface Change {
  id: string;
  seq: string;
  revs: string[];
  deleted: boolean;
}

export class CouchDatabase {
  constructor(
    private readonly server: CouchServer,
    readonly name: string,
  ) {}

  private path(rest = ''): string {
    return `${encodeURIComponent(this.name)}${rest ? `/${rest}` : ''}`;
  }

  private async call(method: string, rest: string, body?: unknown, writing = false): Promise<Json | Json[]> {
    const { status, json } = await this.server.request(method, this.path(rest), body);
    if (status >= 200 && status < 300) return json;
    throw refusal(status, json, writing);
  }

  /** The database's info; throws 'noAccess' when this account may not open it. */
  info(): Promise<Json | Json[]> {
    return this.call('GET', '');
  }

  /** A document, or null when it does not exist. */
  async get(id: string): Promise<SyncDoc | null> {
    const { status, json } = await this.server.request('GET', this.path(encodeURIComponent(id)));
    if (status === 404) return null;
    if (status !== 200) throw refusal(status, json, false);
    return json as SyncDoc;
  }

  /** The last id in [startkey, endkey] (`_all_docs`, descending), or null when there is none. */
  async lastId(startkey: string, endkey: string): Promise<string | null> {
    const query = `descending=true&limit=1&startkey=${encodeURIComponent(JSON.stringify(endkey))}&endkey=${encodeURIComponent(JSON.stringify(startkey))}`;
    const json = (await this.call('GET', `_all_docs?${query}`)) as Json;
    const row = Array.isArray(json.rows) ? (json.rows[0] as Json | undefined) : undefined;
    return row && typeof row.id === 'string' ? row.id : null;
  }

  async changes(since: string, limit: number): Promise<{ results: Change[]; lastSeq: string; pending: number }> {
    const json = (await this.call('GET', `_changes?style=all_docs&since=${encodeURIComponent(since)}&limit=${limit}`)) as Json;
    const results = (Array.isArray(json.results) ? json.results : []).map((row: Json) => ({
      id: String(row.id),
      seq: String(typeof row.seq === 'string' ? row.seq : JSON.stringify(row.seq)),
      revs: Array.isArray(row.changes) ? row.changes.map((c: Json) => String(c.rev)) : [],
      deleted: row.deleted === true,
    }));
    const lastSeq = typeof json.last_seq === 'string' ? json.last_seq : JSON.stringify(json.last_seq ?? since);
    return { results, lastSeq, pending: typeof json.pending === 'number' ? json.pending : 0 };
  }

  /** Which of these revisions the database lacks. */
  async revsDiff(revs: Record<string, string[]>): Promise<Record<string, string[]>> {
    if (Object.keys(revs).length === 0) return {};
    const json = (await this.call('POST', '_revs_diff', revs)) as Json;
    const missing: Record<string, string[]> = {};
    for (const [id, value] of Object.entries(json)) {
      const list = (value as Json).missing;
      if (Array.isArray(list) && list.length > 0) missing[id] = list.map(String);
    }
    return missing;
  }

  /** The given revisions, with their revision histories. A revision the server lacks is left out. */
  async bulkGet(wanted: { id: string; rev?: string }[]): Promise<SyncDoc[]> {
    if (wanted.length === 0) return [];
    const json = (await this.call('POST', '_bulk_get?revs=true', { docs: wanted })) as Json;
    const docs: SyncDoc[] = [];
    for (const result of Array.isArray(json.results) ? (json.results as Json[]) : []) {
      for (const entry of Array.isArray(result.docs) ? (result.docs as Json[]) : []) {
        if (entry.ok && typeof entry.ok === 'object') docs.push(entry.ok as SyncDoc);
      }
    }
    return docs;
  }

  /** Writes revisions as they are (`new_edits: false`): the replication write, idempotent. */
  async bulkDocs(docs: SyncDoc[]): Promise<void> {
    if (docs.length === 0) return;
    const json = await this.call('POST', '_bulk_docs', { docs, new_edits: false }, true);
    const failed = (Array.isArray(json) ? json : []).find((row) => row.error);
    if (failed) {
      const reason = String(failed.reason ?? failed.error);
      throw new SyncError(failed.error === 'forbidden' && /read-only/.test(reason) ? 'readOnly' : failed.error === 'forbidden' ? 'noAccess' : 'server', `${String(failed.id)}: ${reason}`);
    }
  }

  async getLocal(id: string): Promise<Json | null> {
    const { status, json } = await this.server.request('GET', this.path(`_local/${encodeURIComponent(id)}`));
    if (status === 404) return null;
    if (status !== 200) throw refusal(status, json, false);
    return json as Json;
  }

  /** Writes a `_local` document (checkpoints); false when the account may not (a reader). */
  async putLocal(id: string, body: Json): Promise<boolean> {
    const current = await this.getLocal(id);
    const { status } = await this.server.request('PUT', this.path(`_local/${encodeURIComponent(id)}`), { ...body, ...(current?._rev ? { _rev: current._rev } : {}) });
    return status === 201 || status === 200;
  }
}
