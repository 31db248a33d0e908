/**
 * What moved since an earlier assessment of the same government and level on this device: per domain
 * and per indicator. Reads the earlier assessments itself; the current results are given.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../domain/assessment';
import type { Catalogue, CatalogueBundle } from '../../domain/catalogue';
import { compareResults, earlierAssessments, roundHalfUp, roundScore, scoreAssessment, type AssessmentResults } from '../../domain/scoring';
import { getAnswers } from '../../storage/answers';
import { listAssessments } from '../../storage/assessments';
import { useStored } from '../../storage/live';
import { formatDate } from '../../ui/format';

export function Comparison({
  assessment,
  catalogue,
  text,
  current,
}: {
  assessment: Assessment;
  catalogue: Catalogue;
  text: CatalogueBundle['text'];
  current: AssessmentResults;
}) {
  const { t, i18n } = useTranslation('report');
  const selectId = useId();
  const stored = useStored(() => listAssessments(), []);
  const candidates = useMemo(() => earlierAssessments(assessment, stored ?? []), [assessment, stored]);
  const [chosen, setChosen] = useState<string | null>(null);
  const earlier = candidates.find((c) => c.id === chosen) ?? candidates[0] ?? null;
  const earlierAnswers = useStored(() => (earlier ? getAnswers(earlier.id) : Promise.resolve(null)), [earlier?.id]);
  const changes = useMemo(
    () => (earlier && earlierAnswers ? compareResults(catalogue, scoreAssessment(catalogue, earlierAnswers), current) : null),
    [earlier, earlierAnswers, catalogue, current],
  );
  const answerLabel = (status: string) => t(`results.answers.${status}`);
  const moved = changes?.flatMap((c) => c.indicators) ?? [];

  return (
    <section className="panel comparison" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('results.compare.title')}</h2>
      {!earlier ? (
        <p>{t('results.compare.none')}</p>
      ) : (
        <>
          {candidates.length > 1 ? (
            <p>
              <label htmlFor={selectId}>{t('results.compare.choose')}</label>{' '}
              <select id={selectId} value={earlier.id} onChange={(e) => setChosen(e.target.value)}>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('results.compare.option', { year: c.year, date: formatDate(c.updatedAt, i18n.language) })}
                  </option>
                ))}
              </select>
            </p>
          ) : null}
          {changes ? (
            <>
              <table className="list">
                <caption>{t('results.compare.domainsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.compare.domain')}</th>
                    <th scope="col">{t('results.compare.before', { year: earlier.year })}</th>
                    <th scope="col">{t('results.compare.after', { year: assessment.year })}</th>
                    <th scope="col">{t('results.compare.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{text.domains[c.id]!.title}</th>
                      <td>{c.before === null ? t('results.table.notScored') : roundScore(c.before)}</td>
                      <td>{c.after === null ? t('results.table.notScored') : roundScore(c.after)}</td>
                      <td className={`move-${c.movement}`}>
                        {c.movement === 'up' || c.movement === 'down'
                          ? t(`results.compare.${c.movement}`, { delta: Math.abs(roundHalfUp(c.delta ?? 0)) })
                          : t(`results.compare.${c.movement}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{t('results.compare.indicatorsTitle')}</h3>
              {moved.length === 0 ? (
                <p>{t('results.compare.indicatorsNone')}</p>
              ) : (
                <table className="list">
                  <thead>
                    <tr>
                      <th scope="col">{t('results.compare.indicator')}</th>
                      <th scope="col">{t('results.compare.from')}</th>
                      <th scope="col">{t('results.compare.to')}</th>
                      <th scope="col">{t('results.compare.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {moved.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">{text.indicators[m.id]!.question}</th>
                        <td>{answerLabel(m.before)}</td>
                        <td>{answerLabel(m.after)}</td>
                        <td className={`move-${m.movement}`}>{t(`results.compare.movement.${m.movement}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ) : (
            <p>{t('results.loading')}</p>
          )}
        </>
      )}
    </section>
  );
}

