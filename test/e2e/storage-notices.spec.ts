import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createAssessment, expectNoAxeViolations, saved } from './helpers';

/** Changes a stored row the way an older build or a hand edit could leave it, behind the app's back. */
async function damageAnswer(page: Page, assessmentId: string, change: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    ({ assessmentId, change }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mgi-assessments');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('answers', 'readwrite');
          const answers = tx.objectStore('answers');
          const rows = answers.index('assessmentId').getAll(assessmentId);
          rows.onsuccess = () => {
            for (const row of rows.result as Record<string, unknown>[]) answers.put({ ...row, ...change });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { assessmentId, change },
  );
}

// Issue #14: a stored answer that no longer parsed was repaired with only a console warning.
test('a damaged stored answer is restored and the person is told which assessment to check', async ({ page }) => {
  const id = await createAssessment(page, 'Republic of Repairs');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByLabel('Narrative').fill('Words that must survive.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await damageAnswer(page, id, { value: 'maybe', decision: 'vote' });

  // A fresh start; opening the assessment reads its answers, and the damaged one is reported.
  await page.goto('/');
  await page.reload();
  await page.goto(`/#/a/${encodeURIComponent(id)}`);
  const notice = page.getByRole('status').filter({ hasText: 'stored record was damaged' });
  await expect(notice).toHaveText(
    /^One stored record was damaged and has been restored: the fields that could be read were kept\. Check the answers of Republic of Repairs \(\d{4}\)\./,
  );
  await expectNoAxeViolations(page, 'walkthrough with the restored-records message');

  // The words are still there; only the unreadable choice was reset.
  await expect(page.getByLabel('Narrative')).toHaveValue('Words that must survive.');
  await notice.getByRole('button', { name: 'Hide the message about restored records' }).click();
  await expect(notice).toHaveCount(0);
  // Hidden once, it does not come back at the next start (the row is still read repaired).
  await page.reload();
  await expect(page.getByLabel('Narrative')).toHaveValue('Words that must survive.');
  await expect(notice).toHaveCount(0);
});

test('unsaved changes that storage refuses at start are kept aside and can be downloaded', async ({ page }) => {
  const id = await createAssessment(page, 'Republic of Leftovers');
  // A journalled narrative longer than storage accepts, as an older build could leave it.
  await page.evaluate((assessmentId) => {
    const entry = { assessmentId, indicatorId: 'any-indicator', patch: { narrative: 'Too long. '.repeat(2500) }, at: new Date().toISOString() };
    localStorage.setItem('mgi.journal.v1', JSON.stringify({ [`${assessmentId}\u0000any-indicator`]: entry }));
  }, id);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'kept aside' });
  await expect(notice).toContainText('One unsaved change could not be stored and was kept aside. Assessment concerned: Republic of Leftovers');
  await expectNoAxeViolations(page, 'the changes-kept-aside message');
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the changes kept aside' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mgi-changes-kept-aside-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const file = JSON.parse(readFileSync(await saved(download, 'kept-aside.json'), 'utf8')) as { keptAside: { entry: { patch: { narrative: string } } }[] };
  expect(file.keptAside.at(-1)?.entry.patch.narrative).toBe('Too long. '.repeat(2500));

  // Not hidden yet: after a reload it is still there, until the person hides it.
  await page.reload();
  await expect(notice).toContainText('One unsaved change could not be stored and was kept aside.');
  await notice.getByRole('button', { name: 'Hide the message about changes kept aside' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
});
