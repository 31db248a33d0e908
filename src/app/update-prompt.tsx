import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker that keeps the app working offline. When a new version has been
 * downloaded, it is offered here; the page reloads only when the person chooses to.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      {needRefresh ? (
        <>
          <span>{t('pwa.update')}</span>{' '}
          <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>
            {t('pwa.reload')}
          </button>{' '}
          <button type="button" onClick={() => setNeedRefresh(false)}>
            {t('pwa.later')}
          </button>
        </>
      ) : (
        <>
          <span>{t('pwa.offlineReady')}</span>{' '}
          <button type="button" onClick={() => setOfflineReady(false)}>
            {t('pwa.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
