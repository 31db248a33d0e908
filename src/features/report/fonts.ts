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

/**
 * Where each font file is (absolute URLs in the browser, data URLs in Node), by script; a script split
 * in subsets (CJK) has one face per subset file, keyed by file name, regular weight only.
 */
export type FontFiles = { base: FontFace } & Partial<Record<Script, FontFace>> & { subsets?: Partial<Record<Script, Record<string, string>>> };

const familyOf = (script: Script) => `${FONT_FAMILY} ${script}`;

/** The families registered for each script: one, or one per subset file for CJK. */
const familiesOf = new Map<Script, string[]>();

/** The font families of a document, first the Latin one; react-pdf takes each character from the first that has it. */
export function fontFamilies(scripts: readonly Script[]): string[] {
  return [FONT_FAMILY, ...scripts.flatMap((s) => familiesOf.get(s) ?? [])];
}

const registered = new Set<string>();

function register(family: string, regular: string, bold: string): void {
  if (registered.has(family)) return;
  registered.add(family);
  Font.register({
    family,
    fonts: [
      { src: regular, fontWeight: 400 },
      { src: bold, fontWeight: 700 },
    ],
  });
}

/** Registers the fonts given (once each); a script without a file is left to the others (and shows as boxes). */
export function registerProfileFonts(files: FontFiles): void {
  const { subsets, ...faces } = files;
  for (const [key, face] of Object.entries(faces) as [keyof typeof faces, FontFace | undefined][]) {
    if (!face) continue;
    if (key === 'base') register(FONT_FAMILY, face.regular, face.bold);
    else {
      register(familyOf(key), face.regular, face.bold);
      familiesOf.set(key, [familyOf(key)]);
    }
  }
  for (const [script, byFile] of Object.entries(subsets ?? {}) as [Script, Record<string, string>][]) {
    const families = Object.entries(byFile).map(([file, src]) => {
      const family = `${familyOf(script)} ${file}`;
      register(family, src, src);
      return family;
    });
    familiesOf.set(script, [...new Set([...(familiesOf.get(script) ?? []), ...families])]);
  }
  // Words are never split: react-pdf's default hyphenation is English-only and would break Spanish and
  // French words (and names) in the wrong places.
  Font.registerHyphenationCallback((word) => [word]);
}
