import { useTranslation } from 'react-i18next';
import { StorageError } from '../storage/connection';

/** Names a storage failure plainly in the UI language. */
export function StorageErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = error instanceof StorageError ? error.problem : 'unknown';
  return (
    <p role="alert" className="alert">
      {t(`storage.${problem}`)}
    </p>
  );
}
