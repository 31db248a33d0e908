import { expect, test, type Page } from '@playwright/test';

/**
 * When the browser refuses storage the page says so in the person's language, never a blank page.
 * Each case is installed before any script of the app runs, the way a browser setting or a private
 * window would refuse it.
 */
const refusals: Record<string, () => void> = {
  // Chromium's "block sites from saving data": indexedDB.open and localStorage throw SecurityError.
  'SecurityError on open and on localStorage': () => {
    const deny = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    IDBFactory.prototype.open = deny as never;
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  },
  // No IndexedDB at all (some embedded or hardened browsers).
  'no IndexedDB': () => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  },
  // The open request is accepted, then fails a moment later (a private window in some browsers).
  'open failing asynchronously': () => {
    IDBFactory.prototype.open = function open() {
      const request = {} as IDBOpenDBRequest & { onerror?: ((e: Event) => void) | null };
      const listeners: Array<(e: Event) => void> = [];
      Object.assign(request, {
        error: new DOMException('Internal error opening backing store.', 'UnknownError'),
        result: undefined,
        readyState: 'done',
        addEventListener: (type: string, fn: (e: Event) => void) => type === 'error' && listeners.push(fn),
        removeEventListener: () => undefined,
      });
      setTimeout(() => {
        const event = new Event('error');
        Object.defineProperty(event, 'target', { value: request });
        request.onerror?.(event);
        for (const fn of listeners) fn(event);
      }, 10);
      return request;
    } as never;
  },
};

async function expectMessage(page: Page, text: RegExp) {
  await expect(page.getByRole('alert').filter({ hasText: text }).first()).toBeVisible();
}

for (const [name, refuse] of Object.entries(refusals)) {
  test(`storage refused (${name}): the page says so instead of staying blank`, async ({ page }) => {
    await page.addInitScript(refuse);
    await page.goto('/');
    await expectMessage(page, /does not allow the app to store data/);
    // The rest of the app is still there (heading, language switch), not a white page.
    await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  });
}

test('storage refused: the message comes in the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.addInitScript(refusals['SecurityError on open and on localStorage']!);
  await page.goto('/');
  await expectMessage(page, /ne permet pas/);
  await context.close();
});
