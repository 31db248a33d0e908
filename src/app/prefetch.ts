import { useEffect } from 'react';
import { loadCatalogueBundle } from './catalogue';
import type { Language } from './i18n';

/**
 * Once the first screen is up and the browser is idle, fetch what opening an assessment needs (the
 * walkthrough code and the catalogue in the UI language), so the first open is as quick as the next.
 * Nothing here blocks the first screen; failures are ignored because the real load reports them.
 */
export function usePrefetchWalkthrough(lang: Language): void {
  useEffect(() => {
    const run = () => {
      void import('../features/questionnaire/walkthrough-page').catch(() => undefined);
      void loadCatalogueBundle('national', lang).catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run);
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(run, 200);
    return () => clearTimeout(handle);
  }, [lang]);
}
