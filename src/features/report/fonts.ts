/**
 * The fonts embedded in the documents: Noto Sans from @fontsource packages, shipped with the app (the
 * documents are built offline). WOFF, not WOFF2, which react-pdf cannot read. The Latin subset covers
 * English, Spanish and French and is always loaded; every other script's font is loaded only when the
 * document's text uses that script (ProfileModel.scripts), and listed after it as a fallback, so
 * react-pdf takes each character from the first font that has it.
 */
import { Font } from '@react-pdf/renderer';
import type { Script } from '../../domain/scripts';

export const FONT_FAMILY = 'Noto Sans';

export interface FontFace {
  regular: string;
  bold: string;
}

/** Where each font file is (absolute URLs in the browser, data URLs in Node), by script. */
export type FontFiles = { base: FontFace } & Partial<Record<Script, FontFace>>;

const familyOf = (script: Script) => `${FONT_FAMILY} ${script}`;

/** The font families of a document, first the Latin one. */
export function fontFamilies(scripts: readonly Script[]): string[] {
  return [FONT_FAMILY, ...scripts.map(familyOf)];
}

const registered = new Set<string>();

/** Registers the fonts given (once each); scripts without a file fall back to the Latin font's boxes. */
export function registerProfileFonts(files: FontFiles): void {
  for (const [key, face] of Object.entries(files) as [keyof FontFiles, FontFace | undefined][]) {
    const family = key === 'base' ? FONT_FAMILY : familyOf(key);
    if (!face || registered.has(family)) continue;
    registered.add(family);
    Font.register({
      family,
      fonts: [
        { src: face.regular, fontWeight: 400 },
        { src: face.bold, fontWeight: 700 },
      ],
    });
  }
  // Words are never split: react-pdf's default hyphenation is English-only and would break Spanish and
  // French words (and names) in the wrong places.
  Font.registerHyphenationCallback((word) => [word]);
}
