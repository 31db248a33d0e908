// The peer of the benchmark: the same national questionnaire built with SurveyJS (test/bench/peer/),
// measured with the methods test/bench/10-walkthrough.mjs and 01-bundle.mjs use on the app. Its
// figures come back as "SurveyJS peer: …" rows and go to .bench/peer.json, keyed by the name of the
// app's matching row, so 10-walkthrough.mjs can print them beside ours. Runs before 10 (sorted by name).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { firstScreenJs } from '../tools/bundle-size.mjs';
import { answerLatency, commitLatency, typingLatency } from './measure.mjs';
import { percentile } from './seed.mjs';

const CONFIG = 'test/bench/peer/vite.config.mjs';
const DIST = 'test/bench/peer/dist';
export const PEER_FILE = '.bench/peer.json';
// test/bench/peer/storage.ts
const DB_NAME = 'mgi-surveyjs-peer';
const STORE = 'surveys';

const catalogue = JSON.parse(readFileSync('indicators/national.json', 'utf8'));
const indicatorIds = catalogue.domains.flatMap((d) => d.subdomains.flatMap((s) => s.indicators.map((i) => i.id)));
const n = indicatorIds.length;
// As in 10-walkthrough.mjs: evidence spread so the total is at least 300 items.
const perAnswer = Math.ceil(300 / n);

/** The app's row names (10-walkthrough.mjs, 01-bundle.mjs) the peer's figures stand beside. */
export const appRow = {
  firstScreen: 'First-screen JavaScript (gzip)',
  answerFirst: 'Answer: first change after opening',
  answerFirstInstalled: 'Answer: first change after opening, app installed (a later visit)',
  answerMedian: 'Answer: input to committed (median)',
  answerP95: 'Answer: input to committed (p95)',
  commitMedian: 'Answer: input to committed, seen from a worker (median)',
  commitP95: 'Answer: input to committed, seen from a worker (p95)',
  typingP95: 'Typing: keystroke to next frame (p95)',
  openFirst: `Open assessment, ${n} answers + ${perAnswer * n} evidence (first)`,
  openAgain: `Open assessment, ${n} answers + ${perAnswer * n} evidence (again)`,
  heap: `JS heap, assessment open (${n} answers + ${perAnswer * n} evidence)`,
};

/** Waits inside the page, frame by frame, until `check` holds; returns ms since `t0` (as in 10-walkthrough.mjs). */
const waitInPage = `async (check, t0) => { while (!check()) { if (performance.now() - t0 > 20000) throw new Error('timed out'); await new Promise((r) => requestAnimationFrame(r)); } return performance.now() - t0; }`;

/** Gzip size of a lazily loaded chunk and the chunks it imports statically, minus those already counted. */
function chunkClosureGzip(dist, pattern, counted) {
  const seen = new Set(counted);
  let gzip = 0;
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file));
    gzip += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString('utf8').matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?\sfrom\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  readdirSync(join(dist, 'assets'))
    .filter((f) => pattern.test(f))
    .forEach((f) => visit(`assets/${f}`));
  return gzip;
}

/** The answers of a fully answered questionnaire as SurveyJS holds them in `survey.data`, shaped like seed.mjs's records. */
function fullSurveyData() {
  const data = {};
  indicatorIds.forEach((id, i) => {
    data[id] = ['yes', 'partial', 'no'][i % 3];
    data[`${id}__narrative`] = 'A narrative of a few sentences explaining the answer and its limits. '.repeat(3);
    // SurveyJS drops empty values from survey.data, so the empty link is left out.
    data[`${id}__evidence`] = Array.from({ length: perAnswer }, (_, e) => ({
      title: `Law ${e} of ${2000 + e}`,
      type: 'law',
      reference: `Article ${e}`,
      year: 2000 + e,
    }));
    data[`${id}__institutions`] = ['interior'];
    data[`${id}__decision`] = 'consensus';
    data[`${id}__followup`] = false;
  });
  return data;
}

/** Heap in use after a forced garbage collection, in MB. */
async function heapAfterGc(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 1024 / 1024;
}

/** Answer latency and typing latency on a new questionnaire, measured as 10-walkthrough.mjs does (measure.mjs). */
async function measureEditing(browser, url, key) {
  const page = await browser.newPage();
  await page.goto(`${url}#/s/${key}`);
  const first = indicatorIds[0];
  await page.locator(`.sd-question[data-name="${first}"] input[type=radio]`).first().waitFor({ state: 'attached' });
  const target = { radios: `.sd-question[data-name="${first}"] input[type=radio]`, dbName: DB_NAME, store: STORE, key, field: first };
  const { first: firstAnswer, samples } = await answerLatency(page, target);
  const commits = await commitLatency(page, target);
  await page.getByRole('textbox', { name: 'Narrative' }).focus();
  const typing = await typingLatency(page);
  await page.close();
  return { firstAnswer, samples, commits, typing };
}

