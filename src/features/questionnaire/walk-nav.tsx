import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../domain/answer';
import type { Catalogue, CatalogueText, Domain, Indicator } from '../../domain/catalogue';
import type { Progress } from '../../domain/progress';
import { href } from '../../ui/router';

/**
 * The walkthrough's navigation: progress by domain, the ministry filter and the current domain's
 * indicators with their answers. Memoised: typing in a narrative or a save finishing leaves its props
 * unchanged (the values map stays the same object), so it is not drawn again for them.
 */
export const WalkNav = memo(function WalkNav({
  catalogue,
  text,
  assessmentId,
  indicators,
  domain,
  current,
  values,
  progress,
  institution,
  onInstitution,
  allowed,
}: {
  catalogue: Catalogue;
  text: CatalogueText;
  assessmentId: string;
  indicators: readonly Indicator[];
  domain: Domain;
  current: Indicator;
  values: ReadonlyMap<string, AnswerValue | null>;
  progress: Progress;
  institution: string;
  onInstitution: (institution: string) => void;
  allowed: (id: string) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <nav className="walk-nav" aria-label={t('walk.domains')}>
      <p className="overall">
        {t('walk.overall')}: {t('walk.domainProgress', { ...progress.overall })}
      </p>
      <label htmlFor="institution-filter">{t('walk.filter')}</label>
      <select id="institution-filter" value={institution} onChange={(e) => onInstitution(e.target.value)}>
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
                <a href={href({ name: 'walk', id: assessmentId, indicator: firstId })} aria-current={d === domain ? 'true' : undefined}>
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
              {s.indicators
                .filter((i) => allowed(i.id))
                .map((i) => {
                  const value = progress.ruledOut.has(i.id) ? 'na' : values.get(i.id);
                  return (
                    <li key={i.id}>
                      <a href={href({ name: 'walk', id: assessmentId, indicator: i.id })} aria-current={i === current ? 'page' : undefined} className={`status-${value ?? 'none'}`}>
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
  );
});
