import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './review.css';
import { roles, type Role } from '../../domain/history';
import { getActor, setActor } from '../../storage/actor';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';

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

  // Saved as it is typed, like everything else: a name 300 ms after the last key, a role at once,
  // and anything still waiting when the screen closes.
  const latest = useRef({ name, role });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setError(null);
    setActor(latest.current).then(
      () => setSaved(true),
      (e: unknown) => setError(e),
    );
  };
  const change = (next: { name: string; role: Role }, immediate: boolean) => {
    latest.current = next;
    setName(next.name);
    setRole(next.role);
    setSaved(false);
    if (timer.current) clearTimeout(timer.current);
    if (immediate) save();
    else timer.current = setTimeout(save, 300);
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => () => void (timer.current && saveRef.current()), []);

  useEffect(() => {
    let live = true;
    // getActor makes the device id on first use, so the panel can show it.
    getActor().then(
      (actor) => {
        if (!live) return;
        latest.current = { name: actor.name, role: actor.role };
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
          save();
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
            onBlur={() => timer.current && save()}
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
          {saved ? t('who.saved') : ''}
        </p>
      </form>
    </section>
  );
}
