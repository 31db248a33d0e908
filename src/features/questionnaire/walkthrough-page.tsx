import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../domain/assessment';
import { allIndicators, type CatalogueBundle } from '../../domain/catalogue';
import { computeProgress, nextUnanswered, stepIndicator } from '../../domain/progress';
import { ruledOutBy } from '../../domain/relevance';
import { newId } from '../../storage/connection';
import { href, navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';
import { useActor } from '../../ui/use-actor';
import { AnswerEditor } from './answer-editor';
import { SaveStatus } from '../../ui/save-status';
import { useAnswers } from './use-answers';
import { BackupNote } from './backup-note';
import { RetiredAnswers } from './retired-answers';

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
  const progress = computeProgress(catalogue, answers.values);
  const allowed = (id: string) => !institution || (byId.get(id)?.institutions as string[] | undefined)?.includes(institution) === true;
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
      <nav className="walk-nav" aria-label={t('walk.domains')}>
        <p className="overall">
          {t('walk.overall')}: {t('walk.domainProgress', { ...progress.overall })}
        </p>
        <label htmlFor="institution-filter">{t('walk.filter')}</label>
        <select id="institution-filter" value={institution} onChange={(e) => setInstitution(e.target.value)}>
          <option value="">{t('walk.filterAll')}</option>
          {[...new Set(indicators.flatMap((i) => i.institutions))].map((kind) => (
            <option key={kind} value={kind}>
              {t(`institution.${kind}`)}
            </option>
          ))}
        </select>
        <ol className="domain-list">
          {catalogue.domains.map((d) => {
            const firstId = d.subdomains.flatMap((s) => s.indicators).find((i) => allowed(i.id))?.id;
            const count = progress.domains[d.id]!;
            return (
              <li key={d.id} className={d === domain ? 'current' : undefined}>
                {firstId ? (
                  <a href={href({ name: 'walk', id: assessment.id, indicator: firstId })} aria-current={d === domain ? 'true' : undefined}>
                    {text.domains[d.id]!.title}
                  </a>
                ) : (
                  <span>{text.domains[d.id]!.title}</span>
                )}{' '}
                <span className="count">{t('walk.domainProgress', { ...count })}</span>
                <progress max={count.total || 1} value={count.answered} aria-hidden="true" />
              </li>
            );
          })}
        </ol>
        <ol className="indicator-list" aria-label={text.domains[domain.id]!.title}>
          {domain.subdomains.map((s) => (
            <li key={s.id}>
              <span className="sub-title">{text.subdomains[s.id]!.title}</span>
              <ol>
                {s.indicators.filter((i) => allowed(i.id)).map((i) => {
                  const value = progress.ruledOut.has(i.id) ? 'na' : answers.values.get(i.id);
                  return (
                    <li key={i.id}>
                      <a
                        href={href({ name: 'walk', id: assessment.id, indicator: i.id })}
                        aria-current={i === current ? 'page' : undefined}
                        className={`status-${value ?? 'none'}`}
                      >
                        {text.indicators[i.id]!.question}
                        <span className="status-label"> ({t(value ? `answer.${value}` : 'answer.none')})</span>
                      </a>
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
        {domain.subdomains.every((s) => s.indicators.every((i) => !allowed(i.id))) ? <p>{t('walk.noneForFilter')}</p> : null}
      </nav>

      <section className="walk-main" aria-labelledby="indicator-question">
        <div className="walk-toolbar">
          <SaveStatus state={answers.saveState} />
          <a className="button" href={href({ name: 'present', id: assessment.id, indicator: current.id })}>
            {t('walk.present')}
          </a>
          <a className="button" href={href({ name: 'setup', id: assessment.id })}>
            {t('walk.details')}
          </a>
          <a className="button" href={href({ name: 'review', id: assessment.id })}>
            {t('review:links.review')}
          </a>
          <a className="button" href={href({ name: 'exchange', id: assessment.id })}>
            {t('review:links.exchange')}
          </a>
          <a className="button" href={href({ name: 'sync', id: assessment.id })}>
            {t('review:links.sync')}
          </a>
          <a className="button" href={href({ name: 'results', id: assessment.id })}>
            {t('walk.resultsLink')}
          </a>
        </div>
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
        <details className="guidance">
          <summary>{t('walk.guidance')}</summary>
          <dl>
            <dt>{t('walk.guidanceYes')}</dt>
            <dd>{txt.guidance.yes}</dd>
            <dt>{t('walk.guidancePartial')}</dt>
            <dd>{txt.guidance.partial}</dd>
            <dt>{t('walk.guidanceNo')}</dt>
            <dd>{txt.guidance.no}</dd>
            {txt.guidance.na ? (
              <>
                <dt>{t('walk.guidanceNa')}</dt>
                <dd>{txt.guidance.na}</dd>
              </>
            ) : null}
            <dt>{t('walk.guidanceEvidence')}</dt>
            <dd>{txt.guidance.evidence}</dd>
          </dl>
        </details>
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
