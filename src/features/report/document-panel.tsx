/**
 * The documents to take away, in a language of the user's choice: the profile (PDF or Word), which
 * prints no figure, and the workshop annex, which holds the figures of the results screen. Prepares the
 * view model from storage at the click (the last edits from another tab included) and hands it to the
 * document worker (use-profile-pdf.ts), which the screen's own profile warms up while idle.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Assessment } from '../../domain/assessment';
import type { Catalogue, CatalogueBundle, CatalogueKind } from '../../domain/catalogue';
import { languageNames } from '../../domain/language';
import { buildProfile, isProfileLanguage, profileFileName, profileLanguages, type ProfileLanguage, type ProfileModel, type ProfileStrings } from '../../domain/profile';
import { buildWorkshopAnnex } from '../../domain/workshop-annex';
import { earlierAssessments } from '../../domain/scoring';
import { getAnswers } from '../../storage/answers';
import { listAssessments } from '../../storage/assessments';
import { PrepareError, useProfilePdf, type PdfState } from './use-profile-pdf';
import type { DocumentFormat, WorkerRequest } from './worker-protocol';

export type LoadBundle = (kind: CatalogueKind, lang: ProfileLanguage) => Promise<CatalogueBundle>;

/** The assessment a follow-up's profile compares with, with its answers. */
export type EarlierLink = { assessment: Assessment; answers: Answer[] };

/**
 * A follow-up's profile says what changed since the latest earlier assessment of the same government
 * and level on this device; null when there is none. The screen's warm-up and the click read it alike,
 * so the click finds the warm-up's file when nothing changed.
 */
export async function readEarlier(assessment: Assessment): Promise<EarlierLink | null> {
  const previous = earlierAssessments(assessment, await listAssessments())[0];
  return previous ? { assessment: previous, answers: await getAnswers(previous.id) } : null;
}

/** The national assessment a local one names, when it is on this device. */
export interface NationalLink {
  assessment: Assessment;
  answers: Answer[];
}

const stageOrder = ['starting', 'fonts', 'layout', 'done'] as const;

export function DocumentPanel({
  assessment,
  national,
  loadBundle,
  defaultLang,
  warm,
}: {
  assessment: Assessment;
  national: NationalLink | null;
  loadBundle: LoadBundle;
  defaultLang: ProfileLanguage;
  warm: ProfileModel;
}) {
  const { t, i18n } = useTranslation('report');
  const selectId = useId();
  const [lang, setLang] = useState<ProfileLanguage>(defaultLang);
  const formatId = useId();
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const { state, build } = useProfilePdf(warm);
  const working = state.status === 'working';

  const prepare = async (kind: WorkerRequest['kind']): Promise<WorkerRequest> => {
    let bundle: CatalogueBundle;
    let nationalCatalogue: Catalogue | null = null;
    try {
      bundle = await loadBundle(assessment.level, lang);
      if (national && kind === 'profile') nationalCatalogue = (await loadBundle('national', lang)).catalogue;
    } catch (error) {
      throw new PrepareError('catalogue', error);
    }
    let answers: Answer[];
    let earlier: EarlierLink | null = null;
    try {
      // Read afresh: the last edits from another tab are in the document too.
      answers = await getAnswers(assessment.id);
      if (kind === 'profile') earlier = await readEarlier(assessment);
    } catch (error) {
      throw new PrepareError('storage', error);
    }
    // The document's language may not be the UI's: its strings are fetched when first needed.
    let strings: ProfileStrings | undefined;
    try {
      await i18n.loadLanguages(lang);
      strings = i18n.getResourceBundle(lang, 'report');
    } catch (error) {
      throw new PrepareError('catalogue', error);
    }
    if (!strings?.profile) throw new PrepareError('catalogue', new Error(`locales/${lang}/report.json did not load`));
    const input = { assessment, answers, bundle, strings, lang, generatedAt: new Date().toISOString() };
    if (kind === 'annex') return { kind, format, model: buildWorkshopAnnex(input) };
    return {
      kind,
      format,
      model: buildProfile({ ...input, earlier, national: national && nationalCatalogue ? { ...national, catalogue: nationalCatalogue } : null }),
    };
  };

  return (
    <section className="panel pdf-panel" aria-labelledby="pdf-title">
      <h2 id="pdf-title">{t('results.pdf.title')}</h2>
      <p>{t('results.pdf.intro')}</p>
      <p className="hint">{t('results.pdf.annexNote')}</p>
      {assessment.status !== 'validated' ? <p className="hint">{t('results.pdf.draftNote')}</p> : null}
      <div className="actions">
        <label htmlFor={selectId}>{t('results.pdf.language')}</label>
        <select id={selectId} value={lang} disabled={working} onChange={(e) => isProfileLanguage(e.target.value) && setLang(e.target.value)}>
          {profileLanguages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </select>
        <label htmlFor={formatId}>{t('results.pdf.format')}</label>
        <select id={formatId} value={format} disabled={working} onChange={(e) => setFormat(e.target.value === 'docx' ? 'docx' : 'pdf')}>
          <option value="pdf">{t('results.pdf.formats.pdf')}</option>
          <option value="docx">{t('results.pdf.formats.docx')}</option>
        </select>
        <button type="button" className="primary" disabled={working} onClick={() => void build(() => prepare('profile'), profileFileName(assessment, lang, format))}>
          {format === 'docx' ? t('results.pdf.generateDocx') : t('results.pdf.generate')}
        </button>
        <button type="button" disabled={working} onClick={() => void build(() => prepare('annex'), profileFileName(assessment, lang, format, 'annex'))}>
          {t('results.pdf.annex')}
        </button>
      </div>
      <PdfStatus state={state} />
    </section>
  );
}

function PdfStatus({ state }: { state: PdfState }) {
  const { t, i18n } = useTranslation('report');
  return (
    <>
      <div role="status" aria-live="polite" className="pdf-status">
        {state.status === 'working' ? (
          <p>
            <progress max={stageOrder.length - 1} value={stageOrder.indexOf(state.stage)} aria-label={t('results.pdf.working')} />{' '}
            {t(`results.pdf.stage.${state.stage}`)}
          </p>
        ) : null}
        {state.status === 'done' ? (
          <p>
            {t('results.pdf.done', {
              file: state.file,
              size: new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(state.size / 1024),
            })}{' '}
            <a href={state.url} download={state.file}>
              {t('results.pdf.downloadAgain')}
            </a>
          </p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <p role="alert" className="alert">
          {t(`results.pdf.errors.${state.problem}`, { detail: state.detail })}
        </p>
      ) : null}
    </>
  );
}
