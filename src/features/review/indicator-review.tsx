/**
 * The review of one indicator beside its answer, composed of parts that each get only what they read:
 * the proposals (proposals.tsx), the query and comment threads (comment-threads.tsx) and what the
 * person can start (review-actions.tsx), then the history of the answer. Only one form is open at a time.
 */
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import { allIndicators, type CatalogueBundle } from '../../domain/catalogue';
import { answerChoices } from '../../domain/relevance';
import { statusOf, threadsOf } from '../../domain/review';
import { useStored } from '../../storage/live';
import { addComment, getReviewData, raiseQuery, validateIndicator } from '../../storage/review-store';
import { useActor } from '../../ui/use-actor';
import { AnswerHistory } from './answer-history';
import { CommentThreads, type ThreadForm } from './comment-threads';
import { ProposalForm, ProposalList } from './proposals';
import { ReviewActions, type NewEntry } from './review-actions';
import { ReviewErrorMessage, TextForm } from './review-forms';

type Form = { kind: NewEntry } | ThreadForm;

/**
 * Memoised, and given the assessment's id rather than the assessment: each answer saved changes the
 * assessment's date, which would otherwise draw the whole panel again for nothing.
 */
export const IndicatorReview = memo(function IndicatorReview({ assessmentId, bundle, indicatorId }: { assessmentId: string; bundle: CatalogueBundle; indicatorId: string }) {
  const { t } = useTranslation('review');
  const uid = useId();
  const actor = useActor();
  const data = useStored(() => getReviewData(assessmentId), [assessmentId]);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!actor || !data) return <p>{t('loading')}</p>;

  const close = () => setForm(null);
  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().then(close, setError);
  };
  const status = statusOf(data.reviews, indicatorId);
  const threadForm = form?.kind === 'reply' || form?.kind === 'edit' ? form : null;
  const entryForm = () => {
    switch (form?.kind) {
      case 'query':
        return <TextForm label={t('panel.queryLabel')} draft={`${assessmentId}/${indicatorId}/query`} submit={t('panel.send')} onSubmit={(text) => raiseQuery(assessmentId, indicatorId, text).then(close)} onCancel={close} />;
      case 'comment':
        return <TextForm label={t('panel.commentLabel')} draft={`${assessmentId}/${indicatorId}/comment`} submit={t('panel.send')} onSubmit={(text) => addComment(assessmentId, indicatorId, text).then(close)} onCancel={close} />;
      case 'propose': {
        const indicator = allIndicators(bundle.catalogue).find((i) => i.id === indicatorId);
        return <ProposalForm assessmentId={assessmentId} indicatorId={indicatorId} choices={answerChoices(indicator ?? { notApplicable: false })} onDone={close} />;
      }
      default:
        return (
          <ReviewActions
            reviewer={actor.role === 'reviewer'}
            validated={status === 'validated'}
            onStart={(kind) => setForm({ kind })}
            onValidate={() => act(() => validateIndicator(assessmentId, indicatorId))}
          />
        );
    }
  };

  return (
    <section className="review-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('panel.title')}</h2>
      <p className={`review-status status-${status}`}>{t('panel.status', { status: t(`status.${status}`) })}</p>
      {error ? <ReviewErrorMessage error={error} /> : null}
      <ProposalList assessmentId={assessmentId} indicatorId={indicatorId} proposals={data.proposals.filter((p) => p.indicatorId === indicatorId)} role={actor.role} act={act} />
      <CommentThreads
        assessmentId={assessmentId}
        indicatorId={indicatorId}
        threads={threadsOf(data.comments, indicatorId)}
        actor={actor}
        open={threadForm}
        onOpen={setForm}
        onClose={close}
        act={act}
      />
      {entryForm()}
      <AnswerHistory assessmentId={assessmentId} indicatorId={indicatorId} />
    </section>
  );
});
