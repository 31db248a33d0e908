/**
 * Dates and numbers in the UI language, through Intl. A formatter is made once per language and
 * style and kept: making one costs far more than using it, and a screen formats dozens per render.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

export function formatDateTime(iso: string, lang: string): string {
  return formatter(`datetime ${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}
export function formatDate(iso: string, lang: string): string {
  return formatter(`date ${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long' })).format(new Date(iso));
}
export function formatPercent(share: number, lang: string): string {
  return formatter(`percent ${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}
