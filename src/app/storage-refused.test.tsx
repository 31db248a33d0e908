import { screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { MgiDatabase, setDatabase } from '../storage/connection';
import { App } from './app';

afterEach(() => vi.restoreAllMocks());

// The browser's refusal itself is exercised in Chromium (test/e2e/storage-refused.spec.ts); here the
// same SecurityError comes from the factory, to keep the whole app's answer to it in the unit suite.
it.each(['en', 'es', 'fr'] as const)('names refused storage in %s instead of rendering nothing', async (lang) => {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('Access to storage is not allowed.', 'SecurityError');
  });
  setDatabase(new MgiDatabase(`refused-${crypto.randomUUID()}`));
  const { i18n } = renderWithI18n(
    <Suspense fallback={null}>
      <App />
    </Suspense>,
    lang,
  );
  const alerts = await screen.findAllByRole('alert', {}, { timeout: 30_000 });
  expect(alerts.map((a) => a.textContent)).toContain(i18n.t('storage.unavailable'));
  // The header (language choice) is still there: the person can read the message in their language.
  expect(screen.getByRole('combobox')).toBeTruthy();
});
