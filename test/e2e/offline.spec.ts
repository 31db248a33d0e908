import { expect, test } from '@playwright/test';
import { preview } from 'vite';
import { underServiceWorker } from './helpers';

/** The production build on a server of the test's own, so the test can stop it half-way. */
async function startPreview() {
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', open: false },
    build: { outDir: process.env.MGI_OUT_DIR ?? 'dist' },
    logLevel: 'error',
  });
  return { server, url: server.resolvedUrls!.local[0]! };
}

/**
 * Offline-first: after one visit the app starts and works with the network off and the server gone.
 * This spec runs its own server so it can stop it half-way.
 */
test('after one visit, the app starts and works with the network off and the server gone', async ({ browser }) => {
  const { server, url } = await startPreview();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await underServiceWorker(page);

  await server.close();
  await context.setOffline(true);
  await page.close();

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await again.getByRole('link', { name: 'New assessment' }).click();
  await again.getByLabel('Government or authority').fill('Offline Republic');
  await again.getByRole('button', { name: 'Create assessment' }).click();
  await expect(again.locator('h1#indicator-question')).toBeVisible();
  await again.getByRole('radio', { name: 'Yes' }).check();
  await again.getByLabel('Narrative').fill('Answered with no network at all.');
  await expect(again.getByText('All changes saved')).toBeVisible();

  // Switch language mid-assessment: the catalogue follows, the answer stays.
  await again.getByLabel('Language').selectOption('es');
  await expect(again.getByRole('radio', { name: 'Sí' })).toBeChecked();
  await expect(again.getByLabel('Justificación')).toHaveValue('Answered with no network at all.');

  await again.close();
  const third = await context.newPage();
  await third.goto(url);
  await expect(third.getByRole('heading', { name: 'Evaluaciones en este dispositivo' })).toBeVisible();
  await expect(third.getByRole('link', { name: /^Abrir Offline Republic/ })).toBeVisible();
  await context.close();
});

/**
 * Hotel Wi-Fi drops in the first seconds of a first visit, before the app was installed for offline
 * use: once the network is back, in the same visit, it is installed, and the next start works offline.
 */
test('a first visit that lost the network before the app was installed installs it once the network is back', async ({ browser }) => {
  const { server, url } = await startPreview();
  const context = await browser.newContext();
  // The background sync's code, fetched after the first screen, fails as it would offline (whether the
  // network drops before or after it arrives is a race this test does not leave to chance).
  const syncCode = '**/assets/sync-page-*.js';
  await context.route(syncCode, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await context.setOffline(true);
  // The install was due and failed for want of a network (the app marks it).
  await page.waitForFunction(() => performance.getEntriesByName('mgi-install-failed').length > 0, null, { timeout: 30_000 });
  // The code loaded after the first screen (background sync) could not arrive: the screen stays.
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A screen whose code never arrived says why, and what to do.
  await page.getByRole('link', { name: 'New assessment' }).click();
  await expect(page.getByRole('alert')).toHaveText(/the device has no internet connection, and the app is not yet ready to work without internet/);
  // Back online: the background sync's code is fetched again, and the app installed.
  await context.unroute(syncCode);
  const syncLoaded = page.waitForResponse((response) => /\/assets\/sync-page-.*\.js$/.test(response.url()) && response.ok());
  await context.setOffline(false);
  await syncLoaded;
  await underServiceWorker(page);

  await server.close();
  await context.setOffline(true);
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await again.getByRole('link', { name: 'New assessment' }).click();
  await expect(again.getByLabel('Government or authority')).toBeVisible();
  await context.close();
});

/**
 * The network goes away in a tab opened online, with no reload: every screen and the PDF still work,
 * because the service worker takes over the tab on its first install and serves the chunks not yet
 * loaded. No console error on the way (a missing favicon included).
 */
test('a tab opened online keeps working in the same tab once the network is gone', async ({ browser }) => {
  const { server, url } = await startPreview();
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  // No reload: the first install must take over this very tab.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
  await server.close();
  await context.setOffline(true);

  await page.getByRole('button', { name: 'Open the demonstration assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Results and profile: Republic of Valdoria/ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create the profile PDF' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
  await expect(page.getByRole('status').filter({ hasText: 'The document is ready' })).toBeVisible();

  await page.getByRole('link', { name: 'Back to the questionnaire' }).click();
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Review of Republic of Valdoria/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the questionnaire' }).click();
  await page.getByRole('link', { name: 'Exchange' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Exchange: Republic of Valdoria/ })).toBeVisible();
  await page.getByRole('link', { name: 'Who is working on this laptop?' }).click();
  await expect(page.getByLabel('Your name')).toBeVisible();
  await page.getByRole('link', { name: 'MGI assessment' }).click();
  await page.getByRole('link', { name: 'New assessment' }).click();
  await expect(page.getByLabel('Government or authority')).toBeVisible();

  expect(errors).toEqual([]);
  await context.close();
});
