/** Proposed changes to an answer: the reviewer's form, and each proposal beside the current answer with the team's decision. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../domain/answer';
import { TEXT_LIMITS, type Answer } from '../../domain/assessment';
import type { Actor } from '../../domain/history';
import { COMMENT_MAX, isPending, pendingProposals, type Proposal } from '../../domain/review';
import { getAnswer } from '../../storage/answers';
import { useStored } from '../../storage/live';
import { decideProposal, proposeChange, undoRejection } from '../../storage/review-store';
import { FieldValue } from '../../ui/field-value';
import { formatDateTime } from '../../ui/format';
import { LengthHint } from '../../ui/length-hint';
import { Byline, ReviewErrorMessage, TextForm } from './review-forms';
import { useDraft } from './use-draft';

export function ProposalForm({ assessmentId, indicatorId, choices, onDone }: { assessmentId: string; indicatorId: string; choices: readonly AnswerValue[]; onDone: () => void }) {
  const { t } = useTranslation(['review', 'ui']);
  const uid = useId();
  // Kept as a draft until it is sent or cancelled, like every review form.
  const { fields, change, clear } = useDraft(`${assessmentId}/${indicatorId}/propose`, { value: '', narrative: '', note: '' });
  const { narrative, note } = fields;
  const value = fields.value as AnswerValue | '';
  const [error, setError] = useState<unknown>(null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    proposeChange(assessmentId, indicatorId, {
      ...(value ? { value } : {}),
      ...(narrative.trim() ? { narrative } : {}),
      note,
    }).then(() => {
      clear();
      onDone();
    }, setError);
  };
  return (
    <form className="review-form" onSubmit={send}>
      <label htmlFor={`${uid}-value`}>{t('panel.proposedValue')}</label>
      <select id={`${uid}-value`} value={value} onChange={(e) => change({ value: e.target.value })}>
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
        onChange={(e) => change({ narrative: e.target.value })}
      />
      <LengthHint id={`${uid}-narrative-length`} length={narrative.length} max={TEXT_LIMITS.long} />
      <label htmlFor={`${uid}-note`}>{t('panel.proposalNote')}</label>
      <textarea id={`${uid}-note`} rows={2} value={note} maxLength={COMMENT_MAX} onChange={(e) => change({ note: e.target.value })} />
      {error ? <ReviewErrorMessage error={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!value && !narrative.trim()}>
          {t('panel.submitProposal')}
        </button>
        <button
          type="button"
          onClick={() => {
            clear();
            onDone();
          }}
        >
          {t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

type Act = (work: () => Promise<unknown>) => void;

function ProposalCard({ proposal, current, role, act }: { proposal: Proposal; current: Answer | null; role: Actor['role']; act: Act }) {
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
          {d.status === 'rejected' && role === 'team' ? (
            <button type="button" className="link" onClick={() => act(() => undoRejection(proposal.id))}>
              {t('panel.undoReject')}
            </button>
          ) : null}
        </>
      ) : null}
      {pending && role === 'team' ? (
        rejecting ? (
          // The reason is optional: an empty box rejects without one.
          <TextForm
            label={t('panel.rejectReason')}
            draft={`${proposal.assessmentId}/${proposal.indicatorId}/reject/${proposal.id}`}
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

type ListProps = { assessmentId: string; indicatorId: string; proposals: readonly Proposal[]; role: Actor['role']; act: Act };

/** The proposals for one indicator, each beside the current answer; the team decides on those still pending. */
export function ProposalList(props: ListProps) {
  // The answer is read (and read again at each save) only when there is a proposal to set beside it.
  return props.proposals.length === 0 ? null : <Proposals {...props} />;
}

function Proposals({ assessmentId, indicatorId, proposals, role, act }: ListProps) {
  const { t } = useTranslation('review');
  const current = useStored(() => getAnswer(assessmentId, indicatorId), [assessmentId, indicatorId]) ?? null;
  return (
    <ul className="proposals" aria-label={t('panel.proposals', { count: pendingProposals(proposals).length })}>
      {proposals.map((p) => (
        <ProposalCard key={p.id} proposal={p} current={current} role={role} act={act} />
      ))}
    </ul>
  );
}
