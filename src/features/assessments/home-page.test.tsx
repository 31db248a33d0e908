import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { withFreshDatabase } from '../../../test/fresh-database';
import { renderWithI18n } from '../../../test/render';
import type { AssessmentSetup } from '../../domain/assessment';
import { saveAnswer } from '../../storage/answers';
import { createAssessment, updateAssessment } from '../../storage/assessments';
import { markExported } from '../../storage/actor';
import { HomePage, PAGE_SIZE } from './home-page';

withFreshDatabase();

const setup = (government: string, year = 2026): AssessmentSetup => ({ government, level: 'national', year, focalPoint: '', institutions: [], context: '' });
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 9, n)).toISOString();
const renderHome = (lang: 'en' | 'es' | 'fr' = 'en') => renderWithI18n(<HomePage indicatorTotal={() => 90} />, lang);
const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('the assessments home list', () => {
  it('shows each assessment with its answered count, newest change first', async () => {
    const older = await createAssessment(setup('Ruritania', 2024), '2026.1', minute(1));
    await createAssessment(setup('Freedonia'), '2026.1', minute(2));
    await saveAnswer(older.id, 'a', { value: 'yes' }, minute(3));
    await saveAnswer(older.id, 'b', { value: 'unknown' }, minute(4));
    renderHome();
    await screen.findByRole('table');
    expect(rows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Ruritania', 'Freedonia']);
    expect(rows()[0]).toHaveTextContent('1 of 90');
    expect(rows()[1]).toHaveTextContent('0 of 90');
  });

  it.each([
    ['en', ['Edit details of Chile 2025', 'Start follow-up of Chile 2025', 'Archive Chile 2025', 'Delete Chile 2025']],
    ['es', ['Editar datos de Chile 2025', 'Iniciar evaluación de seguimiento de Chile 2025', 'Archivar Chile 2025', 'Eliminar Chile 2025']],
    ['fr', ['Modifier les informations de Chile 2025', 'Lancer une évaluation de suivi de Chile 2025', 'Archiver Chile 2025', 'Supprimer Chile 2025']],
  ] as const)('names every row button with its row, in %s', async (lang, names) => {
    await createAssessment(setup('Chile', 2025), '2026.1', minute(1));
    await createAssessment(setup('Peru', 2025), '2026.1', minute(2));
    renderHome(lang);
    await screen.findByRole('table');
    const chile = rows().find((r) => within(r).getByRole('rowheader').textContent === 'Chile')!;
    const controls = [...within(chile).getAllByRole('button'), within(chile).getByRole('link', { name: names[0] })];
    for (const name of names) expect(controls.some((c) => c.getAttribute('aria-label') === name)).toBe(true);
    // Unique across the list: one "Delete Chile 2025", one "Delete Peru 2025".
    expect(screen.getAllByRole('button', { name: names[3] })).toHaveLength(1);
  });

  it('lists a page at a time on a device with many assessments, and shows the rest on request', async () => {
    const user = userEvent.setup();
    for (let i = 0; i < PAGE_SIZE + 7; i++) await createAssessment(setup(`Country ${i}`), '2026.1', minute(i));
    renderHome();
    await screen.findByRole('table');
    expect(rows()).toHaveLength(PAGE_SIZE);
    expect(screen.getByText(`Assessments shown: ${PAGE_SIZE} of ${PAGE_SIZE + 7}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    // 57 rows render slowly on a loaded machine: wait for what the user sees, however long it takes.
    await screen.findByText(`Assessments shown: ${PAGE_SIZE + 7} of ${PAGE_SIZE + 7}`, {}, { timeout: 15_000 });
    expect(rows()).toHaveLength(PAGE_SIZE + 7);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('finds assessments by name and year, and says so when nothing matches', async () => {
    const user = userEvent.setup();
    await createAssessment(setup('Republic of Ruritania', 2022), '2026.1', minute(1));
    await createAssessment(setup('Republic of Ruritania', 2026), '2026.1', minute(2));
    await createAssessment(setup('Freedonia', 2026), '2026.1', minute(3));
    renderHome();
    await screen.findByRole('table');
    const search = screen.getByRole('searchbox', { name: 'Search by name, year or focal point' });
    await user.type(search, 'ruritania 2022');
    await screen.findByText('Assessments shown: 1 of 1');
    expect(rows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Republic of Ruritania']);
    await user.clear(search);
    await user.type(search, 'Atlantis');
    expect(await screen.findByText('No assessment matches this search.')).toBeInTheDocument();
  });

  it('hides archived assessments until asked, in the user’s language', async () => {
    const user = userEvent.setup();
    const a = await createAssessment(setup('Ruritania'), '2026.1', minute(1));
    await createAssessment(setup('Freedonia'), '2026.1', minute(2));
    await updateAssessment(a.id, { archived: true }, minute(3));
    renderHome('es');
    await screen.findByRole('table');
    expect(rows()).toHaveLength(1);
    await user.click(screen.getByRole('checkbox', { name: 'Mostrar evaluaciones archivadas' }));
    await screen.findByText('Ruritania');
    expect(rows()).toHaveLength(2);
  });

  it('marks assessments with changes that are in no downloaded file, and clears the mark once downloaded', async () => {
    const a = await createAssessment(setup('Ruritania'), '2026.1', minute(1));
    const b = await createAssessment(setup('Freedonia'), '2026.1', minute(2));
    await markExported(a.id, minute(5));
    await markExported(b.id, minute(5));
    await saveAnswer(b.id, 'a', { value: 'no' }, minute(6));
    renderHome('fr');
    await screen.findByRole('table');
    const [freedonia, ruritania] = rows();
    expect(within(freedonia!).getByRole('link', { name: 'Sans fichier de sauvegarde' })).toHaveAttribute('href', `#/a/${b.id}/exchange`);
    expect(within(ruritania!).queryByText('Sans fichier de sauvegarde')).not.toBeInTheDocument();
    expect(screen.getByText(/n’existent que sur cet ordinateur/)).toBeInTheDocument();

    await act(() => markExported(b.id, minute(7)));
    await waitFor(() => expect(screen.queryByText('Sans fichier de sauvegarde')).not.toBeInTheDocument());
  });
});
