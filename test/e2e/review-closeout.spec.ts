/**
 * The review close-out, as a government team and an IOM mission hand work to each other with files:
 * team answers → reviewer queries, proposes and validates → team answers the query, accepts one
 * proposal and rejects another, validates the assessment → the final profile has no DRAFT mark and
 * names the validator → the reviewer's laptop sees the validation after import.
 */
import { expect, test, type Page } from '@playwright/test';
import { allSaved, answerAt, createAssessment, exportFile, importOnHome, laptop, pdfText } from './helpers';

async function reviewPanel(page: Page) {
  return page.getByRole('region', { name: 'Review' });
}

/** The reviewer proposes another answer to the indicator at that position, with a reason. */
async function propose(page: Page, id: string, position: number, answer: string, reason: string) {
  await answerAt(page, id, position);
  const panel = await reviewPanel(page);
  await panel.getByRole('button', { name: 'Propose another answer' }).click();
  await panel.getByLabel('Proposed answer').selectOption({ label: answer });
  await panel.getByLabel('Reason for the proposal').fill(reason);
  await panel.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(panel.getByText('Review status: Query raised')).toBeVisible();
}

test('review close-out: queries, proposals accepted and rejected, validation and the final profile', async ({ browser }) => {
  const team = await laptop(browser, 'Ana Pérez', 'Government team');
  const id = await createAssessment(team, 'Republic of Exampleland');
  const questions: string[] = [];
  for (const [position, choice] of [
    [1, 'Partial'],
    [2, 'Yes'],
    [3, 'No'],
    [4, 'Yes'],
  ] as const) {
    questions.push(await answerAt(team, id, position));
    await team.getByRole('radio', { name: choice, exact: true }).check();
    await allSaved(team);
  }
  const first = await exportFile(team, id, 'from-team.json');

  // The reviewer cannot overwrite the government's answers: changes go through proposals.
  const reviewer = await laptop(browser, 'Ben Okafor', 'IOM mission reviewer');
  await importOnHome(reviewer, first);
  await expect(reviewer.getByText(/Republic of Exampleland \(\d{4}\) was added to this laptop/)).toBeVisible();
  await answerAt(reviewer, id, 1);
  await expect(reviewer.getByRole('radio', { name: 'Partial', exact: true })).toBeChecked();
  await expect(reviewer.getByRole('radio', { name: 'Yes', exact: true })).toBeDisabled();
  await expect(reviewer.getByLabel('Narrative')).not.toBeEditable();
  await propose(reviewer, id, 1, 'Yes', 'The 2023 decree covers every case now.');
  await propose(reviewer, id, 2, 'No', 'We found no law on this.');

  await answerAt(reviewer, id, 3);
  let panel = await reviewPanel(reviewer);
  await panel.getByRole('button', { name: 'Raise a query' }).click();
  await panel.getByLabel('Your query').fill('Is there a draft bill?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByText('Review status: Query raised')).toBeVisible();

  await answerAt(reviewer, id, 4);
  panel = await reviewPanel(reviewer);
  await panel.getByRole('button', { name: 'Validate this answer' }).click();
  await expect(panel.getByText('Review status: Validated')).toBeVisible();
  const reviewed = await exportFile(reviewer, id, 'from-reviewer.json');

  // Back on the government laptop.
  await importOnHome(team, reviewed);
  await expect(team.getByText(/merged into Republic of Exampleland/)).toBeVisible();

  // Accept: the answer really changes, and the history says it came from the proposal.
  await answerAt(team, id, 1);
  panel = await reviewPanel(team);
  const proposal = panel.getByRole('listitem').filter({ hasText: 'Proposed change' });
  await expect(proposal).toContainText('Current answer');
  await expect(proposal).toContainText('Partial');
  await expect(proposal).toContainText('Yes');
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await expect(proposal).toContainText('Accepted by Ana Pérez');
  await expect(team.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await team.reload();
  await expect(team.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  panel = await reviewPanel(team);
  await panel.getByText(/History of this answer/).click();
  await expect(panel.locator('.history-entry').filter({ hasText: 'Partial' }).first()).toContainText(/proposal/i);

  // Reject with a reason, undo, and reject again: the answer stays as it was.
  await answerAt(team, id, 2);
  panel = await reviewPanel(team);
  const second = panel.getByRole('listitem').filter({ hasText: 'Proposed change' });
  await second.getByRole('button', { name: 'Reject' }).click();
  await second.getByLabel('Reason for rejecting (optional)').fill('The 2019 law covers it.');
  await second.getByRole('button', { name: 'Reject the proposal' }).click();
  await expect(second).toContainText('Rejected by Ana Pérez');
  await expect(second).toContainText('The 2019 law covers it.');
  await second.getByRole('button', { name: 'Undo the rejection' }).click();
  await expect(second.getByRole('button', { name: 'Accept' })).toBeVisible();
  await second.getByRole('button', { name: 'Reject' }).click();
  await second.getByRole('button', { name: 'Reject the proposal' }).click();
  await expect(second).toContainText('Rejected by Ana Pérez');
  await expect(team.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();

  // Answer the query and close it.
  await answerAt(team, id, 3);
  panel = await reviewPanel(team);
  await expect(panel.getByText('Is there a draft bill?')).toBeVisible();
  await panel.getByRole('button', { name: 'Answer the query' }).click();
  await panel.getByLabel('Your reply').fill('Not yet; one is planned for 2027.');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByText('Not yet; one is planned for 2027.')).toBeVisible();
  await panel.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel.getByText(/Resolved by Ana Pérez/)).toBeVisible();

  // Validate the assessment.
  await team.goto(`/#/a/${id}/review`);
  await expect(team.getByText('No query is open.', { exact: true })).toBeVisible();
  await team.getByRole('button', { name: 'Mark the assessment as validated' }).click();
  await expect(team.getByRole('status').filter({ hasText: /This assessment was validated by Ana Pérez/ })).toBeVisible();

  // The final profile, in Spanish: no draft mark, the validator named on the cover.
  await team.goto(`/#/a/${id}/results`);
  await team.getByLabel('Language of the document').selectOption('es');
  const downloading = team.waitForEvent('download');
  await team.getByRole('button', { name: 'Create the profile PDF' }).click();
  const file = test.info().outputPath('final-es.pdf');
  await (await downloading).saveAs(file);
  const pdf = await pdfText(file);
  expect(pdf.text).not.toContain('BORRADOR');
  expect(pdf.text).toContain('Ana Pérez');
  expect(pdf.text).toMatch(/Validado por Ana Pérez el \d+ de \w+ de \d{4}/);

  // The reviewer's laptop sees the validation once it imports the team's file.
  const final = await exportFile(team, id, 'final.json');
  await importOnHome(reviewer, final);
  await expect(reviewer.getByText(/merged into Republic of Exampleland/)).toBeVisible();
  await reviewer.goto(`/#/a/${id}/review`);
  await expect(reviewer.getByRole('status').filter({ hasText: /This assessment was validated by Ana Pérez/ })).toBeVisible();

  // A validated answer changed afterwards is open for review again, and the assessment is a draft again.
  await answerAt(team, id, 4);
  panel = await reviewPanel(team);
  await expect(panel.getByText('Review status: Validated')).toBeVisible();
  await team.getByRole('radio', { name: 'Partial', exact: true }).check();
  await allSaved(team);
  await expect(panel.getByText('Review status: Validated')).toHaveCount(0);
  await expect(panel.getByText('Review status: Answered')).toBeVisible();
  await team.goto(`/#/a/${id}/review`);
  await expect(team.getByRole('button', { name: 'Mark the assessment as validated' })).toBeVisible();
});
