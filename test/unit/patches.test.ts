// The patches in patches/ are applied by `npm install` (postinstall). Without this test a missed install
// step would only show as a slower PDF, which no test times.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const patches = readdirSync('patches').filter((f) => f.endsWith('.patch'));

describe('dependency patches', () => {
  it('has at least the react-pdf layout patch', () => {
    expect(patches.some((p) => p.startsWith('@react-pdf+layout+'))).toBe(true);
  });

  it.each(patches)('%s is applied to the installed package', (file) => {
    const text = readFileSync(`patches/${file}`, 'utf8');
    for (const part of text.split(/^diff --git /m).slice(1)) {
      const target = /^\+\+\+ b\/(.+)$/m.exec(part)![1]!;
      const installed = readFileSync(target, 'utf8');
      const added = part.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
      for (const line of added) expect(installed, `${target} lacks: ${line}`).toContain(line);
    }
  });
});
