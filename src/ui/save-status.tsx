import { useTranslation } from 'react-i18next';

export type SaveState = 'saved' | 'pending' | 'error';

/** The visible saved state that replaces a Save button. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <span className={`save-status save-${state}`} role="status" aria-live="polite">
      {t(`save.${state}`)}
    </span>
  );
}
