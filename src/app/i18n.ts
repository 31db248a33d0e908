/**
 * UI language: i18next with the three UI files bundled (they are small); catalogue texts are loaded
 * separately, per language, when an assessment needs them (see catalogue.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/** UI namespaces: one file per area, so features can grow their strings without colliding. */
export const namespaces = ['ui', 'report', 'review'] as const;
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/{ui,report,review}.json', { eager: true, import: 'default' });
function resources() {
  return Object.fromEntries(
    languages.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => [ns, files[`../../locales/${lang}/${ns}.json`] ?? {}]))]),
  );
}

export const languages = ['en', 'es', 'fr'] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français' };

const STORAGE_KEY = 'mgi.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage blocked: fall back to the browser's language.
  }
  const browser = (globalThis.navigator?.language ?? 'en').slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export function setupI18n(lang: Language = initialLanguage()) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...languages],
    resources: resources(),
    defaultNS: 'ui',
    ns: [...namespaces],
    interpolation: { escapeValue: false }, // React escapes; PDF text is never HTML.
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Not remembered, but the switch itself still works.
    }
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return instance;
}
