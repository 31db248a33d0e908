/**
 * Which installed WOFF files give each script's font, for the command-line tool and tests, which read
 * them from node_modules. The worker imports the same files by URL (font-urls.ts).
 */
import type { Script } from '../../domain/scripts';

export interface FontSource {
  pkg: string;
  regular: string;
  bold: string;
}

const noto = (pkg: string, prefix: string): FontSource => ({
  pkg: `@fontsource/${pkg}`,
  regular: `${prefix}-400-normal.woff`,
  bold: `${prefix}-700-normal.woff`,
});

/** One file per weight: Latin and the alphabets of Noto Sans, Arabic and Hebrew. */
export const fontSources: { base: FontSource } & Partial<Record<Script, FontSource>> = {
  base: noto('noto-sans', 'noto-sans-latin'),
  'latin-ext': noto('noto-sans', 'noto-sans-latin-ext'),
  cyrillic: noto('noto-sans', 'noto-sans-cyrillic'),
  greek: noto('noto-sans', 'noto-sans-greek'),
  arabic: noto('noto-sans-arabic', 'noto-sans-arabic-arabic'),
  hebrew: noto('noto-sans-hebrew', 'noto-sans-hebrew-hebrew'),
};

/** Split in subsets by Unicode range (see font-subsets.ts): the package and its CSS for the regular weight. */
export const subsetSources: Partial<Record<Script, { pkg: string; css: string }>> = {
  han: { pkg: '@fontsource/noto-sans-sc', css: '400.css' },
  japanese: { pkg: '@fontsource/noto-sans-jp', css: '400.css' },
  korean: { pkg: '@fontsource/noto-sans-kr', css: '400.css' },
};
