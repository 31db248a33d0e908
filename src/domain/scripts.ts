/**
 * Which writing systems a document's text uses beyond the basic Latin font, so that the renderers
 * load (and embed) only the fonts that text needs: most profiles need none of them.
 *
 * - latin-ext: Latin letters outside Latin-1 ("Łódź", "Đà Nẵng"), and Vietnamese.
 * - cyrillic, greek: the Cyrillic and Greek subsets of the same Noto Sans family.
 * - arabic, hebrew: right-to-left scripts; the renderers also reorder their text (see bidi.ts).
 * - japanese: kana, Noto Sans JP; korean: hangul, Noto Sans KR; han: Chinese characters, Noto Sans SC
 *   (after the other two, so it only fills in what they lack).
 */
// Japanese and Korean before Han: their fonts draw the Chinese characters of Japanese and Korean text
// the local way; the Chinese font only fills in characters they lack (simplified forms).
export const scripts = ['latin-ext', 'cyrillic', 'greek', 'arabic', 'hebrew', 'japanese', 'korean', 'han'] as const;
export type Script = (typeof scripts)[number];

/** Characters of the basic Latin font (@fontsource/noto-sans "latin" subset). */
const BASIC_LATIN = /^[\u0000-\u00ff\u0131\u0152\u0153\u02bb\u02bc\u02c6\u02da\u02dc\u0304\u0308\u0329\u2000-\u206f\u20ac\u2122\u2191\u2193\u2212\u2215\ufeff\ufffd]*$/;

const tests: [Script, RegExp][] = [
  ['latin-ext', /[\u0100-\u024f\u0259\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\u0300-\u036f]/],
  ['cyrillic', /[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]/],
  ['greek', /[\u0370-\u03ff\u1f00-\u1fff]/],
  ['arabic', /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/],
  ['hebrew', /[\u0590-\u05ff\ufb1d-\ufb4f]/],
  ['japanese', /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/],
  ['korean', /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/],
  ['han', /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uff65]/],
];

/** The scripts used by some of the texts, in the order of `scripts`. */
export function scriptsOf(texts: readonly string[]): Script[] {
  const found = new Set<Script>();
  for (const text of texts) {
    if (BASIC_LATIN.test(text)) continue;
    const matched = tests.filter(([, test]) => test.test(text)).map(([script]) => script);
    for (const script of matched) found.add(script);
    // Anything else outside Latin-1 (symbols, rare letters): the extended font is the best guess.
    if (matched.length === 0) found.add('latin-ext');
  }
  return scripts.filter((s) => found.has(s));
}

/** True when the text holds a right-to-left letter. */
export const hasRtl = (text: string) => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(text);

const STRONG = /[A-Za-z\u00c0-\u024f\u0370-\u052f\u0590-\u08ff\u3040-\u9fff\uac00-\ud7af\ufb1d-\ufdff\ufe70-\ufeff]/;

/** True when the text's first letter is right-to-left: the paragraph then reads (and aligns) from the right. */
export function isRtlParagraph(text: string): boolean {
  const first = STRONG.exec(text)?.[0];
  return first !== undefined && hasRtl(first);
}
