import { expect, test, type Page } from '@playwright/test';
import { createAssessment } from './helpers';

/**
 * Types into the assessment's context and, in the same task (as a quick person does, and with no
 * time for any delayed save to run), leaves the form with "Done" or reloads the page.
 */
async function typeThen(page: Page, text: string, then: 'done' | 'reload') {
  await expect(page.getByLabel('Context for the profile')).toBeVisible();
  await page.evaluate(
    ({ text, then }) => {
      const box = [...document.querySelectorAll('textarea')].find((t) => t.labels?.[0]?.textContent === 'Context for the profile')!;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      if (then === 'reload') location.reload();
      else [...document.querySelectorAll('button')].find((b) => b.textContent === 'Done')!.click();
    },
    { text, then },
  );
}

// Issue #14: typing in the assessment details, then "Done" or a reload at once, lost every word: the
// form had its own delayed save, without the journal.
test('details typed just before "Done" are kept', async ({ page }) => {
  const id = await createAssessment(page, 'Republic of Done');
  await page.goto(`/#/a/${encodeURIComponent(id)}/setup`);
  await typeThen(page, 'Words typed just before leaving.', 'done');
  // The form is gone (the walkthrough shows); then the page is reloaded.
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  await page.reload();
  await page.goto(`/#/a/${encodeURIComponent(id)}/setup`);
  await expect(page.getByLabel('Context for the profile')).toHaveValue('Words typed just before leaving.');
});

test('details typed and reloaded in the same moment are kept', async ({ page }) => {
  const id = await createAssessment(page, 'Republic of Reload');
  await page.goto(`/#/a/${encodeURIComponent(id)}/setup`);
  await typeThen(page, 'Words typed just before the reload.', 'reload');
  await expect(page.getByLabel('Context for the profile')).toHaveValue('Words typed just before the reload.');
});
