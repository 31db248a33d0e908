/**
 * The fonts embedded in the profile: Noto Sans from @fontsource/noto-sans, shipped with the app (the
 * PDF is built offline). WOFF, not WOFF2, which react-pdf cannot read. The Latin subset covers English,
 * Spanish and French; the Latin Extended subset is a fallback for names typed by the team (e.g. "Łódź").
 */
import { Font } from '@react-pdf/renderer';

export const FONT_FAMILY = 'Noto Sans';
export const FALLBACK_FAMILY = 'Noto Sans Extended';

/** Where each font file is: absolute URLs in the browser, file paths in Node. */
export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  extRegular: string;
  extBold: string;
  extItalic: string;
}

/** The files inside @fontsource/noto-sans, by role. */
export const fontFileNames = {
  regular: 'noto-sans-latin-400-normal.woff',
  bold: 'noto-sans-latin-700-normal.woff',
  italic: 'noto-sans-latin-400-italic.woff',
  extRegular: 'noto-sans-latin-ext-400-normal.woff',
  extBold: 'noto-sans-latin-ext-700-normal.woff',
  extItalic: 'noto-sans-latin-ext-400-italic.woff',
} as const satisfies FontFiles;

let registered = false;

export function registerProfileFonts(files: FontFiles): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: files.regular, fontWeight: 400 },
      { src: files.bold, fontWeight: 700 },
      { src: files.italic, fontWeight: 400, fontStyle: 'italic' },
    ],
  });
  Font.register({
    family: FALLBACK_FAMILY,
    fonts: [
      { src: files.extRegular, fontWeight: 400 },
      { src: files.extBold, fontWeight: 700 },
      { src: files.extItalic, fontWeight: 400, fontStyle: 'italic' },
    ],
  });
  // Words are never split: react-pdf's default hyphenation is English-only and would break Spanish and
  // French words (and names) in the wrong places.
  Font.registerHyphenationCallback((word) => [word]);
}
