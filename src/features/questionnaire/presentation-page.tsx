import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../domain/answer';
import type { Assessment } from '../../domain/assessment';
import { allIndicators, type CatalogueBundle } from '../../domain/catalogue';
import { computeProgress, nextUnanswered, stepIndicator } from '../../domain/progress';
import { answerChoices } from '../../domain/relevance';
import { navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useActor } from '../../ui/use-actor';
import { AnswerChoice } from './answer-editor';
import { SaveStatus } from '../../ui/save-status';
import { useAnswers, useExpectChoice } from './use-answers';

const answerOrder = ['yes', 'partial', 'no', 'na', 'unknown'] as const satisfies readonly AnswerValue[];

/** One indicator at a time in large type for the projector, driven entirely from the keyboard. */
export function PresentationPage({
  assessment,
  bundle,
  indicatorId,
}: {
  assessment: Assessment;
  bundle: CatalogueBundle;
  indicatorId: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { catalogue, text } = bundle;
  const answers = useAnswers(assessment.id, catalogue);
  const reviewer = useActor()?.role === 'reviewer';
  const indicators = useMemo(() => allIndicators(catalogue), [catalogue]);
  const current = indicators.find((i) => i.id === indicatorId) ?? indicators[0]!;
  useExpectChoice(assessment.id, current.id);
  const progress = computeProgress(catalogue, answers.values);
  const domain = catalogue.domains.find((d) => d.subdomains.some((s) => s.indicators.includes(current)))!;
  const value = progress.ruledOut.has(current.id) ? 'na' : answers.answerOf(current.id).value;
  const [announce, setAnnounce] = useState('');
  // Each answer's key is the initial of its word in the UI language (Sí, Oui…), from the locale file.
  const keyOf = (name: (typeof answerOrder)[number] | 'nextUnanswered') => t(`present.keyFor.${name}`);
  const offered = reviewer || progress.ruledOut.has(current.id) ? [] : answerOrder.filter((v) => answerChoices(current).includes(v));
  const answerKeys = new Map<string, AnswerValue>(answerOrder.map((v) => [keyOf(v).toLowerCase(), v]));
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => root.current?.focus(), [current.id, answers.loaded]);

  const go = (id: string | null) => {
    if (!id) return;
    navigate({ name: 'present', id: assessment.id, indicator: id }, true);
  };
  const choose = (choice: AnswerValue) => {
    if (reviewer || progress.ruledOut.has(current.id) || !answerChoices(current).includes(choice)) return;
    answers.edit(current.id, { value: choice }, true);
    setAnnounce(t('present.answered', { answer: t(`answer.${choice}`) }));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const key = event.key.toLowerCase();
    const inRadio = target instanceof HTMLInputElement && target.type === 'radio';
    const answer = answerKeys.get(key);
    if (answer) choose(answer);
    else if (key === 'arrowright' && !inRadio) go(stepIndicator(catalogue, answers.values, current.id, 1));
    else if (key === 'arrowleft' && !inRadio) go(stepIndicator(catalogue, answers.values, current.id, -1));
    else if (key === 'pagedown') go(stepIndicator(catalogue, answers.values, current.id, 1));
    else if (key === 'pageup') go(stepIndicator(catalogue, answers.values, current.id, -1));
    else if (key === keyOf('nextUnanswered').toLowerCase()) go(nextUnanswered(catalogue, answers.values, current.id));
    else if (key === 'escape') navigate({ name: 'walk', id: assessment.id, indicator: current.id });
    else return;
    event.preventDefault();
  };

  // Until the stored answers are read, the choice and progress would show as empty: wait for them.
  if (!answers.loaded) return <p>{t('app.loading')}</p>;
  return (
    <div className="present" ref={root} tabIndex={-1} onKeyDown={onKeyDown} aria-labelledby="present-question">
      <div className="present-bar">
        <span>
          {text.domains[domain.id]!.title} · {t('walk.position', { current: indicators.indexOf(current) + 1, total: indicators.length })} ·{' '}
          {t('walk.overall')}: {t('walk.domainProgress', { ...progress.overall })}
        </span>
        <SaveStatus state={answers.saveState} />
        <button type="button" onClick={() => navigate({ name: 'walk', id: assessment.id, indicator: current.id })}>
          {t('present.exit')}
        </button>
      </div>
      {answers.saveError ? <StorageErrorMessage error={answers.saveError} /> : null}
      <h1 id="present-question">{text.indicators[current.id]!.question}</h1>
      {progress.ruledOut.has(current.id) ? (
        <p className="ruled-out">{t('answer.ruledOutShort')}</p>
      ) : (
        <AnswerChoice indicator={current} value={value ?? null} onChange={choose} large readOnly={reviewer} />
      )}
      <div className="walk-steps">
        <button type="button" onClick={() => go(stepIndicator(catalogue, answers.values, current.id, -1))}>
          {t('walk.previous')}
        </button>
        <button type="button" onClick={() => go(stepIndicator(catalogue, answers.values, current.id, 1))}>
          {t('walk.next')}
        </button>
      </div>
      <p className="keys">
        {t('present.keys', {
          answers: offered.map((v) => `${keyOf(v)} ${t(`answer.${v}`).toLocaleLowerCase(i18n.language)}`).join(' · '),
          next: keyOf('nextUnanswered'),
        })}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
