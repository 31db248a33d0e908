// @vitest-environment node
/**
 * Word-by-word shaping (fonts.ts) must give exactly what shaping whole runs gives: the same glyphs at
 * the same positions, for every text of the profile in each language, with the real embedded fonts.
 */
import { Font } from '@react-pdf/renderer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allText } from '../../domain/profile';
import { fontSources } from './font-sources';
import { FONT_FAMILY, registerProfileFonts, shapeWordsOnce } from './fonts';
import { nodeFontFile } from './profile-pdf-node';

globalThis.localStorage ??= { clear: () => undefined } as unknown as Storage;

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
interface Shaper {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: string): Run;
}

const texts = (lang: string) =>
  ['national', 'demo', 'report'].flatMap((file) => allText(JSON.parse(readFileSync(`locales/${lang}/${file}.json`, 'utf8')))).filter((t) => /\s/.test(t));

describe('shaping word by word', () => {
  it.each(['en', 'es', 'fr'])('gives the glyphs and positions of whole runs for every text in %s, in both weights', async (lang) => {
    const base = fontSources.base;
    registerProfileFonts({ base: { regular: await nodeFontFile(base.pkg, base.regular), bold: await nodeFontFile(base.pkg, base.bold) } });
    await shapeWordsOnce([FONT_FAMILY]);
    const all = texts(lang);
    expect(all.length).toBeGreaterThan(300);
    for (const fontWeight of [400, 700]) {
      const font = (Font.getFont({ fontFamily: FONT_FAMILY, fontWeight }) as unknown as { data: Shaper }).data;
      const whole = Object.getPrototypeOf(font) as Shaper;
      expect(font.layout).not.toBe(whole.layout); // the word cache is in place
      for (const text of all) {
        const shape = (run: Run) => ({ glyphs: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]) });
        expect(shape(font.layout(text, [], undefined, undefined, 'ltr')), text).toEqual(shape(whole.layout.call(font, text, [], undefined, undefined, 'ltr')));
      }
    }
  }, 60_000);
});
