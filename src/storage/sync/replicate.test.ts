// @vitest-environment node
// Replication against the real sync server process (started here on a free port, stopped by its pid),
// with laptops simulated by the pure domain (test/fixtures/exchange/laptop.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, grant } from '../../../server/admin';
import { tinyCatalogue } from '../../../test/fixtures/catalogue/tiny';
import { emptySnapshot, Laptop, newAssessment } from '../../../test/fixtures/exchange/laptop';
import { startSyncServer, type SyncServer } from '../../../test/tools/sync-server.mjs';
import { buildFile, fileToSnapshot } from '../../domain/exchange';
import { databaseName } from '../../domain/sync-access';
import { headRange, type SyncDoc } from '../../domain/sync-docs';
import { CouchServer, SyncError, type CouchDatabase } from './couch';
import { emptySyncState, markMerged, pull, push, type BundleCache, type SyncState } from './replicate';

let server: SyncServer;
let dist: string;
let assessmentCount = 0;

/** A fresh assessment for each test, with its own database: tests do not see each other's laptops. */
async function newShared() {
  const id = `assessment-${++assessmentCount}`;
  const connection = { url: server.couch, ...server.admin };
  for (const [name, role] of [
    ['ana', 'team'],
    ['ben', 'team'],
    ['rui', 'reviewer'],
    ['obs', 'reader'],
  ] as const) {
    await grant(connection, id, name, role);
  }
  return emptySnapshot(newAssessment({ id }));
}

/** A laptop with its own sign-in, replication state and bundle cache. */
class Device {
  state: SyncState = emptySyncState();
  cache: BundleCache = new Map();
  db!: CouchDatabase;
  constructor(readonly laptop: Laptop) {}

  async signIn(name: string, password: string) {
    const couch = new CouchServer(server.couch);
    await couch.signIn(name, password);
    this.db = couch.database(databaseName(this.laptop.snapshot.assessment.id));
    return this;
  }

  async push() {
    const file = await buildFile(this.laptop.export(), this.laptop.actor, this.laptop.now());
    return push(this.db, file, this.laptop.actor.device, this.cache);
  }

  /** Pulls and imports like the app: conflicts decided by `decide`, or left waiting. */
  async pull(decide?: Parameters<Laptop['import']>[1]) {
    const result = await pull(this.db, this.state, this.laptop.actor.device, this.cache, () => tinyCatalogue);
    const merged = [];
    const waiting = [];
    for (const s of result.states) {
      const outcome = this.laptop.import(fileToSnapshot(s.file), decide);
      if (outcome.undecided.length === 0) merged.push(s);
      else waiting.push(outcome.undecided);
    }
    this.state = markMerged(result.next, merged);
    return { ...result, waiting };
  }
}

async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof SyncError) return `${error.problem} ${error.detail}`;
    throw error;
  }
  return 'no error';
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mgi-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>MGI</title>');
  server = await startSyncServer({ dist });
  const connection = { url: server.couch, ...server.admin };
  for (const name of ['ana', 'ben', 'rui', 'obs', 'out']) await addUser(connection, name, `${name}-password`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dist, { recursive: true, force: true });
});

