import { useTranslation } from 'react-i18next';
import type { CatalogueText } from '../../domain/catalogue';
import type { RetiredAnswer } from '../../domain/retired';
import { titledEvidence } from '../../domain/scoring';
import { href } from '../../ui/router';

/**
 * Answers given to indicators a later catalogue retired or merged: shown read-only so nothing a team
 * wrote disappears from view when the catalogue changes (they also stay in exports and history).
 */
export function RetiredAnswers({ assessmentId, retired, text }: { assessmentId: string; retired: readonly RetiredAnswer[]; text: CatalogueText }) {
  const { t } = useTranslation('ui');
  if (retired.length === 0) return null;
  return (
    <section className="panel retired-answers" aria-labelledby="retired-title">
      <h2 id="retired-title">{t('walk.retired.title')}</h2>
      <p>{t('walk.retired.intro')}</p>
      <ul>
        {retired.map(({ answer, mergedInto, carried }) => {
          const sources = titledEvidence(answer.evidence).map((e) => e.title);
          return (
            <li key={answer.indicatorId}>
              <p className="retired-question">{text.retired?.[answer.indicatorId]?.question ?? t('walk.retired.unknownQuestion', { id: answer.indicatorId })}</p>
              <p>{t('walk.retired.answer', { answer: t(answer.value ? `answer.${answer.value}` : 'answer.none') })}</p>
              {answer.narrative.trim() ? <p className="retired-note">{answer.narrative}</p> : null}
              {sources.length > 0 ? <p>{t('walk.retired.sources', { list: sources.join('; ') })}</p> : null}
              {mergedInto && text.indicators[mergedInto] ? (
                <p>
                  {t('walk.retired.merged')}{' '}
                  <a href={href({ name: 'walk', id: assessmentId, indicator: mergedInto })}>{text.indicators[mergedInto].question}</a>
                  {carried ? ` ${t('walk.retired.carried')}` : null}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
