import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import { roles, type Role } from '../../domain/history';
import { getActor, setActor } from '../../storage/history';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/StorageErrorMessage';

/** "Who is working on this laptop": display name and role, recorded with every change. */
export function WhoPage() {
  const { t } = useTranslation('review');
  const uid = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('team');
  const [device, setDevice] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    // getActor makes the device id on first use, so the panel can show it.
    getActor().then(
      (actor) => {
        if (!live) return;
        setName(actor.name);
        setRole(actor.role);
        setDevice(actor.device);
        setLoaded(true);
      },
      (e: unknown) => live && setError(e),
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
          setError(null);
          setActor({ name, role }).then(
            () => setSaved(true),
            (e: unknown) => setError(e),
          );
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
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
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
                onChange={() => {
                  setRole(r);
                  setSaved(false);
                }}
              />{' '}
              {t(`roles.${r}`)}
            </label>
          ))}
        </fieldset>
        {device ? <p className="hint">{t('who.device', { device: device.slice(0, 8) })}</p> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={!loaded}>
            {t('who.save')}
          </button>
          <button type="button" onClick={() => (history.length > 1 ? history.back() : navigate({ name: 'home' }))}>
            {t('who.back')}
          </button>
        </div>
        <p role="status" aria-live="polite">
          {saved ? t('who.saved') : ''}
        </p>
      </form>
    </section>
  );
}
