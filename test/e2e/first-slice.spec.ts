import { expect, test } from '@playwright/test';

test('a new user creates an assessment, answers a question with a narrative, reloads and finds it kept', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await page.getByRole('link', { name: 'New assessment' }).click();

  await page.getByLabel('Government or authority').fill('Republic of Exampleland');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Create assessment' }).click();

  const question = page.locator('h1#indicator-question');
  await expect(question).toBeVisible();
  const questionText = await question.textContent();
  await page.getByRole('radio', { name: 'Partial' }).check();
  await page.getByLabel('Narrative').fill('A decree of 2021 covers part of the ground; the law is still in draft.');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  await page.reload();
  await expect(page.locator('h1#indicator-question')).toHaveText(questionText!);
  await expect(page.getByRole('radio', { name: 'Partial' })).toBeChecked();
  await expect(page.getByLabel('Narrative')).toHaveValue('A decree of 2021 covers part of the ground; the law is still in draft.');

  await page.goto('/');
  await expect(page.getByRole('link', { name: /^Open Republic of Exampleland/ })).toBeVisible();
  await expect(page.getByText(/1 of \d+ answered/)).toBeVisible();
});
