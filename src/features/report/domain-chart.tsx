import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartBar } from '../../domain/profile';
import type { DomainResult } from '../../domain/scoring';
import { formatPercent } from '../../ui/format';

const ROW = 44;
const LABEL = 250;
const BAR = 300;

/**
 * The score and share answered of each domain, as bars (for the eye) and as a table (for screen
 * readers, and for anyone who wants the counts). Domains stay in the framework's order: sorting them
 * by score would read as a ranking.
 */
export function DomainChart({ bars, domains }: { bars: ChartBar[]; domains: DomainResult[] }) {
  const { t, i18n } = useTranslation('report');
  const id = useId();
  const height = bars.length * ROW + 24;
  return (
    <figure className="domain-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h2>{t('results.chart.title')}</h2>
      </figcaption>
      <svg viewBox={`0 0 ${LABEL + BAR + 70} ${height}`} width="100%" aria-hidden="true" focusable="false">
        <g className="chart-axis">
          {[0, 50, 100].map((tick) => (
            <g key={tick}>
              <line x1={LABEL + (BAR * tick) / 100} x2={LABEL + (BAR * tick) / 100} y1={0} y2={height - 18} />
              <text x={LABEL + (BAR * tick) / 100} y={height - 4} textAnchor="middle">
                {tick}
              </text>
            </g>
          ))}
        </g>
        {bars.map((bar, i) => (
          <g key={bar.id} transform={`translate(0 ${i * ROW + 4})`}>
            <text className="chart-label" x={LABEL - 10} y={14} textAnchor="end">
              {bar.label}
            </text>
            <rect className="chart-track" x={LABEL} y={2} width={BAR} height={16} />
            <rect className="chart-score" x={LABEL} y={2} width={(BAR * (bar.score ?? 0)) / 100} height={16} />
            <rect className="chart-done" x={LABEL} y={22} width={(BAR * bar.completeness) / 100} height={6} />
            <text className="chart-value" x={LABEL + BAR + 8} y={15}>
              {bar.score === null ? t('results.chart.notScored') : bar.score}
            </text>
          </g>
        ))}
      </svg>
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
          {bars.map((bar, i) => {
            const d = domains[i]!;
            return (
              <tr key={bar.id}>
                <th scope="row">{bar.label}</th>
                <td>{bar.score === null ? t('results.table.notScored') : bar.score}</td>
                <td>{formatPercent(d.completeness / 100, i18n.language)}</td>
                <td>{d.counts.yes}</td>
                <td>{d.counts.partial}</td>
                <td>{d.counts.no}</td>
                <td>{d.notApplicable}</td>
                <td>{d.flags.unanswered.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
