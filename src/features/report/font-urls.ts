/**
 * The font files as URLs of the built app (precached for offline use), by script: the worker fetches
 * only those a document needs. Mirrors font-sources.ts, which gives the same files to Node.
 */
import type { Script } from '../../domain/scripts';
import arabicBold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff?url';
import arabicRegular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff?url';
import hebrewBold from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff?url';
import hebrewRegular from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff?url';
import cyrillicBold from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff?url';
import cyrillicRegular from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
import greekBold from '@fontsource/noto-sans/files/noto-sans-greek-700-normal.woff?url';
import greekRegular from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff?url';
import extBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';
import extRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import bold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import regular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';

type Urls = { regular: string; bold: string };

export const fontUrls: { base: Urls } & Partial<Record<Script, Urls>> = {
  base: { regular, bold },
  'latin-ext': { regular: extRegular, bold: extBold },
  cyrillic: { regular: cyrillicRegular, bold: cyrillicBold },
  greek: { regular: greekRegular, bold: greekBold },
  arabic: { regular: arabicRegular, bold: arabicBold },
  hebrew: { regular: hebrewRegular, bold: hebrewBold },
};

/** Every subset file's URL by file name (the files ship with the app); the CSS, which says what each holds, is loaded on demand. */
const byName = (urls: Record<string, string>) => Object.fromEntries(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

export const subsetUrls: Partial<Record<Script, { files: Record<string, string>; css: () => Promise<string> }>> = {
  han: {
    files: byName(import.meta.glob<string>('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff', { query: '?url', import: 'default', eager: true })),
    css: () => import('@fontsource/noto-sans-sc/400.css?raw').then((m) => m.default),
  },
  japanese: {
    files: byName(import.meta.glob<string>('/node_modules/@fontsource/noto-sans-jp/files/noto-sans-jp-*-400-normal.woff', { query: '?url', import: 'default', eager: true })),
    css: () => import('@fontsource/noto-sans-jp/400.css?raw').then((m) => m.default),
  },
  korean: {
    files: byName(import.meta.glob<string>('/node_modules/@fontsource/noto-sans-kr/files/noto-sans-kr-*-400-normal.woff', { query: '?url', import: 'default', eager: true })),
    css: () => import('@fontsource/noto-sans-kr/400.css?raw').then((m) => m.default),
  },
};
