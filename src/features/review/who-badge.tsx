import { useTranslation } from 'react-i18next';
import { href } from '../../ui/router';
import { useActor } from '../../ui/use-actor';

/**
 * The header link: who is recorded with every change made here. It does not suspend: the header (and
 * the first screen with it) shows at once, and the link appears when the review strings have arrived.
 */
export function WhoBadge() {
  const { t, ready } = useTranslation('review', { useSuspense: false });
  const actor = useActor();
  if (!ready || !actor) return null;
  return (
    <a className="who-badge" href={href({ name: 'who' })}>
      {actor.name ? t('who.badge', { name: actor.name, role: t(`roles.${actor.role}`) }) : t('who.badgeUnset')}
    </a>
  );
}
