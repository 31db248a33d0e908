import { useTranslation } from 'react-i18next';

/** Server address, name and password: the same three fields wherever a person signs in to a sync server. */
export function SignInFields({
  uid,
  url,
  name,
  password,
  onUrl,
  onName,
  onPassword,
}: {
  uid: string;
  url: string;
  name: string;
  password: string;
  onUrl: (value: string) => void;
  onName: (value: string) => void;
  onPassword: (value: string) => void;
}) {
  const { t } = useTranslation('review');
  return (
    <>
      <label htmlFor={`${uid}-url`}>{t('sync.serverAddress')}</label>
      <input id={`${uid}-url`} type="url" value={url} onChange={(e) => onUrl(e.target.value)} required />
      <label htmlFor={`${uid}-name`}>{t('sync.name')}</label>
      <input id={`${uid}-name`} autoComplete="username" value={name} onChange={(e) => onName(e.target.value)} required />
      <label htmlFor={`${uid}-password`}>{t('sync.password')}</label>
      <input id={`${uid}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => onPassword(e.target.value)} required />
    </>
  );
}
