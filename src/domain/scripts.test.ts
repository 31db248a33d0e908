import { describe, expect, it } from 'vitest';
import { isRtlParagraph, scriptsOf } from './scripts';

describe('scriptsOf', () => {
  it.each([
    [['Migration Governance Profile', 'Évaluation, año, Œuvre'], []],
    [['Łódź', 'Đà Nẵng'], ['latin-ext']],
    [['Министерство внутренних дел'], ['cyrillic']],
    [['Υπουργείο'], ['greek']],
    [['وزارة الداخلية'], ['arabic']],
    [['משרד הפנים'], ['hebrew']],
    [['出入国在留管理庁'], ['han']],
    [['出入国管理及び難民認定法'], ['japanese', 'han']],
    [['법무부 출입국'], ['korean']],
    [['Ministry ✓'], ['latin-ext']],
  ])('%j uses %j', (texts, expected) => {
    expect(scriptsOf(texts)).toEqual(expected);
  });
});

describe('isRtlParagraph', () => {
  it.each([
    ['وزارة الداخلية 2024', true],
    ['2024: وزارة', true],
    ['Law 12 (قانون)', false],
    ['', false],
  ])('%s → %s', (text, rtl) => {
    expect(isRtlParagraph(text)).toBe(rtl);
  });
});
