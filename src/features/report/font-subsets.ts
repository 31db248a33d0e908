/**
 * Chinese, Japanese and Korean fonts come from @fontsource split in about a hundred files each, by
 * Unicode range (as their CSS says), and a whole font is several megabytes. A document loads only the
 * files that hold the characters it uses: a name and a few sentences need a handful of them.
 * Regular weight only: CJK bold text is set in the regular weight.
 */
export interface FontSubset {
  /** The WOFF file name, as in the package's files/ folder. */
  file: string;
  ranges: [number, number][];
}

/** The subsets of a @fontsource CSS file (one @font-face per subset). */
export function parseFontCss(css: string): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const face of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(face)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    });
    subsets.push({ file, ranges });
  }
  return subsets;
}

/** The files that hold at least one character of the texts beyond ASCII, in the CSS's order. */
export function subsetsFor(subsets: readonly FontSubset[], texts: readonly string[]): string[] {
  const points = new Set<number>();
  for (const text of texts) for (const ch of text) if (ch.codePointAt(0)! > 0x7f) points.add(ch.codePointAt(0)!);
  return subsets.filter((s) => [...points].some((p) => s.ranges.some(([a, b]) => p >= a && p <= b))).map((s) => s.file);
}
