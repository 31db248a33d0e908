import { expect, test } from '@playwright/test';
import { createAssessment, tabTo } from './helpers';

test('a new user creates an assessment and answers every indicator by keyboard alone in presentation mode', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Assessments on this device' })).toBeVisible();
  await tabTo(page, /^New assessment$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /Government or authority/);
  await page.keyboard.type('Keyboardia');
  await expect(page.getByLabel('Government or authority')).toHaveValue('Keyboardia');
  await tabTo(page, /Create assessment/);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1#indicator-question')).toBeVisible();

  await tabTo(page, /Presentation mode/);
  await page.keyboard.press('Enter');
  const position = page.locator('.present-bar span').first();
  await expect(position).toContainText(/Indicator 1 of (\d+)/);
  const total = Number(/of (\d+)/.exec((await position.textContent())!)![1]);
  expect(total).toBeGreaterThanOrEqual(96);

  // Answer in a rotation of Yes, Partial and No, moving on with the arrow key; ruled-out
  // indicators are skipped by "next".
  const keys = [
    ['y', 'Yes'],
    ['p', 'Partial'],
    ['n', 'No'],
  ] as const;
  for (let i = 0; i < total; i++) {
    const before = await position.textContent();
    const [key, label] = keys[i % 3]!;
    await page.keyboard.press(key);
    await expect(page.getByRole('radio', { name: label, exact: true })).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(position).not.toHaveText(before!, { timeout: 2000 }).catch(() => undefined);
    if ((await position.textContent()) === before) break; // the last applicable indicator
  }
  await expect(page.locator('.present-bar')).toContainText('All changes saved', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  // Every applicable indicator answered: "N of N" once the stored answers are read.
  await expect(page.locator('p.overall')).toHaveText(/\b(\d+) of \1\b/);
  const overall = await page.locator('p.overall').textContent();
  expect(Number(/(\d+) of/.exec(overall!)![1])).toBeGreaterThanOrEqual(90);

  // Evidence, by keyboard too.
  await tabTo(page, /^Add evidence$/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Migration Act 2019');
  await tabTo(page, /Reference or article/);
  await page.keyboard.type('Articles 4-9');

  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Migration Act 2019');
  await expect(page.getByLabel('Reference or article')).toHaveValue('Articles 4-9');
  await expect(page.locator('p.overall')).toHaveText(overall!);
});

test('a tab closed right after typing loses nothing', async ({ page, context }) => {
  const id = await createAssessment(page, 'Closeland');
  await page.getByLabel('Narrative').pressSequentially('Typed just before the lid closed');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(`/#/a/${id}`);
  await expect(again.getByLabel('Narrative')).toHaveValue('Typed just before the lid closed');
});

test('two tabs editing different answers of one assessment keep both', async ({ page, context }) => {
  const id = await createAssessment(page, 'Twotabia');
  const first = page.locator('h1#indicator-question');
  const other = await context.newPage();
  await other.goto(`/#/a/${id}`);
  await other.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(other.locator('h1#indicator-question')).not.toHaveText((await first.textContent())!);

  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('Narrative').fill('Written in tab one');
  await other.getByRole('radio', { name: 'No', exact: true }).check();
  await other.getByLabel('Narrative').fill('Written in tab two');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(other.getByText('All changes saved')).toBeVisible();

  // Each tab sees the other's answer in its list without reloading.
  await expect(page.locator('p.overall')).toContainText('2 of');
  await expect(other.locator('p.overall')).toContainText('2 of');
  await page.reload();
  await expect(page.getByLabel('Narrative')).toHaveValue('Written in tab one');
  await other.reload();
  await expect(other.getByLabel('Narrative')).toHaveValue('Written in tab two');
});

test('two tabs on one answer, one choosing and one writing its narrative, keep both', async ({ page, context }) => {
  const id = await createAssessment(page, 'Oneanswerland');
  const other = await context.newPage();
  await other.goto(`/#/a/${id}`);
  await expect(other.locator('h1#indicator-question')).toHaveText((await page.locator('h1#indicator-question').textContent())!);

  // The first tab's next choice is written with what its last one left (see writeAnswer): here the
  // other tab has written the narrative since, so that write must be dropped and made again.
  await page.getByRole('radio', { name: 'Yes' }).check();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await other.getByLabel('Narrative').fill('Written in tab two');
  await expect(other.getByText('All changes saved')).toBeVisible();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await expect(page.getByText('All changes saved')).toBeVisible();

  for (const tab of [page, other]) {
    await tab.reload();
    await expect(tab.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
    await expect(tab.getByLabel('Narrative')).toHaveValue('Written in tab two');
  }
});
