import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { institutionKinds, institutionKindSchema } from '../../domain/answer';
import { assessmentSetupSchema, TEXT_LIMITS, type AssessmentSetup } from '../../domain/assessment';
import { catalogueKinds } from '../../domain/catalogue';
import { LengthHint } from '../../ui/length-hint';
import { SaveStatus, type SaveState } from '../../ui/save-status';

/** The form edits the setup schema, with institutions split into catalogue kinds and free lines. */
const formSchema = z.extend(z.omit(assessmentSetupSchema, { institutions: true, nationalAssessmentId: true }), {
  kinds: z.array(institutionKindSchema),
  others: z.string().check(z.maxLength(5000, { error: 'tooLong' })),
  /** '' means no national assessment is linked. */
  nationalAssessmentId: z.string(),
});
type FormValues = z.infer<typeof formSchema>;

const kindSet = new Set<string>(institutionKinds);

export function toFormValues(setup: AssessmentSetup): FormValues {
  const { institutions, nationalAssessmentId, ...rest } = setup;
  return {
    ...rest,
    nationalAssessmentId: nationalAssessmentId ?? '',
    kinds: institutions.filter((i) => kindSet.has(i)) as FormValues['kinds'],
    others: institutions.filter((i) => !kindSet.has(i)).join('\n'),
  };
}

export function fromFormValues({ kinds, others, nationalAssessmentId, ...rest }: FormValues): AssessmentSetup {
  const free = others
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const national = rest.level === 'local' && nationalAssessmentId ? { nationalAssessmentId } : {};
  return assessmentSetupSchema.parse({ ...rest, ...national, institutions: [...new Set([...kinds, ...free])] });
}

export interface NationalOption {
  id: string;
  label: string;
}

/**
 * The assessment's details. Creating submits once; editing (`autosave`) saves every valid change as
 * it is made, with no Save button.
 */
