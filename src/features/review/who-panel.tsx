import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import { roles, type Role } from '../../domain/history';
import { getActor } from '../../storage/actor';
import { actorTarget, edits } from '../../storage/edits';
import { stateOf } from '../../storage/save-queue';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useEdits } from '../../ui/use-edits';

/** "Who is working on this laptop": display name and role, recorded with every change. */
export function WhoPage() {
  const { t } = useTranslation('review');
  const uid = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('team');
  const [device, setDevice] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [touched, setTouched] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const { state, error: saveError } = stateOf(useEdits(), (key) => key === edits.keyOf(actorTarget));
  const error = loadError ?? saveError;

  // Saved as it is typed, through the same save queue as every other form: a name within 50 ms of
  // the last key, a role at once, and journalled in between.
  const change = (next: { name: string; role: Role }, immediate: boolean) => {
    setName(next.name);
    setRole(next.role);
    setTouched(true);
    edits.edit(actorTarget, next, immediate);
  };

  useEffect(() => {
    let live = true;
    // getActor makes the device id on first use, so the panel can show it.
    getActor().then(
      (actor) => {
        if (!live) return;
        // A change still waiting to be saved (storage failed, then the screen was left) is shown.
        const waiting = edits.waiting(actorTarget) as Partial<typeof actor> | undefined;
        setName(waiting?.name ?? actor.name);
        setRole(waiting?.role ?? actor.role);
        setDevice(actor.device);
        setLoaded(true);
      },
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby={`${uid}-title`} className="who-page">
      <h1 id={`${uid}-title`} tabIndex={-1}>
        {t('who.title')}
      </h1>
      <p className="lead">{t('who.intro')}</p>
      {error ? <StorageErrorMessage error={error} /> : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void edits.flush();
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t('who.name')}</label>
          <p className="hint" id={`${uid}-name-hint`}>
            {t('who.nameHint')}
          </p>
          <input
            id={`${uid}-name`}
            value={name}
            maxLength={200}
            disabled={!loaded}
            aria-describedby={`${uid}-name-hint`}
            onChange={(e) => change({ name: e.target.value, role }, false)}
            onBlur={() => void edits.flush()}
          />
        </div>
        <fieldset className="field">
          <legend>{t('who.role')}</legend>
          {roles.map((r) => (
            <label key={r} className="inline">
              <input
                type="radio"
                name={`${uid}-role`}
                value={r}
                checked={role === r}
                disabled={!loaded}
                onChange={() => change({ name, role: r }, true)}
              />{' '}
              {t(`roles.${r}`)}
            </label>
          ))}
        </fieldset>
        {device ? <p className="hint">{t('who.device', { device: device.slice(0, 8) })}</p> : null}
        <div className="actions">
          <button type="button" onClick={() => (history.length > 1 ? history.back() : navigate({ name: 'home' }))}>
            {t('who.back')}
          </button>
        </div>
        <p role="status" aria-live="polite">
          {touched && state === 'saved' ? t('who.saved') : ''}
        </p>
      </form>
    </section>
  );
}
