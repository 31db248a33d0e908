import type { Assessment } from '../../domain/assessment';

/** Offers a file to the browser's download (nothing leaves the device otherwise). */
export function download(content: Blob | string, name: string, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "republique-de-testland-2026-mgi-2026-03-04", safe on every file system. */
export function fileBase(assessment: Assessment, now = new Date()): string {
  const slug = assessment.government
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'assessment'}-${assessment.year}-mgi-${now.toISOString().slice(0, 10)}`;
}

/**
 * "mgi-encrypted-2026-03-04-1530.json": an encrypted file's name says nothing of what the encryption
 * hides (the government, the year), only when it was made, so two files of a day stay apart.
 */
export function encryptedFileName(now = new Date()): string {
  const at = now.toISOString();
  return `mgi-encrypted-${at.slice(0, 10)}-${at.slice(11, 13)}${at.slice(14, 16)}.json`;
}
