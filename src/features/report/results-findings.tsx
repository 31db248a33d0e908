/**
 * The results screen's reading of the answers: each domain's score and confidence flags beside its
 * findings (well-developed areas and areas with potential for further development), and the method in
 * plain words. Given the findings and the scores; reads nothing itself.
 */
import { useTranslation } from 'react-i18next';
import type { DomainFindings } from '../../domain/profile';
import { roundScore, type DomainResult } from '../../domain/scoring';
import { formatPercent } from '../../ui/format';

export function DomainFindingsSection({ findings, result }: { findings: DomainFindings; result: DomainResult }) {
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

export function Method() {
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

