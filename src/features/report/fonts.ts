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

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface Shaped {
  glyphs: unknown[];
  positions: Position[];
}
type Layout = (text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown) => Shaped;

/**
 * Text set in Latin, Greek or Cyrillic letters (and their punctuation): shaped word by word, which gives
 * the same glyphs and positions as shaping the whole run, since nothing joins across a space there.
 * Other scripts (Arabic letters join, CJK has no spaces) are shaped whole.
 */
const WORDWISE = /^[\u0000-\u052f\u1e00-\u1fff\u2000-\u206f\u20a0-\u20bf\u2100-\u214f]*$/;
const WORD = /\s+|[^\s]+/g;
/** Enough for every word of several profiles; beyond it the cache starts again. */
const MAX_WORDS = 50_000;

/**
 * Shaping (fontkit applying the font's kerning and ligature tables) was a fifth of the profile's
 * build, each paragraph shaped as one run although a profile repeats a few thousand words. Each
 * registered font shapes a word once and reuses it; what is handed back is a fresh run each time
 * (pdfkit scales positions in place).
 */
function shapeWordByWord(layout: Layout): Layout {
  const words = new Map<string, Shaped>();
  return (text, features, ...rest) => {
    // textkit asks for no feature with an empty list; a document that asks for some is shaped whole.
    const plain = features === undefined || (Array.isArray(features) && features.length === 0);
    if (!plain || !WORDWISE.test(text)) return layout(text, features, ...rest);
    const glyphs: unknown[] = [];
    const positions: Position[] = [];
    for (const [word] of text.matchAll(WORD)) {
      let shaped = words.get(word);
      if (!shaped) {
        if (words.size >= MAX_WORDS) words.clear();
        const run = layout(word, features, ...rest);
        shaped = { glyphs: run.glyphs, positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })) };
        words.set(word, shaped);
      }
      glyphs.push(...shaped.glyphs);
      for (const p of shaped.positions) positions.push({ ...p });
    }
    return {
      glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
}

const shaping = new WeakSet<object>();

/** Loads the registered fonts of a document (as react-pdf would at its first layout) and has each shape word by word, once. */
export async function shapeWordsOnce(families: readonly string[]): Promise<void> {
  for (const fontFamily of families) {
    for (const fontWeight of [400, 700]) {
      const source = Font.getFont({ fontFamily, fontWeight }) as { load(): Promise<void>; data: { layout: Layout } | null } | null;
      if (!source) continue;
      await source.load();
      const font = source.data;
      if (!font || shaping.has(font)) continue;
      shaping.add(font);
      font.layout = shapeWordByWord(font.layout.bind(font));
    }
  }
}
