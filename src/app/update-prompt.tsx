import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { SERVICE_WORKER_FILE } from './service-worker-file';

// Fetched with this module, at the first screen: the registration imports it, and by then the laptop
// may be offline (the registration waits, see app.tsx). A module is fetched once per page.
void import('workbox-window').catch(() => undefined);

/** The service worker vite-plugin-pwa builds (vite.config.ts names it), under the app's base, which is its scope. */
const SW_URL = `${import.meta.env.BASE_URL}${SERVICE_WORKER_FILE}`;

/**
 * Installs the app for offline use without workbox-window, whose own download may be what failed:
 * registers the service worker when there is none, or installs again one whose install never finished
 * (the network dropped while it was storing the app).
 */
async function installAgain(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL);
    if (!registration) await navigator.serviceWorker.register(SW_URL, { scope: import.meta.env.BASE_URL });
    else if (!registration.active && !registration.installing && !registration.waiting) await registration.update();
  } catch {
    // Still no network: tried again when the browser says it is back.
  }
}

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
  } = useRegisterSW({
    // Offline when the install was due (hotel Wi-Fi dropping in the first seconds): without this the
    // laptop would stay uninstalled until its next visit.
    onRegisterError: () => {
      performance.mark('mgi-install-failed');
      if (navigator.onLine) void installAgain();
    },
  });
  useEffect(() => {
    // Every time the network comes back, an install that never finished is made again (a no-op once done).
    const again = () => void installAgain();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, []);
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
