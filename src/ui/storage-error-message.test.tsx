import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { StorageError } from '../storage/connection';
import { StorageErrorMessage } from './storage-error-message';

describe('storage failures', () => {
  it('are said plainly in the user’s language', () => {
    renderWithI18n(<StorageErrorMessage error={new StorageError('quota')} />, 'es');
    expect(screen.getByRole('alert')).toHaveTextContent('El dispositivo no tiene espacio de almacenamiento suficiente. No se pudo guardar su último cambio.');
  });
});