describe('replicating an assessment through the sync server', { timeout: 60_000 }, () => {
  it('converges two laptops that both edited offline, shows the real conflict once, and the decision travels', async () => {
    const start = await newShared();
    const ana = await new Device(new Laptop('Ana', 'team', start)).signIn('ana', 'ana-password');
    const ben = await new Device(new Laptop('Ben', 'team', start)).signIn('ben', 'ben-password');
    ana.laptop.edit('health-access', { value: 'yes', narrative: 'Ana wrote this' });
    ana.laptop.edit('school-access', { value: 'partial' });
    ben.laptop.edit('health-access', { value: 'no' });
    ben.laptop.edit('labour-agreements', { value: 'yes' });
    await ana.push();
    await ben.push();

    // Ben pulls first: the value of "health" was changed on both laptops, a person decides.
    const first = await ben.pull();
    expect(first.waiting).toHaveLength(1);
    expect(first.waiting[0]!.map((c) => c.key)).toEqual(['health-access\u0000value']);
    const decided = await ben.pull(() => 'theirs');
    expect(decided.waiting).toHaveLength(0);
    await ben.push();

    // Ana receives Ben's decision: no conflict for her, both laptops show the same.
    const second = await ana.pull();
    expect(second.waiting).toHaveLength(0);
    await ana.push();
    await ben.pull();
    expect(ana.laptop.visible()).toEqual(ben.laptop.visible());
    expect(ana.laptop.answer('health-access').value).toBe('yes');
    expect(ana.laptop.answer('labour-agreements').value).toBe('yes');
    expect(ben.laptop.answer('school-access').value).toBe('partial');
  });

  it('writes nothing when the same state is pushed twice', async () => {
    const ana = await new Device(new Laptop('Ana', 'team', await newShared())).signIn('ana', 'ana-password');
    ana.laptop.edit('labour-agreements', { value: 'yes' });
    const file = await buildFile(ana.laptop.export(), ana.laptop.actor, '2026-03-05T10:00:00.000Z');
    const once = await push(ana.db, file, 'device-twice');
    const info = (await ana.db.info()) as { update_seq: unknown };
    const again = await push(ana.db, { ...file, exportedAt: '2026-03-05T11:00:00.000Z' }, 'device-twice');
    expect(once.written).toBeGreaterThan(0);
    expect(again).toEqual({ written: 0, head: once.head });
    expect(((await ana.db.info()) as { update_seq: unknown }).update_seq).toEqual(info.update_seq);
  });

  it('lets reviewers exchange queries, proposals and validation without files, and readers only read', async () => {
    const start = await newShared();
    const ana = await new Device(new Laptop('Ana', 'team', start)).signIn('ana', 'ana-password');
    const rui = await new Device(new Laptop('Rui', 'reviewer', start)).signIn('rui', 'rui-password');
    const obs = await new Device(new Laptop('Obs', 'reviewer', start)).signIn('obs', 'obs-password');
    await rui.pull();
    rui.laptop.setReview('health-access', 'query');
    await rui.push();
    await ana.pull();
    expect(ana.laptop.snapshot.reviews.find((r) => r.indicatorId === 'health-access')?.status).toBe('query');
    await obs.pull();
    expect(obs.laptop.snapshot.reviews.find((r) => r.indicatorId === 'health-access')?.status).toBe('query');
    obs.laptop.edit('health-access', { value: 'no' });
    expect(await problemOf(obs.push())).toMatch(/^readOnly /);
  });

  it('refuses a wrong password, an account without access, and gives it nothing', async () => {
    expect(await problemOf(new CouchServer(server.couch).signIn('ana', 'wrong'))).toMatch(/^wrongPassword /);
    const out = await new Device(new Laptop('Out', 'team', await newShared())).signIn('out', 'out-password');
    expect(await problemOf(out.pull())).toMatch(/^noAccess /);
    expect(await problemOf(out.push())).toMatch(/^noAccess /);
    const anonymous = new CouchServer(server.couch).database(out.db.name);
    expect(await problemOf(anonymous.changes('0', 10))).toMatch(/^signedOut /);
  });

  it('refuses a document changed on the server, names it, and imports nothing of that laptop', async () => {
    const ana = await new Device(new Laptop('Ana', 'team', await newShared())).signIn('ana', 'ana-password');
    const eve = await new Device(new Laptop('Eve', 'team', ana.laptop.snapshot)).signIn('ben', 'ben-password');
    eve.laptop.edit('agreement-monitoring', { narrative: 'original' });
    await eve.push();
    // Someone with the administrator's password edits a bundle in place on the server.
    const adminServer = new CouchServer(server.couch);
    await adminServer.signIn(server.admin.name, server.admin.password);
    const db = adminServer.database(ana.db.name);
    const range = headRange('device-eve');
    const head = await db.get((await db.lastId(range.startkey, range.endkey))!);
    const bundles = await db.bulkGet((head!.bundles as string[]).map((id) => ({ id })));
    const target = bundles.find((b) => JSON.stringify(b).includes('original'))!;
    const forged = JSON.parse(JSON.stringify(target).replace('original', 'forged')) as SyncDoc;
    // An ordinary edit on the server: a second revision of the bundle, content changed.
    const { _revisions: _, ...edit } = forged;
    const put = await adminServer.request('PUT', `${db.name}/${encodeURIComponent(target._id)}`, edit);
    expect(put.status).toBe(201);
    expect(JSON.stringify(await db.get(target._id))).toContain('forged');
    const result = await ana.pull();
    const refusal = result.refused.find((r) => r.device === 'device-eve');
    expect(refusal?.error.problem).toBe('tampered');
    expect(refusal?.error.detail).toContain(target._id);
    expect(ana.laptop.snapshot.answers.find((a) => a.indicatorId === 'agreement-monitoring')).toBeUndefined();
  });

  it('loses nothing when the server is killed and restarted, and catches up afterwards', async () => {
    const start = await newShared();
    const ana = await new Device(new Laptop('Ana', 'team', start)).signIn('ana', 'ana-password');
    const ben = await new Device(new Laptop('Ben', 'team', start)).signIn('ben', 'ben-password');
    ana.laptop.edit('health-access', { value: 'yes' });
    await ana.push();
    await server.kill();
    ana.laptop.edit('school-access', { value: 'partial' });
    expect(await problemOf(ana.push())).toMatch(/^offline /);
    await server.restart();
    await ana.push();
    await ben.pull();
    expect(ben.laptop.answer('health-access').value).toBe('yes');
    expect(ben.laptop.answer('school-access').value).toBe('partial');
  });

  it('merges a file of a synced assessment without duplicates', async () => {
    const start = await newShared();
    const ana = await new Device(new Laptop('Ana', 'team', start)).signIn('ana', 'ana-password');
    const ben = await new Device(new Laptop('Ben', 'team', start)).signIn('ben', 'ben-password');
    ana.laptop.edit('health-access', { value: 'yes', narrative: 'both ways' });
    await ana.push();
    await ben.pull();
    const historyBefore = ben.laptop.snapshot.history.length;
    const outcome = ben.laptop.import(ana.laptop.export());
    expect(outcome.changed).toBe(false);
    expect(ben.laptop.snapshot.history).toHaveLength(historyBefore);
  });
});
