import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontSources } from './font-sources';
import { woffToSfnt } from './woff';

// fontkit is what react-pdf reads fonts with; it has no type declarations of its own.
interface Font {
  numGlyphs: number;
  unitsPerEm: number;
  layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number }[] };
}
const require = createRequire(import.meta.url);
const fontkit = require(require.resolve('fontkit', { paths: [dirname(require.resolve('@react-pdf/font'))] })) as { create(data: Uint8Array): Font };
const files = Object.values(fontSources).flatMap((f) => [f.regular, f.bold].map((file) => join(dirname(require.resolve(`${f.pkg}/package.json`)), 'files', file)));

describe('WOFF to plain font', () => {
  it.each(files)('gives the same glyphs and widths as %s itself', async (file) => {
    const woff = new Uint8Array(readFileSync(file));
    const sfnt = await woffToSfnt(woff, (data) => new Uint8Array(inflateSync(data)));
    const [a, b] = [fontkit.create(woff), fontkit.create(sfnt)];
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.unitsPerEm).toBe(a.unitsPerEm);
    const sample = 'Gobernanza de la migración — Évaluation, Łódź';
    const [la, lb] = [a.layout(sample), b.layout(sample)];
    expect(lb.glyphs.map((g) => g.id)).toEqual(la.glyphs.map((g) => g.id));
    expect(lb.positions.map((p) => p.xAdvance)).toEqual(la.positions.map((p) => p.xAdvance));
  });

  it('refuses a file that is not WOFF, and a truncated one', async () => {
    const inflate = (data: Uint8Array) => new Uint8Array(inflateSync(data));
    await expect(woffToSfnt(new TextEncoder().encode('not a font at all, just text here, long enough'), inflate)).rejects.toThrow('not a WOFF font');
    const woff = new Uint8Array(readFileSync(files[0]!));
    await expect(woffToSfnt(woff.subarray(0, woff.byteLength / 2), inflate)).rejects.toThrow('truncated WOFF font');
  });
});
