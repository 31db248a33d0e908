// The PDF peer of the benchmark: SurveyJS's PDF generator (survey-pdf) renders the same national
// questionnaire with the demonstration assessment's answers and narratives, in each language, with the
// same embedded font as the app's profile, in the same Chromium. Its time sits beside the app's profile
// build in the worker (20-pdf.mjs writes that to .bench/pdf.json), with the ratio.
// What differs, by design: survey-pdf prints questions, choices and answers as a form; the app prints
// a narrative profile (cover, contents with page numbers, findings by domain, citations, annexes).
import { existsSync, readFileSync } from 'node:fs';
import { build, preview } from 'vite';
import { PDF_FILE } from './20-pdf.mjs';

const CONFIG = 'test/bench/peer/vite.config.mjs';
const RUNS = 3;
const languages = ['en', 'es', 'fr'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const json = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The text of `lang` at the key where English says `english` (so the bench clicks what a person reads). */
function label(lang, ns, english) {
  const find = (node, path) => {
    if (typeof node === 'string') return node === english ? path : null;
    if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) { const hit = find(v, [...path, k]); if (hit) return hit; }
    return null;
  };
  const path = find(json(`locales/en/${ns}.json`), []);
  if (!path) throw new Error(`no "${english}" in locales/en/${ns}.json`);
  return path.reduce((n, k) => n[k], json(`locales/${lang}/${ns}.json`));
}

/** The demonstration assessment as the app makes it in `lang`, read back from its exported file. */
async function demoAnswers(browser, baseUrl, lang) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('header select').selectOption(lang);
  await page.getByRole('button', { name: label(lang, 'ui', 'Open the demonstration assessment') }).click();
  await page.waitForURL(/#\/a\/[^/]+\/results/);
  const id = decodeURIComponent(/#\/a\/([^/]+)/.exec(page.url())[1]);
  await page.goto(`${baseUrl}#/a/${id}/exchange`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label(lang, 'review', 'Download the assessment file') }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  await context.close();
  return file.answers;
}

/** The questionnaire as a SurveyJS user would write it: a page per domain, a choice and a narrative per indicator. */
function surveyJson(lang) {
  const catalogue = json('indicators/national.json');
  const text = json(`locales/${lang}/national.json`);
  const ui = json(`locales/${lang}/ui.json`);
  const choices = ['yes', 'partial', 'no', 'na', 'unknown'].map((value) => ({ value, text: ui.answer[value] }));
  return {
    title: label(lang, 'report', 'Migration Governance Profile'),
    pages: catalogue.domains.map((domain) => ({
      name: domain.id,
      title: text.domains[domain.id].title,
      elements: domain.subdomains.flatMap((sub) =>
        sub.indicators.flatMap((indicator) => [
          { type: 'radiogroup', name: indicator.id, title: text.indicators[indicator.id].question, choices },
          { type: 'comment', name: `${indicator.id}-narrative`, title: ui.walk.narrative },
        ]),
      ),
    })),
  };
}

export async function run({ baseUrl, launch }) {
  if (!existsSync('test/bench/peer/dist/pdf.html')) await build({ configFile: CONFIG, logLevel: 'error' });
  const server = await preview({ configFile: CONFIG, preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'error' });
  const peerUrl = `${server.resolvedUrls.local[0]}pdf.html`;
  const ours = existsSync(PDF_FILE) ? json(PDF_FILE) : {};
  const browser = await launch();
  const rows = [];
  try {
    for (const lang of languages) {
      const answers = await demoAnswers(browser, baseUrl, lang);
      const data = Object.fromEntries(answers.flatMap((a) => [[a.indicatorId, a.value], [`${a.indicatorId}-narrative`, a.narrative]]));
      const page = await (await browser.newContext()).newPage();
      await page.goto(peerUrl);
      await page.waitForFunction(() => document.title === 'ready');
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await page.evaluate(([s, d]) => window.makePdf(s, d), [surveyJson(lang), data])).ms);
      await page.context().close();
      const peer = median(times);
      rows.push({ name: `survey-pdf: questionnaire with the demonstration's answers, ${lang} (median of ${RUNS})`, value: peer.toFixed(0), unit: 'ms', target: '—', ok: true });
      const mine = ours[lang];
      if (mine !== undefined) {
        // Both figures of this run beside the ratio: the app's build in its warm worker (20-pdf.mjs) and the peer's, warm too (median of its runs).
        const ratio = mine / peer;
        rows.push({
          name: `Profile PDF in the worker ÷ survey-pdf, ${lang} (${mine.toFixed(0)} ms ÷ ${peer.toFixed(0)} ms)`,
          value: ratio.toFixed(2),
          unit: '×',
          target: '≤ 1.00',
          ok: ratio <= 1,
        });
      } else {
        rows.push({ name: `Profile PDF in the worker ÷ survey-pdf, ${lang}: run 20-pdf in the same run to compare`, value: '—', unit: '', target: '≤ 1.00', ok: false });
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}
