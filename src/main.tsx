import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { setupI18n } from './app/i18n';
import { purgeDeleted } from './storage/db';
import { replayJournal } from './storage/journal';
import './app/app.css';

const i18n = setupI18n();

// Edits journalled just before a crash or a closed tab are written before anything is shown;
// assessments deleted in an earlier session (and not undone) are removed for good.
async function recover() {
  try {
    await replayJournal();
    await purgeDeleted();
  } catch {
    // Storage unavailable: the screens say so when they try to read.
  }
}

void recover().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
});
