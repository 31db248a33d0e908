/**
 * Server administration over the CouchDB HTTP API, as a server administrator: accounts and access to
 * assessments. Speaks only plain CouchDB, so the same commands manage the embedded server and an
 * Apache CouchDB 3 cluster behind /couch/.
 */
import { accessDesignDoc, accessRoles, databaseName, DESIGN_DOC_ID, parseServerRole, securityObject, serverRole, type AccessRole } from '../src/domain/sync-access';

export class AdminError extends Error {
  override name = 'AdminError';
}

export interface AdminConnection {
  /** The CouchDB API, e.g. http://127.0.0.1:4174/couch */
  url: string;
  name: string;
  password: string;
}

/** Session cookies by connection: one sign-in (one password hash on the server) per run, not per request. */
const sessions = new WeakMap<AdminConnection, string>();

async function sessionCookie(connection: AdminConnection): Promise<string | null> {
  const known = sessions.get(connection);
  if (known) return known;
  const response = await fetch(`${connection.url.replace(/\/$/, '')}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: connection.name, password: connection.password }),
  });
  const cookie = response.ok ? (response.headers.get('set-cookie') ?? '').split(';')[0] : '';
  if (!cookie) return null;
  sessions.set(connection, cookie);
  return cookie;
}

async function call(connection: AdminConnection, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  let response: Response;
  try {
    const cookie = await sessionCookie(connection);
    response = await fetch(`${connection.url.replace(/\/$/, '')}/${path}`, {
      method,
      headers: {
        // Basic authentication when the server gave no session (it then says why the name or password is refused).
        ...(cookie ? { cookie } : { authorization: `Basic ${Buffer.from(`${connection.name}:${connection.password}`).toString('base64')}` }),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    throw new AdminError(`cannot reach the server at ${connection.url} (${error instanceof Error ? error.message : String(error)}); is it running?`);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401) throw new AdminError(`the server refused the administrator "${connection.name}": ${String(json.reason ?? 'wrong name or password')}`);
  return { status: response.status, json };
}

function fail(what: string, result: { status: number; json: Record<string, unknown> }): never {
  throw new AdminError(`${what}: ${result.status} ${String(result.json.error ?? '')} ${String(result.json.reason ?? '')}`.trim());
}

const userDocId = (name: string) => `org.couchdb.user:${name}`;

export async function addUser(connection: AdminConnection, name: string, password: string): Promise<void> {
  if (!/^[^_:][^:]{0,99}$/.test(name)) throw new AdminError(`"${name}" cannot be an account name (no colon, not starting with _)`);
  if (password.length < 8) throw new AdminError('a password needs at least 8 characters');
  const path = `_users/${encodeURIComponent(userDocId(name))}`;
  const existing = await call(connection, 'GET', path);
  if (existing.status === 200) throw new AdminError(`the account "${name}" exists already`);
  const result = await call(connection, 'PUT', path, { _id: userDocId(name), name, type: 'user', roles: [], password });
  if (result.status !== 201 && result.status !== 202) fail(`creating the account "${name}"`, result);
}

/** Creates the assessment's database when needed and (re)writes its access rules. */
export async function ensureAssessmentDatabase(connection: AdminConnection, assessmentId: string): Promise<string> {
  const db = databaseName(assessmentId);
  const created = await call(connection, 'PUT', encodeURIComponent(db));
  if (created.status !== 201 && created.status !== 202 && created.status !== 412) fail(`creating the database ${db}`, created);
  const security = await call(connection, 'PUT', `${encodeURIComponent(db)}/_security`, securityObject(assessmentId));
  if (security.status !== 200) fail(`setting who may open ${db}`, security);
  const design = accessDesignDoc(assessmentId);
  const current = await call(connection, 'GET', `${encodeURIComponent(db)}/${DESIGN_DOC_ID}`);
  if (current.status === 200 && current.json.validate_doc_update === design.validate_doc_update) return db;
  const rev = current.status === 200 ? { _rev: current.json._rev } : {};
  const written = await call(connection, 'PUT', `${encodeURIComponent(db)}/${DESIGN_DOC_ID}`, { ...design, ...rev });
  if (written.status !== 201 && written.status !== 202) fail(`making readers read-only in ${db}`, written);
  return db;
}

async function updateRoles(connection: AdminConnection, name: string, change: (roles: string[]) => string[]): Promise<void> {
  const path = `_users/${encodeURIComponent(userDocId(name))}`;
  const user = await call(connection, 'GET', path);
  if (user.status === 404) throw new AdminError(`there is no account "${name}" (create it with: user add ${name})`);
  if (user.status !== 200) fail(`reading the account "${name}"`, user);
  const roles = Array.isArray(user.json.roles) ? user.json.roles.filter((r): r is string => typeof r === 'string') : [];
  const written = await call(connection, 'PUT', path, { ...user.json, roles: change(roles) });
  if (written.status !== 201 && written.status !== 202) fail(`changing the access of "${name}"`, written);
}

/** Gives `name` one kind of access to an assessment (replacing any other it had to that assessment). */
export async function grant(connection: AdminConnection, assessmentId: string, name: string, role: AccessRole): Promise<string> {
  if (!accessRoles.includes(role)) throw new AdminError(`the role must be one of ${accessRoles.join(', ')}`);
  const db = await ensureAssessmentDatabase(connection, assessmentId);
  await updateRoles(connection, name, (roles) => [...roles.filter((r) => parseServerRole(r)?.assessmentId !== assessmentId), serverRole(assessmentId, role)]);
  return db;
}

export async function revoke(connection: AdminConnection, assessmentId: string, name: string): Promise<void> {
  await updateRoles(connection, name, (roles) => roles.filter((r) => parseServerRole(r)?.assessmentId !== assessmentId));
}
