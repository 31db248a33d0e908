import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { backupState, type Assessment } from '../../domain/assessment';
import type { CatalogueKind } from '../../domain/catalogue';
import { lastExports } from '../../storage/actor';
import { countAnswered } from '../../storage/answers';
import { duplicateAssessment, listAssessments, markDeleted, updateAssessment } from '../../storage/assessments';
import { useStored } from '../../storage/live';
import { formatDateTime } from '../../ui/format';
import { href, navigate } from '../../ui/router';
import { StorageErrorMessage } from '../../ui/storage-error-message';

/** Rows shown at first and added by "Show more": a device with hundreds of assessments lists quickly. */
export const PAGE_SIZE = 50;

/** The assessments the list shows: archived ones only on request; a search on name, year and focal point. */
export function matching(assessments: readonly Assessment[], query: string, showArchived: boolean): Assessment[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return assessments.filter((a) => {
    if (a.archived && !showArchived) return false;
    const text = `${a.government} ${a.year} ${a.focalPoint}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function HomePage({
  indicatorTotal,
  indicatorIds,
  importSlot,
  onOpenDemo,
}: {
  indicatorTotal: (level: CatalogueKind) => number | undefined;
  /** The catalogue's indicator ids per level, once loaded: only answers to these count as progress. */
  indicatorIds?: (level: CatalogueKind) => ReadonlySet<string> | undefined;
  /** "Import a file", supplied by the app (features do not import each other). */
  importSlot?: ReactNode;
  /** Stores a fully answered demonstration assessment and opens it (supplied by the app). */
  onOpenDemo?: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Typing in the search box stays quick; the list follows a moment later.
  const deferredQuery = useDeferredValue(query);
  // One live query: re-run when an assessment changes or when an answer of a shown row changes.
  const list = useStored(async () => {
    const found = matching(await listAssessments(), deferredQuery, showArchived);
    const shown = found.slice(0, limit);
    const ids = shown.map((a) => a.id);
    const levels = new Map(shown.map((a) => [a.id, a.level]));
    const known = indicatorIds ? (id: string) => indicatorIds(levels.get(id) ?? 'national') : undefined;
    const [counts, exports] = await Promise.all([countAnswered(ids, known), lastExports(ids)]);
    return {
      total: found.length,
      shown: shown.map((assessment) => ({
        assessment,
        answered: counts.get(assessment.id) ?? 0,
        backedUp: backupState(assessment.updatedAt, exports.get(assessment.id)) === 'current',
      })),
    };
  }, [deferredQuery, showArchived, limit, indicatorIds]);
  const [deleted, setDeleted] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [openingDemo, setOpeningDemo] = useState(false);

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch(setError);
  };

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p className="lead">{t('home.intro')}</p>
      <p className="actions">
        <a className="button primary" href={href({ name: 'new' })}>
          {t('home.new')}
        </a>{' '}
        <a className="button" href={href({ name: 'syncOpen' })}>
          {t('home.openFromServer')}
        </a>
        {onOpenDemo ? (
          <button
            type="button"
            disabled={openingDemo}
            onClick={() => {
              setOpeningDemo(true);
              act(() => onOpenDemo().finally(() => setOpeningDemo(false)));
            }}
          >
            {openingDemo ? t('home.demo.opening') : t('home.demo.open')}
          </button>
        ) : null}
      </p>
      {importSlot}
      {error ? <StorageErrorMessage error={error} /> : null}
      <div role="status" aria-live="polite">
        {deleted ? (
          <p className="toast">
            {t('home.deleted', { name: deleted.government })}{' '}
            <button
              type="button"
              onClick={() =>
                act(async () => {
                  await markDeleted(deleted.id, false);
                  setDeleted(null);
                })
              }
            >
              {t('home.undo')}
            </button>
          </p>
        ) : null}
      </div>
      <div className="list-filters">
        <label>
          {t('home.search')}{' '}
          <input
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE_SIZE);
            }}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('home.showArchived')}
        </label>
      </div>
      {list === undefined ? (
        <p>{t('app.loading')}</p>
      ) : list.total === 0 ? (
        <p>{query.trim() ? t('home.noMatch') : t('home.empty')}</p>
      ) : (
        <>
          {list.shown.some((row) => !row.backedUp) ? <p className="hint">{t('home.backupAdvice')}</p> : null}
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('home.columns.government')}</th>
                <th scope="col">{t('home.columns.level')}</th>
                <th scope="col">{t('home.columns.year')}</th>
                <th scope="col">{t('home.columns.progress')}</th>
                <th scope="col">{t('home.columns.updated')}</th>
                <th scope="col">{t('home.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.shown.map(({ assessment: a, answered, backedUp }) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={href({ name: 'walk', id: a.id })} aria-label={t('home.openNamed', { name: a.government, year: a.year })}>
                      {a.government}
                    </a>
                    {a.archived ? <span className="tag">{t('home.archivedTag')}</span> : null}
                  </th>
                  <td>{t(`level.${a.level}`)}</td>
                  <td>{a.year}</td>
                  <td>
                    <progress max={indicatorTotal(a.level) ?? 1} value={answered} aria-hidden="true" />{' '}
                    {t('home.progress', { answered, total: indicatorTotal(a.level) ?? '…' })}
                  </td>
                  <td>
                    {formatDateTime(a.updatedAt, i18n.language)}
                    {backedUp ? null : (
                      <>
                        <br />
                        <a className="tag warn" href={href({ name: 'exchange', id: a.id })}>
                          {t('home.notBackedUp')}
                        </a>
                      </>
                    )}
                  </td>
                  <td className="row-actions">
                    <a className="button" href={href({ name: 'setup', id: a.id })} aria-label={t('home.editNamed', named(a))}>
                      {t('home.edit')}
                    </a>
                    <button
                      type="button"
                      aria-label={t('home.duplicateNamed', named(a))}
                      onClick={() =>
                        act(async () => {
                          const copy = await duplicateAssessment(a.id, {
                            government: a.government,
                            year: new Date().getFullYear(),
                          });
                          navigate({ name: 'setup', id: copy.id });
                        })
                      }
                    >
                      {t('home.duplicate')}
                    </button>
                    <button
                      type="button"
                      aria-label={t(a.archived ? 'home.unarchiveNamed' : 'home.archiveNamed', named(a))}
                      onClick={() => act(() => updateAssessment(a.id, { archived: !a.archived }, a.updatedAt))}
                    >
                      {a.archived ? t('home.unarchive') : t('home.archive')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={t('home.deleteNamed', named(a))}
                      onClick={() =>
                        act(async () => {
                          await markDeleted(a.id, true);
                          setDeleted(a);
                        })
                      }
                    >
                      {t('home.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="list-more" role="status">
            {list.total > PAGE_SIZE || query.trim() ? t('home.shown', { shown: list.shown.length, total: list.total }) : null}{' '}
            {list.shown.length < list.total ? (
              <button type="button" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
                {t('home.showMore', { count: Math.min(PAGE_SIZE, list.total - list.shown.length) })}
              </button>
            ) : null}
          </p>
        </>
      )}
    </section>
  );
}

/** Row buttons are named with their row ("Delete Chile 2025"), so a list of them reads apart. */
function named(a: { government: string; year: number }) {
  return { name: a.government, year: a.year };
}
