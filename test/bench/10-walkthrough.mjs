// Walkthrough figures: answer latency (input → committed in IndexedDB), typing latency, opening a
// fully answered assessment with 300 evidence items, and the home list with 500 assessments.
import { existsSync, readFileSync } from 'node:fs';
import { answerLatency, commitLatency, idbFloor, typingLatency } from './measure.mjs';
import { percentile, seed } from './seed.mjs';

const catalogue = JSON.parse(readFileSync('indicators/national.json', 'utf8'));
const indicatorIds = catalogue.domains.flatMap((d) => d.subdomains.flatMap((s) => s.indicators.map((i) => i.id)));

/** Waits inside the page, frame by frame, until `check` holds; returns ms since `t0`. */
const waitInPage = `async (check, t0) => { while (!check()) { if (performance.now() - t0 > 20000) throw new Error('timed out'); await new Promise((r) => requestAnimationFrame(r)); } return performance.now() - t0; }`;

export async function run({ baseUrl, launch }) {
  const browser = await launch();
  const rows = [];

  /** Creates an assessment and opens it; the walkthrough opens on the catalogue's first indicator. */
  const newAssessment = async (page) => {
    await page.getByRole('link', { name: 'New assessment' }).click();
    await page.getByLabel('Government or authority').fill('Latency');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.locator('h1#indicator-question').waitFor();
    const id = decodeURIComponent(/#\/a\/([^/]+)/.exec(page.url())[1]);
    return { radios: '.answer-editor .choices input[type=radio]', dbName: 'mgi-assessments', store: 'answers', key: [id, indicatorIds[0]], field: 'value' };
  };
  const answerOnNewAssessment = async (page, rounds) => answerLatency(page, { ...(await newAssessment(page)), rounds });

  // 1. Answer latency: click a choice, then read IndexedDB until the value is there. On a first visit,
  // as the peer's: the service worker is still installing (precaching the app) meanwhile.
  {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const { first, samples } = await answerOnNewAssessment(page);
    const p95 = percentile(samples, 95);
    rows.push({ name: 'Answer: first change after opening', value: first.toFixed(1), unit: 'ms', target: '≤ 30 ms', ok: first <= 30 });
    // The same on a later visit, the app installed: how a workshop laptop opens it day after day.
    {
      const later = await browser.newPage();
      await later.goto(baseUrl);
      await later.evaluate(() => navigator.serviceWorker.ready);
      await later.reload();
      await later.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const { first: installed } = await answerOnNewAssessment(later, 0);
      rows.push({ name: 'Answer: first change after opening, app installed (a later visit)', value: installed.toFixed(1), unit: 'ms', target: '≤ 30 ms', ok: installed <= 30 });
      await later.close();
    }
    rows.push({ name: 'Answer: input to committed (median)', value: percentile(samples, 50).toFixed(1), unit: 'ms', target: '—', ok: true });
    rows.push({ name: 'Answer: input to committed (p95)', value: p95.toFixed(1), unit: 'ms', target: '≤ 15 ms', ok: p95 <= 15 });
    // The same changes, their commit seen from a worker (see measure.mjs), on a fresh assessment.
    {
      const seen = await browser.newPage();
      await seen.goto(baseUrl);
      const target = await newAssessment(seen);
      await seen.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
      const commits = await commitLatency(seen, target);
      const cp95 = percentile(commits, 95);
      rows.push({ name: 'Answer: input to committed, seen from a worker (median)', value: percentile(commits, 50).toFixed(1), unit: 'ms', target: '—', ok: true });
      rows.push({ name: 'Answer: input to committed, seen from a worker (p95)', value: cp95.toFixed(1), unit: 'ms', target: '≤ 15 ms', ok: cp95 <= 15 });
      // What this machine allows: the app's write beside a bare transaction issued with the same click
      // (see measure.mjs). The p95 target above is measured against this floor.
      const floor = await idbFloor(seen, target);
      const show = (xs) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)}`;
      rows.push({ name: 'Answer: input to committed at a person\'s pace, page idle before each click (median / p95)', value: show(floor.app), unit: 'ms', target: '—', ok: true });
      rows.push({ name: 'IndexedDB floor: a bare transaction issued with that click, committed (median / p95)', value: show(floor.clicked), unit: 'ms', target: '—', ok: true });
      rows.push({ name: 'IndexedDB floor: the same transaction with no click (median / p95)', value: show(floor.alone), unit: 'ms', target: '—', ok: true });
      await seen.close();
    }

    // Typing: keystroke to the next painted frame in the narrative box.
    await page.getByLabel('Narrative').focus();
    const typing = await typingLatency(page);
    const tp95 = percentile(typing, 95);
    rows.push({ name: 'Typing: keystroke to next frame (p95)', value: tp95.toFixed(1), unit: 'ms', target: '≤ 50 ms', ok: tp95 <= 50 });
    await page.close();
  }

  // 2. Opening a fully answered assessment with 300 evidence items.
  {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Assessments on this device' }).waitFor();
    // Every indicator answered; evidence spread so the total is at least 300 items.
    const perAnswer = Math.ceil(300 / indicatorIds.length);
    const [id] = await seed(page, { assessments: 1, answersPerAssessment: indicatorIds.length, evidencePerAnswer: perAnswer, indicatorIds });
    const n = indicatorIds.length;
    const open = () =>
      page.evaluate(
        async ({ id, waitInPage }) => {
          const wait = eval(waitInPage);
          location.hash = '#/';
          await wait(() => document.querySelector('#home-title'), performance.now());
          const t0 = performance.now();
          location.hash = `#/a/${id}`;
          // Every applicable indicator answered: "N of N" (relevance rules may rule some out).
          return wait(() => /\b(\d+) of \1\b/.test(document.querySelector('p.overall')?.textContent ?? ''), t0);
        },
        { id, n, waitInPage },
      );
    const cold = await open();
    const warm = [];
    for (let i = 0; i < 7; i++) warm.push(await open());
    const med = percentile(warm, 50);
    rows.push({ name: `Open assessment, ${n} answers + ${perAnswer * n} evidence (first)`, value: cold.toFixed(0), unit: 'ms', target: '≤ 200 ms', ok: cold <= 200 });
    rows.push({ name: `Open assessment, ${n} answers + ${perAnswer * n} evidence (again)`, value: med.toFixed(0), unit: 'ms', target: '≤ 200 ms', ok: med <= 200 });
    // JS heap with that assessment open, after a forced garbage collection (05-peer-surveyjs.mjs does the same).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const heap = usedSize / 1024 / 1024;
    rows.push({ name: `JS heap, assessment open (${n} answers + ${perAnswer * n} evidence)`, value: heap.toFixed(1), unit: 'MB', target: '≤ 30 MB', ok: heap <= 30 });
    await page.close();
  }

  // 3. The home list with 500 stored assessments, each fully answered: time to its first page.
  {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Assessments on this device' }).waitFor();
    await seed(page, { assessments: 500, answersPerAssessment: indicatorIds.length, indicatorIds });
    const times = [];
    for (let i = 0; i < 5; i++) {
      // A freshly loaded page on a screen that lists nothing, so the list is read from IndexedDB, not
      // from Dexie's cache of an earlier identical query (which would also miss the seeded rows).
      await page.goto(`${baseUrl}#/who`);
      await page.reload();
      await page.getByRole('heading', { name: 'Who is working on this laptop' }).waitFor();
      times.push(
        await page.evaluate(async ({ waitInPage, n }) => {
          const wait = eval(waitInPage);
          const t0 = performance.now();
          location.hash = '#/';
          // The first page of the list (the newest 50), each row with its answered count.
          return wait(() => document.querySelectorAll('table.list tbody tr').length === 50 && /: 50 \D+ 500/.test(document.querySelector('.list-more')?.textContent ?? '') && document.body.textContent.includes(`${n} of ${n}`), t0);
        }, { waitInPage, n: indicatorIds.length }),
      );
    }
    const med = percentile(times, 50);
    rows.push({ name: `Home list, 500 assessments × ${indicatorIds.length} answers (first 50 rows)`, value: med.toFixed(0), unit: 'ms', target: '≤ 200 ms', ok: med <= 200 });
    await page.close();
  }
  // The SurveyJS peer's figures for the same rows, measured just before by 05-peer-surveyjs.mjs.
  if (existsSync('.bench/peer.json')) {
    const peer = JSON.parse(readFileSync('.bench/peer.json', 'utf8')).rows ?? {};
    for (const row of rows) if (peer[row.name]) row.peer = peer[row.name];
  }
  return rows;
}