export async function run({ launch }) {
  await build({ configFile: CONFIG, logLevel: 'error' });
  const server = await preview({ configFile: CONFIG, preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'error' });
  const url = server.resolvedUrls.local[0];
  const rows = [];
  const peer = {};
  const add = (key, label, value, unit, target, ok) => {
    rows.push({ name: `SurveyJS peer: ${label}`, value, unit, target, ok });
    if (key) peer[appRow[key]] = `${value} ${unit}`.trim();
  };
  try {
    // 1. JavaScript: the first screen (a small home list, as the app's), then what opening the questionnaire adds.
    const js = firstScreenJs(DIST);
    add('firstScreen', 'first-screen JavaScript (gzip)', (js.gzip / 1024).toFixed(1), 'KB', '≤ 150 KB', js.gzip <= 150 * 1024);
    const survey = js.gzip + chunkClosureGzip(DIST, /^survey-screen-.*\.js$/, js.files.map((f) => f.file));
    add(null, 'JavaScript to show the questionnaire (gzip)', (survey / 1024).toFixed(1), 'KB', '—', true);

    const browser = await launch();

    // 2. Answer and typing latency, survey.data saved on every change (textUpdateMode "onTyping").
    {
      const { firstAnswer, samples, commits, typing } = await measureEditing(browser, url, 'latency');
      const p95 = percentile(samples, 95);
      add('answerFirst', 'answer: first change after opening', firstAnswer.toFixed(1), 'ms', '—', true);
      // The peer has no service worker: a later visit is like the first, so the same figure stands beside both of the app's.
      peer[appRow.answerFirstInstalled] = peer[appRow.answerFirst];
      add('answerMedian', 'answer: input to committed (median)', percentile(samples, 50).toFixed(1), 'ms', '—', true);
      add('answerP95', 'answer: input to committed (p95)', p95.toFixed(1), 'ms', '≤ 50 ms', p95 <= 50);
      add('commitMedian', 'answer: input to committed, seen from a worker (median)', percentile(commits, 50).toFixed(1), 'ms', '—', true);
      add('commitP95', 'answer: input to committed, seen from a worker (p95)', percentile(commits, 95).toFixed(1), 'ms', '—', true);
      const tp95 = percentile(typing, 95);
      add('typingP95', 'typing: keystroke to next frame (p95)', tp95.toFixed(1), 'ms', '≤ 50 ms', tp95 <= 50);
    }
    // SurveyJS's default, for reference: text reaches survey.data (and storage) only when the box loses focus.
    {
      const { typing } = await measureEditing(browser, `${url}?text=onBlur`, 'typing-default');
      const tp95 = percentile(typing, 95);
      add(null, 'typing, default saves on blur (p95)', tp95.toFixed(1), 'ms', '≤ 50 ms', tp95 <= 50);
    }

    // 3. Opening a fully answered questionnaire with its evidence, then the heap with it open.
    {
      const page = await browser.newPage();
      await page.goto(`${url}#/`);
      await page.locator('#home-title').waitFor();
      await page.evaluate(
        async ({ data, DB_NAME, STORE }) => {
          const db = await new Promise((resolve, reject) => {
            const req = indexedDB.open(DB_NAME, 1);
            req.onupgradeneeded = () => req.result.createObjectStore(STORE);
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          const tx = db.transaction(STORE, 'readwrite');
          tx.objectStore(STORE).put({ ...data, pageNo: 0 }, 'bench');
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        },
        { data: fullSurveyData(), DB_NAME, STORE },
      );
      const open = () =>
        page.evaluate(
          async ({ waitInPage, first, perAnswer }) => {
            const wait = eval(waitInPage);
            location.hash = '#/';
            await wait(() => document.querySelector('#home-title'), performance.now());
            const t0 = performance.now();
            location.hash = '#/s/bench';
            // Rendered with its data: the progress summary (the app waits for its "N of N"), the first
            // indicator's answer checked and its evidence items shown. SurveyJS's own "Answered N/N" is
            // not used: it also counts each evidence item's empty link, so it never reaches N/N.
            return wait(
              () =>
                /Answered \d+\/\d+ questions/.test(document.querySelector('.sd-progress__text')?.textContent ?? '') &&
                document.querySelector(`.sd-question[data-name="${first}"] input[type=radio]:checked`) !== null &&
                document.querySelectorAll(`.sd-question[data-name="${first}__evidence"] .sd-paneldynamic__panel-wrapper`).length === perAnswer,
              t0,
            );
          },
          { waitInPage, first: indicatorIds[0], perAnswer },
        );
      const cold = await open();
      const warm = [];
      for (let i = 0; i < 7; i++) warm.push(await open());
      const med = percentile(warm, 50);
      add('openFirst', `open, ${n} answers + ${perAnswer * n} evidence (first)`, cold.toFixed(0), 'ms', '≤ 200 ms', cold <= 200);
      add('openAgain', `open, ${n} answers + ${perAnswer * n} evidence (again)`, med.toFixed(0), 'ms', '≤ 200 ms', med <= 200);
      const heap = await heapAfterGc(page);
      add('heap', `JS heap, open (${n} answers + ${perAnswer * n} evidence)`, heap.toFixed(1), 'MB', '≤ 30 MB', heap <= 30);
      await page.close();
    }
  } finally {
    await server.close();
  }
  mkdirSync('.bench', { recursive: true });
  writeFileSync(PEER_FILE, `${JSON.stringify({ measuredAt: new Date().toISOString(), surveyjs: surveyVersion(), rows: peer }, null, 2)}\n`);
  return rows;
}

function surveyVersion() {
  return JSON.parse(readFileSync('node_modules/survey-core/package.json', 'utf8')).version;
}
