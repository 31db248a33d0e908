import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import type { AnswerValue } from '../../domain/answer';
import { answerValues } from '../../domain/answer';
import { TEXT_LIMITS, type Answer, type Assessment } from '../../domain/assessment';
import { allIndicators, type CatalogueBundle } from '../../domain/catalogue';
import type { Actor } from '../../domain/history';
import { COMMENT_MAX, isAuthor, isPending, isResolved, pendingProposals, statusOf, threadsOf, type Comment, type Proposal } from '../../domain/review';
import { useStored } from '../../storage/live';
import { LengthHint } from '../../ui/length-hint';
import {
  addComment,
  answerQuery,
  decideProposal,
  editComment,
  getReviewData,
  proposeChange,
  raiseQuery,
  ReviewError,
  setThreadResolved,
  undoRejection,
  validateIndicator,
} from '../../storage/review-store';
import { getAnswer } from '../../storage/answers';
import { FieldValue } from '../../ui/field-value';
import { formatDateTime } from '../../ui/format';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { AnswerHistory } from './answer-history';
import { useActor } from '../../ui/use-actor';

type Form = { kind: 'query' } | { kind: 'comment' } | { kind: 'propose' } | { kind: 'reply'; thread: Comment } | { kind: 'edit'; comment: Comment };

function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('review');
  if (error instanceof ReviewError) {
    return (
      <p role="alert" className="alert">
        {t(`errors.${error.problem}`)}
      </p>
    );
  }
  return <StorageErrorMessage error={error} />;
}

