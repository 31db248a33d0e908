/**
 * Opens the demonstration assessment: builds it in the UI language from the national catalogue and
 * the phrase templates, and stores it on this device as a new draft (a fresh copy each time, so a
 * demonstration edited during a training session can be started over).
 */
import type { CatalogueBundle, CatalogueKind } from '../../domain/catalogue';
import { buildDemoAssessment, type DemoPhrases } from '../../domain/demo';
import type { ProfileLanguage } from '../../domain/profile';
import { addAssessmentWithAnswers } from '../../storage/assessments';
import { newId } from '../../storage/connection';

const phraseFiles = import.meta.glob<{ default: DemoPhrases }>('../../../locales/*/demo.json');

export async function openDemo(lang: ProfileLanguage, loadBundle: (kind: CatalogueKind, lang: ProfileLanguage) => Promise<CatalogueBundle>): Promise<string> {
  const load = phraseFiles[`../../../locales/${lang}/demo.json`];
  if (!load) throw new Error(`locales/${lang}/demo.json: missing`);
  const [phrases, bundle] = await Promise.all([load().then((m) => m.default), loadBundle('national', lang)]);
  const { assessment, answers } = buildDemoAssessment({ catalogue: bundle.catalogue, phrases, id: newId(), now: new Date().toISOString() });
  await addAssessmentWithAnswers(assessment, answers);
  return assessment.id;
}
