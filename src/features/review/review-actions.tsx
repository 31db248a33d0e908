/** What a person can start on an indicator: a reviewer raises a query, proposes or validates; anyone comments. */
import { useTranslation } from 'react-i18next';

export type NewEntry = 'query' | 'propose' | 'comment';

export function ReviewActions({ reviewer, validated, onStart, onValidate }: { reviewer: boolean; validated: boolean; onStart: (entry: NewEntry) => void; onValidate: () => void }) {
  const { t } = useTranslation('review');
  return (
    <div className="actions review-actions">
      {reviewer ? (
        <>
          <button type="button" onClick={() => onStart('query')}>
            {t('panel.raiseQuery')}
          </button>
          <button type="button" onClick={() => onStart('propose')}>
            {t('panel.propose')}
          </button>
          {validated ? null : (
            <button type="button" onClick={onValidate}>
              {t('panel.validate')}
            </button>
          )}
        </>
      ) : null}
      <button type="button" onClick={() => onStart('comment')}>
        {t('panel.comment')}
      </button>
    </div>
  );
}
