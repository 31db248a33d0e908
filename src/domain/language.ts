/**
 * The languages of the app, the catalogue and the profile: one list. Adding a language starts here
 * (README, "How to add a language"); the locale files are found from it.
 */
export const languages = ['en', 'es', 'fr'] as const;
export type Language = (typeof languages)[number];

/** Each language named in itself, as a language picker shows it. */
export const languageNames: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
