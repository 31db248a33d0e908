import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../domain/assessment';
import { allIndicators, type CatalogueBundle, type CatalogueKind } from '../domain/catalogue';
import { HomePage } from '../features/assessments/home-page';
import { WhoBadge } from '../features/review/who-badge';
import { getAssessment } from '../storage/assessments';
import { useStored } from '../storage/live';
import { ErrorBoundary } from '../ui/error-boundary';
import { href, navigate, useRoute, type Route } from '../ui/router';
import { StorageErrorMessage } from '../ui/storage-error-message';
import { whenIdle } from '../ui/when-idle';
import { loadCatalogue, loadCatalogueBundle } from './catalogue';
import { isLanguage, languageNames, languages, type Language } from '../domain/language';
import { useFocusOnNavigation } from './focus-on-navigation';
import { preloadable } from './preloadable';
import { usePrefetchWalkthrough } from './prefetch';
import { StorageNotices } from './storage-notices';
import { StorageStatus } from './storage-status';

// The update prompt's code comes with the first screen; the service worker's registration waits (useInstallLater).
const UpdatePrompt = lazy(() => import('./update-prompt').then((m) => ({ default: m.UpdatePrompt })));
// Screens beyond the home list load on demand, keeping the first screen small.
const NewAssessmentPage = lazy(() => import('../features/assessments/setup-page').then((m) => ({ default: m.NewAssessmentPage })));
const EditAssessmentPage = lazy(() => import('../features/assessments/setup-page').then((m) => ({ default: m.EditAssessmentPage })));
// The walkthrough and its review panel are preloaded when the browser is idle (see prefetch.ts).
const WalkthroughPage = preloadable(() => import('../features/questionnaire/walkthrough-page').then((m) => m.WalkthroughPage));
const PresentationPage = lazy(() => import('../features/questionnaire/presentation-page').then((m) => ({ default: m.PresentationPage })));
const ReviewPage = lazy(() => import('../features/review/review-page').then((m) => ({ default: m.ReviewPage })));
const IndicatorReview = preloadable(() => import('../features/review/indicator-review').then((m) => m.IndicatorReview));
const WhoPage = lazy(() => import('../features/review/who-panel').then((m) => ({ default: m.WhoPage })));
const ExchangePage = lazy(() => import('../features/exchange/exchange-page').then((m) => ({ default: m.ExchangePage })));
const OpenFromServerPage = lazy(() => import('../features/sync/open-page').then((m) => ({ default: m.OpenFromServerPage })));
const SyncPage = lazy(() => import('../features/sync/sync-page').then((m) => ({ default: m.SyncPage })));
// Background sync of assessments connected to a server, loaded after the first screen (BackgroundSync).
const SyncRunner = preloadable(() => import('../features/sync/sync-page').then((m) => m.SyncRunner));
const ResultsPage = lazy(() => import('../features/report/results-page').then((m) => ({ default: m.ResultsPage })));

/** Builds the demonstration assessment in the UI language, stores it as a new draft and opens its results. */
async function openDemo(lang: Language) {
  const { openDemo: build } = await import('../features/report/open-demo');
  navigate({ name: 'results', id: await build(lang, loadCatalogueBundle) });
}
const ImportPanel = lazy(() => import('../features/exchange/import-panel').then((m) => ({ default: m.ImportPanel })));

/** "Import a file" on the home screen, loaded after the list so the first screen stays small. */
function ImportSlot() {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <Suspense fallback={null}>
      <ImportPanel loadBundle={(kind) => loadCatalogueBundle(kind, lang)} />
    </Suspense>
  );
}

