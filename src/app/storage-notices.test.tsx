import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withFreshDatabase } from '../../test/fresh-database';
import { renderWithI18n } from '../../test/render';
import type { AssessmentSetup } from '../domain/assessment';
import { getAnswers, saveAnswer } from '../storage/answers';
import { createAssessment } from '../storage/assessments';
import { answerTarget, edits } from '../storage/edits';
import { journal } from '../storage/journal';
import { recordStart } from './start-report';
import { StorageNotices } from './storage-notices';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
const db = withFreshDatabase();
const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

// The tests run in order and share the session's repairs found, as one session of the app does.
describe('what storage repaired or set aside is shown to the person', () => {
  it('names the assessment whose stored answer was damaged and restored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await createAssessment(setup, '1');
    await saveAnswer(a.id, 'i1', { value: 'yes', narrative: 'Kept words.' });
    // As an older build or a hand edit could leave it; no screen has read it yet.
    await db().answers.update([a.id, 'i1'], { value: 'maybe' });
    // Opening the assessment reads its answers (the start-up check reads assessments only).
    await getAnswers(a.id);

    renderWithI18n(<StorageNotices />);
    const notice = await screen.findByRole('status');
    await waitFor(() =>
      expect(notice).toHaveTextContent(
        'One stored record was damaged and has been restored: the fields that could be read were kept. Check the answers of Republic of Testland (2026).',
      ),
    );
  });

  it('offers the unsaved changes the start-up replay set aside as a file', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await createAssessment(setup, '1');
    // A narrative longer than storage accepts: the replay cannot store it and keeps it aside.
    const target = answerTarget(a.id, 'i2');
    journal.put(edits.keyOf(target)!, { target, patch: { narrative: 'Too long. '.repeat(2500) }, at: new Date().toISOString() });
    recordStart(await edits.replay());

    // jsdom makes no object URLs; the file itself is downloaded in Chromium (test/e2e/storage-notices.spec.ts).
    let file: Blob | undefined;
    URL.createObjectURL = (blob: Blob) => {
      file = blob;
      return 'blob:kept-aside';
    };
    URL.revokeObjectURL = () => undefined;
    renderWithI18n(<StorageNotices />);
    const notice = (await screen.findAllByRole('status')).find((n) => n.textContent?.includes('kept aside'))!;
    await waitFor(() =>
      expect(notice).toHaveTextContent(
        'One unsaved change could not be stored and was kept aside. Assessment concerned: Republic of Testland (2026). Download them as a file so that nothing is lost, then enter them again where they belong.',
      ),
    );
    await user.click(within(notice).getByRole('button', { name: 'Download the changes kept aside' }));
    const saved = JSON.parse(await file!.text()) as { keptAside: { entry: unknown }[] };
    expect(saved.keptAside.at(-1)?.entry).toMatchObject({ target: { assessmentId: a.id, indicatorId: 'i2' }, patch: { narrative: 'Too long. '.repeat(2500) } });

    await user.click(within(notice).getByRole('button', { name: 'Hide the message about changes kept aside' }));
    expect(screen.queryByText(/kept aside/)).toBeNull();
  });

  it('says it in Spanish, and a hidden message stays hidden when the app starts again', async () => {
    const user = userEvent.setup();
    recordStart({ setAside: 0 }); // a start where nothing was set aside
    const view = renderWithI18n(<StorageNotices />, 'es');
    expect(await screen.findByRole('status')).toHaveTextContent('Un registro almacenado estaba dañado y se ha restaurado: se conservaron los campos que podían leerse.');
    await user.click(screen.getByRole('button', { name: 'Ocultar el mensaje sobre los registros restaurados' }));
    expect(screen.queryByRole('status')).toBeNull();
    view.unmount();
    renderWithI18n(<StorageNotices />, 'es');
    // The check of every row runs again on mount and finds the same row: it was reported already.
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});
