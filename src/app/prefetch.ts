import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCatalogueBundle } from './catalogue';
import type { Language } from '../domain/language';
import { whenIdle } from '../ui/when-idle';
import { namespaces } from './i18n';

/**
 * Once the first screen is up and the browser is idle, fetch what opening an assessment needs: the
 * walkthrough code, the strings of every namespace and the catalogue
 * in the UI language, so the first open is as quick as the next. Nothing here blocks the first
 * screen; failures are ignored because the real load reports them.
 */
export function usePrefetchWalkthrough(lang: Language, screens: ReadonlyArray<() => Promise<unknown>>): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    const run = () => {
      for (const preload of screens) void preload().catch(() => undefined);
      const missing = namespaces.filter((ns) => !i18n.hasLoadedNamespace(ns));
      if (missing.length > 0) void i18n.loadNamespaces(missing).catch(() => undefined);
      void loadCatalogueBundle('national', lang).catch(() => undefined);
    };
    return whenIdle(run);
    // The preloaders are module-level constants; re-running follows the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang, i18n]);
}
