/** The query and comment threads on one indicator, with the reply and edit forms opened inside them. */
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../domain/history';
import { isAuthor, isResolved, type Comment, type Thread } from '../../domain/review';
import { addComment, answerQuery, editComment, setThreadResolved } from '../../storage/review-store';
import { formatDateTime } from '../../ui/format';
import { Byline, TextForm } from './review-forms';

/** A form that opens inside a thread: a reply to it, or the edit of one of its comments. */
export type ThreadForm = { kind: 'reply'; thread: Comment } | { kind: 'edit'; comment: Comment };

interface ThreadsProps {
  assessmentId: string;
  indicatorId: string;
  threads: readonly Thread[];
  actor: Actor;
  /** The thread form open now, if any (only one form is open in the panel at a time). */
  open: ThreadForm | null;
  onOpen: (form: ThreadForm) => void;
  onClose: () => void;
  act: (work: () => Promise<unknown>) => void;
}

export function CommentThreads({ assessmentId, indicatorId, threads, actor, open, onOpen, onClose, act }: ThreadsProps) {
  const { t, i18n } = useTranslation('review');
  const reviewer = actor.role === 'reviewer';

  const comment = (c: Comment, thread: Comment) => (
    <div className="comment">
      <p className="comment-head">
        {c.kind === 'query' ? <span className="tag">{t('panel.query')}</span> : null}
        <Byline who={c.by} role={c.role} at={c.at} />
        {c.editedAt ? <span className="hint">{t('panel.edited')}</span> : null}
      </p>
      {open?.kind === 'edit' && open.comment.id === c.id ? (
        <TextForm label={t('panel.editLabel')} draft={`${c.assessmentId}/${c.indicatorId}/edit/${c.id}`} initial={c.text} submit={t('panel.save')} onSubmit={(text) => editComment(c.id, text).then(onClose)} onCancel={onClose} />
      ) : (
        <p className="comment-text">{c.text}</p>
      )}
      <div className="comment-actions">
        {isAuthor(c, actor) && open?.kind !== 'edit' ? (
          <button type="button" className="link" onClick={() => onOpen({ kind: 'edit', comment: c })} aria-label={t('panel.editNamed', { text: c.text.slice(0, 40) })}>
            {t('panel.edit')}
          </button>
        ) : null}
        {c === thread ? (
          <>
            <button type="button" className="link" onClick={() => onOpen({ kind: 'reply', thread })}>
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
    <>
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
            {open?.kind === 'reply' && open.thread.id === root.id ? (
              <TextForm
                label={t('panel.replyLabel')}
                draft={`${assessmentId}/${indicatorId}/reply/${root.id}`}
                submit={t('panel.send')}
                onSubmit={(text) =>
                  (root.kind === 'query' && !reviewer && !isResolved(root) ? answerQuery(assessmentId, indicatorId, root.id, text) : addComment(assessmentId, indicatorId, text, root.id)).then(onClose)
                }
                onCancel={onClose}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
