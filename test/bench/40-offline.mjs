// Warm start offline: after one visit (service worker installed), the network goes off and the app
// is opened again; time from navigation start to the home screen listing the stored assessments.
import { readFileSync } from 'node:fs';
import { percentile, seed } from './seed.mjs';

const catalogue = JSON.parse(readFileSync('indicators/national.json', 'utf8'));
const indicatorIds = catalogue.domains.flatMap((d) => d.subdomains.flatMap((s) => s.indicators.map((i) => i.id)));

export async function run({ baseUrl, launch }) {
  const browser = await launch();
  const context = await browser.newContext();
  // Records when the home list first shows, relative to the start of navigation.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('table.list tbody tr')) {
        window.__homeShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('heading', { name: 'Assessments on this device' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await seed(page, { assessments: 10, answersPerAssessment: indicatorIds.length, indicatorIds });
  await page.reload();
  await page.locator('table.list').waitFor();
  await context.setOffline(true);

  const times = [];
  for (let i = 0; i < 7; i++) {
    const fresh = await context.newPage();
    await fresh.goto(baseUrl);
    await fresh.waitForFunction(() => window.__homeShownAt !== undefined, null, { timeout: 20_000 });
    times.push(await fresh.evaluate(() => window.__homeShownAt));
    await fresh.close();
  }
  await context.close();
  const med = percentile(times, 50);
  return [{ name: 'Warm start offline to the home list (median)', value: med.toFixed(0), unit: 'ms', target: '≤ 400 ms', ok: med <= 400 }];
}