/** Each catalogue's indicator ids: the home list counts only answers to these (and shows their total). */
function useCatalogueIds() {
  const [ids, setIds] = useState<Partial<Record<CatalogueKind, ReadonlySet<string>>>>({});
  useEffect(() => {
    for (const kind of ['national', 'local'] as const) {
      loadCatalogue(kind)
        .then((c) => setIds((t) => ({ ...t, [kind]: new Set(allIndicators(c).map((i) => i.id)) })))
        .catch(() => undefined); // The walkthrough reports a broken catalogue; the list just shows "…".
    }
  }, []);
  return ids;
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    // Named by its label only ("Language"), not by the label wrapped around the select's own value.
    <span className="language">
      <label htmlFor="ui-language">{t('app.language')}</label>{' '}
      <select id="ui-language" value={i18n.language} onChange={(e) => isLanguage(e.target.value) && void i18n.changeLanguage(e.target.value)}>
        {languages.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {languageNames[lang]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Loads an assessment and its catalogue in the UI language, then shows the screen that needs them. */
function WithAssessment({ id, render }: { id: string; render: (assessment: Assessment, bundle: CatalogueBundle) => React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const assessment = useStored(() => getAssessment(id), [id]);
  const [bundle, setBundle] = useState<CatalogueBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const level = assessment?.level;
  const lang = isLanguage(i18n.language) ? i18n.language : 'en';
  useEffect(() => {
    if (!level) return;
    let live = true;
    loadCatalogueBundle(level, lang).then(
      (b) => live && setBundle(b),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [level, lang]);
  if (assessment === null) return <NotFound />;
  if (error) return <p role="alert">{t('storage.catalogue', { detail: error })}</p>;
  if (!assessment || !bundle || bundle.lang !== lang) return <p>{t('app.loading')}</p>;
  return render(assessment, bundle);
}

function Loading() {
  const { t } = useTranslation();
  return <p>{t('app.loading')}</p>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div>
      <p role="alert">{t('app.notFound')}</p>
      <a href={href({ name: 'home' })}>{t('app.backHome')}</a>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const catalogueIds = useCatalogueIds();
  const indicatorIds = useCallback((level: CatalogueKind) => catalogueIds[level], [catalogueIds]);
  const { i18n } = useTranslation();
  switch (route.name) {
    case 'home':
      return (
        <HomePage
          indicatorTotal={(level) => catalogueIds[level]?.size}
          indicatorIds={indicatorIds}
          importSlot={<ImportSlot />}
          onOpenDemo={() => openDemo(isLanguage(i18n.language) ? i18n.language : 'en')}
        />
      );
    case 'new':
      return <NewAssessmentPage catalogueVersion={async (level) => (await loadCatalogue(level)).version} />;
    case 'setup':
      return <EditAssessmentPage id={route.id} indicatorIds={indicatorIds} />;
    case 'walk':
      return (
        <WithAssessment
          id={route.id}
          render={(a, b) => (
            <WalkthroughPage
              assessment={a}
              bundle={b}
              indicatorId={route.indicator}
              aside={(indicatorId) => (
                <Suspense fallback={<Loading />}>
                  <IndicatorReview assessmentId={a.id} bundle={b} indicatorId={indicatorId} />
                </Suspense>
              )}
            />
          )}
        />
      );
    case 'present':
      return <WithAssessment id={route.id} render={(a, b) => <PresentationPage assessment={a} bundle={b} indicatorId={route.indicator} />} />;
    case 'review':
      return <WithAssessment id={route.id} render={(a, b) => <ReviewPage assessment={a} bundle={b} />} />;
    case 'exchange':
      return <WithAssessment id={route.id} render={(a, b) => <ExchangePage assessment={a} bundle={b} loadBundle={(kind) => loadCatalogueBundle(kind, isLanguage(b.lang) ? b.lang : 'en')} />} />;
    case 'sync':
      return <WithAssessment id={route.id} render={(a, b) => <SyncPage assessment={a} bundle={b} />} />;
    case 'results':
      return <WithAssessment id={route.id} render={(a, b) => <ResultsPage assessment={a} bundle={b} loadBundle={loadCatalogueBundle} />} />;
    case 'who':
      return <WhoPage />;
    case 'syncOpen':
      return <OpenFromServerPage />;
  }
}

/**
 * Installing the app for offline use downloads and stores all of it (about 20 MB with the fonts). Begun
 * with the first screen, it competed with the person's first clicks: a first change took twice as
 * long. So it waits a few seconds, then for an idle moment; the app is ready offline soon after.
 */
const INSTALL_AFTER_MS = 3000;
function useInstallLater(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelIdle = () => {};
    const timer = setTimeout(() => (cancelIdle = whenIdle(() => setReady(true), 5000)), INSTALL_AFTER_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, []);
  return ready;
}

/**
 * Background sync, in a boundary of its own: on a first visit that loses the network before the app is
 * installed for offline use, its code cannot arrive, and that must cost the sync, never the screen. It
 * is loaded again once the network is back (a new mount, see preloadable.ts).
 */
function BackgroundSync() {
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!failed) return;
    const again = () => {
      SyncRunner.retry();
      setFailed(false);
      setAttempt((n) => n + 1);
    };
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [failed]);
  return (
    <ErrorBoundary key={attempt} fallback={() => null} onError={() => setFailed(true)}>
      <Suspense fallback={null}>
        <SyncRunner catalogue={loadCatalogue} />
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const install = useInstallLater();
  const route = useRoute();
  usePrefetchWalkthrough(isLanguage(i18n.language) ? i18n.language : 'en', [WalkthroughPage.preload, IndicatorReview.preload]);
  const screenKey = `${route.name}:${'id' in route ? route.id : ''}`;
  useFocusOnNavigation(screenKey);
  const presenting = route.name === 'present';
  // The tab title in the UI language (index.html only has the English one for the first paint).
  const title = t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {presenting ? null : (
        <header className="app-header">
          <a className="brand" href={href({ name: 'home' })}>
            {t('app.name')}
          </a>
          <span className="tagline">{t('app.tagline')}</span>
          {/* The badge reads storage too: when the browser refuses it, the header stays and the
              screen below says why, instead of the whole page going blank. */}
          <ErrorBoundary fallback={() => null}>
            <WhoBadge />
          </ErrorBoundary>
          <LanguageSwitcher />
        </header>
      )}
      <Suspense fallback={null}>
        {/* Its code is loaded now, while the app is surely online; only the registration waits. A
            failure here (code not loaded) costs the offline install, never the screen; the registration
            itself is tried again when the network comes back (update-prompt.tsx). */}
        <ErrorBoundary fallback={() => null}>
          <UpdatePrompt register={install} />
        </ErrorBoundary>
      </Suspense>
      <BackgroundSync />
      <main id="main" tabIndex={-1}>
        {/* What storage repaired or set aside, above every screen until dismissed (not on the projector). */}
        {presenting ? null : (
          <ErrorBoundary fallback={() => null}>
            <StorageNotices />
          </ErrorBoundary>
        )}
        <ErrorBoundary key={screenKey} fallback={(error) => <StorageErrorMessage error={error} />}>
          <Suspense fallback={<Loading />}>
            <Screen route={route} />
          </Suspense>
        </ErrorBoundary>
      </main>
      {presenting ? null : (
        <footer className="app-footer">
          <StorageStatus />
        </footer>
      )}
    </div>
  );
}
