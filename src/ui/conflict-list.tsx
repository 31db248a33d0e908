import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './conflict-list.css';
import type { CatalogueBundle } from '../domain/catalogue';
import { ASSESSMENT_KEY } from '../domain/history';
import type { Conflict, Decision, Version } from '../domain/merge';
import { FieldValue, fieldLabelKey } from './field-value';
import { formatDateTime } from './format';

function Who({ version }: { version: Version | null }) {
  const { t, i18n } = useTranslation('review');
  const entry = version?.entry;
  if (!entry) return <p className="byline">{t('conflict.byUnknown')}</p>;
  return (
    <p className="byline">
      {t('conflict.by', { who: entry.by || t('who.unnamed'), role: t(`roles.${entry.role}`), when: formatDateTime(entry.at, i18n.language), device: entry.device.slice(0, 8) })}
    </p>
  );
}

/**
 * Conflicts side by side: the value before both changes, this laptop's and the other's (a file, or a
 * laptop through the sync server), each with who
 * changed it and when; the person keeps one version per conflict.
 */
export function ConflictList({
  conflicts,
  bundle,
  decisions,
  onDecide,
  source = 'file',
}: {
  /** Where "theirs" comes from: a file, or another laptop through the sync server. */
  source?: 'file' | 'server';
  conflicts: Conflict[];
  bundle: CatalogueBundle | null;
  decisions: Readonly<Record<string, Decision>>;
  onDecide: (fingerprint: string, decision: Decision) => void;
}) {
  const { t } = useTranslation('review');
  const uid = useId();
  return (
    <ol className="conflicts">
      {conflicts.map((c, index) => {
        const subject = c.indicatorId === ASSESSMENT_KEY ? t('conflict.assessment') : (bundle?.text.indicators[c.indicatorId]?.question ?? c.indicatorId);
        const name = `${uid}-${index}`;
        return (
          <li key={c.fingerprint} className="conflict">
            <fieldset>
              <legend>
                <span className="conflict-subject">{subject}</span> <span className="tag">{t(fieldLabelKey(c.indicatorId, c.field))}</span>
              </legend>
              <div className="conflict-sides">
                <div className="conflict-side base">
                  <h4>{t('conflict.base')}</h4>
                  {c.base ? <FieldValue indicatorId={c.indicatorId} field={c.field} value={c.base.value} /> : <p className="hint">{t('conflict.noBase')}</p>}
                  {c.base ? <Who version={c.base} /> : null}
                </div>
                {(['mine', 'theirs'] as const).map((side) => (
                  <div key={side} className={`conflict-side ${side}`}>
                    <h4>{t(side === 'theirs' && source === 'server' ? 'conflict.theirsServer' : `conflict.${side}`)}</h4>
                    <FieldValue indicatorId={c.indicatorId} field={c.field} value={c[side].value} />
                    <Who version={c[side]} />
                    <label className="inline choice">
                      <input type="radio" name={name} checked={decisions[c.fingerprint] === side} onChange={() => onDecide(c.fingerprint, side)} />{' '}
                      {t(side === 'mine' ? 'conflict.keepMine' : source === 'server' ? 'conflict.keepTheirsServer' : 'conflict.keepTheirs')}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
