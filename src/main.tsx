import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { setupI18n } from './app/i18n';
import { recordStart } from './app/start-report';
import { getActor } from './storage/actor';
import { purgeDeleted } from './storage/assessments';
import { edits } from './storage/edits';
import { ErrorBoundary } from './ui/error-boundary';
import { StorageErrorMessage } from './ui/storage-error-message';
import './app/app.css';

const { i18n, ready } = setupI18n();
const sessionStart = new Date().toISOString();

// Edits journalled just before a crash or a closed tab are written before anything is shown
// (when there are none, nothing waits). Assessments deleted in an earlier session and not undone are
// removed for good once the first screen is up.
async function recover() {
  try {
    // What was set aside is shown to the person (app/storage-notices.tsx), not only logged.
    recordStart(await edits.replay());
  } catch {
    // Storage unavailable: the screens say so when they try to read.
  }
}

void Promise.all([recover(), ready]).then(() => {
  // The device's id is made now if this is its first start, not inside the first answer's save, which
  // would wait one more round trip for it.
  void getActor().catch(() => undefined);
  setTimeout(() => void purgeDeleted(sessionStart).catch(() => undefined), 2000);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {/* Strings of a namespace not loaded yet (report, review) suspend until they arrive. */}
        <Suspense fallback={null}>
          {/* Last line of defence: whatever fails outside a screen's own boundary (storage refused
              while the header or footer reads it) is named, never a blank page. */}
          <ErrorBoundary fallback={(error) => <StorageErrorMessage error={error} />}>
            <App />
          </ErrorBoundary>
        </Suspense>
      </I18nextProvider>
    </StrictMode>,
  );
});
