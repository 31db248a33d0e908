import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { tinyCatalogue, tinyText } from '../../../test/fixtures/catalogue/tiny';
import { withFreshDatabase } from '../../../test/fresh-database';
import { renderWithI18n } from '../../../test/render';
import type { Assessment, AssessmentSetup } from '../../domain/assessment';
import type { CatalogueBundle } from '../../domain/catalogue';
import { getAnswers, saveAnswer } from '../../storage/answers';
import { createAssessment } from '../../storage/assessments';
import { ResultsPage, type LoadBundle } from './results-page';

const bundle: CatalogueBundle = { catalogue: tinyCatalogue, text: tinyText, lang: 'en' };
const setup: AssessmentSetup = { government: 'Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
const evidence = [{ id: 'e1', title: 'Health Act', type: 'law' as const, reference: 'art. 4', year: 2016, link: '' }];
withFreshDatabase();
let assessment: Assessment;

beforeEach(async () => {
  assessment = await createAssessment(setup, '2026.1');
  await saveAnswer(assessment.id, 'health-access', { value: 'yes', narrative: 'Free care by law since 2016 <b>today</b>.', evidence });
  await saveAnswer(assessment.id, 'school-access', { value: 'partial', narrative: 'Primary only.' });
  await saveAnswer(assessment.id, 'labour-agreements', { value: 'no', decision: 'dissent', dissentNote: 'Labour disagrees.' });
});

const loadBundle: LoadBundle = async () => bundle;

describe('the results screen', () => {
  it('shows each domain’s score in a table, the method, and the findings split into well-developed areas and areas for development', async () => {
    renderWithI18n(<ResultsPage assessment={assessment} bundle={bundle} loadBundle={loadBundle} />);
    const table = await screen.findByRole('table', { name: 'Score and answers by domain' });
    const rights = within(table).getByRole('row', { name: /Rights/ });
    expect(within(rights).getAllByRole('cell').map((c) => c.textContent)).toEqual(['75', '100%', '1', '1', '0', '0', '0']);
    expect(within(within(table).getByRole('row', { name: /Partners/ })).getAllByRole('cell')[0]).toHaveTextContent('0');
    expect(screen.getByRole('heading', { name: 'How the scores are calculated' })).toBeInTheDocument();

    const rightsSection = screen.getByRole('region', { name: 'Rights' });
    const [well, potential] = within(rightsSection).getAllByRole('list').slice(-2);
    expect(well).toHaveTextContent('Health access is in place.');
    expect(well).toHaveTextContent('Free care by law since 2016 <b>today</b>.'); // markup shows as text
    expect(potential).toHaveTextContent('School access is not fully in place.Partly in place');

    const partners = screen.getByRole('region', { name: 'Partners' });
    expect(partners).toHaveTextContent('Answers without evidence: 1');
    expect(partners).toHaveTextContent('Answers reached with dissent: 1');
    expect(partners).toHaveTextContent('Score 0 of 100');
  });

  it('explains plainly when the document language cannot be loaded, and leaves the answers alone', async () => {
    const user = userEvent.setup();
    const failing: LoadBundle = async (_kind, lang) => {
      if (lang === 'fr') throw new Error('locales/fr/national.json: missing');
      return bundle;
    };
    renderWithI18n(<ResultsPage assessment={assessment} bundle={bundle} loadBundle={failing} />);
    await user.selectOptions(await screen.findByLabelText('Language of the document'), 'fr');
    await user.click(screen.getByRole('button', { name: 'Create the profile PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The indicator texts in the chosen language could not be loaded, so the PDF was not created.');
    expect(await getAnswers(assessment.id)).toHaveLength(3);
  });

  it('says so when the browser cannot start the PDF builder (no Web Worker), in the UI language', async () => {
    const user = userEvent.setup();
    renderWithI18n(<ResultsPage assessment={assessment} bundle={{ ...bundle, lang: 'es' }} loadBundle={loadBundle} />, 'es');
    await user.click(await screen.findByRole('button', { name: 'Generar el perfil en PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Este navegador no pudo iniciar el generador de PDF');
  });

  it('compares with an earlier assessment of the same government: what moved per domain and per indicator', async () => {
    const earlier = await createAssessment({ ...setup, year: 2020 }, '2026.1');
    await saveAnswer(earlier.id, 'health-access', { value: 'no' });
    await saveAnswer(earlier.id, 'school-access', { value: 'partial' });
    await createAssessment({ ...setup, government: 'Elsewhere', year: 2019 }, '2026.1');
    renderWithI18n(<ResultsPage assessment={assessment} bundle={bundle} loadBundle={loadBundle} />);

    const domains = await screen.findByRole('table', { name: 'Score by domain, earlier and now' });
    expect(within(domains).getByRole('row', { name: /Rights/ })).toHaveTextContent('Rights2575up 50');
    const moved = screen.getByRole('columnheader', { name: 'Indicator' }).closest('table')!;
    expect(within(moved).getByRole('row', { name: /Health access/ })).toHaveTextContent('Health access?NoYesmoved up');
    expect(within(moved).getByRole('row', { name: /Labour agreements/ })).toHaveTextContent('Labour agreements?Not yet answeredNochanged');
  });

  it('has nothing to compare with when no earlier assessment of this government is on the device', async () => {
    renderWithI18n(<ResultsPage assessment={assessment} bundle={bundle} loadBundle={loadBundle} />);
    expect(await screen.findByText('There is no earlier assessment of this government at this level on this device.')).toBeInTheDocument();
  });
});
