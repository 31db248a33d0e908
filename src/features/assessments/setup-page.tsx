import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSetup } from '../../domain/assessment';
import type { CatalogueKind } from '../../domain/catalogue';
import { countAnswered } from '../../storage/answers';
import { createAssessment, getAssessment, listAssessments, updateAssessment } from '../../storage/assessments';
import { useStored } from '../../storage/live';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
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

export function EditAssessmentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const assessment = useStored(() => getAssessment(id), [id]);
  const answered = useStored(async () => (await countAnswered([id])).get(id) ?? 0, [id]);
  const [error, setError] = useState<unknown>(null);
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
        initial={assessment}
        autosave
        answered={answered ?? 0}
        nationalOptions={nationalOptions}
        cancelLabel={t('setup.done')}
        onCancel={() => navigate({ name: 'walk', id })}
        onSubmit={async (setup) => {
          try {
            setError(null);
            // Spelled out so that unlinking the national assessment really removes the link.
            await updateAssessment(id, { ...setup, nationalAssessmentId: setup.nationalAssessmentId });
          } catch (e) {
            setError(e);
            throw e;
          }
        }}
      />
    </section>
  );
}
