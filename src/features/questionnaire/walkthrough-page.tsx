import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../domain/assessment';
import { allIndicators, type CatalogueBundle, type CatalogueText } from '../../domain/catalogue';
import { computeProgress, nextUnanswered, stepIndicator } from '../../domain/progress';
import { ruledOutBy } from '../../domain/relevance';
import { newId } from '../../storage/connection';
import { href, navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useActor } from '../../ui/use-actor';
import { AnswerEditor } from './answer-editor';
import { SaveStatus, type SaveState } from '../../ui/save-status';
import { useAnswers, useExpectChoice } from './use-answers';
import { BackupNote } from './backup-note';
import { RetiredAnswers } from './retired-answers';
import { WalkNav } from './walk-nav';

export function WalkthroughPage({
  assessment,
  bundle,
  indicatorId,
  aside,
}: {
  assessment: Assessment;
  bundle: CatalogueBundle;
  indicatorId: string | undefined;
  /** Shown under the answer (review and history of the answer), supplied by the app. */
  aside?: (indicatorId: string) => ReactNode;
}) {
  // 'review' holds the Review and Exchange link labels; listing it loads those strings with this screen.
  const { t } = useTranslation(['ui', 'review']);
  const { catalogue, text } = bundle;
  const answers = useAnswers(assessment.id, catalogue);
  const actor = useActor();
  const [institution, setInstitution] = useState('');
  const indicators = useMemo(() => allIndicators(catalogue), [catalogue]);
  const byId = useMemo(() => new Map(indicators.map((i) => [i.id, i])), [indicators]);
  const current = byId.get(indicatorId ?? '') ?? indicators[0]!;
  useExpectChoice(assessment.id, current.id);
  const progress = useMemo(() => computeProgress(catalogue, answers.values), [catalogue, answers.values]);
  const allowed = useCallback((id: string) => !institution || (byId.get(id)?.institutions as string[] | undefined)?.includes(institution) === true, [institution, byId]);
  const domain = catalogue.domains.find((d) => d.subdomains.some((s) => s.indicators.includes(current)))!;
  const heading = useRef<HTMLHeadingElement>(null);

  // Moving to another indicator puts focus on its question, so keyboard and screen-reader users follow.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [current.id]);

  const go = (id: string | null) => {
    if (!id) return;
    void answers.flush();
    navigate({ name: 'walk', id: assessment.id, indicator: id });
  };
  const answer = answers.answerOf(current.id);
  const overwritten = answers.overwritten.get(current.id);
  const ruleOut = progress.ruledOut.has(current.id);
  const ruledBy = ruledOutBy(current, answers.values, progress.ruledOut);
  const txt = text.indicators[current.id]!;
  const position = indicators.indexOf(current) + 1;
  const upNext = nextUnanswered(catalogue, answers.values, current.id, allowed);

  // Until the stored answers are read, progress and the answer would show as empty: wait for them.
  if (!answers.loaded) return <p>{t('app.loading')}</p>;
  return (
    <div className="walk">
      <WalkNav
        catalogue={catalogue}
        text={text}
        assessmentId={assessment.id}
        indicators={indicators}
        domain={domain}
        current={current}
        values={answers.values}
        progress={progress}
        institution={institution}
        onInstitution={setInstitution}
        allowed={allowed}
      />

      <section className="walk-main" aria-labelledby="indicator-question">
        <Toolbar assessmentId={assessment.id} indicatorId={current.id} saveState={answers.saveState} />
        {answers.saveError ? <StorageErrorMessage error={answers.saveError} /> : null}
        <BackupNote assessment={assessment} />
        <p className="crumbs">
          {text.domains[domain.id]!.title} ›{' '}
          {text.subdomains[domain.subdomains.find((s) => s.indicators.includes(current))!.id]!.title} ·{' '}
          {t('walk.position', { current: position, total: indicators.length })}
        </p>
        <h1 id="indicator-question" ref={heading} tabIndex={-1}>
          {txt.question}
        </h1>
        <p className="gcm">{t('walk.gcm', { list: current.gcm.join(', ') })}</p>
        <Guidance text={txt.guidance} />
        {ruleOut ? (
          <p className="ruled-out" role="note">
            {t('answer.ruledOut', { question: ruledBy ? text.indicators[ruledBy.indicator]!.question : '' })}
          </p>
        ) : (
          <>
            {overwritten ? (
              <p className="note" role="status">
                {t('save.overwritten', { fields: overwritten.map((f) => t(`review:fields.${f}`)).join(', ') })}
              </p>
            ) : null}
            <AnswerEditor
              key={current.id}
              indicator={current}
              answer={answer}
              onEdit={(patch, immediate) => answers.edit(current.id, patch, immediate)}
              onBlur={() => void answers.flush()}
              newId={newId}
              readOnly={actor?.role === 'reviewer'}
            />
          </>
        )}
        <div className="walk-steps">
          <button type="button" onClick={() => go(stepIndicator(catalogue, answers.values, current.id, -1, allowed))}>
            {t('walk.previous')}
          </button>
          <button type="button" onClick={() => go(stepIndicator(catalogue, answers.values, current.id, 1, allowed))}>
            {t('walk.next')}
          </button>
          <button type="button" className="primary" disabled={!upNext} onClick={() => go(upNext)}>
            {t('walk.nextUnanswered')}
          </button>
          {!upNext ? <p role="status">{t('walk.allAnswered')}</p> : null}
        </div>
        {aside ? aside(current.id) : null}
        <RetiredAnswers assessmentId={assessment.id} retired={answers.retired} text={text} />
      </section>
    </div>
  );
}

/** The links to the assessment's other screens, with the saved state: drawn again only when that changes. */
const Toolbar = memo(function Toolbar({ assessmentId, indicatorId, saveState }: { assessmentId: string; indicatorId: string; saveState: SaveState }) {
  const { t } = useTranslation(['ui', 'review']);
  return (
    <div className="walk-toolbar">
      <SaveStatus state={saveState} />
      <a className="button" href={href({ name: 'present', id: assessmentId, indicator: indicatorId })}>
        {t('walk.present')}
      </a>
      <a className="button" href={href({ name: 'setup', id: assessmentId })}>
        {t('walk.details')}
      </a>
      <a className="button" href={href({ name: 'review', id: assessmentId })}>
        {t('review:links.review')}
      </a>
      <a className="button" href={href({ name: 'exchange', id: assessmentId })}>
        {t('review:links.exchange')}
      </a>
      <a className="button" href={href({ name: 'sync', id: assessmentId })}>
        {t('review:links.sync')}
      </a>
      <a className="button" href={href({ name: 'results', id: assessmentId })}>
        {t('walk.resultsLink')}
      </a>
    </div>
  );
});

/** What "yes", "partly", "no" and the evidence mean for this indicator, folded away until asked for. */
const Guidance = memo(function Guidance({ text }: { text: CatalogueText['indicators'][string]['guidance'] }) {
  const { t } = useTranslation();
  return (
    <details className="guidance">
      <summary>{t('walk.guidance')}</summary>
      <dl>
        <dt>{t('walk.guidanceYes')}</dt>
        <dd>{text.yes}</dd>
        <dt>{t('walk.guidancePartial')}</dt>
        <dd>{text.partial}</dd>
        <dt>{t('walk.guidanceNo')}</dt>
        <dd>{text.no}</dd>
        {text.na ? (
          <>
            <dt>{t('walk.guidanceNa')}</dt>
            <dd>{text.na}</dd>
          </>
        ) : null}
        <dt>{t('walk.guidanceEvidence')}</dt>
        <dd>{text.evidence}</dd>
      </dl>
    </details>
  );
});
