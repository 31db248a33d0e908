import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { institutionKinds, institutionKindSchema } from '../../domain/answer';
import { assessmentSetupSchema, type AssessmentSetup } from '../../domain/assessment';
import { catalogueKinds } from '../../domain/catalogue';

/** The form edits the setup schema, with institutions split into catalogue kinds and free lines. */
const formSchema = z.extend(z.omit(assessmentSetupSchema, { institutions: true }), {
  kinds: z.array(institutionKindSchema),
  others: z.string().check(z.maxLength(5000, { error: 'tooLong' })),
});
type FormValues = z.infer<typeof formSchema>;

const kindSet = new Set<string>(institutionKinds);

export function toFormValues(setup: AssessmentSetup): FormValues {
  const { institutions, ...rest } = setup;
  return {
    ...rest,
    kinds: institutions.filter((i) => kindSet.has(i)) as FormValues['kinds'],
    others: institutions.filter((i) => !kindSet.has(i)).join('\n'),
  };
}

export function fromFormValues({ kinds, others, ...rest }: FormValues): AssessmentSetup {
  const free = others
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return assessmentSetupSchema.parse({ ...rest, institutions: [...kinds, ...free] });
}

export function SetupForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: AssessmentSetup;
  submitLabel: string;
  onSubmit: (setup: AssessmentSetup) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: toFormValues(initial) });

  const errorOf = (name: string, error: FieldError | undefined) =>
    error ? (
      <p id={`${uid}-${name}-error`} className="field-error" role="alert">
        {t(`setup.errors.${error.message === 'tooLong' || error.message === 'year' ? error.message : 'required'}`)}
      </p>
    ) : null;
  const described = (name: string, error: FieldError | undefined, hint = false) =>
    [hint ? `${uid}-${name}-hint` : '', error ? `${uid}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="form" noValidate onSubmit={handleSubmit(async (values) => onSubmit(fromFormValues(values)))}>
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
        {catalogueKinds.map((level) => (
          <label key={level} className="inline">
            <input type="radio" value={level} {...register('level')} /> {t(`level.${level}`)}
          </label>
        ))}
      </fieldset>
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
        <textarea id={`${uid}-context`} rows={6} {...register('context')} aria-describedby={described('context', errors.context, true)} />
        {errorOf('context', errors.context)}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('setup.cancel')}
        </button>
      </div>
    </form>
  );
}
