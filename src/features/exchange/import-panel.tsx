import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './exchange.css';
import type { AssessmentFile } from '../../domain/assessment-file';
import type { CatalogueBundle, CatalogueKind } from '../../domain/catalogue';
import { MAX_FILE_BYTES, readFile } from '../../domain/exchange';
import { describeProblem, ExchangeError } from '../../domain/exchange-problem';
import type { Conflict, Decision } from '../../domain/merge';
import { importFiles, type FileResult } from '../../storage/exchange-store';
import { StorageError } from '../../storage/connection';
import { href } from '../../ui/router';
import { ConflictList } from '../../ui/conflict-list';

type Done = { name: string; ok: boolean; message: string; assessmentId?: string };
type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'passphrase'; file: File; bytes: Uint8Array; error: string | null }
  | { kind: 'conflicts'; index: number; name: string; conflicts: Conflict[]; bundle: CatalogueBundle | null; again: boolean };

/**
 * "Import a file": reads each chosen file, asks for a passphrase when one is encrypted, validates it,
 * then adds or merges it. Conflicts are shown side by side; nothing is written until the person has
 * decided every one and applies. Several files (one per laptop) are taken one after the other.
 */
export function ImportPanel({ loadBundle }: { loadBundle: (kind: CatalogueKind) => Promise<CatalogueBundle> }) {
  const { t, i18n } = useTranslation(['review', 'ui']);
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<File[]>([]);
  const ready = useRef<{ name: string; parsed: AssessmentFile }[]>([]);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [done, setDone] = useState<Done[]>([]);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [passphrase, setPassphrase] = useState('');
  const [finished, setFinished] = useState(false);

  const problem = (error: unknown): string => {
    if (error instanceof ExchangeError) {
      return describeProblem(error, (key, values) => t(key, values), MAX_FILE_BYTES / 1024 / 1024);
    }
    if (error instanceof StorageError) return t(`ui:storage.${error.problem}`);
    return t('ui:storage.unknown');
  };

  const add = (entry: Done) => setDone((list) => [...list, entry]);
  const failed = (name: string, error: unknown) => add({ name, ok: false, message: t('import.failed', { file: name, problem: problem(error) }) });

  const report = (name: string, result: FileResult) => {
    if (result.kind === 'failed') return failed(name, result.error);
    const values = { file: name, government: result.assessment.government, year: result.assessment.year };
    if (result.kind === 'created') return add({ name, ok: true, message: t('import.created', values), assessmentId: result.assessment.id });
    if (result.kind === 'unchanged') return add({ name, ok: true, message: t('import.unchanged', values), assessmentId: result.assessment.id });
    const o = result.outcome;
    return add({
      name,
      ok: true,
      assessmentId: result.assessment.id,
      message: t('import.merged', { ...values, taken: o.taken.length, combined: o.combined.length, decided: o.conflicts.length, comments: o.added.comments }),
    });
  };

  const finishAll = () => {
    setStep({ kind: 'idle' });
    setFinished(true);
    if (input.current) input.current.value = '';
  };

  /** Second phase: every readable file, from `from` on, imported in one transaction. */
  const apply = async (from: number, chosen: Record<string, Decision>, again = false) => {
    const batch = ready.current.slice(from);
    if (batch.length === 0) return finishAll();
    setStep({ kind: 'reading', name: batch[0]!.name });
    try {
      const { results, pending } = await importFiles(batch.map((b) => b.parsed), chosen);
      results.forEach((result, i) => report(batch[i]!.name, result));
      if (!pending) return finishAll();
      const index = from + pending.index;
      const { name, parsed } = ready.current[index]!;
      const bundle = await loadBundle(parsed.assessment.level).catch(() => null);
      setDecisions(chosen);
      setStep({ kind: 'conflicts', index, name, conflicts: pending.conflicts, bundle, again: again && index === from });
    } catch (error) {
      // Nothing of this batch was written (one transaction).
      batch.forEach((b) => failed(b.name, error));
      finishAll();
    }
  };

  /** First phase: each chosen file read and validated, asking for a passphrase where one is encrypted. */
  const read = async (file: File, bytes: Uint8Array, secret?: string) => {
    setStep({ kind: 'reading', name: file.name });
    try {
      const parsed = await readFile(bytes, { passphrase: secret, catalogue: async (kind) => (await loadBundle(kind)).catalogue });
      ready.current.push({ name: file.name, parsed });
    } catch (error) {
      if (error instanceof ExchangeError && (error.problem === 'passphraseNeeded' || error.problem === 'passphraseWrong')) {
        // Shown on its own, not after "file: ", so it starts as a sentence does.
        setStep({ kind: 'passphrase', file, bytes, error: error.problem === 'passphraseWrong' ? asSentence(problem(error), i18n.language) : null });
        return;
      }
      failed(file.name, error);
    }
    await next();
  };

  async function next() {
    const file = queue.current.shift();
    setPassphrase('');
    if (!file) return apply(0, {});
    if (file.size > MAX_FILE_BYTES) {
      failed(file.name, new ExchangeError('tooLarge'));
      return next();
    }
    setStep({ kind: 'reading', name: file.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      // Moved, deleted or unreadable since it was chosen: say so and go on with the other files.
      failed(file.name, new ExchangeError('unreadable', null, { cause: error }));
      return next();
    }
    return read(file, bytes);
  }

  const start = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setDone([]);
    setFinished(false);
    queue.current = [...files];
    ready.current = [];
    void next();
  };

  const busy = step.kind !== 'idle';
  const undecided = step.kind === 'conflicts' ? step.conflicts.filter((c) => !decisions[c.fingerprint]).length : 0;

  return (
    <section className="import-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('import.title')}</h2>
      <p className="hint" id={`${uid}-hint`}>
        {t('import.hint')}
      </p>
      <label htmlFor={`${uid}-files`}>{t('import.choose')}</label>{' '}
      <input
        ref={input}
        id={`${uid}-files`}
        type="file"
        accept=".json,application/json"
        multiple
        disabled={busy}
        aria-describedby={`${uid}-hint`}
        onChange={(e) => start(e.target.files)}
      />

      <div role="status" aria-live="polite">
        {step.kind === 'reading' ? <p>{t('import.reading', { file: step.name })}</p> : null}
        {finished && step.kind === 'idle' ? <p className="import-finished">{t('import.finished', { count: done.length })}</p> : null}
      </div>

      {step.kind === 'passphrase' ? (
        <form
          className="review-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void read(step.file, step.bytes, passphrase);
          }}
        >
          <label htmlFor={`${uid}-pass`}>{t('import.passphraseFor', { file: step.file.name })}</label>
          <input id={`${uid}-pass`} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus />
          {step.error ? (
            <p role="alert" className="alert">
              {step.error}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={!passphrase}>
              {t('import.openFile')}
            </button>
            <button
              type="button"
              onClick={() => {
                add({ name: step.file.name, ok: false, message: t('import.cancelled', { file: step.file.name }) });
                void next();
              }}
            >
              {t('import.skip')}
            </button>
          </div>
        </form>
      ) : null}

      {step.kind === 'conflicts' ? (
        <div className="conflict-panel" role="region" aria-labelledby={`${uid}-conflicts`}>
          <h3 id={`${uid}-conflicts`}>{t('conflict.title', { count: step.conflicts.length, file: step.name })}</h3>
          <p>{t('conflict.intro')}</p>
          {step.again ? <p role="alert">{t('conflict.again')}</p> : null}
          <div className="actions">
            <button type="button" onClick={() => setDecisions(Object.fromEntries(step.conflicts.map((c) => [c.fingerprint, 'mine' as const])))}>
              {t('conflict.keepAllMine')}
            </button>
            <button type="button" onClick={() => setDecisions(Object.fromEntries(step.conflicts.map((c) => [c.fingerprint, 'theirs' as const])))}>
              {t('conflict.keepAllTheirs')}
            </button>
          </div>
          <ConflictList conflicts={step.conflicts} bundle={step.bundle} decisions={decisions} onDecide={(fingerprint, d) => setDecisions((all) => ({ ...all, [fingerprint]: d }))} />
          {undecided > 0 ? <p id={`${uid}-left`}>{t('conflict.undecided', { count: undecided })}</p> : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={undecided > 0}
              aria-describedby={undecided > 0 ? `${uid}-left` : undefined}
              onClick={() => void apply(step.index, decisions, true)}
            >
              {t('conflict.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                add({ name: step.name, ok: false, message: t('import.cancelled', { file: step.name }) });
                void apply(step.index + 1, {});
              }}
            >
              {t('conflict.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      {done.length > 0 ? (
        <ul className="import-results" aria-label={t('import.results')}>
          {done.map((d, i) => (
            <li key={`${d.name}-${i}`} className={d.ok ? 'ok' : 'failed'} role={d.ok ? undefined : 'alert'}>
              {d.message}{' '}
              {d.assessmentId ? <a href={href({ name: 'walk', id: d.assessmentId })}>{t('import.openAssessment')}</a> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A message fragment ("the passphrase is wrong…") shown on its own starts with a capital in every language. */
function asSentence(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
