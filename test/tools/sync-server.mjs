// Starts the real sync server process (server/main.ts) for tests and benchmarks: its own free port
// (PORT=0, read back from what it prints), a fresh temporary data folder, and a known administrator
// password. Stopped by its own pid, never by name. `restart()` starts it again on the same port and data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN_PASSWORD = 'test-admin-password';

function launch({ port, dataDir, dist }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'start', '--no-build', '--dist', dist], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MGI_DATA_DIR: dataDir, MGI_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /Serving the app at http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolvePromise({ child, port: Number(match[1]), output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`the sync server exited (${code}) before listening:\n${output}`)));
  });
}

function stopChild(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    process.kill(child.pid, signal);
  });
}

export async function startSyncServer({ dist = process.env.MGI_OUT_DIR ?? 'dist' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mgi-sync-test-'));
  const distDir = resolve(root, dist);
  let running = await launch({ port: 0, dataDir, dist: distDir });
  const port = running.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    couch: `${origin}/couch`,
    dataDir,
    admin: { name: 'admin', password: ADMIN_PASSWORD },
    get pid() {
      return running.child.pid;
    },
    output: () => running.output(),
    /** Kills the process at once (SIGKILL): nothing is flushed or closed on purpose. */
    kill: () => stopChild(running.child, 'SIGKILL'),
    async restart() {
      await stopChild(running.child, 'SIGKILL');
      running = await launch({ port, dataDir, dist: distDir });
    },
    async stop() {
      await stopChild(running.child, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs an administration command (server/main.ts) against a started server; resolves with its output. */
export function adminCommand(server, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, MGI_SERVER_URL: server.couch, MGI_ADMIN_PASSWORD: server.admin.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolvePromise({ code, output: out }));
  });
}