export function SetupForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  cancelLabel,
  autosave,
  nationalOptions,
  answered = 0,
}: {
  initial: AssessmentSetup;
  submitLabel?: string;
  /** Creating: called once with the details when the person submits. */
  onSubmit?: (setup: AssessmentSetup) => Promise<void>;
  onCancel: () => void;
  cancelLabel?: string;
  /** Editing: every valid change is handed to `change` (the save queue) and `state` is shown. */
  autosave?: { change: (setup: AssessmentSetup) => void; state: SaveState };
  nationalOptions: NationalOption[];
  /** Answers the assessment already has: switching its level then asks first. */
  answered?: number;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const {
    register,
    handleSubmit,
    control,
    setValue,
    trigger,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: toFormValues(initial), mode: autosave ? 'onChange' : 'onSubmit' });
  const values = useWatch({ control });
  const level = values.level;
  // Values that do not pass (a missing government, a year out of range) are not saved; the form says why.
  const [invalid, setInvalid] = useState(false);
  // The other catalogue has other indicators: its answers would disappear from view, so ask first.
  const [askLevel, setAskLevel] = useState<FormValues['level'] | null>(null);
  const levelField = register('level');
  const first = useRef(true);
  const change = autosave?.change;
  useEffect(() => {
    if (!change) return;
    if (first.current) {
      first.current = false;
      return;
    }
    // Every valid change goes to the save queue at once: journalled synchronously (a reload or "Done"
    // a moment later loses nothing) and stored within 50 ms.
    const parsed = formSchema.safeParse(values);
    setInvalid(!parsed.success);
    if (!parsed.success) {
      void trigger();
      return;
    }
    change(fromFormValues(parsed.data as FormValues));
    // Saving follows the values; the callback is stable for the life of the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(values)]);

  const errorOf = (name: string, error: FieldError | undefined) =>
    error ? (
      <p id={`${uid}-${name}-error`} className="field-error" role="alert">
        {t(`setup.errors.${error.message === 'tooLong' || error.message === 'year' ? error.message : 'required'}`)}
      </p>
    ) : null;
  const described = (name: string, error: FieldError | undefined, hint = false) =>
    [hint ? `${uid}-${name}-hint` : '', error ? `${uid}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="form" noValidate onSubmit={handleSubmit(async (values) => onSubmit?.(fromFormValues(values)))}>
      <div className="field">
        <label htmlFor={`${uid}-government`}>{t('setup.government')}</label>
        <p className="hint" id={`${uid}-government-hint`}>
          {t('setup.governmentHint')}
        </p>
        <input
          id={`${uid}-government`}
          {...register('government')}
          aria-invalid={errors.government ? true : undefined}
          aria-describedby={described('government', errors.government, true)}
        />
        {errorOf('government', errors.government)}
      </div>
      <fieldset className="field">
        <legend>{t('setup.level')}</legend>
        {catalogueKinds.map((kind) => (
          <label key={kind} className="inline">
            <input
              type="radio"
              value={kind}
              {...levelField}
              // Controlled, so a switch that waits for confirmation does not show as made.
              checked={level === kind}
              onChange={(event) => {
                if (answered > 0 && kind !== level) setAskLevel(kind);
                else void levelField.onChange(event);
              }}
            />{' '}
            {t(`level.${kind}`)}
          </label>
        ))}
        {askLevel ? (
          <div className="confirm" role="alert">
            <p>{t('setup.levelSwitch', { count: answered, from: t(`level.${level ?? 'national'}`), to: t(`level.${askLevel}`) })}</p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setValue('level', askLevel, { shouldDirty: true, shouldValidate: true });
                  setAskLevel(null);
                }}
              >
                {t('setup.levelSwitchConfirm', { to: t(`level.${askLevel}`) })}
              </button>
              <button type="button" onClick={() => setAskLevel(null)}>
                {t('setup.levelSwitchCancel', { from: t(`level.${level ?? 'national'}`) })}
              </button>
            </div>
          </div>
        ) : null}
      </fieldset>
      {level === 'local' ? (
        <div className="field">
          <label htmlFor={`${uid}-national`}>{t('setup.national')}</label>
          <p className="hint" id={`${uid}-national-hint`}>
            {t('setup.nationalHint')}
          </p>
          <select id={`${uid}-national`} {...register('nationalAssessmentId')} aria-describedby={`${uid}-national-hint`}>
            <option value="">{t('setup.nationalNone')}</option>
            {nationalOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-year`}>{t('setup.year')}</label>
        <input
          id={`${uid}-year`}
          type="number"
          inputMode="numeric"
          {...register('year', { valueAsNumber: true })}
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={described('year', errors.year)}
        />
        {errorOf('year', errors.year)}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-focal`}>{t('setup.focalPoint')}</label>
        <p className="hint" id={`${uid}-focalPoint-hint`}>
          {t('setup.focalPointHint')}
        </p>
        <input id={`${uid}-focal`} {...register('focalPoint')} aria-describedby={described('focalPoint', errors.focalPoint, true)} />
        {errorOf('focalPoint', errors.focalPoint)}
      </div>
      <fieldset className="field">
        <legend>{t('setup.institutions')}</legend>
        <div className="checks">
          {institutionKinds.map((kind) => (
            <label key={kind} className="inline">
              <input type="checkbox" value={kind} {...register('kinds')} /> {t(`institution.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-others`}>{t('setup.otherInstitutions')}</label>
        <p className="hint" id={`${uid}-others-hint`}>
          {t('setup.otherInstitutionsHint')}
        </p>
        <textarea id={`${uid}-others`} rows={3} {...register('others')} aria-describedby={described('others', errors.others, true)} />
        {errorOf('others', errors.others)}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-context`}>{t('setup.context')}</label>
        <p className="hint" id={`${uid}-context-hint`}>
          {t('setup.contextHint')}
        </p>
        <textarea
          id={`${uid}-context`}
          rows={6}
          maxLength={TEXT_LIMITS.long}
          {...register('context')}
          aria-describedby={`${described('context', errors.context, true) ?? ''} ${uid}-context-length`.trim()}
        />
        <LengthHint id={`${uid}-context-length`} length={values.context?.length ?? 0} max={TEXT_LIMITS.long} />
        {errorOf('context', errors.context)}
      </div>
      <div className="actions">
        {autosave ? (
          <SaveStatus state={invalid ? 'error' : autosave.state} />
        ) : (
          <button type="submit" className="primary" disabled={isSubmitting}>
            {submitLabel}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {cancelLabel ?? t('setup.cancel')}
        </button>
      </div>
    </form>
  );
}
