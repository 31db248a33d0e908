/**
 * The analysts' spreadsheet: one row per indicator with every field, texts in the UI language.
 * CSV is UTF-8 with a byte-order mark (spreadsheet programs then show accents right), CRLF line ends
 * and every text quoted (RFC 4180). XLSX goes through write-excel-file, imported only when asked for,
 * so the library never weighs on the first screen.
 */
import type { TFunction } from 'i18next';
import { institutionKinds } from '../../domain/answer';
import type { Answer } from '../../domain/assessment';
import type { CatalogueBundle } from '../../domain/catalogue';
import { compareEntries, type HistoryEntry } from '../../domain/history';
import type { Snapshot } from '../../domain/merge';
import { notApplicableIds } from '../../domain/relevance';
import { isResolved, statusOf, threadsOf } from '../../domain/review';
import { decisionLabelKey } from '../../ui/labels';

export type Cell = string | number;
export interface Table {
  header: string[];
  rows: Cell[][];
}

const columns = [
  'domain',
  'subdomain',
  'indicatorId',
  'question',
  'applies',
  'answer',
  'answerCode',
  'narrative',
  'evidence',
  'evidenceCount',
  'institutions',
  'decision',
  'dissentNote',
  'followUp',
  'reviewStatus',
  'openThreads',
  'gcm',
  'updatedAt',
  'updatedBy',
] as const;

const kinds = new Set<string>(institutionKinds);

/** Every indicator of the catalogue in order, then any stored answer the catalogue no longer has. */
export function spreadsheetTable(bundle: CatalogueBundle, snapshot: Snapshot, t: TFunction): Table {
  const { catalogue, text } = bundle;
  const answers = new Map(snapshot.answers.map((a) => [a.indicatorId, a]));
  const ruledOut = notApplicableIds(catalogue, new Map(snapshot.answers.map((a) => [a.indicatorId, a.value])));
  const lastEntry = new Map<string, HistoryEntry>();
  for (const e of [...snapshot.history].sort(compareEntries)) lastEntry.set(e.indicatorId, e);
  const yesNo = (flag: boolean) => t(flag ? 'review:values.yes' : 'review:values.no');

  const row = (indicatorId: string, where: { domain: string; subdomain: string; question: string; gcm: number[] }, answer: Answer | undefined): Cell[] => {
    const entry = lastEntry.get(indicatorId);
    const value = answer?.value ?? null;
    const cells: Record<(typeof columns)[number], Cell> = {
      domain: where.domain,
      subdomain: where.subdomain,
      indicatorId,
      question: where.question,
      applies: yesNo(!ruledOut.has(indicatorId)),
      answer: t(value === null ? 'ui:answer.none' : `ui:answer.${value}`),
      answerCode: value ?? '',
      narrative: answer?.narrative ?? '',
      evidence: (answer?.evidence ?? [])
        .map((e) => [e.title, t(`ui:walk.evidenceTypes.${e.type}`), e.reference, e.year ?? '', e.link].filter((part) => part !== '').join(' — '))
        .join('\n'),
      evidenceCount: answer?.evidence.length ?? 0,
      institutions: (answer?.institutions ?? []).map((i) => (kinds.has(i) ? t(`ui:institution.${i}`) : i)).join('; '),
      decision: answer ? t(decisionLabelKey(answer.decision)) : '',
      dissentNote: answer?.dissentNote ?? '',
      followUp: yesNo(answer?.followUp === true),
      reviewStatus: t(`review:status.${statusOf(snapshot.reviews, indicatorId)}`),
      openThreads: threadsOf(snapshot.comments, indicatorId).filter((th) => !isResolved(th.root)).length,
      gcm: where.gcm.join(', '),
      updatedAt: answer?.updatedAt ?? '',
      updatedBy: entry ? `${entry.by || t('review:who.unnamed')} (${t(`review:roles.${entry.role}`)})` : '',
    };
    return columns.map((c) => cells[c]);
  };

  const rows: Cell[][] = [];
  const seen = new Set<string>();
  for (const domain of catalogue.domains) {
    for (const sub of domain.subdomains) {
      for (const indicator of sub.indicators) {
        seen.add(indicator.id);
        rows.push(
          row(
            indicator.id,
            { domain: text.domains[domain.id]?.title ?? domain.id, subdomain: text.subdomains[sub.id]?.title ?? sub.id, question: text.indicators[indicator.id]?.question ?? '', gcm: indicator.gcm },
            answers.get(indicator.id),
          ),
        );
      }
    }
  }
  for (const answer of snapshot.answers) {
    // Retired indicators keep their question, so an old answer still reads as what it answered.
    if (!seen.has(answer.indicatorId)) rows.push(row(answer.indicatorId, { domain: '', subdomain: '', question: text.retired?.[answer.indicatorId]?.question ?? '', gcm: [] }, answer));
  }
  return { header: columns.map((c) => t(`review:sheet.${c}`)), rows };
}

/** A text a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The separator a spreadsheet program opening the file by double-click expects in that language:
 * where the decimal mark is a comma (Spanish, French), Excel's list separator is a semicolon.
 */
export function csvDelimiter(lang: string): ',' | ';' {
  return new Intl.NumberFormat(lang).format(1.5).includes(',') ? ';' : ',';
}

export function toCsv(table: Table, delimiter: ',' | ';' = ','): string {
  return `\uFEFF${[table.header, ...table.rows].map((r) => r.map(csvCell).join(delimiter)).join('\r\n')}\r\n`;
}

export async function toXlsx(table: Table, sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const data = [
    table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...table.rows.map((r) => r.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String, wrap: true }))),
  ];
  const widths = table.header.map((_, i) => (i === 3 || i === 7 || i === 8 ? 60 : 18));
  // Sheet names may not hold []:*?/\ and are at most 31 characters.
  return writeXlsxFile(data, { sheet: sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), columns: widths.map((width) => ({ width })), stickyRowsCount: 1 }).toBlob();
}
