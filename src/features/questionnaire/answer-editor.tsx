import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionKinds, type AnswerValue } from '../../domain/answer';
import { decisionMethods, evidenceTypes, TEXT_LIMITS, type Answer, type AnswerPatch, type Evidence } from '../../domain/assessment';
import type { Indicator } from '../../domain/catalogue';
import { answerChoices } from '../../domain/relevance';
import { decisionLabelKey } from '../../ui/labels';
import { LengthHint } from '../../ui/length-hint';

/** The answer choice: a radio group, so arrow keys move between choices as everywhere else. */
export function AnswerChoice({
  indicator,
  value,
  onChange,
  large = false,
  readOnly = false,
}: {
  indicator: Indicator;
  value: AnswerValue | null;
  onChange: (value: AnswerValue) => void;
  large?: boolean;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className={large ? 'choices large' : 'choices'} disabled={readOnly}>
      <legend>{t('walk.yourAnswer')}</legend>
      {answerChoices(indicator).map((choice) => (
        <label key={choice} className={`choice choice-${choice}`}>
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          <span>{t(`answer.${choice}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A year field that lets a person type "2", "20", "201" on the way to "2018": the text is kept here
 * and only a complete year (or an empty field) is passed on.
 */
function YearInput({ id, value, onChange }: { id: string; value: number | null; onChange: (year: number | null) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <input
      id={id}
      inputMode="numeric"
      pattern="[0-9]{4}"
      maxLength={4}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const year = Number(e.target.value);
        if (e.target.value.trim() === '') onChange(null);
        else if (Number.isInteger(year) && year >= 1800 && year <= 2100) onChange(year);
      }}
    />
  );
}

export function AnswerEditor({
  indicator,
  answer,
  onEdit,
  onBlur,
  newId,
  readOnly = false,
}: {
  indicator: Indicator;
  answer: Answer;
  onEdit: (patch: AnswerPatch, immediate?: boolean) => void;
  onBlur: () => void;
  newId: () => string;
  /** Shown but not editable: an IOM reviewer changes answers through proposals. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const setEvidence = (evidence: Evidence[], immediate = false) => onEdit({ evidence }, immediate);
  // A newly added evidence item takes the focus, so keyboard users type its title straight away.
  const focusItem = useRef<string | null>(null);
  useEffect(() => {
    if (!focusItem.current) return;
    document.getElementById(`${uid}-${focusItem.current}-title`)?.focus();
    focusItem.current = null;
  }, [answer.evidence.length, uid]);
  const updateItem = (index: number, patch: Partial<Evidence>) =>
    setEvidence(answer.evidence.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const toggleInstitution = (kind: string, on: boolean) =>
    onEdit({ institutions: on ? [...answer.institutions, kind] : answer.institutions.filter((k) => k !== kind) }, true);

  return (
    <fieldset className="answer-editor" onBlur={onBlur} disabled={readOnly} aria-describedby={readOnly ? `${uid}-read-only` : undefined}>
      {readOnly ? (
        <p className="note" id={`${uid}-read-only`}>
          {t('walk.reviewerReadOnly')}
        </p>
      ) : null}
      <AnswerChoice indicator={indicator} value={answer.value} onChange={(value) => onEdit({ value }, true)} />

      <div className="field">
        <label htmlFor={`${uid}-narrative`}>{t('walk.narrative')}</label>
        <p className="hint" id={`${uid}-narrative-hint`}>
          {t('walk.narrativeHint')}
        </p>
        <textarea
          id={`${uid}-narrative`}
          rows={5}
          value={answer.narrative}
          maxLength={TEXT_LIMITS.long}
          aria-describedby={`${uid}-narrative-hint ${uid}-narrative-length`}
          onChange={(e) => onEdit({ narrative: e.target.value })}
        />
        <LengthHint id={`${uid}-narrative-length`} length={answer.narrative.length} max={TEXT_LIMITS.long} />
      </div>

      <section className="evidence" aria-labelledby={`${uid}-evidence`}>
        <h2 id={`${uid}-evidence`}>{t('walk.evidence')}</h2>
        {answer.evidence.length === 0 ? <p className="hint">{t('walk.noEvidence')}</p> : null}
        <ol className="evidence-list">
          {answer.evidence.map((item, index) => (
            <li key={item.id} className="evidence-item">
              <div className="field">
                <label htmlFor={`${uid}-${item.id}-title`}>{t('walk.evidenceTitle')}</label>
                <input id={`${uid}-${item.id}-title`} maxLength={TEXT_LIMITS.short} value={item.title} onChange={(e) => updateItem(index, { title: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${uid}-${item.id}-type`}>{t('walk.evidenceType')}</label>
                <select
                  id={`${uid}-${item.id}-type`}
                  value={item.type}
                  onChange={(e) => updateItem(index, { type: e.target.value as Evidence['type'] })}
                >
                  {evidenceTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`walk.evidenceTypes.${type}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${uid}-${item.id}-ref`}>{t('walk.evidenceReference')}</label>
                <input id={`${uid}-${item.id}-ref`} maxLength={TEXT_LIMITS.short} value={item.reference} onChange={(e) => updateItem(index, { reference: e.target.value })} />
              </div>
              <div className="field small">
                <label htmlFor={`${uid}-${item.id}-year`}>{t('walk.evidenceYear')}</label>
                <YearInput id={`${uid}-${item.id}-year`} value={item.year} onChange={(year) => updateItem(index, { year })} />
              </div>
              <div className="field">
                <label htmlFor={`${uid}-${item.id}-link`}>{t('walk.evidenceLink')}</label>
                <input id={`${uid}-${item.id}-link`} type="url" maxLength={TEXT_LIMITS.link} value={item.link} onChange={(e) => updateItem(index, { link: e.target.value })} />
              </div>
              <button
                type="button"
                className="danger"
                onClick={() => setEvidence(answer.evidence.filter((_, i) => i !== index), true)}
              >
                {t('walk.removeEvidence', { title: item.title || `#${index + 1}` })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            const id = newId();
            focusItem.current = id;
            setEvidence([...answer.evidence, { id, title: '', type: 'law', reference: '', year: null, link: '' }], true);
          }}
        >
          {t('walk.addEvidence')}
        </button>
      </section>

      <fieldset className="field">
        <legend>{t('walk.institutions')}</legend>
        <div className="checks">
          {institutionKinds.map((kind) => (
            <label key={kind} className="inline">
              <input type="checkbox" checked={answer.institutions.includes(kind)} onChange={(e) => toggleInstitution(kind, e.target.checked)} />{' '}
              {t(`institution.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t('walk.decision')}</legend>
        {decisionMethods.map((method) => (
          <label key={method} className="inline">
            <input type="radio" name={`${uid}-decision`} checked={answer.decision === method} onChange={() => onEdit({ decision: method }, true)} />{' '}
            {t(decisionLabelKey(method))}
          </label>
        ))}
      </fieldset>
      {answer.decision === 'dissent' ? (
        <div className="field">
          <label htmlFor={`${uid}-dissent`}>{t('walk.dissentNote')}</label>
          <textarea
            id={`${uid}-dissent`}
            rows={3}
            value={answer.dissentNote}
            maxLength={TEXT_LIMITS.long}
            aria-describedby={`${uid}-dissent-length`}
            onChange={(e) => onEdit({ dissentNote: e.target.value })}
          />
          <LengthHint id={`${uid}-dissent-length`} length={answer.dissentNote.length} max={TEXT_LIMITS.long} />
        </div>
      ) : null}

      <label className="inline">
        <input type="checkbox" checked={answer.followUp} onChange={(e) => onEdit({ followUp: e.target.checked }, true)} /> {t('walk.followUp')}
      </label>
    </fieldset>
  );
}
