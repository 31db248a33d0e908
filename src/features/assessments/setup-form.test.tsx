import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/render';
import { SetupForm } from './setup-form';
import { newSetup } from './setup-page';

describe('SetupForm', () => {
  it('announces missing and invalid fields in the UI language and does not submit', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(
      <SetupForm initial={newSetup(2026)} submitLabel="Crear" onSubmit={onSubmit} onCancel={() => undefined} nationalOptions={[]} />,
      'es',
    );
    const year = screen.getByLabelText('Año');
    await userEvent.clear(year);
    await userEvent.type(year, '1990');
    await userEvent.click(screen.getByRole('button', { name: 'Crear' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['Este campo es obligatorio.', 'Indique un año entre 2000 y 2100.']);
    expect(screen.getByLabelText('Gobierno o autoridad')).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the details with catalogue institutions and free entries together', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(
      <SetupForm initial={newSetup(2026)} submitLabel="Create" onSubmit={onSubmit} onCancel={() => undefined} nationalOptions={[]} />,
    );
    await userEvent.type(screen.getByLabelText('Government or authority'), 'Republic of Testland');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Labour' }));
    await userEvent.type(screen.getByLabelText('Other participating institutions'), 'Migration Council{enter}Ombudsman');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ government: 'Republic of Testland', year: 2026, institutions: ['labour', 'Migration Council', 'Ombudsman'] }),
    );
  });

  it('offers the national assessments only for a local assessment, and links the chosen one', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(
      <SetupForm
        initial={{ ...newSetup(2026), government: 'City of Port Example' }}
        submitLabel="Create"
        onSubmit={onSubmit}
        onCancel={() => undefined}
        nationalOptions={[{ id: 'n1', label: 'Exampleland 2025' }]}
      />,
    );
    expect(screen.queryByLabelText('National assessment of the country')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Local' }));
    await userEvent.selectOptions(screen.getByLabelText('National assessment of the country'), 'Exampleland 2025');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ level: 'local', nationalAssessmentId: 'n1' })));
  });

  it('saves every valid change by itself when editing, with no Save button', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(
      <SetupForm
        initial={{ ...newSetup(2026), government: 'Testland' }}
        autosave={{ change: onSubmit, state: 'saved' }}
        onCancel={() => undefined}
        cancelLabel="Done"
        nationalOptions={[]}
      />,
    );
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    await userEvent.type(screen.getByLabelText('Focal point'), 'Ms Example');
    await waitFor(() => expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ focalPoint: 'Ms Example' })));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('asks before switching the level of an answered assessment, and explains what will be hidden', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(
      <SetupForm
        initial={{ ...newSetup(2026), government: 'Testland' }}
        autosave={{ change: onSubmit, state: 'saved' }}
        answered={12}
        onCancel={() => undefined}
        cancelLabel="Done"
        nationalOptions={[]}
      />,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Local' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This assessment has 12 answers to the National indicators');
    expect(screen.getByRole('radio', { name: 'National' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Keep National' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('radio', { name: 'National' })).toBeChecked();

    await userEvent.click(screen.getByRole('radio', { name: 'Local' }));
    await userEvent.click(screen.getByRole('button', { name: 'Switch to Local' }));
    expect(screen.getByRole('radio', { name: 'Local' })).toBeChecked();
    await waitFor(() => expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ level: 'local' })));
  });
});
