// The profile PDF of the demonstration assessment, built in its Web Worker in Chromium against the
// production build: build time per document language, the longest main-thread task while it builds
// (the page must stay responsive), and whether the worker is ended afterwards (its memory returned).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';

/** The medians per language, for 21-peer-pdf.mjs to set beside survey-pdf's. */
export const PDF_FILE = '.bench/pdf.json';

const RUNS = 3;
const languages = ['en', 'es', 'fr'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ baseUrl, launch }) {
  const browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const workers = { started: 0, closed: 0 };
  page.on('worker', (worker) => {
    workers.started += 1;
    worker.on('close', () => (workers.closed += 1));
  });
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await page.getByRole('heading', { level: 1, name: /Results and profile/ }).waitFor();
  // Every long task from here on (PerformanceObserver 'longtask': main-thread tasks over 50 ms).
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });

  const rows = [];
  const medians = {};
  let longest = 0;
  const sizes = [];
  for (const lang of languages) {
    const inWorker = [];
    const total = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByLabel('Language of the document').selectOption(lang);
      await page.evaluate(() => (window.__longTasks = []));
      const downloading = page.waitForEvent('download', { timeout: 60_000 });
      await page.getByRole('button', { name: 'Create the profile PDF' }).click();
      const download = await downloading;
      sizes.push(statSync(await download.path()).size);
      const timing = await page.evaluate(() => ({
        total: performance.getEntriesByName('mgi-profile-pdf').at(-1).duration,
        worker: performance.getEntriesByName('mgi-profile-pdf-worker').at(-1).detail.ms,
        longTasks: window.__longTasks,
      }));
      inWorker.push(timing.worker);
      total.push(timing.total);
      longest = Math.max(longest, ...timing.longTasks, 0);
    }
    const ms = median(inWorker);
    medians[lang] = ms;
    rows.push({ name: `Profile PDF build in the worker, ${lang} (median of ${RUNS})`, value: ms.toFixed(0), unit: 'ms', target: '≤ 1500 ms', ok: ms <= 1500 });
    rows.push({ name: `Profile PDF, click to file, ${lang} (incl. worker start)`, value: median(total).toFixed(0), unit: 'ms', target: '—', ok: true });
  }
  // A worker still alive would keep react-pdf, the fonts and the layout in memory.
  await page.waitForTimeout(200);
  const alive = workers.started - workers.closed;
  rows.push({
    name: 'Longest main-thread task while the PDF builds',
    value: longest === 0 ? '< 50' : longest.toFixed(0),
    unit: 'ms',
    target: '≤ 50 ms',
    ok: longest <= 50,
  });
  rows.push({ name: `PDF workers still alive after ${workers.started} builds (memory returned)`, value: String(alive), unit: '', target: '0', ok: alive === 0 });
  rows.push({ name: 'Profile PDF size (median)', value: (median(sizes) / 1024).toFixed(0), unit: 'KB', target: '—', ok: true });
  await context.close();
  mkdirSync('.bench', { recursive: true });
  writeFileSync(PDF_FILE, JSON.stringify(medians));
  return rows;
}
