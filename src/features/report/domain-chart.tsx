import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { roundScore, type DomainResult } from '../../domain/scoring';
import { formatPercent } from '../../ui/format';

/**
 * The score and share answered of each domain, as bars (for the eye) and as a table (for screen
 * readers, and for anyone who wants the counts). Workshop figures: the profile itself prints none.
 * Domains stay in the framework's order: sorting them by score would read as a ranking.
 * The bars are laid out in HTML, not SVG, so long domain names (Spanish, French) wrap instead of
 * being cut off.
 */
export function DomainChart({ domains, titles }: { domains: DomainResult[]; titles: Record<string, string> }) {
  const { t, i18n } = useTranslation('report');
  const id = useId();
  return (
    <figure className="domain-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h2>{t('results.chart.title')}</h2>
      </figcaption>
      <div className="chart-bars" aria-hidden="true">
        {domains.map((d) => {
          const score = roundScore(d.score);
          return (
            <div className="chart-row" key={d.id}>
              <span className="chart-label">{titles[d.id]}</span>
              <span className="chart-bar">
                <span className="chart-track">
                  <span className="chart-score" style={{ width: `${score ?? 0}%` }} />
                </span>
                <span className="chart-done" style={{ width: `${d.completeness}%` }} />
              </span>
              <span className="chart-value">{score === null ? t('results.chart.notScored') : score}</span>
            </div>
          );
        })}
      </div>
      <p className="chart-legend" aria-hidden="true">
        <span className="swatch swatch-score" /> {t('results.chart.score')} <span className="swatch swatch-done" /> {t('results.chart.completeness')}
      </p>
      <table className="list figures">
        <caption>{t('results.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.table.domain')}</th>
            <th scope="col">{t('results.table.score')}</th>
            <th scope="col">{t('results.table.completeness')}</th>
            <th scope="col">{t('results.table.yes')}</th>
            <th scope="col">{t('results.table.partial')}</th>
            <th scope="col">{t('results.table.no')}</th>
            <th scope="col">{t('results.table.na')}</th>
            <th scope="col">{t('results.table.unanswered')}</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.id}>
              <th scope="row">{titles[d.id]}</th>
              <td>{d.score === null ? t('results.table.notScored') : roundScore(d.score)}</td>
              <td>{formatPercent(d.completeness / 100, i18n.language)}</td>
              <td>{d.counts.yes}</td>
              <td>{d.counts.partial}</td>
              <td>{d.counts.no}</td>
              <td>{d.notApplicable}</td>
              <td>{d.flags.unanswered.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
