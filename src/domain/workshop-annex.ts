/**
 * The workshop annex: the figures a workshop works with (domain scores, share answered, confidence
 * flags) and every answer with its note and sources. A document of its own, asked for apart from the
 * profile and titled as not part of it: the profile itself never prints a figure (see profile.ts).
 *
 * DELIBERATELY ABSENT: any score across domains (see scoring.ts).
 */
import type { AnswerValue } from './answer';
import { answersForCatalogue } from './retired';
import { allText, fill, type ProfileInput, type ProfileLanguage } from './profile';
import { roundScore, scoreAssessment, titledEvidence, type IndicatorStatus } from './scoring';
import { scriptsOf, type Script } from './scripts';

export interface AnnexRow {
  indicatorId: string;
  question: string;
  answer: string;
  notes: string[];
}

export interface WorkshopAnnexModel {
  lang: ProfileLanguage;
  scripts: Script[];
  meta: { title: string; author: string; subject: string; keywords: string; language: ProfileLanguage; creator: string };
  header: string;
  pageLabel: string;
  cover: { title: string; government: string; yearLine: string; date: string; notProfile: string };
  method: { title: string; items: string[] };
  summary: {
    title: string;
    caption: string;
    columns: string[];
    /** One row per domain: title, score, share answered, Yes, Partial, No, not applicable, not yet answered. */
    rows: { id: string; cells: string[] }[];
  };
  flags: { title: string; domains: { title: string; lines: string[] }[] };
  answers: { title: string; intro: string; columns: { question: string; answer: string; notes: string }; domains: { id: string; title: string; rows: AnnexRow[] }[] };
}

export function buildWorkshopAnnex(input: Omit<ProfileInput, 'national' | 'earlier'>): WorkshopAnnexModel {
  const { assessment, answers, bundle, strings, lang } = input;
  const { catalogue, text } = bundle;
  const a = strings.annex;
  const results = scoreAssessment(catalogue, answers);
  // Read as scoring reads them: answers to merged indicators count for the one that absorbed them.
  const byId = new Map(answersForCatalogue(catalogue, answers).answers.map((x) => [x.indicatorId, x]));
  const government = assessment.government.trim();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(input.generatedAt));
  const percent = (v: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(v / 100);
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);
  const profileTitle = assessment.level === 'local' ? strings.profile.titleLocal : strings.profile.titleNational;

  const answerLabel = (id: string, status: IndicatorStatus, stored: AnswerValue | null | undefined): string => {
    if (results.indicators[id]!.ruledOut) return a.answers.ruledOut;
    if (status === 'unanswered') return stored === 'unknown' ? a.answers.unknown : a.answers.none;
    return a.answers[status];
  };

  const model: WorkshopAnnexModel = {
    lang,
    scripts: [],
    meta: {
      title: fill(a.meta.title, { title: profileTitle, government, year: assessment.year }),
      author: fill(strings.profile.meta.author, { government }),
      subject: fill(strings.profile.meta.subject, { government, year: assessment.year }),
      keywords: strings.profile.meta.keywords,
      language: lang,
      creator: 'MGI assessment',
    },
    header: fill(a.header, { government, year: assessment.year }),
    pageLabel: strings.profile.page,
    cover: {
      title: a.title,
      government,
      yearLine: fill(strings.profile.cover.yearLine, { year: assessment.year }),
      date,
      notProfile: fill(a.notProfile, { title: profileTitle }),
    },
    method: { title: a.sections.method, items: a.method },
    summary: {
      title: a.sections.summary,
      caption: a.summary.caption,
      columns: [a.summary.domain, a.summary.score, a.summary.completeness, a.summary.yes, a.summary.partial, a.summary.no, a.summary.na, a.summary.unanswered],
      rows: results.domains.map((d) => ({
        id: d.id,
        cells: [
          text.domains[d.id]!.title,
          d.score === null ? a.summary.notScored : count(roundScore(d.score)!),
          percent(d.completeness),
          count(d.counts.yes),
          count(d.counts.partial),
          count(d.counts.no),
          count(d.notApplicable),
          count(d.flags.unanswered.length),
        ],
      })),
    },
    flags: {
      title: a.sections.flags,
      domains: results.domains.map((d) => {
        const lines = [
          ...(d.flags.noEvidence.length > 0 ? [fill(a.flags.noEvidence, { list: d.flags.noEvidence.map((id) => text.indicators[id]!.question).join(' · ') })] : []),
          ...(d.flags.dissent.length > 0 ? [fill(a.flags.dissent, { list: d.flags.dissent.map((id) => text.indicators[id]!.question).join(' · ') })] : []),
          ...(d.flags.unanswered.length > 0 ? [fill(a.flags.unanswered, { list: d.flags.unanswered.map((id) => text.indicators[id]!.question).join(' · ') })] : []),
        ];
        return { title: text.domains[d.id]!.title, lines: lines.length > 0 ? lines : [a.flags.none] };
      }),
    },
    answers: {
      title: a.sections.answers,
      intro: a.answers.intro,
      columns: { question: a.answers.question, answer: a.answers.answer, notes: a.answers.notes },
      domains: catalogue.domains.map((domain) => ({
        id: domain.id,
        title: text.domains[domain.id]!.title,
        rows: domain.subdomains.flatMap((sub) =>
          sub.indicators.map((indicator) => {
            const answer = byId.get(indicator.id);
            const status = results.indicators[indicator.id]!.status;
            const cited = answer ? titledEvidence(answer.evidence).map((e) => (e.year === null ? e.title.trim() : `${e.title.trim()} (${e.year})`)) : [];
            const notes = [answer?.narrative.trim() ?? '', cited.length > 0 ? fill(a.answers.sources, { list: cited.join('; ') }) : ''].filter(Boolean);
            return { indicatorId: indicator.id, question: text.indicators[indicator.id]!.question, answer: answerLabel(indicator.id, status, answer?.value), notes };
          }),
        ),
      })),
    },
  };
  const normalised = JSON.parse(JSON.stringify(model).normalize('NFC')) as WorkshopAnnexModel;
  return { ...normalised, scripts: scriptsOf(allText(normalised)) };
}

