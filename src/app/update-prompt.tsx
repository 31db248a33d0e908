import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

// Fetched with this module, at the first screen: the registration imports it, and by then the laptop
// may be offline (the registration waits, see app.tsx). A module is fetched once per page.
void import('workbox-window').catch(() => undefined);

/**
 * Registers the service worker that keeps the app working offline, once `register` is true. When a
 * new version has been downloaded, it is offered here; the page reloads only when the person chooses to.
 */
export function UpdatePrompt({ register }: { register: boolean }) {
  return register ? <Registered /> : null;
}

function Registered() {
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
