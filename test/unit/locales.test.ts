import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const languages = ['en', 'es', 'fr'] as const;
const load = (lang: string, file: string) => JSON.parse(readFileSync(`locales/${lang}/${file}`, 'utf8')) as unknown;

/** Every leaf key of a nested object, as dotted paths. */
function keys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node === null || typeof node !== 'object') return [];
  return Object.values(node).flatMap(leaves);
}

describe.each(['ui.json', 'report.json', 'review.json'])('UI locale file %s', (file) => {
  const english = keys(load('en', file)).sort();

  it.each(languages)('%s has every key of the English file and no other', (lang) => {
    expect(keys(load(lang, file)).sort()).toEqual(english);
  });

  it.each(languages)('%s has no empty string', (lang) => {
    expect(leaves(load(lang, file)).filter((s) => s.trim() === '')).toEqual([]);
  });

  it.each(languages)('%s keeps every {{placeholder}} of the English text', (lang) => {
    const en = load('en', file);
    const other = load(lang, file);
    const get = (node: unknown, path: string) => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], node);
    for (const key of english) {
      const wanted = String(get(en, key)).match(/\{\{\w+\}\}/g) ?? [];
      const found = String(get(other, key)).match(/\{\{\w+\}\}/g) ?? [];
      expect([key, [...found].sort()]).toEqual([key, [...wanted].sort()]);
    }
  });
});