/** A text box with send and cancel, for queries, comments, replies and edits. */
function TextForm({ label, initial = '', submit, onSubmit, onCancel }: { label: string; initial?: string; submit: string; onSubmit: (text: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation('review');
  const uid = useId();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    onSubmit(text).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <form className="review-form" onSubmit={send}>
      <label htmlFor={`${uid}-text`}>{label}</label>
      <textarea id={`${uid}-text`} rows={3} value={text} maxLength={COMMENT_MAX} onChange={(e) => setText(e.target.value)} autoFocus />
      {error ? <ErrorMessage error={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

function ProposalForm({ assessment, indicatorId, choices, onDone }: { assessment: Assessment; indicatorId: string; choices: readonly AnswerValue[]; onDone: () => void }) {
  const { t } = useTranslation(['review', 'ui']);
  const uid = useId();
  const [value, setValue] = useState<AnswerValue | ''>('');
  const [narrative, setNarrative] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    proposeChange(assessment.id, indicatorId, {
      ...(value ? { value } : {}),
      ...(narrative.trim() ? { narrative } : {}),
      note,
    }).then(onDone, setError);
  };
  return (
    <form className="review-form" onSubmit={send}>
      <label htmlFor={`${uid}-value`}>{t('panel.proposedValue')}</label>
      <select id={`${uid}-value`} value={value} onChange={(e) => setValue(e.target.value as AnswerValue | '')}>
        <option value="">{t('panel.keepValue')}</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`ui:answer.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${uid}-narrative`}>{t('panel.proposedNarrative')}</label>
      <textarea
        id={`${uid}-narrative`}
        rows={4}
        value={narrative}
        maxLength={TEXT_LIMITS.long}
        aria-describedby={`${uid}-narrative-length`}
        onChange={(e) => setNarrative(e.target.value)}
      />
      <LengthHint id={`${uid}-narrative-length`} length={narrative.length} max={TEXT_LIMITS.long} />
      <label htmlFor={`${uid}-note`}>{t('panel.proposalNote')}</label>
      <textarea id={`${uid}-note`} rows={2} value={note} maxLength={COMMENT_MAX} onChange={(e) => setNote(e.target.value)} />
      {error ? <ErrorMessage error={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!value && !narrative.trim()}>
          {t('panel.submitProposal')}
        </button>
        <button type="button" onClick={onDone}>
          {t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

function Byline({ who, role, at }: { who: string; role: string; at: string }) {
  const { t, i18n } = useTranslation('review');
  return <span className="byline">{t('panel.by', { who: who || t('who.unnamed'), role: t(`roles.${role}`), when: formatDateTime(at, i18n.language) })}</span>;
}

function ProposalCard({ proposal, current, actor, act }: { proposal: Proposal; current: Answer | null; actor: Actor; act: (work: () => Promise<unknown>) => void }) {
  const { t, i18n } = useTranslation('review');
  const [rejecting, setRejecting] = useState(false);
  const d = proposal.decision;
  const pending = isPending(proposal);
  // Beside each proposed field, what the answer says now, so the team decides with both in view.
  const rows = [
    proposal.value !== undefined ? { field: 'value' as const, now: current?.value ?? null, proposed: proposal.value } : null,
    proposal.narrative !== undefined ? { field: 'narrative' as const, now: current?.narrative ?? '', proposed: proposal.narrative } : null,
  ].filter((r) => r !== null);
  return (
    <li className="proposal">
      <p>
        <strong>{t('panel.proposalTitle')}</strong> <Byline who={proposal.by} role={proposal.role} at={proposal.at} />
      </p>
      <table className="proposal-compare">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('panel.currentAnswer')}</th>
            <th scope="col">{t('panel.proposedAnswer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{t(`fields.${row.field}`)}</th>
              <td>
                <FieldValue indicatorId={proposal.indicatorId} field={row.field} value={row.now} />
              </td>
              <td>
                <FieldValue indicatorId={proposal.indicatorId} field={row.field} value={row.proposed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {proposal.note ? <p className="comment-text">{proposal.note}</p> : null}
      {d && d.status !== 'reopened' ? (
        <>
          <p className="hint">{t(d.status === 'accepted' ? 'panel.accepted' : 'panel.rejected', { who: d.by || t('who.unnamed'), when: formatDateTime(d.at, i18n.language) })}</p>
          {d.reason ? <p className="comment-text">{t('panel.rejectedBecause', { reason: d.reason })}</p> : null}
          {d.status === 'rejected' && actor.role === 'team' ? (
            <button type="button" className="link" onClick={() => act(() => undoRejection(proposal.id))}>
              {t('panel.undoReject')}
            </button>
          ) : null}
        </>
      ) : null}
      {pending && actor.role === 'team' ? (
        rejecting ? (
          // The reason is optional: an empty box rejects without one.
          <TextForm
            label={t('panel.rejectReason')}
            submit={t('panel.rejectConfirm')}
            onSubmit={(reason) => decideProposal(proposal.id, 'rejected', undefined, reason).then(() => setRejecting(false))}
            onCancel={() => setRejecting(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="primary" onClick={() => act(() => decideProposal(proposal.id, 'accepted'))}>
              {t('panel.accept')}
            </button>
            <button type="button" onClick={() => setRejecting(true)}>
              {t('panel.reject')}
            </button>
          </div>
        )
      ) : pending ? (
        <p className="hint">{t('panel.awaitingTeam')}</p>
      ) : null}
    </li>
  );
}

/**
 * The review of one indicator beside its answer: status, proposals, comment threads, actions for the
 * person's role, and the history of the answer.
 */
export function IndicatorReview({ assessment, bundle, indicatorId }: { assessment: Assessment; bundle: CatalogueBundle; indicatorId: string }) {
  const { t, i18n } = useTranslation('review');
  const uid = useId();
  const actor = useActor();
  const data = useStored(() => getReviewData(assessment.id), [assessment.id]);
  const current = useStored(() => getAnswer(assessment.id, indicatorId), [assessment.id, indicatorId]);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!actor || !data) return <p>{t('loading')}</p>;
  const indicator = allIndicators(bundle.catalogue).find((i) => i.id === indicatorId);
  const choices = answerValues.filter((v) => v !== 'na' || indicator?.notApplicable === true);

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().then(() => setForm(null), setError);
  };
  const status = statusOf(data.reviews, indicatorId);
  const threads = threadsOf(data.comments, indicatorId);
  const proposals = data.proposals.filter((p) => p.indicatorId === indicatorId);
  const reviewer = actor.role === 'reviewer';
  const waiting = pendingProposals(proposals).length;

  const comment = (c: Comment, thread: Comment) => (
    <div className="comment">
      <p className="comment-head">
        {c.kind === 'query' ? <span className="tag">{t('panel.query')}</span> : null}
        <Byline who={c.by} role={c.role} at={c.at} />
        {c.editedAt ? <span className="hint">{t('panel.edited')}</span> : null}
      </p>
      {form?.kind === 'edit' && form.comment.id === c.id ? (
        <TextForm label={t('panel.editLabel')} initial={c.text} submit={t('panel.save')} onSubmit={(text) => editComment(c.id, text).then(() => setForm(null))} onCancel={() => setForm(null)} />
      ) : (
        <p className="comment-text">{c.text}</p>
      )}
      <div className="comment-actions">
        {isAuthor(c, actor) && form?.kind !== 'edit' ? (
          <button type="button" className="link" onClick={() => setForm({ kind: 'edit', comment: c })} aria-label={t('panel.editNamed', { text: c.text.slice(0, 40) })}>
            {t('panel.edit')}
          </button>
        ) : null}
        {c === thread ? (
          <>
            <button type="button" className="link" onClick={() => setForm({ kind: 'reply', thread })}>
              {thread.kind === 'query' && !reviewer && !isResolved(thread) ? t('panel.answerQuery') : t('panel.reply')}
            </button>
            <button type="button" className="link" onClick={() => act(() => setThreadResolved(thread.id, !isResolved(thread)))}>
              {isResolved(thread) ? t('panel.reopen') : t('panel.resolve')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );

  return (
    <section className="review-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('panel.title')}</h2>
      <p className={`review-status status-${status}`}>{t('panel.status', { status: t(`status.${status}`) })}</p>
      {error ? <ErrorMessage error={error} /> : null}

      {proposals.length > 0 ? (
        <ul className="proposals" aria-label={t('panel.proposals', { count: waiting })}>
          {proposals.map((p) => (
            <ProposalCard key={p.id} proposal={p} current={current ?? null} actor={actor} act={act} />
          ))}
        </ul>
      ) : null}

      {threads.length === 0 ? <p className="hint">{t('panel.noThreads')}</p> : null}
      <ol className="threads">
        {threads.map(({ root, replies }) => (
          <li key={root.id} className={isResolved(root) ? 'thread resolved' : 'thread'}>
            {comment(root, root)}
            {root.resolution ? (
              <p className="hint">
                {t(root.resolution.resolved ? 'panel.resolvedBy' : 'panel.reopenedBy', {
                  who: root.resolution.by || t('who.unnamed'),
                  when: formatDateTime(root.resolution.at, i18n.language),
                })}
              </p>
            ) : null}
            {replies.length > 0 ? (
              <ol className="replies">
                {replies.map((r) => (
                  <li key={r.id}>{comment(r, root)}</li>
                ))}
              </ol>
            ) : null}
            {/* Answering an open query puts it back to the reviewer; a reply to a resolved one is a comment. */}
            {form?.kind === 'reply' && form.thread.id === root.id ? (
              <TextForm
                label={t('panel.replyLabel')}
                submit={t('panel.send')}
                onSubmit={(text) =>
                  (root.kind === 'query' && !reviewer && !isResolved(root) ? answerQuery(assessment.id, indicatorId, root.id, text) : addComment(assessment.id, indicatorId, text, root.id)).then(() => setForm(null))
                }
                onCancel={() => setForm(null)}
              />
            ) : null}
          </li>
        ))}
      </ol>

      {form?.kind === 'query' ? (
        <TextForm label={t('panel.queryLabel')} submit={t('panel.send')} onSubmit={(text) => raiseQuery(assessment.id, indicatorId, text).then(() => setForm(null))} onCancel={() => setForm(null)} />
      ) : form?.kind === 'comment' ? (
        <TextForm label={t('panel.commentLabel')} submit={t('panel.send')} onSubmit={(text) => addComment(assessment.id, indicatorId, text).then(() => setForm(null))} onCancel={() => setForm(null)} />
      ) : form?.kind === 'propose' ? (
        <ProposalForm assessment={assessment} indicatorId={indicatorId} choices={choices} onDone={() => setForm(null)} />
      ) : (
        <div className="actions review-actions">
          {reviewer ? (
            <>
              <button type="button" onClick={() => setForm({ kind: 'query' })}>
                {t('panel.raiseQuery')}
              </button>
              <button type="button" onClick={() => setForm({ kind: 'propose' })}>
                {t('panel.propose')}
              </button>
              {status !== 'validated' ? (
                <button type="button" onClick={() => act(() => validateIndicator(assessment.id, indicatorId))}>
                  {t('panel.validate')}
                </button>
              ) : null}
            </>
          ) : null}
          <button type="button" onClick={() => setForm({ kind: 'comment' })}>
            {t('panel.comment')}
          </button>
        </div>
      )}

      <AnswerHistory assessmentId={assessment.id} indicatorId={indicatorId} />
    </section>
  );
}
