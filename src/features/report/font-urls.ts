/**
 * The font files as URLs of the built app (precached for offline use), by script: the worker fetches
 * only those a document needs. Mirrors font-sources.ts, which gives the same files to Node.
 */
import type { Script } from '../../domain/scripts';
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
};
