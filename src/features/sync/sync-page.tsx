import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './sync.css';
import type { Assessment } from '../../domain/assessment';
import type { CatalogueBundle } from '../../domain/catalogue';
import type { CatalogueSource } from '../../domain/exchange';
import type { Decision } from '../../domain/merge';
import { SyncError } from '../../storage/sync/couch';
import { ConflictList } from '../../ui/conflict-list';
import { formatDateTime } from '../../ui/format';
import { href } from '../../ui/router';
import { connect, decide, disconnect, onOnline, resume, resumeAll, setCatalogueSource, statusOf, subscribe, syncNow } from './sync-engine';
import { SignInFields } from './sign-in-fields';

/** The sync state of one assessment, kept current as the background work goes on. */
function useSyncStatus(assessmentId: string) {
  return useSyncExternalStore(subscribe, () => statusOf(assessmentId));
}

/** Mounted once by the app: resumes connected assessments and catches up when the network returns. */
export function SyncRunner({ catalogue }: { catalogue: CatalogueSource }) {
  useEffect(() => {
    setCatalogueSource(catalogue);
    void resumeAll().catch(() => undefined);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [catalogue]);
  return null;
}

/** Route #/a/<id>/sync: connect the assessment to a sync server, see its state, decide conflicts. */
export function SyncPage({ assessment, bundle }: { assessment: Assessment; bundle: CatalogueBundle }) {
  const { t, i18n } = useTranslation('review');
  const uid = useId();
  const status = useSyncStatus(assessment.id);
  const [url, setUrl] = useState(() => `${location.origin}/couch`);
  // Until typed, the account name is the one connected before (if any).
  const [typedName, setName] = useState<string | null>(null);
  const name = typedName ?? status.name;
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});

  useEffect(() => {
    void resume(assessment.id);
  }, [assessment.id]);

  const problemText = (problem: string, detail = '') => t(`sync.problems.${problem}`, { id: assessment.id, detail });

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await connect(assessment.id, url.trim().replace(/\/$/, ''), name.trim(), password);
      setPassword('');
    } catch (e) {
      setError(e instanceof SyncError ? problemText(e.problem, e.detail) : problemText('server', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    setBusy(true);
    try {
      await decide(assessment.id, decisions);
      setDecisions({});
    } finally {
      setBusy(false);
    }
  };

  const needsSignIn = !status.connected || status.phase === 'signedOut' || status.phase === 'noAccess';
  const undecided = status.conflicts.filter((c) => !decisions[c.fingerprint]).length;
  const phaseText =
    status.phase === 'offline' && status.waiting
      ? t('sync.phase.offlineWaiting')
      : status.phase === 'synced' && status.waiting
        ? t('sync.phase.waiting')
        : t(`sync.phase.${status.phase}`);

  return (
    <div className="sync-page">
      <p>
        <a href={href({ name: 'walk', id: assessment.id })}>{t('sync.back', { government: assessment.government, year: assessment.year })}</a>
      </p>
      <h1>{t('sync.title')}</h1>
      <p className="hint">{t('sync.intro')}</p>
      <p className="hint">{t('sync.assessmentId', { id: assessment.id })}</p>

      {status.connected ? (
        <section aria-labelledby={`${uid}-state`} className="sync-state">
          <h2 id={`${uid}-state`}>{t('sync.stateTitle')}</h2>
          <p role="status" className={`sync-phase ${status.phase}`}>
            {phaseText}
          </p>
          <dl className="sync-facts">
            <dt>{t('sync.server')}</dt>
            <dd>{status.url}</dd>
            <dt>{t('sync.account')}</dt>
            <dd>{status.access ? t('sync.accountAs', { name: status.name, access: t(`sync.access.${status.access}`) }) : status.name}</dd>
            <dt>{t('sync.lastSynced')}</dt>
            <dd>{status.lastSyncedAt ? formatDateTime(status.lastSyncedAt, i18n.language) : t('sync.never')}</dd>
          </dl>
          {status.phase === 'error' ? <p role="alert">{problemText(status.problem ?? 'server', status.detail)}</p> : null}
          {status.phase === 'noAccess' ? <p role="alert">{problemText('noAccess')}</p> : null}
          {status.access === 'reader' ? <p className="hint">{t('sync.readOnly')}</p> : null}
          <p className="actions">
            <button type="button" onClick={() => void syncNow(assessment.id)} disabled={busy || status.phase === 'syncing'}>
              {t('sync.now')}
            </button>{' '}
            <button type="button" onClick={() => void disconnect(assessment.id)} disabled={busy}>
              {t('sync.disconnect')}
            </button>
          </p>
        </section>
      ) : null}

      {status.refused.length > 0 ? (
        <section role="alert" aria-labelledby={`${uid}-refused`}>
          <h2 id={`${uid}-refused`}>{t('sync.refusedTitle')}</h2>
          <ul>
            {status.refused.map((r) => (
              <li key={r.device}>{t('sync.refused', { device: r.device.slice(0, 8), problem: problemText(r.problem, r.detail) })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {status.conflicts.length > 0 ? (
        <section aria-labelledby={`${uid}-conflicts`}>
          <h2 id={`${uid}-conflicts`}>{t('sync.conflictsTitle', { count: status.conflicts.length })}</h2>
          <p className="hint">{t('conflict.intro')}</p>
          <ConflictList
            source="server"
            conflicts={status.conflicts}
            bundle={bundle}
            decisions={decisions}
            onDecide={(fingerprint, decision) => setDecisions((d) => ({ ...d, [fingerprint]: decision }))}
          />
          <button type="button" onClick={() => void apply()} disabled={busy || undecided > 0}>
            {t('sync.applyDecisions')}
          </button>
        </section>
      ) : null}

      {needsSignIn ? (
        <form onSubmit={(e) => void signIn(e)} aria-labelledby={`${uid}-signin`} className="sync-signin">
          <h2 id={`${uid}-signin`}>{status.connected ? t('sync.signInAgain') : t('sync.connectTitle')}</h2>
          <SignInFields uid={uid} url={url} name={name} password={password} onUrl={setUrl} onName={setName} onPassword={setPassword} />
          {error ? <p role="alert">{error}</p> : null}
          <button type="submit" disabled={busy}>
            {t('sync.connect')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
