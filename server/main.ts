/**
 * `npm run server`: the optional sync server, and its administration commands.
 *
 *   npm run server                                   build the app, then serve it and the sync API
 *   npm run server -- user add NAME [--password P]   create an account (password generated if omitted)
 *   npm run server -- grant ASSESSMENT NAME --role team|reviewer|reader
 *   npm run server -- revoke ASSESSMENT NAME
 *
 * Environment: PORT (default 4174), HOST (default all interfaces), MGI_DATA_DIR (default
 * ~/mgi-sync-server), MGI_ADMIN_NAME (default admin), MGI_ADMIN_PASSWORD (the administrator's password:
 * set on first start, generated and printed once when absent; the admin commands need it),
 * MGI_SERVER_URL (where the admin commands find the server, default http://127.0.0.1:PORT/couch).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { accessRoles, type AccessRole } from '../src/domain/sync-access';
import { AdminError, addUser, grant, revoke, type AdminConnection } from './admin';
import { COUCH_PATH, createApp } from './app';
import { startEngine } from './engine';

const DEFAULT_PORT = 4174;
const root = resolve(import.meta.dirname, '..');

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function port(): number {
  const value = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new AdminError(`PORT must be a port number, not "${process.env.PORT}"`);
  return value;
}

async function start(args: string[]): Promise<void> {
  const dist = resolve(root, option(args, '--dist') ?? process.env.MGI_OUT_DIR ?? 'dist');
  if (!args.includes('--no-build')) {
    console.log('Building the app…');
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new AdminError('the app did not build (see above)');
  }
  if (!existsSync(join(dist, 'index.html'))) throw new AdminError(`no built app in ${dist} (run without --no-build)`);
  const dataDir = resolve(process.env.MGI_DATA_DIR ?? join(homedir(), 'mgi-sync-server'));
  const adminName = process.env.MGI_ADMIN_NAME ?? 'admin';
  const engine = await startEngine({ dataDir, adminName, ...(process.env.MGI_ADMIN_PASSWORD ? { adminPassword: process.env.MGI_ADMIN_PASSWORD } : {}) });
  const app = createApp(dist, engine.handler);
  const host = process.env.HOST ?? '0.0.0.0';
  const server = app.listen(port(), host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port();
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    console.log(`MGI sync server: data in ${dataDir}`);
    if (engine.createdAdmin) {
      console.log(`Created the server administrator "${engine.createdAdmin.name}".`);
      if (engine.createdAdmin.generated) {
        console.log(`Its password, shown only this once (keep it; set MGI_ADMIN_PASSWORD to it for the admin commands): ${engine.createdAdmin.password}`);
      }
    }
    console.log(`Serving the app at http://${shown}:${actualPort}/ and the sync API at http://${shown}:${actualPort}${COUCH_PATH}/`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Open change feeds and kept-alive connections would hold the close forever.
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function connection(): AdminConnection {
  const password = process.env.MGI_ADMIN_PASSWORD;
  if (!password) throw new AdminError('set MGI_ADMIN_PASSWORD to the server administrator\'s password');
  return { url: process.env.MGI_SERVER_URL ?? `http://127.0.0.1:${port()}${COUCH_PATH}`, name: process.env.MGI_ADMIN_NAME ?? 'admin', password };
}

function role(value: string | undefined): AccessRole {
  const found = accessRoles.find((r) => r === value);
  if (!found) throw new AdminError(`--role must be one of: ${accessRoles.join(', ')}`);
  return found;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'start' || command.startsWith('--')) return start(command === 'start' ? rest : args);
  if (command === 'user' && rest[0] === 'add' && rest[1]) {
    const name = rest[1];
    const given = option(rest, '--password');
    const password = given ?? randomBytes(9).toString('base64url');
    await addUser(connection(), name, password);
    console.log(given ? `Created the account "${name}".` : `Created the account "${name}" with the password: ${password}`);
    return;
  }
  if (command === 'grant' && rest[0] && rest[1]) {
    const db = await grant(connection(), rest[0], rest[1], role(option(rest, '--role')));
    console.log(`"${rest[1]}" now has ${option(rest, '--role')} access to assessment ${rest[0]} (database ${db}).`);
    return;
  }
  if (command === 'revoke' && rest[0] && rest[1]) {
    await revoke(connection(), rest[0], rest[1]);
    console.log(`"${rest[1]}" no longer has access to assessment ${rest[0]}.`);
    return;
  }
  throw new AdminError('usage: npm run server [-- start | user add NAME [--password P] | grant ASSESSMENT NAME --role team|reviewer|reader | revoke ASSESSMENT NAME]');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof AdminError ? `Error: ${error.message}` : error);
  process.exit(1);
});
