import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './exchange.css';
import type { Assessment } from '../../domain/assessment';
import type { CatalogueBundle, CatalogueKind } from '../../domain/catalogue';
import { encryptText, MIN_PASSPHRASE_LENGTH, serializeFile } from '../../domain/exchange';
import { StorageError } from '../../storage/connection';
import { exportAssessment, readSnapshot } from '../../storage/exchange-store';
import { markExported } from '../../storage/actor';
import { assessmentFileBase, encryptedFileName } from '../../domain/file-name';
import { download } from '../../ui/download';
import { href } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { ImportPanel } from './import-panel';
import { csvDelimiter, spreadsheetTable, toCsv, toXlsx } from './spreadsheet';

type Kind = 'file' | 'encrypted' | 'csv' | 'xlsx';

/** Route #/a/<id>/exchange: the assessment file (plain or encrypted), the analysts' spreadsheet, and import. */
export function ExchangePage({
  assessment,
  bundle,
  loadBundle,
}: {
  assessment: Assessment;
  bundle: CatalogueBundle;
  loadBundle: (kind: CatalogueKind) => Promise<CatalogueBundle>;
}) {
  const { t, i18n } = useTranslation('review');
  const uid = useId();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [passError, setPassError] = useState('');

  const run = (kind: Kind, work: () => Promise<string>) => {
    setBusy(kind);
    setDone('');
    setError(null);
    work().then(
      (name) => {
        setBusy(null);
        setDone(t('exchange.done', { file: name }));
      },
      (e: unknown) => {
        setBusy(null);
        setError(e);
      },
    );
  };

  const exportFile = (secret?: string) =>
    run(secret ? 'encrypted' : 'file', async () => {
      const file = await exportAssessment(assessment.id);
      const text = serializeFile(file);
      const name = secret ? encryptedFileName() : `${assessmentFileBase(assessment)}.json`;
      download(secret ? await encryptText(text, secret) : text, name);
      await markExported(assessment.id, file.exportedAt);
      return name;
    });

  const spreadsheet = (kind: 'csv' | 'xlsx') =>
    run(kind, async () => {
      const snapshot = await readSnapshot(assessment.id);
      if (!snapshot) throw new StorageError('damaged');
      const table = spreadsheetTable(bundle, snapshot, t);
      const name = `${assessmentFileBase(assessment)}.${kind}`;
      if (kind === 'csv') download(toCsv(table, csvDelimiter(i18n.language)), name, 'text/csv;charset=utf-8');
      else download(await toXlsx(table, t('sheet.name')), name);
      return name;
    });

  const submitEncrypted = (event: FormEvent) => {
    event.preventDefault();
    if (pass.length < MIN_PASSPHRASE_LENGTH) return setPassError(t('exchange.passphraseShort', { count: MIN_PASSPHRASE_LENGTH }));
    if (pass !== again) return setPassError(t('exchange.passphraseMismatch'));
    setPassError('');
    exportFile(pass);
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="exchange-page">
      <p className="actions">
        <a className="button" href={href({ name: 'walk', id: assessment.id })}>
          {t('exchange.back')}
        </a>
      </p>
      <h1 id={`${uid}-title`} tabIndex={-1}>
        {t('exchange.title', { government: assessment.government, year: assessment.year })}
      </h1>
      <p className="lead">{t('exchange.intro')}</p>
      <div role="status" aria-live="polite">
        {busy ? <p>{t('exchange.working')}</p> : done ? <p>{done}</p> : null}
      </div>
      {error instanceof StorageError ? (
        <StorageErrorMessage error={error} />
      ) : error ? (
        <p role="alert" className="alert">
          {t('exchange.failed')}
        </p>
      ) : null}

      <section aria-labelledby={`${uid}-file`}>
        <h2 id={`${uid}-file`}>{t('exchange.exportTitle')}</h2>
        <p className="hint">{t('exchange.exportHint')}</p>
        <button type="button" className="primary" disabled={busy !== null} onClick={() => exportFile()}>
          {t('exchange.export')}
        </button>
      </section>

      <section aria-labelledby={`${uid}-enc`}>
        <h2 id={`${uid}-enc`}>{t('exchange.encryptTitle')}</h2>
        <p className="hint">{t('exchange.encryptHint')}</p>
        <form className="form" onSubmit={submitEncrypted} noValidate>
          <div className="field">
            <label htmlFor={`${uid}-pass`}>{t('exchange.passphrase')}</label>
            <input id={`${uid}-pass`} type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} aria-describedby={passError ? `${uid}-pass-error` : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-again`}>{t('exchange.passphraseAgain')}</label>
            <input id={`${uid}-again`} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
          </div>
          {passError ? (
            <p id={`${uid}-pass-error`} role="alert" className="field-error">
              {passError}
            </p>
          ) : null}
          <button type="submit" disabled={busy !== null}>
            {t('exchange.exportEncrypted')}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${uid}-sheet`}>
        <h2 id={`${uid}-sheet`}>{t('exchange.spreadsheetTitle')}</h2>
        <p className="hint">{t('exchange.spreadsheetHint')}</p>
        <div className="actions">
          <button type="button" disabled={busy !== null} onClick={() => spreadsheet('csv')}>
            {t('exchange.csv')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => spreadsheet('xlsx')}>
            {t('exchange.xlsx')}
          </button>
        </div>
      </section>

      <ImportPanel loadBundle={loadBundle} />
    </section>
  );
}
