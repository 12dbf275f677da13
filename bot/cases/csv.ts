import type { RepairCase } from './model';

/**
 * Byte order mark placed first: Excel reads a CSV file without one in the machine's legacy code page, which turns
 * "Salle Étoile" into "Salle Ã‰toile". With it, Excel (and LibreOffice, Google Sheets) read UTF-8.
 */
export const CSV_BOM = '\ufeff';

const HEADER = [
  'number',
  'room',
  'account',
  'kind',
  'state',
  'outcome',
  'createdAt',
  'createdBy',
  'removedAt',
  'windowOpensAt',
  'windowClosesAt',
  'reassignedAt',
  'updatedAt',
  'last action',
] as const;

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), @SUM(...), -2+3).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a leading apostrophe keeps a spreadsheet from running text that starts like a formula, then
 * RFC 4180 quoting (quotes doubled) when the field holds a comma, a quote or a line break.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function lastAction(c: RepairCase): string {
  const last = c.history[c.history.length - 1];
  if (!last) return '';
  return `${last.at} ${last.actor}: ${last.action} (${last.result})`;
}

/**
 * The cases as CSV (RFC 4180: CRLF line ends, header row, quoted fields where needed), UTF-8 with a byte order
 * mark so Excel shows accented room names right. Cells that start like a formula get a leading apostrophe.
 * Times are ISO 8601 UTC, as stored.
 */
export function casesCsv(cases: readonly RepairCase[]): string {
  const rows = cases.map((c) => [
    c.number,
    c.roomName,
    c.account,
    c.kind,
    c.state,
    c.outcome,
    c.createdAt,
    c.createdBy.name ?? c.createdBy.id,
    c.removedAt,
    c.windowOpensAt,
    c.windowClosesAt,
    c.reassignedAt,
    c.updatedAt,
    lastAction(c),
  ]);
  const lines = [HEADER, ...rows].map((row) => row.map(csvField).join(','));
  return `${CSV_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
