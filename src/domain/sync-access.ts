/**
 * Who may do what with an assessment on a sync server, in CouchDB's own terms, shared by the server
 * (which writes these objects) and the app (which reads the roles of the signed-in account).
 *
 * One database per assessment. Access is that database's `_security`: its members are three roles,
 * one per kind of access, held by the accounts an administrator granted. Roles live on the server
 * account (CouchDB `_users`), which only a server administrator can change, so what a device says about
 * itself never matters. A reader is a member (it can read) whom the database's `validate_doc_update`
 * refuses every write. All of this is plain CouchDB: an Apache CouchDB 3 server behaves the same.
 */
export const accessRoles = ['team', 'reviewer', 'reader'] as const;
export type AccessRole = (typeof accessRoles)[number];

const ROLE_PREFIX = 'mgi';

/** The database of one assessment. CouchDB names allow only [a-z0-9_$()+/-] after a letter. */
export function databaseName(assessmentId: string): string {
  if (/^[a-z0-9_-]{1,200}$/.test(assessmentId)) return `mgi-${assessmentId}`;
  const hex = Array.from(new TextEncoder().encode(assessmentId), (b) => b.toString(16).padStart(2, '0')).join('');
  return `mgi-x${hex}`;
}

/** The account role that gives `role` on one assessment. */
export function serverRole(assessmentId: string, role: AccessRole): string {
  return `${ROLE_PREFIX}:${role}:${assessmentId}`;
}

/** The assessment and access a role names, or null for any other role (including `_admin`). */
export function parseServerRole(name: string): { assessmentId: string; role: AccessRole } | null {
  const [prefix, role, ...rest] = name.split(':');
  const assessmentId = rest.join(':');
  if (prefix !== ROLE_PREFIX || !assessmentId) return null;
  const known = accessRoles.find((r) => r === role);
  return known ? { assessmentId, role: known } : null;
}

/** Every assessment an account may open, with its strongest access (team > reviewer > reader). */
export function accessOf(roles: readonly string[]): Map<string, AccessRole> {
  const result = new Map<string, AccessRole>();
  for (const name of roles) {
    const parsed = parseServerRole(name);
    if (!parsed) continue;
    const current = result.get(parsed.assessmentId);
    if (!current || accessRoles.indexOf(parsed.role) < accessRoles.indexOf(current)) result.set(parsed.assessmentId, parsed.role);
  }
  return result;
}

/** True when the account can write to the assessment's database (server administrators always can). */
export function canWrite(roles: readonly string[], assessmentId: string): boolean {
  if (roles.includes('_admin')) return true;
  const access = accessOf(roles).get(assessmentId);
  return access === 'team' || access === 'reviewer';
}

/** The `_security` object of an assessment's database: members are the three roles; no names. */
export function securityObject(assessmentId: string) {
  return {
    admins: { names: [] as string[], roles: [] as string[] },
    members: { names: [] as string[], roles: accessRoles.map((role) => serverRole(assessmentId, role)) },
  };
}

export const DESIGN_DOC_ID = '_design/mgi-access';

/**
 * The design document that makes readers read-only. Its function runs inside the database server
 * (CouchDB's JavaScript engine, or PouchDB Server's), so it is kept to ES5 and built as text.
 */
export function accessDesignDoc(assessmentId: string) {
  const writers = JSON.stringify([serverRole(assessmentId, 'team'), serverRole(assessmentId, 'reviewer')]);
  return {
    _id: DESIGN_DOC_ID,
    validate_doc_update: `function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  var writers = ${writers};
  if (roles.indexOf('_admin') !== -1) return;
  for (var i = 0; i < writers.length; i++) if (roles.indexOf(writers[i]) !== -1) return;
  throw({ forbidden: 'read-only: this account may read this assessment but not change it' });
}`,
  };
}
