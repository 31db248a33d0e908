/**
 * Results and profile: per-domain scores (chart and table), the well-developed areas and areas with
 * potential for further development, the method in plain words, what moved since an earlier
 * assessment, and the documents to take away in a language of the user's choice: the profile (PDF or
 * Word), which prints no figure, and the workshop annex, which holds the figures of this screen.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Assessment } from '../../domain/assessment';
import type { Catalogue, CatalogueBundle, CatalogueKind } from '../../domain/catalogue';
import {
  buildProfile,
  isProfileLanguage,
  profileFileName,
  profileLanguages,
  type DomainFindings,
  type ProfileLanguage,
  type ProfileModel,
  type ProfileStrings,
} from '../../domain/profile';
import { buildWorkshopAnnex } from '../../domain/workshop-annex';
import { compareResults, earlierAssessments, roundHalfUp, roundScore, scoreAssessment, type AssessmentResults, type DomainResult } from '../../domain/scoring';
import { getAnswers } from '../../storage/answers';
import { getAssessment, listAssessments } from '../../storage/assessments';
import { useStored } from '../../storage/live';
import { formatDate, formatPercent } from '../../ui/format';
import { href } from '../../ui/router';
import { DomainChart } from './domain-chart';
import { PrepareError, useProfilePdf, type PdfState } from './use-profile-pdf';
import type { DocumentFormat, WorkerRequest } from './worker-protocol';
import './report.css';

export type LoadBundle = (kind: CatalogueKind, lang: ProfileLanguage) => Promise<CatalogueBundle>;

const languageNames: Record<ProfileLanguage, string> = { en: 'English', es: 'Español', fr: 'Français' };

interface NationalLink {
  assessment: Assessment;
  answers: Answer[];
}

/** The national assessment a local one names, when it is on this device. */
function useNational(assessment: Assessment): NationalLink | null | undefined {
  const id = assessment.level === 'local' ? assessment.nationalAssessmentId : undefined;
  return useStored(async () => {
    if (!id) return null;
    const national = await getAssessment(id);
    if (!national || national.deletedAt || national.level !== 'national') return null;
    return { assessment: national, answers: await getAnswers(id) };
  }, [id]);
}

/** The national catalogue in one language, loaded only for a local assessment that names a national one. */
function useNationalCatalogue(needed: boolean, lang: ProfileLanguage, loadBundle: LoadBundle): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    loadBundle('national', lang).then(
      (b) => live && setCatalogue(b.catalogue),
      () => undefined, // Without it the notes are left out; the PDF build reports the failure plainly.
    );
    return () => {
      live = false;
    };
  }, [needed, lang, loadBundle]);
  return needed ? catalogue : null;
}

export function ResultsPage({ assessment, bundle, loadBundle }: { assessment: Assessment; bundle: CatalogueBundle; loadBundle: LoadBundle }) {
  const { t, i18n } = useTranslation('report');
  const uiLang: ProfileLanguage = isProfileLanguage(bundle.lang) ? bundle.lang : 'en';
  const answers = useStored(() => getAnswers(assessment.id), [assessment.id]);
  const national = useNational(assessment);
  const nationalCatalogue = useNationalCatalogue(Boolean(national), uiLang, loadBundle);

  const results = useMemo(() => (answers ? scoreAssessment(bundle.catalogue, answers) : null), [answers, bundle.catalogue]);
  const model = useMemo(() => {
    if (!answers) return null;
    const strings: ProfileStrings = i18n.getResourceBundle(uiLang, 'report');
    return buildProfile({
      assessment,
      answers,
      bundle,
      strings,
      lang: uiLang,
      generatedAt: assessment.updatedAt,
      national: national && nationalCatalogue ? { ...national, catalogue: nationalCatalogue } : null,
    });
  }, [answers, assessment, bundle, i18n, uiLang, national, nationalCatalogue]);

  if (!answers || !results || !model) return <p>{t('results.loading')}</p>;

  return (
    <article className="results" aria-labelledby="results-title">
      <p>
        <a href={href({ name: 'walk', id: assessment.id })}>{t('results.back')}</a>
      </p>
      <h1 id="results-title" tabIndex={-1}>
        {t('results.titleNamed', { government: assessment.government, year: assessment.year })}
      </h1>
      <p className="lead">{t('results.intro')}</p>

      <PdfPanel assessment={assessment} national={national ?? null} loadBundle={loadBundle} defaultLang={uiLang} warm={model} />

      <DomainChart domains={results.domains} titles={Object.fromEntries(model.findings.domains.map((d) => [d.id, d.title]))} />

      <Method />

      {assessment.level === 'local' ? (
        <section className="panel" aria-labelledby="local-title">
          <h2 id="local-title">{t('results.local.title')}</h2>
          <p>{national ? t('results.local.linked', { government: national.assessment.government, year: national.assessment.year }) : t('results.local.noneLinked')}</p>
        </section>
      ) : null}

      {model.findings.domains.map((d, i) => (
        <DomainFindingsSection key={d.id} findings={d} result={results.domains[i]!} />
      ))}

      <Comparison assessment={assessment} catalogue={bundle.catalogue} text={bundle.text} current={results} />
    </article>
  );
}

