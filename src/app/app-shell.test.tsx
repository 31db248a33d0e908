import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withFreshDatabase } from '../../test/fresh-database';
import { renderWithI18n } from '../../test/render';
import { App } from './app';

withFreshDatabase();

describe('the app shell', () => {
  it.each([
    ['en', 'MGI assessment', 'Language'],
    ['es', 'Evaluación IGM', 'Idioma'],
    ['fr', 'Évaluation IGM', 'Langue'],
  ] as const)('titles the tab and names the language menu once, in %s', async (lang, title, menu) => {
    renderWithI18n(<App />, lang);
    await waitFor(() => expect(document.title).toBe(title));
    // The menu's name is its label alone, not the label followed by the selected language.
    expect(screen.getByRole('combobox', { name: menu })).toBeInTheDocument();
  });
});
