import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './sync.css';
import type { AccessRole } from '../../domain/sync-access';
import { SyncError, type CouchServer } from '../../storage/sync/couch';
import { navigate } from '../../ui/router';
import { download, listRemote } from './sync-engine';
import { SignInFields } from './sign-in-fields';

/**
 * Route #/sync: sign in to a sync server and open an assessment that is not on this laptop yet (a
 * reviewer's or an office's first download). Only the assessments this account was granted are listed.
 */
export function OpenFromServerPage() {
  const { t } = useTranslation('review');
  const uid = useId();
  const [url, setUrl] = useState(() => `${location.origin}/couch`);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [found, setFound] = useState<{ server: CouchServer; assessments: { id: string; access: AccessRole }[] } | null>(null);

  const problem = (e: unknown) => (e instanceof SyncError ? t(`sync.problems.${e.problem}`, { id: '', detail: e.detail }) : t('sync.problems.server', { detail: String(e) }));

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      setFound(await listRemote(url.trim().replace(/\/$/, ''), name.trim(), password));
      setPassword('');
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  const open = async (id: string, access: AccessRole) => {
    if (!found) return;
    setBusy(true);
    setError('');
    try {
      const result = await download(found.server, url.trim().replace(/\/$/, ''), name.trim(), id, access);
      if (result === 'empty') setError(t('sync.open.empty'));
      else navigate({ name: 'sync', id });
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-page">
      <h1>{t('sync.open.title')}</h1>
      <p className="hint">{t('sync.open.intro')}</p>
      <form onSubmit={(e) => void signIn(e)} aria-labelledby={`${uid}-signin`} className="sync-signin">
        <h2 id={`${uid}-signin`}>{t('sync.connectTitle')}</h2>
        <SignInFields uid={uid} url={url} name={name} password={password} onUrl={setUrl} onName={setName} onPassword={setPassword} />
        <button type="submit" disabled={busy}>
          {t('sync.open.signIn')}
        </button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {found ? (
        <section aria-labelledby={`${uid}-list`}>
          <h2 id={`${uid}-list`}>{t('sync.open.listTitle', { count: found.assessments.length })}</h2>
          {found.assessments.length === 0 ? <p>{t('sync.open.none')}</p> : null}
          <ul>
            {found.assessments.map((a) => (
              <li key={a.id}>
                {t('sync.open.entry', { id: a.id, access: t(`sync.access.${a.access}`) })}{' '}
                <button type="button" disabled={busy} onClick={() => void open(a.id, a.access)}>
                  {t('sync.open.download')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
