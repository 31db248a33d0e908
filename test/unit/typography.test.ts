/**
 * One voice per language (locales/README.md): the typography and terms a ministry reviewer expects,
 * checked on every sentence of the catalogues and the screens. Each rule names the offending strings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const files = ['national.json', 'local.json', 'ui.json', 'report.json', 'review.json'];
const load = (lang: string, file: string): unknown => JSON.parse(readFileSync(`locales/${lang}/${file}`, 'utf8'));

/** Every string with its dotted path. */
function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
// Single characters (a key to press, such as "?") are not sentences.
const offending = (lang: string, rule: RegExp) =>
  files.flatMap((file) =>
    leaves(load(lang, file))
      .filter(([, s]) => s.length > 1 && rule.test(s.replace(/\{\{\w+\}\}/g, 'X')))
      .map(([p, s]) => `${file} ${p}: ${s}`),
  );

describe('French typography and terms', () => {
  it.each([
    ['typographic apostrophes only', /'/],
    ['a non-breaking space before ; ! ? and »', /(^|[^\u00a0])[;!?»]/],
    ['a non-breaking space before a colon that ends a clause', /(^|[^\u00a0X/])[:](\s|$)/],
    ['a non-breaking space after «', /«(?!\u00a0)/],
    ['"n°" followed by a non-breaking space, never "nº" or "No."', /nº|\bNo\.\s?\d|n°(?!\u00a0)/],
    ['"domaine / sous-domaine", never "catégorie" for them', /sous-catégorie/i],
  ])('%s', (_, rule) => {
    expect(offending('fr', rule)).toEqual([]);
  });

  it('writes gap sentences as "X pourrait…", never "Il est possible (pour X) de…"', () => {
    const found = ['national.json', 'local.json'].flatMap((file) =>
      Object.entries((load('fr', file) as { indicators: Record<string, { gap: string }> }).indicators)
        .filter(([, t]) => /^Il (est|serait) possible/.test(t.gap))
        .map(([id]) => id),
    );
    expect(found).toEqual([]);
  });
});

// Inserted after a colon ("Statut : projet soumis à consultation"), where French and Spanish write lower case.
const afterColon = new Set(['report.json profile.cover.draft', 'report.json profile.cover.validated', 'report.json profile.cover.validatedBy']);

describe('messages in every language', () => {
  it.each(['es', 'fr'])('start with a capital in %s wherever the English one does', (lang) => {
    const found = ['ui.json', 'report.json', 'review.json'].flatMap((file) => {
      const english = new Map(leaves(load('en', file)));
      return leaves(load(lang, file))
        .filter(([p, s]) => !afterColon.has(`${file} ${p}`) && /^[A-Z]/.test(english.get(p) ?? '') && /^[a-záéíóúñàâçèêëîïôûù]/.test(s))
        .map(([p, s]) => `${file} ${p}: ${s}`);
    });
    expect(found).toEqual([]);
  });
});

describe('Spanish typography and terms', () => {
  it.each([
    ['«» quotes, never “” or straight double quotes', /[“”"]/],
    ['"dimensión / subdimensión", never "dominio"', /dominio/i],
    ['"fuentes", never "evidencia"', /evidencia/i],
    ['"el Gobierno" for the national government, capitalised one way', /\b(el|del|al) gobierno\b(?! (local|integral|subnacional|municipal|regional|provincial))/i],
    ['lower-case "gobierno local" inside a sentence', /\w Gobierno (local|integral)/],
    ['no capital after a colon', /: [A-ZÁÉÍÓÚÑ][a-záéíóúñ]/],
  ])('%s', (_, rule) => {
    // The "el gobierno" rule is case-sensitive on the noun: "el Gobierno" passes, "el gobierno" fails.
    const check = rule.source.startsWith('\\b(el|del|al) gobierno') ? new RegExp(rule.source) : rule;
    expect(offending('es', check)).toEqual([]);
  });
});

describe('gap sentences in every language', () => {
  const notYet = { en: /\bnot yet\b/, es: /\b(aún|todavía) no\b|\bno \w+ (aún|todavía)\b/i, fr: /\bpas encore\b/ } as const;

  it.each(['en', 'es', 'fr'] as const)('state facts neutrally in %s ("has not ratified", not "has not yet ratified")', (lang) => {
    const found = ['national.json', 'local.json'].flatMap((file) =>
      Object.entries((load(lang, file) as { indicators: Record<string, { gap: string }> }).indicators)
        .filter(([, t]) => notYet[lang].test(t.gap))
        .map(([id]) => `${file} ${id}`),
    );
    expect(found).toEqual([]);
  });

  it.each(['en', 'es', 'fr'].flatMap((lang) => ['national.json', 'local.json'].map((file) => [lang, file] as const)))(
    'vary their openings in %s %s (no three-word opening in more than 40% of them)',
    (lang, file) => {
      const gaps = Object.values((load(lang, file) as { indicators: Record<string, { gap: string }> }).indicators).map((t) => t.gap);
      const counts = new Map<string, number>();
      for (const g of gaps) {
        const opening = g.split(' ').slice(0, 3).join(' ');
        counts.set(opening, (counts.get(opening) ?? 0) + 1);
      }
      const [opening, most] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      expect([opening, most / gaps.length <= 0.4]).toEqual([opening, true]);
    },
  );
});
