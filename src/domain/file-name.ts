/**
 * Names of the files the app writes. One slug rule for every name built from what a person typed, safe
 * on every file system (no accents, no spaces, no separators, bounded).
 */
import type { Assessment } from './assessment';

/** "République de Testland" → "republique-de-testland"; "" when nothing usable is left. */
export function fileSlug(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** "republique-de-testland-2026-mgi-2026-03-04": an assessment's exchange file or spreadsheet, without extension. */
export function assessmentFileBase(assessment: Pick<Assessment, 'government' | 'year'>, now = new Date()): string {
  return `${fileSlug(assessment.government) || 'assessment'}-${assessment.year}-mgi-${now.toISOString().slice(0, 10)}`;
}

/**
 * "mgi-encrypted-2026-03-04-1530.json": an encrypted file's name says nothing of what the encryption
 * hides (the government, the year), only when it was made, so two files of a day stay apart.
 */
export function encryptedFileName(now = new Date()): string {
  const at = now.toISOString();
  return `mgi-encrypted-${at.slice(0, 10)}-${at.slice(11, 13)}${at.slice(14, 16)}.json`;
}

/** "mgi-changes-kept-aside-2026-03-04-1530.json": unsaved changes storage could not take, downloaded to keep them. */
export function setAsideFileName(now = new Date()): string {
  const at = now.toISOString();
  return `mgi-changes-kept-aside-${at.slice(0, 10)}-${at.slice(11, 13)}${at.slice(14, 16)}.json`;
}
