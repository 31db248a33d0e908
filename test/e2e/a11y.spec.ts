import { expect, test } from '@playwright/test';
import { createAssessment, expectNoAxeViolations } from './helpers';

// Each axe run reads the whole page; on a busy machine several in one test outgrow its time limit, so
// the screens are split over two tests.
test('axe finds nothing on the setup, walkthrough and presentation screens', async ({ page }) => {
  const id = await createAssessment(page, 'Axeland');
  await page.getByRole('radio', { name: 'Partial' }).check();
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.locator('details.guidance summary').click();
  await expectNoAxeViolations(page, 'walkthrough');

  await page.goto(`/#/a/${id}/present`);
  await expect(page.locator('#present-question')).toBeVisible();
  await expectNoAxeViolations(page, 'presentation');

  await page.goto(`/#/a/${id}/setup`);
  await expect(page.getByRole('heading', { name: 'Assessment details' })).toBeVisible();
  await expectNoAxeViolations(page, 'setup');

  await page.goto('/#/new');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNoAxeViolations(page, 'new with errors');
});

test('axe finds nothing on the home screen, in every language', async ({ page }) => {
  await createAssessment(page, 'Axeland');
  for (const lang of ['es', 'fr', 'en']) {
    await page.goto('/');
    await page.getByRole('combobox').first().selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('table.list')).toBeVisible();
    await expectNoAxeViolations(page, `home (${lang})`);
  }
});

test('focus moves to the question when moving between indicators, and is always visible', async ({ page }) => {
  await createAssessment(page, 'Focusland');
  const first = await page.locator('h1#indicator-question').textContent();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('h1#indicator-question')).not.toHaveText(first!);
  await expect(page.locator('h1#indicator-question')).toBeFocused();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('axe finds nothing on the review, exchange and who screens, nor on a searched home list', async ({ page }) => {
  await page.goto('/#/who');
  await page.getByLabel('Your name').fill('Inés');
  await page.getByRole('radio', { name: 'IOM mission reviewer' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expectNoAxeViolations(page, 'who');

  const id = await createAssessment(page, 'Reviewland');
  // A reviewer's copy of the answer is read-only; changes go through proposals.
  await expect(page.getByRole('radio', { name: 'Partial' })).toBeDisabled();
  await page.getByRole('button', { name: 'Raise a query' }).click();
  await page.getByLabel('Your query').fill('Which text is in force today?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Which text is in force today?')).toBeVisible();
  await page.getByRole('button', { name: 'Propose another answer' }).click();
  await page.getByLabel('Proposed answer').selectOption({ label: 'Partial' });
  await page.getByLabel('Reason for the proposal').fill('The 2021 decree covers part of it.');
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(page.getByRole('table').filter({ hasText: 'Current answer' })).toBeVisible();
  await expectNoAxeViolations(page, 'walkthrough with a query and a proposal');

  await page.goto(`/#/a/${id}/review`);
  await expect(page.getByRole('heading', { name: 'Review of Reviewland' })).toBeVisible();
  await expectNoAxeViolations(page, 'review');

  await page.goto(`/#/a/${id}/exchange`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Reviewland');
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Download the encrypted file' }).click();
  await expect(page.getByText(/at least \d+ characters/)).toBeVisible();
  await expectNoAxeViolations(page, 'exchange with an error');

  await page.goto('/');
  await page.getByRole('searchbox').fill('Reviewland');
  await expect(page.getByText('Assessments shown: 1 of 1')).toBeVisible();
  await expectNoAxeViolations(page, 'home, searched');
});

test('moving to another screen by keyboard puts focus on its heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('table.list, p').first()).toBeVisible();
  await page.getByRole('link', { name: 'New assessment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New assessment' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Government or authority')).toBeFocused();
});
