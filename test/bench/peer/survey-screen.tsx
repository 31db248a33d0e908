/**
 * The national questionnaire as a SurveyJS survey: one page per indicator (like the app's walkthrough,
 * which shows one indicator at a time), each page holding what the app's answer editor holds — the
 * answer, the narrative, the evidence items, the responsible institutions, how the answer was reached
 * (with a note on dissent) and "needs follow-up". Answers are restored from IndexedDB on load and
 * `survey.data` is saved on every change, as the SurveyJS documentation shows for local storage.
 */
import { useEffect, useState } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
// Fontless: the default theme's CSS would fetch Open Sans from Google, which an offline tool cannot.
import 'survey-core/survey-core.fontless.css';
import catalogue from '../../../indicators/national.json';
import texts from '../../../locales/en/national.json';
// Only the labels used (named JSON imports are tree-shaken), not the app's whole UI strings file.
import { answer, institution, walk } from '../../../locales/en/ui.json';
import { getRecord, setRecord } from './storage';

// The same lists as src/domain/answer.ts and src/domain/assessment.ts (the peer imports nothing of the app).
const answerValues = ['yes', 'partial', 'no', 'na', 'unknown'] as const;
const institutionKinds = Object.keys(institution) as (keyof typeof institution)[];
const evidenceTypes = Object.keys(walk.evidenceTypes) as (keyof typeof walk.evidenceTypes)[];
const decisions = [
  { value: 'consensus', text: walk.decisionConsensus },
  { value: 'majority', text: walk.decisionMajority },
  { value: 'dissent', text: walk.decisionDissent },
];

type IndicatorText = { question: string; guidance: { yes: string; partial: string; no: string; evidence: string } };
const indicatorText = texts.indicators as Record<string, IndicatorText>;
const domainText = texts.domains as Record<string, { title: string }>;
const subdomainText = texts.subdomains as Record<string, { title: string }>;

const surveyJson = {
  title: 'Migration Governance Indicators: national assessment',
  showQuestionNumbers: 'off',
  showProgressBar: true,
  progressBarLocation: 'top',
  progressBarType: 'questions',
  // The app keeps what is typed as it is typed (journal + autosave); SurveyJS's default would only take
  // a text into survey.data when the box loses focus. `?text=onBlur` shows that default for comparison.
  textUpdateMode: new URLSearchParams(location.search).get('text') === 'onBlur' ? 'onBlur' : 'onTyping',
  pages: catalogue.domains.flatMap((domain) =>
    domain.subdomains.flatMap((subdomain) =>
      subdomain.indicators.map((indicator) => {
        const text = indicatorText[indicator.id]!;
        const id = indicator.id;
        return {
          name: id,
          title: `${domainText[domain.id]!.title} › ${subdomainText[subdomain.id]!.title}`,
          description: walk.gcm.replace('{{list}}', indicator.gcm.join(', ')),
          elements: [
            {
              type: 'radiogroup',
              name: id,
              title: text.question,
              description:
                `${walk.guidanceYes}: ${text.guidance.yes} ${walk.guidancePartial}: ${text.guidance.partial} ` +
                `${walk.guidanceNo}: ${text.guidance.no} ${walk.guidanceEvidence}: ${text.guidance.evidence}`,
              // As in the app: "Not applicable" only where the catalogue allows it.
              choices: answerValues.filter((v) => v !== 'na' || indicator.notApplicable).map((value) => ({ value, text: answer[value] })),
            },
            { type: 'comment', name: `${id}__narrative`, title: walk.narrative, description: walk.narrativeHint, rows: 5 },
            {
              type: 'paneldynamic',
              name: `${id}__evidence`,
              title: walk.evidence,
              noEntriesText: walk.noEvidence,
              panelAddText: walk.addEvidence,
              panelRemoveText: walk.removeEvidence.replace(' “{{title}}”', ''),
              templateElements: [
                { type: 'text', name: 'title', title: walk.evidenceTitle },
                {
                  type: 'dropdown',
                  name: 'type',
                  title: walk.evidenceType,
                  defaultValue: 'law',
                  choices: evidenceTypes.map((value) => ({ value, text: walk.evidenceTypes[value] })),
                },
                { type: 'text', name: 'reference', title: walk.evidenceReference },
                { type: 'text', name: 'year', title: walk.evidenceYear, inputType: 'number', min: 1800, max: 2100 },
                { type: 'text', name: 'link', title: walk.evidenceLink, inputType: 'url' },
              ],
            },
            {
              type: 'checkbox',
              name: `${id}__institutions`,
              title: walk.institutions,
              colCount: 3,
              choices: institutionKinds.map((value) => ({ value, text: institution[value] })),
            },
            { type: 'radiogroup', name: `${id}__decision`, title: walk.decision, colCount: 3, choices: decisions },
            { type: 'comment', name: `${id}__dissent`, title: walk.dissentNote, rows: 3, visibleIf: `{${id}__decision} = 'dissent'` },
            { type: 'boolean', name: `${id}__followup`, title: walk.followUp, renderAs: 'checkbox' },
          ],
        };
      }),
    ),
  ),
};

export default function SurveyScreen({ id }: { id: string }) {
  const [survey, setSurvey] = useState<Model | null>(null);
  useEffect(() => {
    let live = true;
    void getRecord(id).then((stored) => {
      if (!live) return;
      const model = new Model(surveyJson);
      if (stored && typeof stored === 'object') {
        const { pageNo, ...data } = stored as Record<string, unknown>;
        model.data = data;
        if (typeof pageNo === 'number') model.currentPageNo = pageNo;
      }
      const save = () => void setRecord(id, { ...model.data, pageNo: model.currentPageNo });
      model.onValueChanged.add(save);
      model.onCurrentPageChanged.add(save);
      setSurvey(model);
    });
    return () => {
      live = false;
    };
  }, [id]);
  if (!survey) return <p>Loading…</p>;
  return (
    <main>
      <p>
        <a href="#/">Questionnaires on this device</a>
      </p>
      <Survey model={survey} />
    </main>
  );
}
