import { useTranslation } from 'react-i18next';
import { backupState, type Assessment } from '../../domain/assessment';
import { lastExports } from '../../storage/actor';
import { useStored } from '../../storage/live';
import { formatDateTime } from '../../ui/format';
import { href } from '../../ui/router';

/**
 * Says whether the work on this assessment is in a downloaded file yet. A laptop can be lost, wiped or
 * reinstalled between workshop days; a file on a USB stick or in an e-mail is the team's backup.
 */
export function BackupNote({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const exports = useStored(() => lastExports([assessment.id]), [assessment.id]);
  if (!exports) return null;
  const last = exports.get(assessment.id);
  const state = backupState(assessment.updatedAt, last);
  const when = last ? formatDateTime(last, i18n.language) : '';
  return (
    <p className={`backup-note backup-${state}`}>
      {state === 'never' ? t('backup.never') : state === 'behind' ? t('backup.behind', { when }) : t('backup.current', { when })}
      {state === 'current' ? null : (
        <>
          {' '}
          {t('backup.advice')}{' '}
          <a href={href({ name: 'exchange', id: assessment.id })}>{t('backup.action')}</a>
        </>
      )}
    </p>
  );
}
