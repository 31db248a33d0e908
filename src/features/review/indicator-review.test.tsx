import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { tinyCatalogue, tinyText } from '../../../test/fixtures/catalogue/tiny';
import { withFreshDatabase } from '../../../test/fresh-database';
import { renderWithI18n } from '../../../test/render';
import type { Assessment } from '../../domain/assessment';
import type { CatalogueBundle } from '../../domain/catalogue';
import { getAnswers, saveAnswer } from '../../storage/answers';
import { createAssessment } from '../../storage/assessments';
import { setActor } from '../../storage/actor';
import { getReviewData, raiseQuery, setThreadResolved, validateIndicator } from '../../storage/review-store';
import { IndicatorReview } from './indicator-review';

const bundle: CatalogueBundle = { catalogue: tinyCatalogue, text: tinyText, lang: 'en' };
withFreshDatabase();
let assessment: Assessment;
beforeEach(async () => {
  assessment = await createAssessment({ government: 'Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' }, '2026.1');
  await setActor({ name: 'Ana', role: 'team' });
  await saveAnswer(assessment.id, 'health-access', { value: 'no', narrative: 'Nothing in force.' });
});

describe('review beside an answer', () => {
  it('lets a reviewer propose another answer and the team accept it, recorded in the history', async () => {
    const user = userEvent.setup();
    await setActor({ name: 'Ben', role: 'reviewer' });
    const view = renderWithI18n(<IndicatorReview assessmentId={assessment.id} bundle={bundle} indicatorId="health-access" />);
    await user.click(await screen.findByRole('button', { name: 'Propose another answer' }));
    // "Not applicable" is offered only where the catalogue allows it.
    expect(within(screen.getByLabelText('Proposed answer')).queryByRole('option', { name: 'Not applicable' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Proposed answer'), 'Partial');
    await user.type(screen.getByLabelText('Reason for the proposal'), 'The 2025 decree covers part of it.');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(await screen.findByText('Review status: Query raised')).toBeInTheDocument();
    expect(screen.getByText('Awaiting the government team’s decision.')).toBeInTheDocument();
    view.unmount();

    await setActor({ name: 'Ana', role: 'team' });
    renderWithI18n(<IndicatorReview assessmentId={assessment.id} bundle={bundle} indicatorId="health-access" />);
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('Review status: Answered')).toBeInTheDocument();
    expect(screen.getByText(/^Accepted by Ana,/)).toBeInTheDocument();
    expect((await getAnswers(assessment.id))[0]).toMatchObject({ value: 'partial', narrative: 'Nothing in force.' });

    await user.click(screen.getByText(/History of this answer/));
    const entry = (await screen.findAllByText('accepted proposal'))[0]!.closest('li')!;
    expect(entry).toHaveTextContent('Answer');
    expect(entry).toHaveTextContent('Ana (Government team)');
    expect(within(entry).getByLabelText('Before')).toHaveTextContent('No');
    expect(within(entry).getByLabelText('After')).toHaveTextContent('Partial');
  });

  it('shows the comment thread in Spanish and lets only the author edit', async () => {
    const user = userEvent.setup();
    await setActor({ name: 'Ben', role: 'reviewer' });
    const view = renderWithI18n(<IndicatorReview assessmentId={assessment.id} bundle={bundle} indicatorId="health-access" />, 'es');
    await user.click(await screen.findByRole('button', { name: 'Plantear una consulta' }));
    await user.type(screen.getByLabelText('Su consulta'), '¿Qué decreto?');
    await user.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(await screen.findByText('Estado de la revisión: Consulta planteada')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Editar el comentario «¿Qué decreto?»' })).toBeInTheDocument();
    view.unmount();

    await setActor({ name: 'Ana', role: 'team' });
    renderWithI18n(<IndicatorReview assessmentId={assessment.id} bundle={bundle} indicatorId="health-access" />, 'es');
    expect(await screen.findByText('¿Qué decreto?', { selector: '.comment-text' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Editar el comentario/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Responder a la consulta' }));
    await user.type(screen.getByLabelText('Su respuesta'), 'El decreto 12/2021.');
    await user.click(screen.getByRole('button', { name: 'Enviar' }));
    await waitFor(() => expect(screen.getByText('Estado de la revisión: Respondida')).toBeInTheDocument());
  });

  it('takes a team reply to a resolved query as a comment, so a validated answer stays validated', async () => {
    const user = userEvent.setup();
    await setActor({ name: 'Ben', role: 'reviewer' });
    const query = await raiseQuery(assessment.id, 'health-access', 'Which decree?');
    await setThreadResolved(query.id, true);
    await validateIndicator(assessment.id, 'health-access');

    await setActor({ name: 'Ana', role: 'team' });
    renderWithI18n(<IndicatorReview assessmentId={assessment.id} bundle={bundle} indicatorId="health-access" />);
    expect(await screen.findByText('Review status: Validated')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Answer the query' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    const reply = screen.getByLabelText('Your reply');
    await user.type(reply, 'Decree 12/2021, for the record.');
    expect(reply).toHaveValue('Decree 12/2021, for the record.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(async () => expect((await getReviewData(assessment.id)).comments.map((c) => c.kind).sort()).toEqual(['comment', 'query']));
    expect(await screen.findByText('Decree 12/2021, for the record.')).toBeInTheDocument();
    expect(screen.getByText('Review status: Validated')).toBeInTheDocument();
    expect((await getReviewData(assessment.id)).reviews).toMatchObject([{ indicatorId: 'health-access', status: 'validated' }]);
  });
});
