import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withFreshDatabase } from '../../../test/fresh-database';
import { renderWithI18n } from '../../../test/render';
import { tinyCatalogue, tinyText } from '../../../test/fixtures/catalogue/tiny';
import type { Assessment } from '../../domain/assessment';
import { getAnswers } from '../../storage/answers';
import { createAssessment } from '../../storage/assessments';
import { PresentationPage } from './presentation-page';

withFreshDatabase();
let assessment: Assessment;

beforeEach(async () => {
  assessment = await createAssessment({ government: 'Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' }, '2026.1');
});

const show = (indicatorId: string, lang: 'en' | 'es' | 'fr') =>
  renderWithI18n(<PresentationPage assessment={assessment} bundle={{ catalogue: tinyCatalogue, text: tinyText, lang }} indicatorId={indicatorId} />, lang);

const stored = async (id: string) => (await getAnswers(assessment.id)).find((a) => a.indicatorId === id)?.value;

describe('PresentationPage', () => {
  it.each([
    ['es', 's', 'S sí · P parcial · N no · ? aún no se sabe'],
    ['fr', 'o', 'O oui · P partiel · N non · ? pas encore connu'],
    ['en', 'y', "Y yes · P partial · N no · D don't know yet"],
  ] as const)('answers with the initial of the word in %s ("%s" for yes) and lists only the answers this indicator allows', async (lang, key, legend) => {
    show('health-access', lang);
    const keys = await screen.findByText((text, node) => node?.classList.contains('keys') === true && text.includes(legend));
    expect(keys).toBeInTheDocument();
    await userEvent.keyboard(key);
    await waitFor(async () => expect(await stored('health-access')).toBe('yes'));
  });

  it('offers Not applicable only where it may be chosen, with its own key', async () => {
    show('monitoring-report', 'fr');
    expect(await screen.findByText((text, node) => node?.classList.contains('keys') === true && text.includes('S sans objet'))).toBeInTheDocument();
    await userEvent.keyboard('s');
    await waitFor(async () => expect(await stored('monitoring-report')).toBe('na'));
  });

  it('ignores the Not applicable key where the indicator does not allow it', async () => {
    show('health-access', 'en');
    const keys = await screen.findByText((text, node) => node?.classList.contains('keys') === true && text.startsWith('Keys:'));
    expect(keys).not.toHaveTextContent('not applicable');
    await userEvent.keyboard('a');
    await userEvent.keyboard('n');
    await waitFor(async () => expect(await stored('health-access')).toBe('no'));
  });
});
