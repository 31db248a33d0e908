import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withFreshDatabase } from '../../../test/fresh-database';
import { renderWithI18n } from '../../../test/render';
import { tinyCatalogue, tinyText } from '../../../test/fixtures/catalogue/tiny';
import type { Assessment } from '../../domain/assessment';
import type { Catalogue, CatalogueText } from '../../domain/catalogue';
import { getAnswers, saveAnswer } from '../../storage/answers';
import { createAssessment } from '../../storage/assessments';
import { WalkthroughPage } from './walkthrough-page';

const bundle = { catalogue: tinyCatalogue, text: tinyText, lang: 'en' };
withFreshDatabase();
let assessment: Assessment;

beforeEach(async () => {
  assessment = await createAssessment(
    { government: 'Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' },
    '2026.1',
  );
  location.hash = '';
});

function show(indicatorId?: string) {
  return renderWithI18n(<WalkthroughPage assessment={assessment} bundle={bundle} indicatorId={indicatorId} />);
}

describe('WalkthroughPage', () => {
  it('stores an answer choice and its narrative without a Save button', async () => {
    show('health-access');
    await userEvent.click(await screen.findByRole('radio', { name: 'Yes' }));
    await userEvent.type(screen.getByLabelText('Narrative'), 'Law 4/2020, article 3.');
    await waitFor(async () => {
      const [answer] = await getAnswers(assessment.id);
      expect(answer).toMatchObject({ value: 'yes', narrative: 'Law 4/2020, article 3.' });
    });
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^save$/i })).toBeNull();
  });

  it('shows an indicator ruled out by another answer as not applicable, live', async () => {
    show('labour-agreements');
    await userEvent.click(await screen.findByRole('radio', { name: 'No' }));
    const monitoring = screen.getByRole('link', { name: /Agreement monitoring\?/ });
    await waitFor(() => expect(monitoring).toHaveTextContent('(Not applicable)'));
  });

  it('says so when a ruled-out indicator is opened, and offers no answer controls', async () => {
    show('labour-agreements');
    await userEvent.click(await screen.findByRole('radio', { name: 'No' }));
    await waitFor(async () => expect((await getAnswers(assessment.id))[0]?.value).toBe('no'));
    const view = show('agreement-monitoring');
    expect(await view.findByText('Does not apply, given the answer to “Labour agreements?”')).toBeInTheDocument();
  });

  it('adds an evidence item with its type, reference, year and link', async () => {
    show('school-access');
    await userEvent.click(await screen.findByRole('button', { name: 'Add evidence' }));
    await userEvent.type(screen.getByLabelText('Title'), 'Education Act');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'Law');
    await userEvent.type(screen.getByLabelText('Reference or article'), 'Art. 12');
    await userEvent.type(screen.getByLabelText('Year'), '2018');
    await act(async () => {
      screen.getByLabelText('Year').blur();
    });
    await waitFor(async () => {
      const [answer] = await getAnswers(assessment.id);
      expect(answer?.evidence).toEqual([expect.objectContaining({ title: 'Education Act', type: 'law', reference: 'Art. 12', year: 2018 })]);
    });
  });

  it('narrows the questions to one institution', async () => {
    show('health-access');
    await userEvent.selectOptions(await screen.findByLabelText('Show questions for'), 'Education');
    expect(screen.queryByRole('link', { name: /Health access\?/ })).toBeNull();
    expect(screen.getByRole('link', { name: /School access\?/ })).toBeInTheDocument();
  });

  describe('an assessment answered against an earlier catalogue', () => {
    const catalogue: Catalogue = {
      ...structuredClone(tinyCatalogue),
      version: '2026.2',
      retired: [
        { id: 'old-health', mergedInto: 'health-access', since: '2026.2' },
        { id: 'old-survey', since: '2026.2' },
      ],
    };
    const retiredText = (q: string) => ({ ...tinyText.indicators['health-access'], question: `${q}?` });
    const text: CatalogueText = { ...tinyText, retired: { 'old-health': retiredText('Old health'), 'old-survey': retiredText('Old survey') } };
    const v2 = { catalogue, text, lang: 'en' };

    beforeEach(async () => {
      await saveAnswer(assessment.id, 'old-health', { value: 'partial', narrative: 'Decree 12/2019 covers emergencies only.' });
      await saveAnswer(assessment.id, 'old-survey', { value: 'no', narrative: 'No survey since 2015.' });
    });

    it('shows a merged answer under the indicator that absorbed it, and every retired answer read-only', async () => {
      renderWithI18n(<WalkthroughPage assessment={assessment} bundle={v2} indicatorId="health-access" />);
      expect(await screen.findByRole('radio', { name: 'Partial' })).toBeChecked();
      expect(screen.getByLabelText('Narrative')).toHaveValue('Decree 12/2019 covers emergencies only.');
      const section = screen.getByRole('region', { name: 'Answers to indicators no longer in the catalogue' });
      expect(section).toHaveTextContent('Old survey?');
      expect(section).toHaveTextContent('Answer: No');
      expect(section).toHaveTextContent('No survey since 2015.');
      expect(section).toHaveTextContent('Old health?');
      expect(within(section).getByRole('link', { name: 'Health access?' })).toBeInTheDocument();
      expect(within(section).queryByRole('textbox')).toBeNull();
    });

    it('stores the carried-over note with the first change, and leaves the retired answer as it was', async () => {
      renderWithI18n(<WalkthroughPage assessment={assessment} bundle={v2} indicatorId="health-access" />);
      await userEvent.click(await screen.findByRole('radio', { name: 'Yes' }));
      await waitFor(async () => {
        const stored = new Map((await getAnswers(assessment.id)).map((a) => [a.indicatorId, a]));
        expect(stored.get('health-access')).toMatchObject({ value: 'yes', narrative: 'Decree 12/2019 covers emergencies only.' });
        expect(stored.get('old-health')).toMatchObject({ value: 'partial', narrative: 'Decree 12/2019 covers emergencies only.' });
      });
    });
  });
});
