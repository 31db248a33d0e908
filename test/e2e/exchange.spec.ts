/**
 * Two laptops, as two browser contexts with their own IndexedDB: two government team laptops, then a
 * team laptop and an IOM reviewer's. Files travel between them through real downloads and file
 * choosers. (The review close-out has its own spec: review-closeout.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { allSaved, answerAt as answer, createAssessment, expectNoAxeViolations, exportFile, importOnHome, laptop, saved } from './helpers';

test('two laptops: export, edit both, import back and decide a conflict side by side', async ({ browser }) => {
  const team = await laptop(browser, 'Ana Pérez', 'Government team');
  const id = await createAssessment(team, 'Republic of Exampleland');
  const q1 = await answer(team, id, 1);
  await team.getByRole('radio', { name: 'Partial' }).check();
  await team.getByLabel('Narrative').fill('A decree of 2021 covers emergency care.');
  await allSaved(team);
  await expect(team.locator('.backup-note')).toContainText('This assessment is not in any backup file yet.');
  const launch = await exportFile(team, id, 'launch.json');
  // The walkthrough and the home list now count that file as the team's backup.
  await team.goto(`/#/a/${id}`);
  await expect(team.locator('.backup-note')).toContainText('nothing has changed since');
  await team.goto('/');
  await expect(team.getByRole('row', { name: /Republic of Exampleland/ })).not.toContainText('Not in a backup file');

  // Another ministry's laptop receives the file, answers a question, edits the first narrative and comments.
  const other = await laptop(browser, 'Ben Okafor', 'Government team');
  await importOnHome(other, launch);
  await expect(other.getByText(/Republic of Exampleland \(\d{4}\) was added to this laptop/)).toBeVisible();
  await other.getByRole('link', { name: 'Open the assessment' }).click();
  await expect(other.locator('h1#indicator-question')).toHaveText(q1);
  await other.getByLabel('Narrative').fill('The decree lapsed in 2024; see the 2025 draft law.');
  await allSaved(other);
  await other.getByRole('button', { name: 'Add a comment' }).click();
  await other.getByLabel('Comment', { exact: true }).fill('Which text is in force today?');
  await other.getByRole('button', { name: 'Send' }).click();
  await expect(other.getByText('Which text is in force today?')).toBeVisible();
  const q2 = await answer(other, id, 2);
  await other.getByRole('radio', { name: 'No', exact: true }).check();
  await allSaved(other);
  const back = await exportFile(other, id, 'from-other.json');

  // Meanwhile the team changed the same narrative on its own laptop.
  await answer(team, id, 1);
  await team.getByLabel('Narrative').fill('A decree of 2021 covers emergency care; extended in 2023.');
  await allSaved(team);

  // Import back: the other laptop's changes are taken; the narrative is a conflict shown side by side.
  await importOnHome(team, back);
  const conflicts = team.getByRole('region', { name: /1 answer was changed on both laptops/ });
  await expect(conflicts).toBeVisible();
  const conflict = conflicts.getByRole('group', { name: new RegExp(`${q1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Narrative`) });
  await expect(conflict.locator('.conflict-side.base')).toContainText('A decree of 2021 covers emergency care.');
  await expect(conflict.locator('.conflict-side.base')).toContainText('Ana Pérez (Government team)');
  await expect(conflict.locator('.conflict-side.mine')).toContainText('extended in 2023');
  await expect(conflict.locator('.conflict-side.mine')).toContainText('Ana Pérez (Government team)');
  await expect(conflict.locator('.conflict-side.theirs')).toContainText('The decree lapsed in 2024');
  await expect(conflict.locator('.conflict-side.theirs')).toContainText('Ben Okafor (Government team)');
  await expect(team.getByRole('button', { name: 'Apply my choices' })).toBeDisabled();
  await expectNoAxeViolations(team, 'import with a conflict');
  await conflict.getByRole('radio', { name: 'Keep the file’s version' }).check();
  await team.getByRole('button', { name: 'Apply my choices' }).click();
  await expect(team.getByText(/merged into Republic of Exampleland .* conflicts decided: 1; new comments: 1/)).toBeVisible();

  // What the team now sees: the other laptop's narrative, answer and comment; its own text kept in the history.
  await answer(team, id, 1);
  await expect(team.getByLabel('Narrative')).toHaveValue('The decree lapsed in 2024; see the 2025 draft law.');
  await expect(team.getByText('Which text is in force today?')).toBeVisible();
  await team.getByText(/History of this answer/).click();
  const decided = team.locator('.history-entry').filter({ hasText: 'conflict decided' });
  await expect(decided).toContainText('Set aside');
  await expect(decided).toContainText('extended in 2023');
  await expect(team.locator('h1#indicator-question')).toHaveText(q1);
  await answer(team, id, 2);
  await expect(team.locator('h1#indicator-question')).toHaveText(q2);
  await expect(team.getByRole('radio', { name: 'No', exact: true })).toBeChecked();

  // The same file again changes nothing.
  await importOnHome(team, back);
  await expect(team.getByText(/nothing new; Republic of Exampleland .* already holds everything in it/)).toBeVisible();

  await team.context().close();
  await other.context().close();
});

test('an encrypted file needs its passphrase, and a damaged file is refused with the problem named', async ({ browser }) => {
  const team = await laptop(browser, 'Ana Pérez', 'Government team');
  const id = await createAssessment(team, 'Republic of Exampleland');
  await team.getByRole('radio', { name: 'Yes', exact: true }).check();
  await allSaved(team);
  await team.goto(`/#/a/${id}/exchange`);
  await team.getByLabel('Passphrase', { exact: true }).fill('short');
  await team.getByLabel('Passphrase again').fill('short');
  await team.getByRole('button', { name: 'Download the encrypted file' }).click();
  await expect(team.getByRole('alert')).toHaveText('The passphrase needs at least 8 characters.');
  await team.getByLabel('Passphrase', { exact: true }).fill('Phrase secrète du ministère');
  await team.getByLabel('Passphrase again').fill('Phrase secrète du ministère');
  const [download] = await Promise.all([team.waitForEvent('download'), team.getByRole('button', { name: 'Download the encrypted file' }).click()]);
  const encrypted = await saved(download, 'encrypted.json');
  expect(readFileSync(encrypted, 'utf8')).not.toContain('Exampleland');
  // Nor does its name: only when it was made.
  expect(download.suggestedFilename()).toMatch(/^mgi-encrypted-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);

  const reviewer = await laptop(browser, 'Ben Okafor', 'IOM mission reviewer');
  await importOnHome(reviewer, encrypted);
  await reviewer.getByLabel(/is encrypted\. Passphrase:/).fill('wrong passphrase');
  await reviewer.getByRole('button', { name: 'Open the file' }).click();
  await expect(reviewer.getByRole('alert')).toHaveText('The passphrase is wrong, or the encrypted file was damaged.');
  await reviewer.getByLabel(/is encrypted\. Passphrase:/).fill('Phrase secrète du ministère');
  await reviewer.getByRole('button', { name: 'Open the file' }).click();
  await expect(reviewer.getByText(/Republic of Exampleland \(\d{4}\) was added to this laptop/)).toBeVisible();

  // A file cut short in transit, in Spanish: refused, named, and the list of assessments is unchanged.
  const plain = await exportFile(team, id, 'plain.json');
  const cut = test.info().outputPath('cut.json');
  const text = readFileSync(plain, 'utf8');
  writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
  await reviewer.goto('/');
  await reviewer.getByLabel('Language').selectOption('es');
  await reviewer.getByLabel('Elegir archivos para importar').setInputFiles(cut);
  await expect(reviewer.getByRole('alert')).toContainText('«cut.json» no se ha importado y no se ha modificado nada: el archivo está incompleto');
  await expect(reviewer.getByRole('row')).toHaveCount(2);

  await team.context().close();
  await reviewer.context().close();
});
