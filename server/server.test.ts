// @vitest-environment node
// The sync server as a real process: started on a free port with a fresh data folder, stopped by its pid.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminCommand, startSyncServer, type SyncServer } from '../test/tools/sync-server.mjs';

let server: SyncServer;
let dist: string;

const basic = (name: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` });
const json = { 'content-type': 'application/json', accept: 'application/json' };

async function request(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.couch}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function admin(args: string[]) {
  const result = await adminCommand(server, args);
  expect(result.code, result.output).toBe(0);
  return result.output;
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mgi-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>MGI</title>');
  server = await startSyncServer({ dist });
  await admin(['user', 'add', 'ana', '--password', 'ana-password']);
  await admin(['user', 'add', 'rui', '--password', 'rui-password']);
  await admin(['user', 'add', 'oli', '--password', 'oli-password']);
  await admin(['grant', 'a1', 'ana', '--role', 'team']);
  await admin(['grant', 'a1', 'rui', '--role', 'reader']);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dist, { recursive: true, force: true });
});

describe('the sync server process', { timeout: 30_000 }, () => {
  it('serves the app at / and the CouchDB API at /couch/', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>MGI</title>');
    const root = await request('/');
    expect(root.status).toBe(200);
  });

  it('is no admin party: anonymous requests for data are refused', async () => {
    expect((await request('/_all_dbs')).status).toBe(401);
    expect((await request('/mgi-a1/_changes')).status).toBe(401);
    expect((await request('/mgi-x', { method: 'PUT' })).status).toBe(401);
    expect((await request('/_users/_all_docs')).status).toBe(401);
  });

  it('refuses a wrong password with a clear reason', async () => {
    const result = await request('/mgi-a1', { headers: basic('ana', 'not-her-password') });
    expect(result.status).toBe(401);
    expect(result.body.reason).toMatch(/name or password is incorrect/i);
  });

  it('lets the team write, the reader only read, and nobody else in', async () => {
    const write = await request('/mgi-a1/d1', { method: 'PUT', headers: { ...json, ...basic('ana', 'ana-password') }, body: '{"a":1}' });
    expect(write.status).toBe(201);
    const read = await request('/mgi-a1/d1', { headers: basic('rui', 'rui-password') });
    expect(read.body.a).toBe(1);
    const readerWrite = await request('/mgi-a1/d2', { method: 'PUT', headers: { ...json, ...basic('rui', 'rui-password') }, body: '{"a":2}' });
    expect(readerWrite.status).toBe(403);
    expect(readerWrite.body.reason).toMatch(/read-only/);
    const bulk = await request('/mgi-a1/_bulk_docs', {
      method: 'POST',
      headers: { ...json, ...basic('rui', 'rui-password') },
      body: JSON.stringify({ docs: [{ _id: 'd3', _rev: '1-abc' }], new_edits: false }),
    });
    expect(JSON.stringify(bulk.body)).toMatch(/forbidden/);
    expect((await request('/mgi-a1/d1', { headers: basic('oli', 'oli-password') })).status).toBe(401);
    // Not even the names of the databases.
    expect((await request('/_all_dbs', { headers: basic('oli', 'oli-password') })).status).toBe(403);
    expect((await request('/mgi-new', { method: 'PUT', headers: basic('ana', 'ana-password') })).status).toBe(403);
  });

  it('takes roles from the server account: a member cannot give itself more', async () => {
    const session = await request('/_session', { headers: basic('rui', 'rui-password') });
    expect((session.body.userCtx as { roles: string[] }).roles).toEqual(['mgi:reader:a1']);
    const own = await request('/_users/org.couchdb.user:rui', { headers: basic('rui', 'rui-password') });
    expect(own.status).toBe(403);
  });

  it('revokes access', async () => {
    await admin(['grant', 'a1', 'oli', '--role', 'reviewer']);
    expect((await request('/mgi-a1/d1', { headers: basic('oli', 'oli-password') })).status).toBe(200);
    await admin(['revoke', 'a1', 'oli']);
    expect((await request('/mgi-a1/d1', { headers: basic('oli', 'oli-password') })).status).toBe(401);
  });

  it('says why an admin command cannot run', async () => {
    const unknown = await adminCommand(server, ['grant', 'a1', 'nobody-here', '--role', 'team']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/there is no account "nobody-here"/);
    const badRole = await adminCommand(server, ['grant', 'a1', 'ana', '--role', 'owner']);
    expect(badRole.output).toMatch(/--role must be one of: team, reviewer, reader/);
  });

  it('loses nothing when killed and restarted, sign-ins included', async () => {
    const login = await fetch(`${server.couch}/_session`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'ana', password: 'ana-password' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^AuthSession=/);
    const write = await request('/mgi-a1/before-kill', { method: 'PUT', headers: { ...json, cookie }, body: '{"kept":true}' });
    expect(write.status).toBe(201);
    const pid = server.pid;
    await server.restart();
    expect(server.pid).not.toBe(pid);
    const read = await request('/mgi-a1/before-kill', { headers: { cookie } });
    expect(read.body.kept).toBe(true);
    expect((await request('/mgi-a1/d1', { headers: basic('rui', 'rui-password') })).status).toBe(200);
    // The administrator was not created again: the password from the first start still holds.
    expect(server.output()).not.toMatch(/Created the server administrator/);
  });
});
