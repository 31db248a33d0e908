/**
 * Results and profile: per-domain scores (chart and table), the well-developed areas and areas with
 * potential for further development, the method in plain words (results-findings.tsx), what moved
 * since an earlier assessment (results-comparison.tsx), and the documents to take away
 * (document-panel.tsx). This file reads what they share: the answers, the national assessment a local
 * one names, and the profile model.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../domain/assessment';
import type { Catalogue, CatalogueBundle } from '../../domain/catalogue';
import { buildProfile, isProfileLanguage, type ProfileLanguage, type ProfileStrings } from '../../domain/profile';
import { scoreAssessment } from '../../domain/scoring';
import { getAnswers } from '../../storage/answers';
import { getAssessment } from '../../storage/assessments';
import { useStored } from '../../storage/live';
import { href } from '../../ui/router';
import { DocumentPanel, readEarlier, type LoadBundle, type NationalLink } from './document-panel';
import { DomainChart } from './domain-chart';
import { Comparison } from './results-comparison';
import { DomainFindingsSection, Method } from './results-findings';
import './report.css';

export type { LoadBundle };

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
  const earlier = useStored(() => readEarlier(assessment), [assessment]);

  const results = useMemo(() => (answers ? scoreAssessment(bundle.catalogue, answers) : null), [answers, bundle.catalogue]);
  const model = useMemo(() => {
    // With the earlier assessment read too: a follow-up's profile says what changed since.
    if (!answers || earlier === undefined) return null;
    const strings: ProfileStrings = i18n.getResourceBundle(uiLang, 'report');
    return buildProfile({
      assessment,
      answers,
      bundle,
      strings,
      lang: uiLang,
      // Today, as the click's document says: then the warm-up's file is the one a click asks for
      // (see profile.worker.ts), not a copy dated the day of the last change.
      generatedAt: new Date().toISOString(),
      national: national && nationalCatalogue ? { ...national, catalogue: nationalCatalogue } : null,
      earlier,
    });
  }, [answers, assessment, bundle, i18n, uiLang, national, nationalCatalogue, earlier]);

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

      <DocumentPanel assessment={assessment} national={national ?? null} loadBundle={loadBundle} defaultLang={uiLang} warm={model} />

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

