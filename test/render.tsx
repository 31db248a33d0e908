import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { namespaces, setupI18n } from '../src/app/i18n';
import { languages, type Language } from '../src/domain/language';

/** Every UI string of every language, read from locales/ at once (the app loads them lazily). */
const allStrings = Object.fromEntries(
  languages.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => [ns, JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, 'utf8'))]))]),
);

/** Renders with the real i18n set-up in the given language. */
export function renderWithI18n(ui: ReactElement, lang: Language = 'en') {
  const { i18n } = setupI18n(lang, allStrings);
  return { i18n, ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>) };
}