function DomainFindingsSection({ findings, result }: { findings: DomainFindings; result: DomainResult }) {
  const { t, i18n } = useTranslation('report');
  const completeness = formatPercent(result.completeness / 100, i18n.language);
  const flags = result.flags;
  const anyFlag = flags.noEvidence.length + flags.dissent.length + flags.unanswered.length > 0;
  return (
    <section className="domain-findings" aria-labelledby={`findings-${findings.id}`}>
      <h2 id={`findings-${findings.id}`}>{findings.title}</h2>
      <p className="domain-score">
        {result.score === null
          ? t('results.domainNoScore', { completeness })
          : t('results.domainScore', { score: roundScore(result.score), completeness })}
      </p>
      {findings.localNote ? <p className="local-note">{findings.localNote}</p> : null}
      <div className="confidence">
        <h3 className="visually-hidden">{t('results.flags.title')}</h3>
        {anyFlag ? (
          <ul>
            {flags.noEvidence.length > 0 ? <li>{t('results.flags.noEvidence', { count: flags.noEvidence.length })}</li> : null}
            {flags.dissent.length > 0 ? <li>{t('results.flags.dissent', { count: flags.dissent.length })}</li> : null}
            {flags.unanswered.length > 0 ? <li>{t('results.flags.unanswered', { count: flags.unanswered.length })}</li> : null}
          </ul>
        ) : (
          <p>{t('results.flags.none')}</p>
        )}
      </div>
      <div className="finding-columns">
        <div>
          <h3>{t('results.strengths')}</h3>
          <FindingList items={findings.wellDeveloped.items} none={t('results.noStrengths')} />
        </div>
        <div>
          <h3>{t('results.gaps')}</h3>
          <FindingList items={findings.potential.items} none={t('results.noGaps')} />
        </div>
      </div>
    </section>
  );
}

