/**
 * Two laptops (two browser contexts, each its own IndexedDB) and the real sync server process, started
 * here on a free port with a fresh data folder and stopped by its pid. The app is loaded from the sync
 * server itself (same origin as its /couch/ API), as users of `npm run server` would.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addUser, grant } from '../../server/admin';
import { startSyncServer, type SyncServer } from '../tools/sync-server.mjs';
import { expectNoAxeViolations } from './helpers';

let server: SyncServer;

test.beforeAll(async () => {
  server = await startSyncServer({ dist: process.env.MGI_OUT_DIR ?? 'dist' });
  const connection = { url: server.couch, ...server.admin };
  await addUser(connection, 'ana', 'ana-password');
  await addUser(connection, 'ben', 'ben-password');
  await addUser(connection, 'out', 'out-password');
  await addUser(connection, 'rui', 'rui-password');
});

test.afterAll(async () => {
  await server?.stop();
});

const SYNC = { timeout: 30_000 };

async function laptop(browser: Browser, name: string, role: 'Government team' | 'IOM mission reviewer' = 'Government team'): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.getByRole('link', { name: 'Who is working on this laptop?' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  return page;
}

async function signIn(page: Page, id: string, name: string, password: string) {
  await page.goto(`${server.origin}/#/a/${id}/sync`);
  await expect(page.getByLabel('Server address')).toHaveValue(`${server.origin}/couch`);
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in and connect' }).click();
}

async function allSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' }).first()).toBeVisible();
}

test('two laptops edit offline, reconnect by themselves, converge, and a real conflict is decided once', async ({ browser }) => {
  test.setTimeout(240_000);
  const ana = await laptop(browser, 'Ana Pérez');
  await ana.goto(`${server.origin}/#/new`);
  await ana.getByLabel('Government or authority').fill('Republic of Syncland');
  await ana.getByRole('radio', { name: 'National' }).check();
  await ana.getByRole('button', { name: 'Create assessment' }).click();
  await expect(ana.locator('h1#indicator-question')).toBeVisible();
  const id = decodeURIComponent(/#\/a\/([^/]+)/.exec(ana.url())![1]!);
  const connection = { url: server.couch, ...server.admin };
  await grant(connection, id, 'ana', 'team');
  await grant(connection, id, 'ben', 'team');

  // A wrong password and an account without access are refused, with what to do.
  await signIn(ana, id, 'ana', 'not-her-password');
  await expect(ana.getByRole('alert')).toHaveText('The server refused this account name or password.');
  await signIn(ana, id, 'out', 'out-password');
  await expect(ana.getByRole('alert')).toContainText(`This account has no access to this assessment. Ask the server administrator to grant it (assessment ${id}).`);
  await signIn(ana, id, 'ana', 'ana-password');
  await expect(ana.getByRole('status').filter({ hasText: 'Up to date with the server' })).toBeVisible(SYNC);
  await expect(ana.getByText('ana (government team)')).toBeVisible();
  await expectNoAxeViolations(ana, 'sync screen');

  // Ben's laptop gets the assessment from Ana's file, then connects: nothing is duplicated.
  const ben = await laptop(browser, 'Ben Okafor');
  await ana.goto(`${server.origin}/#/a/${id}/exchange`);
  const [download] = await Promise.all([ana.waitForEvent('download'), ana.getByRole('button', { name: 'Download the assessment file' }).click()]);
  const file = test.info().outputPath('launch.json');
  await download.saveAs(file);
  await ben.goto(`${server.origin}/`);
  await ben.getByLabel('Choose files to import').setInputFiles(file);
  await expect(ben.getByText(/Republic of Syncland \(\d{4}\) was added to this laptop/)).toBeVisible();
  await signIn(ben, id, 'ben', 'ben-password');
  await expect(ben.getByRole('status').filter({ hasText: 'Up to date with the server' })).toBeVisible(SYNC);

  // Ben goes offline and keeps working; Ana works online on the same answer.
  await ben.getByRole('link', { name: /Back to Republic of Syncland/ }).click();
  await expect(ben.locator('h1#indicator-question')).toBeVisible();
  await ben.context().setOffline(true);
  await ben.getByLabel('Narrative').fill('Ben: the decree lapsed in 2024.');
  await allSaved(ben);
  await ben.getByRole('button', { name: 'Next', exact: true }).click();
  await ben.getByRole('radio', { name: 'No', exact: true }).check();
  await allSaved(ben);
  await ben.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(ben.getByRole('status').filter({ hasText: 'Offline: changes waiting' })).toBeVisible(SYNC);

  await ana.goto(`${server.origin}/#/a/${id}`);
  await ana.getByLabel('Narrative').fill('Ana: a decree of 2021 covers emergency care.');
  await allSaved(ana);
  await ana.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(ana.getByRole('status').filter({ hasText: 'Up to date with the server' })).toBeVisible(SYNC);

  // Back online, Ben's laptop catches up by itself and shows the one real conflict side by side.
  await ben.context().setOffline(false);
  const conflicts = ben.getByRole('region', { name: '1 answer was changed here and on another laptop' });
  await expect(conflicts).toBeVisible(SYNC);
  await expect(conflicts.locator('.conflict-side.mine')).toContainText('Ben: the decree lapsed in 2024.');
  await expect(conflicts.locator('.conflict-side.theirs')).toContainText('Ana: a decree of 2021 covers emergency care.');
  await expect(conflicts.locator('.conflict-side.theirs')).toContainText('Ana Pérez (Government team)');
  await expect(ben.getByRole('button', { name: 'Apply my choices' })).toBeDisabled();
  await conflicts.getByRole('radio', { name: 'Keep the other laptop’s version' }).check();
  await ben.getByRole('button', { name: 'Apply my choices' }).click();
  await expect(conflicts).toBeHidden();
  await expect(ben.getByRole('status').filter({ hasText: 'Up to date with the server' })).toBeVisible(SYNC);

  // Ana receives Ben's other answer and his decision, with no conflict to decide again.
  await expect(async () => {
    await ana.getByRole('button', { name: 'Sync now' }).click();
    await ana.getByRole('link', { name: /Back to Republic of Syncland/ }).click();
    await ana.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(ana.getByRole('radio', { name: 'No', exact: true })).toBeChecked({ timeout: 1000 });
  }).toPass(SYNC);
  await ana.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(ana.getByRole('status').filter({ hasText: 'Up to date with the server' })).toBeVisible(SYNC);
  await expect(ana.getByRole('region', { name: /changed here and on another laptop/ })).toHaveCount(0);
  await ana.getByRole('link', { name: /Back to Republic of Syncland/ }).click();
  await expect(ana.getByLabel('Narrative')).toHaveValue('Ana: a decree of 2021 covers emergency care.');

  await ben.getByRole('link', { name: /Back to Republic of Syncland/ }).click();
  await expect(ben.getByLabel('Narrative')).toHaveValue('Ana: a decree of 2021 covers emergency care.');

  // A reviewer in another city opens the assessment from the server, with no file: the first download.
  await grant(connection, id, 'rui', 'reviewer');
  const rui = await laptop(browser, 'Rui Costa', 'IOM mission reviewer');
  await rui.goto(`${server.origin}/`);
  await rui.getByRole('link', { name: 'Open from a sync server' }).click();
  await rui.getByLabel('Account name').fill('rui');
  await rui.getByLabel('Password').fill('rui-password');
  await rui.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(rui.getByRole('heading', { name: '1 assessment for this account' })).toBeVisible();
  await rui.getByRole('button', { name: 'Download and open' }).click();
  await expect(rui.getByRole('status').filter({ hasText: 'Up to date with the server' })).toBeVisible(SYNC);
  await expect(rui.getByText('rui (reviewer)')).toBeVisible();
  await rui.getByRole('link', { name: /Back to Republic of Syncland/ }).click();
  await expect(rui.getByLabel('Narrative')).toHaveValue('Ana: a decree of 2021 covers emergency care.');

  await ana.context().close();
  await ben.context().close();
  await rui.context().close();
});
