import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { probeStorage, requestPersistence, type StorageReport } from '../storage/device';

function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/**
 * Says plainly whether this browser can keep the work: a blocking alert when storage is unavailable
 * (nothing is pretended to be saved), and a quiet line with persistence and space used otherwise.
 */
export function StorageStatus() {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<StorageReport | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const first = await probeStorage();
      // Workshops must not lose data when the disk fills: ask once for persistent storage.
      if (first.available && first.persisted === false) await requestPersistence();
      const final = first.available ? await probeStorage() : first;
      if (live) setReport(final);
    })();
    return () => {
      live = false;
    };
  }, []);

  if (!report) return null;
  if (!report.available) {
    return (
      <p className="alert storage-alert" role="alert">
        {t('storage.unavailable')}
      </p>
    );
  }
  return (
    <p className="storage-line">
      {report.persisted ? t('storage.persisted') : t('storage.notPersisted')}
      {report.usage !== null && report.quota !== null
        ? ` · ${t('storage.usage', { used: formatBytes(report.usage, i18n.language), quota: formatBytes(report.quota, i18n.language) })}`
        : null}
    </p>
  );
}
