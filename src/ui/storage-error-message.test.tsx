import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { StorageError } from '../storage/connection';
import { isCodeNotLoaded, StorageErrorMessage } from './storage-error-message';

describe('storage failures', () => {
  it('are said plainly in the user’s language', () => {
    renderWithI18n(<StorageErrorMessage error={new StorageError('quota')} />, 'es');
    expect(screen.getByRole('alert')).toHaveTextContent('El dispositivo no tiene espacio de almacenamiento suficiente. No se pudo guardar su último cambio.');
  });

  it('name the network, not storage, when a part of the app could not be fetched (as each browser words it)', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: https://example.org/assets/sync-page-1.js', // Chromium
      'error loading dynamically imported module: https://example.org/assets/sync-page-1.js', // Firefox
      'Importing a module script failed.', // Safari
      'Unable to preload CSS for /assets/review-1.css', // Vite's preloading of a chunk's styles
    ]) {
      const { unmount } = renderWithI18n(<StorageErrorMessage error={new TypeError(message)} />, 'fr');
      expect(screen.getByRole('alert')).toHaveTextContent('l’appareil n’est pas connecté à internet');
      unmount();
    }
    expect(isCodeNotLoaded(new Error('QuotaExceededError'))).toBe(false);
  });
});
