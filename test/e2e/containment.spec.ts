import { expect, test } from '@playwright/test';
import { createAssessment } from './helpers';

const markup = '<img src=x onerror=alert(1)>';

test('no request leaves the app origin, and markup typed by a user shows as text', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  // The policy itself says so.
  const csp = await page.goto('/').then(() => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'));
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");

  await createAssessment(page, markup);
  await page.getByLabel('Narrative').fill(`Evidence ${markup} in the narrative`);
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByLabel('Title').fill(markup);
  await page.getByLabel('Link').fill('https://example.org/law.pdf');
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('link', { name: new RegExp(`^Open ${markup.replace(/[()]/g, '\\$&')}`) })).toHaveText(markup);
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // A page may still try to reach out: the policy blocks it.
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('https://example.org/track');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  expect(dialogs).toEqual([]);
  expect(foreign.filter((u) => !u.startsWith('https://example.org/track'))).toEqual([]);
});
