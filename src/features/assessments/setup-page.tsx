import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSetup } from '../../domain/assessment';
import type { CatalogueKind } from '../../domain/catalogue';
import { createAssessment, getAssessment, updateAssessment } from '../../storage/db';
import { useStored } from '../../storage/live';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/StorageErrorMessage';
import { SetupForm } from './setup-form';

export function newSetup(year = new Date().getFullYear()): AssessmentSetup {
  return { government: '', level: 'national', year, focalPoint: '', institutions: [], context: '' };
}

export function NewAssessmentPage({ catalogueVersion }: { catalogueVersion: (level: CatalogueKind) => Promise<string> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title" tabIndex={-1}>
        {t('setup.titleNew')}
      </h1>
      {error ? <StorageErrorMessage error={error} /> : null}
      <SetupForm
        initial={newSetup()}
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
  const [error, setError] = useState<unknown>(null);
  if (assessment === undefined) return <p>{t('app.loading')}</p>;
  if (assessment === null) return <p role="alert">{t('app.notFound')}</p>;
  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title" tabIndex={-1}>
        {t('setup.titleEdit')}
      </h1>
      {error ? <StorageErrorMessage error={error} /> : null}
      <SetupForm
        initial={assessment}
        submitLabel={t('setup.save')}
        onCancel={() => navigate({ name: 'walk', id })}
        onSubmit={async (setup) => {
          try {
            await updateAssessment(id, setup);
            navigate({ name: 'walk', id });
          } catch (e) {
            setError(e);
          }
        }}
      />
    </section>
  );
}
