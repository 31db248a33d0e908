/** The small pieces every part of an indicator's review uses: its error message, the text form, the byline. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX } from '../../domain/review';
import { ReviewError } from '../../storage/review-store';
import { formatDateTime } from '../../ui/format';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useDraft } from './use-draft';

/** A review rule refused in the person's words; anything else is a storage problem. */
export function ReviewErrorMessage({ error }: { error: unknown }) {
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

/**
 * A text box with send and cancel, for queries, comments, replies, edits and rejection reasons. What is
 * typed is kept as a draft (`draft` names the form) until it is sent or cancelled.
 */
export function TextForm({
  label,
  draft,
  initial = '',
  submit,
  onSubmit,
  onCancel,
}: {
  label: string;
  draft: string;
  initial?: string;
  submit: string;
  onSubmit: (text: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('review');
  const uid = useId();
  const { fields, change, clear } = useDraft(draft, { text: initial });
  const text = fields.text;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    onSubmit(text).then(
      () => {
        clear();
        setBusy(false);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <form className="review-form" onSubmit={send}>
      <label htmlFor={`${uid}-text`}>{label}</label>
      <textarea id={`${uid}-text`} rows={3} value={text} maxLength={COMMENT_MAX} onChange={(e) => change({ text: e.target.value })} autoFocus />
      {error ? <ReviewErrorMessage error={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
        <button
          type="button"
          onClick={() => {
            clear();
            onCancel();
          }}
        >
          {t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

export function Byline({ who, role, at }: { who: string; role: string; at: string }) {
  const { t, i18n } = useTranslation('review');
  return <span className="byline">{t('panel.by', { who: who || t('who.unnamed'), role: t(`roles.${role}`), when: formatDateTime(at, i18n.language) })}</span>;
}
