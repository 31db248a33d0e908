import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { setAsideFileName } from '../domain/file-name';
import { checkStoredRows, getAssessment, onRepair, repairedRows } from '../storage/assessments';
import { setAsideEntries } from '../storage/journal';
import { useStored } from '../storage/live';
import { markNoticesSeen, repairedRowKey, seenNotices, type SeenNotices } from '../storage/seen-notices';
import { download } from '../ui/download';
import { setAsideThisStart } from './start-report';

/** The assessment a set-aside journal entry belongs to, when it says so. */
function assessmentOf(item: { entry: unknown }): string | null {
  const entry = item.entry;
  if (entry === null || typeof entry !== 'object') return null;
  // The save queue's entries name their record in `target`; the first journal's named it beside the patch.
  const target = (entry as { target?: unknown }).target;
  const id = (target !== null && typeof target === 'object' ? (target as { assessmentId?: unknown }) : (entry as { assessmentId?: unknown })).assessmentId;
  return typeof id === 'string' && id ? id : null;
}

/** "Testland (2026) and Otherland (2025)" for the assessments still stored; the others are left out. */
function useAssessmentNames(ids: readonly string[]): { names: string; count: number } | null {
  const { t, i18n } = useTranslation();
  const key = ids.join('\n');
  const found = useStored(async () => (ids.length === 0 ? [] : Promise.all(ids.map(getAssessment))), [key]);
  const names = (found ?? []).filter((a) => a !== null).map((a) => t('notices.assessment', { government: a.government, year: a.year }));
  return names.length === 0 ? null : { names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names), count: names.length };
}

const unique = (ids: readonly (string | null)[]): string[] => [...new Set(ids.filter((id) => id !== null))];

/**
 * Tells the person what storage repaired or set aside, instead of only the console: stored rows read
 * repaired (assessments checked at start, answers whenever a screen reads them), and
 * journalled changes that could not be stored, offered as a file so nothing is lost. Calm (a status,
 * not an alert: nothing is lost and nothing waits for an answer); each message stays until hidden.
 */
export function StorageNotices() {
  const { t } = useTranslation();
  const rows = useSyncExternalStore(onRepair, repairedRows);
  const [seen, setSeen] = useState(seenNotices);
  const [aside] = useState(setAsideEntries);
  const [asideHidden, setAsideHidden] = useState(false);
  useEffect(() => {
    // Storage refused: the screens say so; there is nothing to check.
    checkStoredRows().catch(() => undefined);
  }, []);
  const hide = (change: Partial<SeenNotices>) => {
    const next = { ...seen, ...change };
    markNoticesSeen(next);
    setSeen(next);
  };

  const newRows = rows.filter((r) => !seen.repaired.includes(repairedRowKey(r)));
  const newAside = aside.slice(seen.setAside);
  // The replay's own count also covers entries it had nowhere to keep (localStorage full).
  const asideCount = asideHidden ? 0 : Math.max(newAside.length, setAsideThisStart());
  const repairNames = useAssessmentNames(unique(newRows.map((r) => r.assessmentId)));
  const asideNames = useAssessmentNames(unique(newAside.map(assessmentOf)));
  if (newRows.length === 0 && asideCount === 0) return null;

  // Every entry ever kept aside, not only the new ones: the file is the person's copy of all of them.
  const save = () => download(JSON.stringify({ keptAside: aside }, null, 2), setAsideFileName());
  return (
    <div className="storage-notices">
      {newRows.length > 0 ? (
        <div className="notice" role="status">
          <p>{[t('notices.repaired', { count: newRows.length }), repairNames ? t('notices.checkAnswers', { names: repairNames.names }) : ''].filter(Boolean).join(' ')}</p>
          <button type="button" className="link" aria-label={t('notices.hideRepaired')} onClick={() => hide({ repaired: [...seen.repaired, ...newRows.map(repairedRowKey)] })}>
            {t('notices.hide')}
          </button>
        </div>
      ) : null}
      {asideCount > 0 ? (
        <div className="notice" role="status">
          <p>
            {[t('notices.setAside', { count: asideCount }), asideNames ? t('notices.setAsideOf', asideNames) : '', t('notices.setAsideAdvice')].filter(Boolean).join(' ')}
          </p>
          <div className="actions">
            <button type="button" onClick={save}>
              {t('notices.download')}
            </button>
            <button
              type="button"
              className="link"
              aria-label={t('notices.hideSetAside')}
              onClick={() => {
                hide({ setAside: aside.length });
                setAsideHidden(true);
              }}
            >
              {t('notices.hide')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
