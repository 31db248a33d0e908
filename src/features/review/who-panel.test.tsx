import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { withFreshDatabase } from '../../../test/fresh-database';
import { renderWithI18n } from '../../../test/render';
import { getActor } from '../../storage/actor';
import { WhoPage } from './who-panel';

withFreshDatabase();

describe('who is working on this laptop', () => {
  it('saves the name and role as they are given, with no Save button', async () => {
    const user = userEvent.setup();
    renderWithI18n(<WhoPage />);
    const name = await screen.findByLabelText('Your name');
    await waitFor(() => expect(name).toBeEnabled());
    await user.type(name, 'Ana Pérez');
    await user.click(screen.getByRole('radio', { name: 'IOM mission reviewer' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved.'));
    expect(await getActor()).toMatchObject({ name: 'Ana Pérez', role: 'reviewer' });
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('keeps a name typed just before the screen is left', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithI18n(<WhoPage />);
    const name = await screen.findByLabelText('Your name');
    await waitFor(() => expect(name).toBeEnabled());
    await user.type(name, 'Ben');
    unmount();
    await waitFor(async () => expect((await getActor()).name).toBe('Ben'));
  });
});
