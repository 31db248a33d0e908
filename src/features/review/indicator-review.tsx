/**
 * The review of one indicator beside its answer, composed of parts that each get only what they read:
 * the proposals (proposals.tsx), the query and comment threads (comment-threads.tsx) and what the
 * person can start (review-actions.tsx), then the history of the answer. Only one form is open at a time.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import type { Assessment } from '../../domain/assessment';
import { allIndicators, type CatalogueBundle } from '../../domain/catalogue';
import { answerChoices } from '../../domain/relevance';
import { statusOf, threadsOf } from '../../domain/review';
import { getAnswer } from '../../storage/answers';
import { useStored } from '../../storage/live';
import { addComment, getReviewData, raiseQuery, validateIndicator } from '../../storage/review-store';
import { useActor } from '../../ui/use-actor';
import { AnswerHistory } from './answer-history';
import { CommentThreads, type ThreadForm } from './comment-threads';
import { ProposalForm, ProposalList } from './proposals';
import { ReviewActions, type NewEntry } from './review-actions';
import { ReviewErrorMessage, TextForm } from './review-forms';

type Form = { kind: NewEntry } | ThreadForm;

export function IndicatorReview({ assessment, bundle, indicatorId }: { assessment: Assessment; bundle: CatalogueBundle; indicatorId: string }) {
  const { t } = useTranslation('review');
  const uid = useId();
  const actor = useActor();
  const data = useStored(() => getReviewData(assessment.id), [assessment.id]);
  const current = useStored(() => getAnswer(assessment.id, indicatorId), [assessment.id, indicatorId]);
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
        return <TextForm label={t('panel.queryLabel')} draft={`${assessment.id}/${indicatorId}/query`} submit={t('panel.send')} onSubmit={(text) => raiseQuery(assessment.id, indicatorId, text).then(close)} onCancel={close} />;
      case 'comment':
        return <TextForm label={t('panel.commentLabel')} draft={`${assessment.id}/${indicatorId}/comment`} submit={t('panel.send')} onSubmit={(text) => addComment(assessment.id, indicatorId, text).then(close)} onCancel={close} />;
      case 'propose': {
        const indicator = allIndicators(bundle.catalogue).find((i) => i.id === indicatorId);
        return <ProposalForm assessmentId={assessment.id} indicatorId={indicatorId} choices={answerChoices(indicator ?? { notApplicable: false })} onDone={close} />;
      }
      default:
        return (
          <ReviewActions
            reviewer={actor.role === 'reviewer'}
            validated={status === 'validated'}
            onStart={(kind) => setForm({ kind })}
            onValidate={() => act(() => validateIndicator(assessment.id, indicatorId))}
          />
        );
    }
  };

  return (
    <section className="review-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('panel.title')}</h2>
      <p className={`review-status status-${status}`}>{t('panel.status', { status: t(`status.${status}`) })}</p>
      {error ? <ReviewErrorMessage error={error} /> : null}
      <ProposalList proposals={data.proposals.filter((p) => p.indicatorId === indicatorId)} current={current ?? null} role={actor.role} act={act} />
      <CommentThreads
        assessmentId={assessment.id}
        indicatorId={indicatorId}
        threads={threadsOf(data.comments, indicatorId)}
        actor={actor}
        open={threadForm}
        onOpen={setForm}
        onClose={close}
        act={act}
      />
      {entryForm()}
      <AnswerHistory assessmentId={assessment.id} indicatorId={indicatorId} />
    </section>
  );
}
