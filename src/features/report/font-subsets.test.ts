import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subsetSources } from './font-sources';
import { parseFontCss, subsetsFor } from './font-subsets';

const require = createRequire(import.meta.url);

describe('font subsets', () => {
  it('reads each subset file and its Unicode ranges from the CSS', () => {
    const subsets = parseFontCss(`/* a */ @font-face { src: url(./files/x-1-400-normal.woff2) format('woff2'), url(./files/x-1-400-normal.woff) format('woff'); unicode-range: U+4e00-4e10,U+3002; }
      @font-face { src: url(./files/x-2-400-normal.woff) format('woff'); unicode-range: U+ac00-ac10; }`);
    expect(subsets).toEqual([
      { file: 'x-1-400-normal.woff', ranges: [[0x4e00, 0x4e10], [0x3002, 0x3002]] },
      { file: 'x-2-400-normal.woff', ranges: [[0xac00, 0xac10]] },
    ]);
    expect(subsetsFor(subsets, ['一。'])).toEqual(['x-1-400-normal.woff']);
    expect(subsetsFor(subsets, ['plain ASCII'])).toEqual([]);
  });

  it.each(Object.entries(subsetSources))('finds, in the installed %s package, a handful of files for a sentence', (_, source) => {
    const css = readFileSync(join(dirname(require.resolve(`${source!.pkg}/package.json`)), source!.css), 'utf8');
    const subsets = parseFontCss(css);
    expect(subsets.length).toBeGreaterThan(90);
    const files = subsetsFor(subsets, ['出入国管理 法務省 外国人 在留資格 법무부 출입국 中华人民共和国']);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(15);
  });
});
