import { describe, expect, it } from 'vitest';
import { assessmentFileBase, encryptedFileName, fileSlug } from './file-name';

describe('file names', () => {
  it.each([
    ['République de Testland', 'republique-de-testland'],
    ['  Côte d’Ivoire / Ministère ', 'cote-d-ivoire-ministere'],
    ['東京', ''],
    ['a'.repeat(59) + ' b', 'a'.repeat(59)],
  ])('slugs %j as %j', (text, slug) => {
    expect(fileSlug(text)).toBe(slug);
  });

  it('names an assessment’s file after its government, year and day', () => {
    expect(assessmentFileBase({ government: 'République de Testland', year: 2026 }, new Date('2026-03-04T15:30:00Z'))).toBe('republique-de-testland-2026-mgi-2026-03-04');
    expect(assessmentFileBase({ government: '東京', year: 2026 }, new Date('2026-03-04T15:30:00Z'))).toBe('assessment-2026-mgi-2026-03-04');
  });

  it('names an encrypted file by its time only, revealing nothing the encryption hides', () => {
    expect(encryptedFileName(new Date('2026-03-04T15:30:09Z'))).toBe('mgi-encrypted-2026-03-04-1530.json');
  });
});
