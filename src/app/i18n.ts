/**
 * UI language. Each locale file (locales/<lang>/<namespace>.json) is its own chunk, fetched when first
 * needed: the first screen carries only the `ui` strings of the language in use; the report and review
 * strings come with their screens; another language comes when someone switches to it.
 * Catalogue texts are loaded separately, per language, when an assessment needs them (catalogue.ts).
 */
import i18next, { type BackendModule, type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, languages, type Language } from '../domain/language';

/** UI namespaces: one file per area, so features can grow their strings without colliding. */
export const namespaces = ['ui', 'report', 'review'] as const;
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/{ui,report,review}.json', { import: 'default' });

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(lng, ns, callback) {
    const load = files[`../../locales/${lng}/${ns}.json`];
    if (!load) return callback(new Error(`locales/${lng}/${ns}.json is missing`), false);
    load().then(
      (data) => callback(null, data),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};


const STORAGE_KEY = 'mgi.language';

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

/**
 * Creates the i18n instance. In the app, strings load lazily and `ready` resolves when the first
 * screen's strings are in; tests pass `resources` to have everything at once, synchronously.
 */
export function setupI18n(lang: Language = initialLanguage(), resources?: Resource) {
  const instance = i18next.createInstance();
  if (!resources) instance.use(lazyLocales);
  const ready = instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...languages],
    ...(resources ? { resources, initAsync: false } : {}),
    defaultNS: 'ui',
    ns: resources ? [...namespaces] : ['ui'],
    interpolation: { escapeValue: false }, // React escapes; PDF text is never HTML.
    returnNull: false,
  });
  rememberPlainStrings(instance);
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Not remembered, but the switch itself still works.
    }
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return { i18n: instance, ready };
}

/** The options react-i18next adds by itself; a call with nothing else asks for a plain string. */
const scopeOptions = new Set(['lng', 'lngs', 'ns', 'keyPrefix']);

/**
 * The walkthrough re-renders on every answer, asking for a hundred strings each time, and i18next
 * works each one out anew (several milliseconds per render on an old laptop). Strings asked for
 * without values are remembered per language, namespace and key, and forgotten whenever the language
 * or the loaded strings change.
 */
function rememberPlainStrings(instance: i18n): void {
  const resolve = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, unknown>();
  const forget = () => memo.clear();
  instance.on('languageChanged', forget);
  instance.on('loaded', forget);
  instance.store.on('added', forget);
  instance.store.on('removed', forget);
  instance.t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
    const plain =
      typeof key === 'string' &&
      rest.length === 0 &&
      (options === undefined || (typeof options === 'object' && options !== null && Object.keys(options).every((k) => scopeOptions.has(k))));
    if (!plain) return resolve(key, options, ...rest);
    const o = (options ?? {}) as Record<string, unknown>;
    const id = [o.lng ?? instance.language, o.ns, o.keyPrefix, key].map(String).join('\u0000');
    if (!memo.has(id)) memo.set(id, resolve(key, options));
    return memo.get(id);
  }) as unknown as typeof instance.t;
}
