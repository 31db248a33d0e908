import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../domain/history';
import { countHistory, getHistory } from '../../storage/review-store';
import { useStored } from '../../storage/live';
import { FieldValue, fieldLabelKey } from '../../ui/field-value';
import { formatDateTime } from '../../ui/format';

/** Who changed what and when, newest first: old → new for an edit, kept and set aside for a decided conflict. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t, i18n } = useTranslation('review');
  if (entries.length === 0) return <p className="hint">{t('history.empty')}</p>;
  return (
    <ol className="history-list">
      {[...entries].reverse().map((e) => (
        <li key={e.id} className="history-entry">
          <p className="history-meta">
            <strong>{t(fieldLabelKey(e.indicatorId, e.field))}</strong>
            {' — '}
            {t('history.by', {
              who: e.by || t('who.unnamed'),
              role: t(`roles.${e.role}`),
              when: formatDateTime(e.at, i18n.language),
              device: e.device.slice(0, 8),
            })}
            {e.via ? <span className="tag">{t(`history.via.${e.via}`)}</span> : null}
          </p>
          {e.via === 'resolve' ? (
            <dl className="history-change">
              <dt>{t('history.kept')}</dt>
              <dd>
                <FieldValue indicatorId={e.indicatorId} field={e.field} value={e.new} />
              </dd>
              <dt>{t('history.setAside')}</dt>
              <dd>
                <FieldValue indicatorId={e.indicatorId} field={e.field} value={e.old} />
              </dd>
            </dl>
          ) : (
            <p className="history-change">
              <span className="old" aria-label={t('history.old')}>
                <FieldValue indicatorId={e.indicatorId} field={e.field} value={e.old} />
              </span>
              {' → '}
              <span className="new" aria-label={t('history.new')}>
                <FieldValue indicatorId={e.indicatorId} field={e.field} value={e.new} />
              </span>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * The history of one answer, live. Closed, only its entries are counted (by IndexedDB): the panel sits
 * beside the answer being typed, and reading a long history at every saved keystroke would make each
 * save cost more the longer the answer's life.
 */
export function AnswerHistory({ assessmentId, indicatorId }: { assessmentId: string; indicatorId: string }) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState(false);
  const count = useStored(() => countHistory(assessmentId, indicatorId), [assessmentId, indicatorId]);
  return (
    <details className="answer-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.title', { count: count ?? 0 })}</summary>
      {open ? <OpenHistory assessmentId={assessmentId} indicatorId={indicatorId} /> : null}
    </details>
  );
}

function OpenHistory({ assessmentId, indicatorId }: { assessmentId: string; indicatorId: string }) {
  const { t } = useTranslation('review');
  const entries = useStored(() => getHistory(assessmentId, indicatorId), [assessmentId, indicatorId]);
  return entries ? <HistoryList entries={entries} /> : <p>{t('loading')}</p>;
}
