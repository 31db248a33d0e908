import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
