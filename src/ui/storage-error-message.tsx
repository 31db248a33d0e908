import { useTranslation } from 'react-i18next';
import { StorageError } from '../storage/connection';

/**
 * A part of the app whose code could not be fetched: offline before the app was installed for offline
 * use on this device. Browsers word it differently (Chromium, Firefox, Safari), and Vite's preloading of
 * a chunk's styles has its own.
 */
export function isCodeNotLoaded(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);
}

/** Names a storage failure plainly in the UI language (or the app's code that could not be fetched). */
export function StorageErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = isCodeNotLoaded(error) ? 'app.codeNotLoaded' : `storage.${error instanceof StorageError ? error.problem : 'unknown'}`;
  return (
    <p role="alert" className="alert">
      {t(message)}
    </p>
  );
}
