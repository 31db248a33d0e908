/**
 * What the sync server refuses before a request reaches the database engine. PouchDB Server's engine
 * already enforces `_users`, `_session`, per-database `_security` and `validate_doc_update`; these rules
 * add what Apache CouchDB 3 does by configuration (`[chttpd] require_valid_user = true`,
 * `admin_only_all_dbs = true`) and close two gaps of the engine: an account that is no server
 * administrator creating or deleting a database (which crashes PouchDB Server's engine) and listing
 * every database name. Pure: the request's method, path below /couch and the session's user.
 */
export interface UserCtx {
  name: string | null;
  roles: string[];
}

export interface Refusal {
  status: 401 | 403;
  error: 'unauthorized' | 'forbidden';
  reason: string;
}

/** System endpoints an account without administrator rights may use. */
const OPEN_SYSTEM = new Set(['_session', '_uuids']);

export function refusal(method: string, path: string, user: UserCtx): Refusal | null {
  const segments = path.split('/').filter(Boolean).map((s) => safeDecode(s));
  const first = segments[0];
  if (!user.name) {
    if ((first === undefined && method === 'GET') || first === '_session') return null;
    return { status: 401, error: 'unauthorized', reason: 'authentication required: sign in to this server first' };
  }
  if (user.roles.includes('_admin')) return null;
  if (first === undefined) return null;
  if (first.startsWith('_')) {
    if (OPEN_SYSTEM.has(first)) return null;
    return { status: 403, error: 'forbidden', reason: 'only a server administrator may do this' };
  }
  if (segments.length === 1 && (method === 'PUT' || method === 'DELETE')) {
    return { status: 403, error: 'forbidden', reason: 'only a server administrator may create or delete a database' };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