function FindingList({ items, none }: { items: DomainFindings['wellDeveloped']['items']; none: string }) {
  const { t } = useTranslation('report');
  if (items.length === 0) return <p className="hint">{none}</p>;
  return (
    <ul className="findings">
      {items.map((f) => (
        <li key={f.indicatorId}>
          <p className="finding-sentence">
            {f.sentence}
            {f.tag ? <span className="tag">{t('results.partialTag')}</span> : null}
          </p>
          {f.narrative ? (
            <p className="finding-narrative">
              <span className="visually-hidden">{t('results.narrative')}: </span>
              {f.narrative}
            </p>
          ) : null}
          {f.sources ? <p className="finding-sources">{f.sources}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Method() {
  const { t } = useTranslation('report');
  return (
    <section className="panel method" aria-labelledby="method-title">
      <h2 id="method-title">{t('results.method.title')}</h2>
      <ul>
        <li>{t('results.method.yes')}</li>
        <li>{t('results.method.share')}</li>
        <li>{t('results.method.unanswered')}</li>
        <li>{t('results.method.flags')}</li>
        <li>{t('results.method.noRank')}</li>
      </ul>
    </section>
  );
}

function Comparison({
  assessment,
  catalogue,
  text,
  current,
}: {
  assessment: Assessment;
  catalogue: Catalogue;
  text: CatalogueBundle['text'];
  current: AssessmentResults;
}) {
  const { t, i18n } = useTranslation('report');
  const selectId = useId();
  const stored = useStored(() => listAssessments(), []);
  const candidates = useMemo(() => earlierAssessments(assessment, stored ?? []), [assessment, stored]);
  const [chosen, setChosen] = useState<string | null>(null);
  const earlier = candidates.find((c) => c.id === chosen) ?? candidates[0] ?? null;
  const earlierAnswers = useStored(() => (earlier ? getAnswers(earlier.id) : Promise.resolve(null)), [earlier?.id]);
  const changes = useMemo(
    () => (earlier && earlierAnswers ? compareResults(catalogue, scoreAssessment(catalogue, earlierAnswers), current) : null),
    [earlier, earlierAnswers, catalogue, current],
  );
  const answerLabel = (status: string) => t(`results.answers.${status}`);
  const moved = changes?.flatMap((c) => c.indicators) ?? [];

  return (
    <section className="panel comparison" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('results.compare.title')}</h2>
      {!earlier ? (
        <p>{t('results.compare.none')}</p>
      ) : (
        <>
          {candidates.length > 1 ? (
            <p>
              <label htmlFor={selectId}>{t('results.compare.choose')}</label>{' '}
              <select id={selectId} value={earlier.id} onChange={(e) => setChosen(e.target.value)}>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('results.compare.option', { year: c.year, date: formatDate(c.updatedAt, i18n.language) })}
                  </option>
                ))}
              </select>
            </p>
          ) : null}
          {changes ? (
            <>
              <table className="list">
                <caption>{t('results.compare.domainsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.compare.domain')}</th>
                    <th scope="col">{t('results.compare.before', { year: earlier.year })}</th>
                    <th scope="col">{t('results.compare.after', { year: assessment.year })}</th>
                    <th scope="col">{t('results.compare.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{text.domains[c.id]!.title}</th>
                      <td>{c.before === null ? t('results.table.notScored') : roundScore(c.before)}</td>
                      <td>{c.after === null ? t('results.table.notScored') : roundScore(c.after)}</td>
                      <td className={`move-${c.movement}`}>
                        {c.movement === 'up' || c.movement === 'down'
                          ? t(`results.compare.${c.movement}`, { delta: Math.abs(roundHalfUp(c.delta ?? 0)) })
                          : t(`results.compare.${c.movement}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{t('results.compare.indicatorsTitle')}</h3>
              {moved.length === 0 ? (
                <p>{t('results.compare.indicatorsNone')}</p>
              ) : (
                <table className="list">
                  <thead>
                    <tr>
                      <th scope="col">{t('results.compare.indicator')}</th>
                      <th scope="col">{t('results.compare.from')}</th>
                      <th scope="col">{t('results.compare.to')}</th>
                      <th scope="col">{t('results.compare.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {moved.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">{text.indicators[m.id]!.question}</th>
                        <td>{answerLabel(m.before)}</td>
                        <td>{answerLabel(m.after)}</td>
                        <td className={`move-${m.movement}`}>{t(`results.compare.movement.${m.movement}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ) : (
            <p>{t('results.loading')}</p>
          )}
        </>
      )}
    </section>
  );
}

const stageOrder = ['starting', 'fonts', 'layout', 'done'] as const;

function PdfPanel({
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
    let earlier: { assessment: Assessment; answers: Answer[] } | null = null;
    try {
      // Read afresh: the last edits from another tab are in the document too.
      answers = await getAnswers(assessment.id);
      // A follow-up says what changed since the latest earlier assessment of the same government.
      const previous = kind === 'profile' ? earlierAssessments(assessment, await listAssessments())[0] : undefined;
      if (previous) earlier = { assessment: previous, answers: await getAnswers(previous.id) };
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
