// The sync figures, run by 50-sync.mjs in a child process under tsx (it imports the app's TypeScript
// protocol client). Starts the real sync server process, prints one JSON line of rows, stops the server.
// Laptops are simulated in this one Node process: push and pull through the real server with the app's
// replication code, merges with the app's merge (mergeSnapshots) in memory instead of IndexedDB.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, grant } from '../../server/admin.ts';
import { parseCatalogue } from '../../src/domain/catalogue.ts';
import { readFile } from '../../src/domain/exchange.ts';
import { mergeSnapshots } from '../../src/domain/merge.ts';
import { databaseName } from '../../src/domain/sync-access.ts';
import { CouchServer } from '../../src/storage/sync/couch.ts';
import { emptySyncState, markMerged, pull, push } from '../../src/storage/sync/replicate.ts';
import { startSyncServer } from '../tools/sync-server.mjs';
import { baseDocument, laptopDocument, sign } from './30-exchange.mjs';

const LAPTOPS = 10;
const OBSERVED = Number(process.env.MGI_BENCH_OBSERVED ?? 200);

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN;
};
const toSnapshot = (f) => ({ assessment: f.assessment, answers: f.answers, reviews: f.reviews, comments: f.comments, proposals: f.proposals, history: f.history });
const national = parseCatalogue(JSON.parse(readFileSync('indicators/national.json', 'utf8')), 'indicators/national.json');
const catalogue = () => national;
const fileOf = async (doc) => readFile(new TextEncoder().encode(JSON.stringify(sign(doc))), { catalogue });
const actor = (k) => ({ name: `Laptop ${k + 1}`, role: 'team', device: `device-${k + 1}` });
let ids = 0;
const newId = () => `bench-m-${++ids}`;

async function signedIn(server, name, password) {
  const couch = new CouchServer(server.couch);
  await couch.signIn(name, password);
  return couch;
}

