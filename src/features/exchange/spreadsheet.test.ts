import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { emptySnapshot, Laptop } from '../../../test/fixtures/exchange/laptop';
import i18next from 'i18next';
import { allIndicators, parseCatalogue, parseCatalogueText, type CatalogueBundle } from '../../domain/catalogue';
import { csvDelimiter, spreadsheetTable, toCsv, toXlsx } from './spreadsheet';

const catalogue = parseCatalogue(JSON.parse(readFileSync('indicators/national.json', 'utf8')), 'indicators/national.json');
const bundle = (lang: 'en' | 'es' | 'fr'): CatalogueBundle => ({
  catalogue,
  lang,
  text: parseCatalogueText(JSON.parse(readFileSync(`locales/${lang}/national.json`, 'utf8')), `locales/${lang}/national.json`, catalogue),
});
const [first, second] = allIndicators(catalogue);

/** The real UI locale files, in one language. */
function translator(lang: 'en' | 'es' | 'fr') {
  const load = (ns: string) => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, 'utf8')) as Record<string, unknown>;
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: { [lang]: { ui: load('ui'), review: load('review') } }, ns: ['ui', 'review'], defaultNS: 'review', initAsync: false, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lang);
}

function snapshot() {
  const laptop = new Laptop('Ana Pérez', 'team', emptySnapshot());
  laptop.edit(first!.id, {
    value: 'partial',
    narrative: 'Ley "migración", art. 5,\nsegún el decreto n° 12 — vigente',
    evidence: [{ id: 'e1', title: 'Décret 12', type: 'law', reference: 'Art. 5', year: 2021, link: 'https://example.org' }],
    institutions: ['health', 'Conseil national'],
    followUp: true,
  });
  laptop.edit(second!.id, { value: 'no', narrative: '=HYPERLINK("http://evil")' });
  laptop.setReview(first!.id, 'query');
  return laptop.snapshot;
}

/** A minimal RFC 4180 reader, to check the CSV as a spreadsheet program would split it. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the analysts’ spreadsheet', () => {
  it('has one row per indicator of the catalogue, with the question and labels in the UI language', () => {
    const table = spreadsheetTable(bundle('es'), snapshot(), translator('es'));
    expect(table.rows).toHaveLength(allIndicators(catalogue).length);
    expect(table.header).toContain('Pregunta');
    const row = Object.fromEntries(table.header.map((h, i) => [h, table.rows[0]![i]]));
    expect(row).toMatchObject({
      'Identificador del indicador': first!.id,
      Pregunta: bundle('es').text.indicators[first!.id]!.question,
      Respuesta: 'Parcial',
      'Código de respuesta': 'partial',
      'Número de fuentes': 1,
      'Requiere seguimiento': 'Sí',
      'Estado de la revisión': 'Consulta planteada',
      'Modificado por última vez por': 'Ana Pérez (Equipo de gobierno)',
    });
    expect(String(row.Instituciones)).toMatch(/Conseil national/);
  });

  it('writes CSV as UTF-8 with a byte-order mark, CRLF and proper quoting, and defuses formulas', () => {
    const table = spreadsheetTable(bundle('fr'), snapshot(), translator('fr'));
    const csv = toCsv(table);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows.every((r) => r.length === table.header.length)).toBe(true);
    const narrative = table.header.indexOf('Justification');
    expect(rows[1]![narrative]).toBe('Ley "migración", art. 5,\nsegún el decreto n° 12 — vigente');
    expect(rows[2]![narrative]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[0]![table.header.indexOf('Question')]).toBe('Question');
  });

  it.each([
    ['en', ','],
    ['es', ';'],
    ['fr', ';'],
  ] as const)('separates CSV cells as a %s spreadsheet program expects (%s)', (lang, delimiter) => {
    expect(csvDelimiter(lang)).toBe(delimiter);
    const table = spreadsheetTable(bundle(lang), snapshot(), translator(lang));
    const rows = parseCsv(toCsv(table, csvDelimiter(lang)).slice(1), delimiter);
    expect(rows.every((r) => r.length === table.header.length)).toBe(true);
    expect(rows[0]).toEqual(table.header);
  });

  it('writes an XLSX file that reads back with the same cells', async () => {
    const table = spreadsheetTable(bundle('en'), snapshot(), translator('en'));
    const blob = await toXlsx(table, 'Assessment');
    const [sheet] = await readXlsxFile(await blob.arrayBuffer());
    expect(sheet!.sheet).toBe('Assessment');
    const data = sheet!.data;
    expect(data[0]).toEqual(table.header);
    expect(data).toHaveLength(table.rows.length + 1);
    const narrative = table.header.indexOf('Narrative');
    expect(data[1]![narrative]).toBe('Ley "migración", art. 5,\nsegún el decreto n° 12 — vigente');
    expect(data[2]![narrative]).toBe('=HYPERLINK("http://evil")');
    expect(data[1]![table.header.indexOf('Number of evidence items')]).toBe(1);
  });
});
