/**
 * The embedded CouchDB-compatible engine: PouchDB Server's `express-pouchdb` on LevelDB, kept behind
 * this one module so that an Apache CouchDB 3 server can take its place without touching the app.
 *
 * Hazards handled here:
 * - With no administrator the engine is an "admin party" (everyone is administrator). The first start
 *   writes an administrator into the configuration before the server listens, so that never happens.
 * - The engine hashes passwords with PBKDF2 in pure JavaScript (blocking) and 10 iterations. Its hash
 *   function is replaced by Node's native, asynchronous PBKDF2 (same algorithm, SHA-1, 20 bytes, so
 *   stored hashes stay valid) and the iteration count is raised.
 * - The session secret is stored, so sign-ins survive a restart; sessions last a week, not 10 minutes.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NextFunction, Request, Response } from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import leveldb from 'pouchdb-adapter-leveldb';
import httpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { refusal, type UserCtx } from './policy';

/** PBKDF2-SHA-1 iterations for new passwords: CouchDB's hash, far above the engine's default of 10. */
export const PASSWORD_ITERATIONS = 100_000;

/** How long a sign-in stays valid on the server without any request: one week. */
export const SESSION_SECONDS = 7 * 24 * 3600;

const require = createRequire(import.meta.url);
const pbkdf2Async = promisify(pbkdf2);
const authUtils = require('pouchdb-auth/lib/utils.js') as {
  hashPassword: (password: string, salt: string, iterations: number) => Promise<string>;
};
authUtils.hashPassword = async (password, salt, iterations) =>
  (await pbkdf2Async(password, salt, iterations, 20, 'sha1')).toString('hex');

/** A CouchDB administrator entry as the configuration stores it (never the password itself). */
export async function hashAdminPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  return `-pbkdf2-${await authUtils.hashPassword(password, salt, iterations)},${salt},${iterations}`;
}

export interface Engine {
  /** The express application answering the CouchDB API, to mount at /couch. */
  handler: (req: Request, res: Response, next: NextFunction) => void;
  /** The administrator password when this start created the administrator, else null. */
  createdAdmin: { name: string; password: string; generated: boolean } | null;
}

interface EngineOptions {
  dataDir: string;
  adminName: string;
  /** From MGI_ADMIN_PASSWORD; used only on the first start (when there is no administrator yet). */
  adminPassword?: string;
}

export async function startEngine({ dataDir, adminName, adminPassword }: EngineOptions): Promise<Engine> {
  const dbDir = join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const Pouch = PouchDB.plugin(leveldb).plugin(httpAdapter).plugin(mapreduce).plugin(replication).defaults({ prefix: `${dbDir}/` });
  const app = expressPouchDB(Pouch, {
    configPath: join(dataDir, 'config.json'),
    logPath: join(dataDir, 'log.txt'),
    // Futon/Fauxton is not shipped: administration is the command line (server/main.ts).
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  const config = app.couchConfig;
  const set = (section: string, key: string, value: unknown) =>
    new Promise<void>((resolve, reject) => config.set(section, key, value, (error) => (error ? reject(error) : resolve())));

  // The configuration file as stored (get() would fall back to the engine's per-start defaults).
  const stored = (config as unknown as { _config: Record<string, Record<string, unknown> | undefined> })._config;
  if (stored.couch_httpd_auth?.iterations !== PASSWORD_ITERATIONS) await set('couch_httpd_auth', 'iterations', PASSWORD_ITERATIONS);
  // A laptop that was offline for hours catches up without asking for the password again (the engine's
  // default is 10 minutes). The cookie itself still ends with the browser session.
  if (stored.couch_httpd_auth?.timeout === undefined) await set('couch_httpd_auth', 'timeout', SESSION_SECONDS);
  // Without a stored secret the engine makes a new one on every start and every sign-in is lost.
  if (typeof stored.couch_httpd_auth?.secret !== 'string') await set('couch_httpd_auth', 'secret', randomBytes(16).toString('hex'));
  let createdAdmin: Engine['createdAdmin'] = null;
  if (Object.keys(stored.admins ?? {}).length === 0) {
    const generated = !adminPassword;
    const password = adminPassword || randomBytes(12).toString('base64url');
    await set('admins', adminName, await hashAdminPassword(password));
    createdAdmin = { name: adminName, password, generated };
  }
  installGuard(app);
  return { handler: app, createdAdmin };
}

/**
 * Puts the request policy (policy.ts) into the engine's own middleware chain, right after the engine has
 * authenticated the request (cookie or basic) and before any of its routes: the first route the engine
 * registers after authentication is `GET /_config` (its authorization module).
 */
function installGuard(app: ReturnType<typeof expressPouchDB>): void {
  app.use(function mgiGuard(req: Request, res: Response, next: NextFunction) {
    const session = (req as Request & { couchSession?: { userCtx?: UserCtx } }).couchSession;
    const user = session?.userCtx ?? { name: null, roles: [] };
    const refused = refusal(req.method, req.path, user);
    if (!refused) return next();
    res.status(refused.status).json({ error: refused.error, reason: refused.reason });
  });
  const stack = (app as unknown as { _router: { stack: { name: string; route?: { path: string } }[] } })._router.stack;
  const guard = stack.pop();
  const at = stack.findIndex((layer) => layer.route?.path === '/_config');
  if (!guard || at < 0) throw new Error('express-pouchdb changed: cannot place the access guard after authentication');
  stack.splice(at, 0, guard);
}
