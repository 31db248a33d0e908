import { useTranslation } from 'react-i18next';

/** From this share of the limit on, the box says how much room is left. */
const WARN_FROM = 0.9;

/** Whether the hint is showing, so the box can point to it with aria-describedby only then. */
export const nearLimit = (length: number, max: number) => length >= max * WARN_FROM;

/**
 * Says how many characters are left once a box nears what storage accepts (the box itself stops
 * there with maxLength), so nobody types words that could never be saved. Polite: read when the
 * person pauses, not on every keystroke.
 */
export function LengthHint({ id, length, max }: { id: string; length: number; max: number }) {
  const { t, i18n } = useTranslation('ui');
  const format = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <p className="hint length-hint" id={id} aria-live="polite">
      {nearLimit(length, max) ? (length >= max ? t('limit.reached', { max: format(max) }) : t('limit.remaining', { left: format(max - length), max: format(max) })) : null}
    </p>
  );
}
