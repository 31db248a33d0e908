import { useTranslation } from 'react-i18next';
import { institutionKinds } from '../domain/answer';
import type { Evidence } from '../domain/assessment';
import { ASSESSMENT_KEY, REVIEW_FIELD } from '../domain/history';
import { formatDateTime } from './format';
import './field-value.css';
import { decisionLabelKey } from './labels';

const kinds = new Set<string>(institutionKinds);

/** The label key of a tracked field (answer field, review status or the assessment's own field). */
export function fieldLabelKey(indicatorId: string, field: string): string {
  if (indicatorId === ASSESSMENT_KEY) return `review:assessmentFields.${field}`;
  return `review:fields.${field}`;
}

/**
 * A recorded value of a field as a person reads it, in the UI language: answer labels, institution
 * names, evidence titles, text as typed. Used by the history of an answer and by the conflict screen.
 */
export function FieldValue({ indicatorId, field, value }: { indicatorId: string; field: string; value: unknown }) {
  const { t, i18n } = useTranslation(['review', 'ui']);
  const empty = <span className="value-empty">{t('review:values.empty')}</span>;
  if (value === undefined || value === '' || (value === null && field !== 'value') || (Array.isArray(value) && value.length === 0)) return empty;
  if (indicatorId === ASSESSMENT_KEY && field === 'validatedAt') return <span>{formatDateTime(String(value), i18n.language)}</span>;
  if (indicatorId === ASSESSMENT_KEY && field === 'status') return <span>{t(`review:values.${String(value)}`)}</span>;
  switch (field) {
    case 'value':
      return <strong>{t(value === null ? 'ui:answer.none' : `ui:answer.${String(value)}`)}</strong>;
    case REVIEW_FIELD:
      return <span>{t(`review:status.${String(value)}`)}</span>;
    case 'decision':
      return <span>{t(decisionLabelKey(String(value)))}</span>;
    case 'followUp':
      return <span>{t(value === true ? 'review:values.yes' : 'review:values.no')}</span>;
    case 'institutions':
      return <span>{(value as string[]).map((i) => (kinds.has(i) ? t(`ui:institution.${i}`) : i)).join(', ')}</span>;
    case 'evidence':
      return (
        <ul className="value-list">
          {(value as Evidence[]).map((e) => (
            <li key={e.id}>{[e.title || t('review:values.untitled'), e.reference, e.year].filter(Boolean).join(' · ')}</li>
          ))}
        </ul>
      );
    default:
      return <span className="value-text">{String(value)}</span>;
  }
}
