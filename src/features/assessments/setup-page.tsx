import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSetup } from '../../domain/assessment';
import type { CatalogueKind } from '../../domain/catalogue';
import { countAnswered } from '../../storage/answers';
import { createAssessment, getAssessment, listAssessments } from '../../storage/assessments';
import { assessmentTarget, detailsFromPatch, detailsPatch, edits, type DetailsPatch } from '../../storage/edits';
import { useStored } from '../../storage/live';
import { stateOf } from '../../storage/save-queue';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useEdits } from '../../ui/use-edits';
import { SetupForm, type NationalOption } from './setup-form';

export function newSetup(year = new Date().getFullYear()): AssessmentSetup {
  return { government: '', level: 'national', year, focalPoint: '', institutions: [], context: '' };
}

/** National assessments on this device that a local assessment can build on. */
function useNationalOptions(exceptId?: string): NationalOption[] {
  const assessments = useStored(() => listAssessments(), []);
  return (assessments ?? [])
    .filter((a) => a.level === 'national' && a.id !== exceptId)
    .map((a) => ({ id: a.id, label: `${a.government} ${a.year}` }));
}

export function NewAssessmentPage({ catalogueVersion }: { catalogueVersion: (level: CatalogueKind) => Promise<string> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const nationalOptions = useNationalOptions();
  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title" tabIndex={-1}>
        {t('setup.titleNew')}
      </h1>
      {error ? <StorageErrorMessage error={error} /> : null}
      <SetupForm
        initial={newSetup()}
        nationalOptions={nationalOptions}
        submitLabel={t('setup.create')}
        onCancel={() => navigate({ name: 'home' })}
        onSubmit={async (setup) => {
          try {
            const created = await createAssessment(setup, await catalogueVersion(setup.level));
            navigate({ name: 'walk', id: created.id }, true);
          } catch (e) {
            setError(e);
          }
        }}
      />
    </section>
  );
}

export function EditAssessmentPage({ id, indicatorIds }: { id: string; indicatorIds?: (level: CatalogueKind) => ReadonlySet<string> | undefined }) {
  const { t } = useTranslation();
  const assessment = useStored(() => getAssessment(id), [id]);
  // Only answers to the assessment's catalogue count (they are what a level switch would hide).
  const answered = useStored(async () => {
    const level = (await getAssessment(id))?.level ?? 'national';
    const known = indicatorIds?.(level);
    return (await countAnswered([id], known ? () => known : undefined)).get(id) ?? 0;
  }, [id, indicatorIds]);
  const view = useEdits();
  const target = assessmentTarget(id);
  const key = edits.keyOf(target);
  const { state, error } = stateOf(view, (k) => k === key);
  const nationalOptions = useNationalOptions(id);
  if (assessment === undefined) return <p>{t('app.loading')}</p>;
  if (assessment === null) return <p role="alert">{t('app.notFound')}</p>;
  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title" tabIndex={-1}>
        {t('setup.titleEdit')}
      </h1>
      {error ? <StorageErrorMessage error={error} /> : null}
      <SetupForm
        // Keyed by id only: live updates of the stored record must not reset what is being typed.
        key={id}
        // Details still waiting to be saved (storage failed, then the form was left) are shown, so
        // the next change carries them instead of replacing them with the stored values.
        initial={{ ...assessment, ...detailsFromPatch((edits.waiting(target) ?? {}) as DetailsPatch) }}
        answered={answered ?? 0}
        nationalOptions={nationalOptions}
        cancelLabel={t('setup.done')}
        onCancel={() => navigate({ name: 'walk', id })}
        autosave={{
          change: (setup) => edits.edit(target, detailsPatch(setup)),
          state,
        }}
      />
    </section>
  );
}
