import { expect, test } from '@playwright/test';
import { createAssessment } from './helpers';

// Issue #14: typing in the assessment details, then "Done" at once, lost every word: the pending save
// was dropped with its timer when the form closed. (A reload in the very same task as the typing is
// not covered yet: that needs the synchronous journal, see the report.)
test('details typed just before "Done" are kept', async ({ page }) => {
  const id = await createAssessment(page, 'Republic of Reload');
  await page.goto(`/#/a/${encodeURIComponent(id)}/setup`);
  await expect(page.getByLabel('Context for the profile')).toBeVisible();
  // Typing and "Done" in one task, as a quick person does: no time for any delayed save to run.
  await page.evaluate(() => {
    const box = [...document.querySelectorAll('textarea')].find((t) => t.labels?.[0]?.textContent === 'Context for the profile')!;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, 'Words typed just before leaving.');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Done')!.click();
  });
  // The form is gone (the walkthrough shows); then the page is reloaded.
  await expect(page.locator('h1#indicator-question')).toBeVisible();
  await page.reload();
  await page.goto(`/#/a/${encodeURIComponent(id)}/setup`);
  await expect(page.getByLabel('Context for the profile')).toHaveValue('Words typed just before leaving.');
});
