import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import type { Assessment } from '../../domain/assessment';
import type { CatalogueBundle } from '../../domain/catalogue';
import { reviewStatuses } from '../../domain/history';
import { pendingProposals, reviewOverview, statusOf } from '../../domain/review';
import { useStored } from '../../storage/live';
import { getReviewData, reopenAssessment, ReviewError, validateAssessment } from '../../storage/review-store';
import { formatDate } from '../../ui/format';
import { href } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useActor } from '../../ui/use-actor';

/** Route #/a/<id>/review: review status per domain, the open queries, and validation of the assessment. */
export function ReviewPage({ assessment, bundle }: { assessment: Assessment; bundle: CatalogueBundle }) {
  const { t, i18n } = useTranslation('review');
  const uid = useId();
  const actor = useActor();
  const data = useStored(() => getReviewData(assessment.id), [assessment.id]);
  const [error, setError] = useState<unknown>(null);
  if (!data || !actor) return <p>{t('loading')}</p>;
  const { catalogue, text } = bundle;
  const overview = reviewOverview(catalogue, data.reviews, data.comments, data.proposals);
  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch(setError);
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="review-page">
      <p className="actions">
        <a className="button" href={href({ name: 'walk', id: assessment.id })}>
          {t('overview.back')}
        </a>
      </p>
      <h1 id={`${uid}-title`} tabIndex={-1}>
        {t('overview.title', { government: assessment.government, year: assessment.year })}
      </h1>
      <p className="lead">{t('overview.intro')}</p>

      <table className="list review-table">
        <caption>{t('overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.domain')}</th>
            {reviewStatuses.map((s) => (
              <th scope="col" key={s}>
                {t(`status.${s}`)}
              </th>
            ))}
            <th scope="col">{t('overview.open')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.domains.map((d) => (
            <tr key={d.domainId}>
              <th scope="row">{text.domains[d.domainId]?.title ?? d.domainId}</th>
              {reviewStatuses.map((s) => (
                <td key={s}>{d.counts[s]}</td>
              ))}
              <td>{d.open.length}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('overview.openTitle', { count: overview.openTotal })}</h2>
      {overview.openTotal === 0 ? (
        <p>{t('overview.noneOpen')}</p>
      ) : (
        overview.domains
          .filter((d) => d.open.length > 0)
          .map((d) => (
            <section key={d.domainId} aria-labelledby={`${uid}-${d.domainId}`}>
              <h3 id={`${uid}-${d.domainId}`}>{t('overview.domainOpen', { domain: text.domains[d.domainId]?.title ?? d.domainId, count: d.open.length })}</h3>
              <ul className="open-queries">
                {d.open.map((id) => (
                  <li key={id}>
                    <a href={href({ name: 'walk', id: assessment.id, indicator: id })}>{text.indicators[id]?.question ?? id}</a>{' '}
                    <span className={`tag status-${statusOf(data.reviews, id)}`}>{t(`status.${statusOf(data.reviews, id)}`)}</span>
                    {pendingProposals(data.proposals, id).length > 0 ? <span className="tag">{t('overview.proposalPending')}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))
      )}

      <h2>{t('overview.validationTitle')}</h2>
      {error instanceof ReviewError ? (
        <p role="alert" className="alert">
          {t(`errors.${error.problem}`)}
        </p>
      ) : error ? (
        <StorageErrorMessage error={error} />
      ) : null}
      {assessment.status === 'validated' ? (
        <>
          <p role="status">
            {assessment.validatedBy && assessment.validatedAt
              ? t('overview.validatedBy', { name: assessment.validatedBy || t('who.unnamed'), date: formatDate(assessment.validatedAt, i18n.language) })
              : t('overview.validated')}
          </p>
          {actor.role === 'team' ? (
            <button type="button" onClick={() => act(() => reopenAssessment(assessment.id))}>
              {t('overview.reopen')}
            </button>
          ) : null}
        </>
      ) : (
        <>
          {overview.openTotal > 0 ? <p id={`${uid}-blocked`}>{t('overview.validateBlocked', { count: overview.openTotal })}</p> : null}
          {actor.role === 'team' ? (
            <button
              type="button"
              className="primary"
              disabled={overview.openTotal > 0}
              aria-describedby={overview.openTotal > 0 ? `${uid}-blocked` : undefined}
              onClick={() => act(() => validateAssessment(assessment.id))}
            >
              {t('overview.validate')}
            </button>
          ) : (
            <p className="hint">{t('overview.teamOnly')}</p>
          )}
        </>
      )}
    </section>
  );
}
