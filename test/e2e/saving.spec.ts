import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromiumArgs, ensureChromium } from '../tools/chromium.mjs';
import { allSaved, createAssessment, laptop } from './helpers';

/** A retry waits longer after each failure (up to a minute): the tests wait for the state, not a time. */
const retried = { timeout: 70_000 };

// Issue #14: every form saves through one queue with its journal and retry; an older change never
// lands after a newer one; two tabs on one field keep both versions; a killed browser keeps what the
// screen called saved.

/** Makes this page's IndexedDB writes fail as a full disk does, until `failWrites(page, false)`. */
async function canFailWrites(page: Page) {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as { failWrites?: boolean }).failWrites) throw new DOMException('Simulated full disk', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
}
const failWrites = (page: Page, on: boolean) => page.evaluate((on) => void ((window as { failWrites?: boolean }).failWrites = on), on);

/** Every stored history value of one field of one answer, oldest first (read straight from IndexedDB). */
function historyOf(page: Page, assessmentId: string, field: string): Promise<unknown[]> {
  return page.evaluate(
    ({ assessmentId, field }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('mgi-assessments');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('history').objectStore('history').index('assessmentId').getAll(assessmentId);
          request.onsuccess = () => {
            const rows = (request.result as { field: string; new: unknown; seq: number }[]).filter((r) => r.field === field).sort((a, b) => a.seq - b.seq);
            open.result.close();
            resolve(rows.map((r) => r.new));
          };
        };
      }),
    { assessmentId, field },
  );
}

test('after a failed save, leaving and coming back, the newer answer is what is stored', async ({ page }) => {
  await canFailWrites(page);
  const id = await createAssessment(page, 'Republic of Retries');
  const question = (await page.locator('h1#indicator-question').textContent())!;
  await failWrites(page, true);
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();

  // Away and back: the change that waits is still shown, and the person changes it again.
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await page.goto(`/#/a/${encodeURIComponent(id)}`);
  await expect(page.locator('h1#indicator-question')).toHaveText(question);
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: 'No', exact: true }).check();

  // Storage works again: the retry stores the newer answer, and nothing older lands after it.
  await failWrites(page, false);
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' }).first()).toBeVisible(retried);
  await page.reload();
  await expect(page.locator('h1#indicator-question')).toHaveText(question);
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
});

test('two tabs typing in one field: both versions stay in the history, and the tab that lost is told', async ({ context }) => {
  const a = await context.newPage();
  await canFailWrites(a);
  const id = await createAssessment(a, 'Republic of Two Tabs');
  const b = await context.newPage();
  await b.goto(`/#/a/${encodeURIComponent(id)}`);
  await expect(b.locator('h1#indicator-question')).toBeVisible();

  // Tab A types while its writes fail (the text waits in A); tab B types and saves meanwhile.
  await failWrites(a, true);
  await a.getByLabel('Narrative').fill('Text from tab A.');
  await expect(a.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  await b.getByLabel('Narrative').fill('Text from tab B.');
  await allSaved(b);
  // A's write goes through later, over B's: B is told, and both versions are in the history.
  await failWrites(a, false);
  await expect(a.getByRole('status').filter({ hasText: 'All changes saved' }).first()).toBeVisible(retried);
  await expect(b.getByLabel('Narrative')).toHaveValue('Text from tab A.');
  await expect(b.getByRole('status').filter({ hasText: 'Another window or laptop changed this answer after you (Narrative)' })).toBeVisible();
  expect(await historyOf(b, id, 'narrative')).toEqual(['Text from tab B.', 'Text from tab A.']);
});

/** Debian's Chromium on a profile folder, as its own process, so the test can kill it outright. */
async function startChromium(profile: string): Promise<{ child: ChildProcess; browser: Browser }> {
  const child = spawn(ensureChromium(), [...chromiumArgs, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`Chromium ended (${code}): ${said}`)));
  });
  return { child, browser: await chromium.connectOverCDP(endpoint) };
}

test('a browser killed right after the screen says saved keeps every word', async () => {
  const base = test.info().project.use.baseURL!;
  // In the test's output folder, which Playwright clears before the next run: Chromium's helper
  // processes may still be closing files when the test ends.
  const profile = test.info().outputPath('chromium-profile');
  const started: ChildProcess[] = [];
  try {
    const first = await startChromium(profile);
    started.push(first.child);
    const page = await first.browser.contexts()[0]!.newPage();
    await page.goto(`${base}#/new`);
    await page.getByLabel('Government or authority').fill('Republic of Sudden Ends');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect(page.locator('h1#indicator-question')).toBeVisible();
    const id = decodeURIComponent(/#\/a\/([^/]+)/.exec(page.url())![1]!);
    await page.getByLabel('Narrative').pressSequentially('Typed, then the power went.');
    await allSaved(page);
    // The whole browser is killed, not closed: nothing gets a chance to write on the way out.
    const ended = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await ended;

    const second = await startChromium(profile);
    started.push(second.child);
    const again = await second.browser.contexts()[0]!.newPage();
    await again.goto(`${base}#/a/${encodeURIComponent(id)}`);
    await expect(again.getByLabel('Narrative')).toHaveValue('Typed, then the power went.');
    const closed = new Promise((resolve) => second.child.once('exit', resolve));
    await second.browser.close();
    second.child.kill();
    await closed;
  } finally {
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a half-written query survives a reload, and is gone once sent', async ({ browser }) => {
  const reviewer = await laptop(browser, 'Ben Okafor', 'IOM mission reviewer');
  await createAssessment(reviewer, 'Republic of Drafts');
  const panel = reviewer.getByRole('region', { name: 'Review' });
  await panel.getByRole('button', { name: 'Raise a query' }).click();
  await panel.getByLabel('Your query').fill('Is there a draft bill on');
  await reviewer.reload();
  await panel.getByRole('button', { name: 'Raise a query' }).click();
  await expect(panel.getByLabel('Your query')).toHaveValue('Is there a draft bill on');
  await panel.getByLabel('Your query').pressSequentially(' seasonal work?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByText('Review status: Query raised')).toBeVisible();
  await expect(panel.getByText('Is there a draft bill on seasonal work?')).toBeVisible();
  await reviewer.reload();
  await panel.getByRole('button', { name: 'Raise a query' }).click();
  await expect(panel.getByLabel('Your query')).toHaveValue('');
});
