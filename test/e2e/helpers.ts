import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Waits until the service worker has installed and precached everything, then reloads the page under
 * it: a page loaded before the worker took over is not yet under its control.
 */
export async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Presses Tab until the focused element's text or label matches, as a keyboard user would. */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // Focus on the page itself (e.g. while a screen loads) is nowhere: its text is the whole page.
      if (!el || el === document.body || el.tagName === 'MAIN') return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
      return [el.getAttribute('aria-label'), labelled, el.closest('label')?.textContent, el.textContent].filter(Boolean).join(' | ');
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Creates an assessment through the form and returns its id (from the URL). */
export async function createAssessment(page: Page, government: string, level: 'National' | 'Local' = 'National'): Promise<string> {
  await page.goto('/#/new');
  await page.getByLabel('Government or authority').fill(government);
  await page.getByRole('radio', { name: level }).check();
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  return decodeURIComponent(/#\/a\/([^/]+)/.exec(page.url())![1]!);
}

/** Runs axe on the page as it is and fails with every violation named, per screen. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** A laptop: its own browser context (own IndexedDB), with the person working on it set. */
export async function laptop(browser: Browser, name: string, role: 'Government team' | 'IOM mission reviewer'): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Who is working on this laptop?' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Working as ${name} (${role})` })).toBeVisible();
  return page;
}

export async function saved(download: Download, into: string): Promise<string> {
  const path = test.info().outputPath(into);
  await download.saveAs(path);
  return path;
}

/** Exports the assessment from its Exchange screen and returns the saved file's path. */
export async function exportFile(page: Page, id: string, into: string): Promise<string> {
  await page.goto(`/#/a/${id}/exchange`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the assessment file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-mgi-\d{4}-\d{2}-\d{2}\.json$/);
  return saved(download, into);
}

export async function importOnHome(page: Page, path: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Choose files to import').setInputFiles(path);
}

/** Opens the walkthrough at the indicator in that position (1 = first) and returns its question. */
export async function answerAt(page: Page, id: string, position: number): Promise<string> {
  await page.goto(`/#/a/${id}`);
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  for (let i = 1; i < position; i++) {
    const before = await page.locator('h1#indicator-question').textContent();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.locator('h1#indicator-question')).not.toHaveText(before!);
  }
  return (await page.locator('h1#indicator-question').textContent())!;
}

export async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' }).first()).toBeVisible();
}

/** The text of a PDF as pdfjs reads it back, with its metadata and page count. */
export async function pdfText(file: string): Promise<{ text: string; info: Record<string, unknown>; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += ` ${content.items.map((i) => ('str' in i ? i.str : '')).join(' ')}`;
  }
  const { info } = await doc.getMetadata();
  const pages = doc.numPages;
  await doc.destroy();
  return { text: text.replace(/\s+/g, ' '), info: info as Record<string, unknown>, pages };
}