const dist = mkdtempSync(join(tmpdir(), 'mgi-bench-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>MGI</title>');
const server = await startSyncServer({ dist });
const rows = [];
try {
  const admin = { url: server.couch, ...server.admin };
  await addUser(admin, 'team', 'team-password');
  await addUser(admin, 'observer', 'observer-password');
  const { doc, ids: indicatorIds } = baseDocument();
  const assessmentId = doc.assessment.id;
  await grant(admin, assessmentId, 'team', 'team');

  // One assessment's first download: the full state pushed once, then pulled by a new laptop.
  const team = await signedIn(server, 'team', 'team-password');
  const db = team.database(databaseName(assessmentId));
  const base = await fileOf(doc);
  await push(db, base, 'device-seed');
  const fresh = await signedIn(server, 'team', 'team-password');
  let t0 = performance.now();
  const first = await pull(fresh.database(databaseName(assessmentId)), emptySyncState(), 'device-new', new Map(), catalogue);
  const firstMs = performance.now() - t0;
  const firstKb = JSON.stringify(first.states[0]?.file ?? {}).length / 1024;
  rows.push({ name: `sync: first download of one assessment (${Math.round(firstKb)} KB)`, value: Math.round(firstMs), unit: 'ms', target: '< 3000 ms', ok: firstMs < 3000 && first.states.length === 1 });

  // Ten laptops each changed eleven answers offline; on reconnect each pushes, then pulls, merges, pushes.
  const laptops = await Promise.all(
    Array.from({ length: LAPTOPS }, async (_, k) => {
      const couch = await signedIn(server, 'team', 'team-password');
      const file = await fileOf(laptopDocument(doc, indicatorIds, k));
      return { k, db: couch.database(databaseName(assessmentId)), file, snapshot: toSnapshot(file), state: emptySyncState(), cache: new Map() };
    }),
  );
  // The pushes go to the server together, as laptops reconnecting at once would. Each laptop then pulls
  // and merges on its own machine: simulated one after the other here so each gets a whole core, and
  // the slowest one counts (the laptops share this one process, not the server).
  t0 = performance.now();
  await Promise.all(laptops.map((l) => push(l.db, l.file, actor(l.k).device, l.cache)));
  const pushMs = performance.now() - t0;
  let slowest = 0;
  for (const l of laptops) {
    const started = performance.now();
    const result = await pull(l.db, l.state, actor(l.k).device, l.cache, catalogue);
    for (const s of result.states) {
      const outcome = mergeSnapshots(l.snapshot, toSnapshot(s.file), { actor: actor(l.k), now: new Date().toISOString(), newId });
      if (outcome.undecided.length > 0) throw new Error('unexpected conflict');
      l.snapshot = outcome.snapshot;
    }
    l.state = markMerged(result.next, result.states);
    slowest = Math.max(slowest, performance.now() - started);
  }
  const convergeMs = pushMs + slowest;
  const visible = (l) => JSON.stringify([...l.snapshot.answers].sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1)).map((a) => [a.indicatorId, a.narrative]));
  const converged = laptops.every((l) => visible(l) === visible(laptops[0]));
  rows.push({ name: `sync: ${LAPTOPS} laptops' changes converged after reconnect`, value: Math.round(convergeMs), unit: 'ms', target: '< 10000 ms', ok: converged && convergeMs < 10_000 });
  rows.push({ name: 'sync: server memory after the laptops', value: rssMb(server.pid), unit: 'MB', target: '< 300 MB', ok: rssMb(server.pid) < 300 });

  // An IOM office following many assessments: each on the server once, all replicated to one observer.
  t0 = performance.now();
  for (let n = 0; n < OBSERVED; n++) {
    const id = `observed-${String(n).padStart(3, '0')}`;
    await grant(admin, id, 'team', 'team');
    await grant(admin, id, 'observer', 'reader');
  }
  const grants = performance.now() - t0;
  const teamAgain = await signedIn(server, 'team', 'team-password');
  for (let n = 0; n < OBSERVED; n += 4) {
    await Promise.all(
      Array.from({ length: Math.min(4, OBSERVED - n) }, async (_, j) => {
        const id = `observed-${String(n + j).padStart(3, '0')}`;
        const copy = structuredClone(doc);
        copy.assessment.id = id;
        for (const row of [...copy.answers, ...copy.history]) row.assessmentId = id;
        for (const entry of copy.history) entry.id = `${id}-${entry.id}`;
        await push(teamAgain.database(databaseName(id)), await fileOf(copy), 'device-seed');
      }),
    );
  }
  const observer = await signedIn(server, 'observer', 'observer-password');
  const session = await observer.session();
  const observed = (session?.roles ?? []).filter((r) => r.startsWith('mgi:reader:')).map((r) => r.slice('mgi:reader:'.length));
  t0 = performance.now();
  let received = 0;
  for (let n = 0; n < observed.length; n += 4) {
    const results = await Promise.all(observed.slice(n, n + 4).map((id) => pull(observer.database(databaseName(id)), emptySyncState(), 'device-observer', new Map(), catalogue)));
    received += results.reduce((sum, r) => sum + r.states.length, 0);
  }
  const observerMs = performance.now() - t0;
  rows.push({ name: `sync: ${OBSERVED} assessments replicated to an observer`, value: (observerMs / 1000).toFixed(1), unit: 's', target: '< 120 s', ok: received === OBSERVED && observerMs < 120_000 });
  rows.push({ name: `sync: server memory with ${OBSERVED + 1} assessment databases`, value: rssMb(server.pid), unit: 'MB', target: '< 500 MB', ok: rssMb(server.pid) < 500 });
  console.error(`(set-up: ${OBSERVED} grants in ${(grants / 1000).toFixed(1)} s)`);
} finally {
  await server.stop();
  rmSync(dist, { recursive: true, force: true });
}
console.log(JSON.stringify(rows));
