/**
 * Bytes → table. Reads the spreadsheets cooperatives keep today: CSV from any Excel (UTF-8 or the
 * Windows-1252 of older versions, ';' ',' or tab separated, with or without a byte-order mark) and XLSX
 * (formulas, date cells, merged title rows above the header, blank rows). No I/O: the caller has the bytes.
 */

import type { Cell, CellValue, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { recognizeHeader } from './headers.js';
import type { ImportKind, SheetEncoding, SheetRow, SheetTable } from './types.js';
import { numberToPlainText } from './values.js';

/** How far down a title block may push the header (non-blank rows looked at). */
const HEADER_SEARCH_ROWS = 30;
/** Records sampled to choose a CSV delimiter. */
const DELIMITER_SAMPLE = 50;

/**
 * Reads a CSV or XLSX file into a header row and data rows. XLSX is recognised by its zip signature,
 * anything else is read as CSV. The header is the first row in which at least two cells name known fields
 * (title rows above it are skipped); if none does, the first non-blank row. Fully blank rows are dropped;
 * `rowNumber` is the row the user sees in Excel. XLSX: the first visible non-empty sheet unless
 * `sheetName` is given; formulas give their cached result; date cells 'YYYY-MM-DD'; numbers plain decimal
 * text. Throws AppError('invalid') with `import.file_empty`, `import.unsupported_format`,
 * `import.unreadable_xlsx` or `import.sheet_not_found`.
 * @example const table = await readSheet(bytes, { kind: 'members' }); table.headers // ['N° socio', 'DNI', …]
 */
export async function readSheet(
  bytes: Uint8Array,
  options: { kind?: ImportKind; sheetName?: string } = {},
): Promise<SheetTable> {
  if (bytes.length === 0) throw new AppError('invalid', 'import.file_empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, options);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Excel 97–2003 .xls: ask for "Save as" XLSX or CSV rather than guess at a binary format
    throw new AppError('invalid', 'import.unsupported_format', { params: { format: 'xls' } });
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new AppError('invalid', 'import.unsupported_format', { params: { format: 'pdf' } });
  }
  const { text, encoding } = decodeText(bytes);
  if (encoding !== 'utf-16le' && text.slice(0, 4096).includes('\u0000')) {
    throw new AppError('invalid', 'import.unsupported_format', { params: { format: 'binary' } });
  }
  const { grid, delimiter } = parseCsvText(text, options.kind);
  return { ...buildTable(grid, options.kind), encoding, delimiter };
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

// ---- CSV -------------------------------------------------------------------------------------------

/**
 * Text of a CSV file. Valid UTF-8 is UTF-8 (a BOM is dropped); anything else is Windows-1252, the
 * superset of Latin-1 that Excel writes in Spanish Windows. UTF-16 is recognised by its BOM only.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const latin1 = new TextDecoder('windows-1252').decode(bytes);
    return { text: latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c] ?? c), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F (€, curly quotes, dashes…). Node 20.18.3+ decodes them as Latin-1 C1
 * controls (nodejs/node#60888, #56542), so they are mapped here; on a fixed Node none are left to map.
 * The five bytes Windows-1252 leaves undefined stay as they are, as the WHATWG Encoding Standard says.
 */
const CP1252_HIGH: Record<string, string> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((ch, i) => [
    String.fromCharCode(0x80 + i),
    ch,
  ]),
);

/**
 * RFC 4180 records, leniently: a quote is special only at the start of a field; "" inside quotes is a
 * quote; quoted fields may hold separators and line breaks; CRLF, LF and CR all end a record; text after
 * a closing quote is kept; an unterminated quote runs to the end of the file. Blank lines are records
 * (Excel shows them as rows), so record i is row i + 1.
 */
export function parseCsv(text: string, delimiter: string, maxRecords = Number.POSITIVE_INFINITY): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return records;
  while (i <= n && records.length < maxRecords) {
    // one field
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
    let end = i;
    while (end < n) {
      const ch = text[end];
      if (ch === delimiter || ch === '\n' || ch === '\r') break;
      end++;
    }
    field += text.slice(i, end);
    record.push(field);
    i = end;
    if (i >= n) {
      records.push(record);
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // line break
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) break;
  }
  return records;
}

type Delimiter = ';' | ',' | '\t';
const DELIMITERS: Delimiter[] = [';', ',', '\t'];

/**
 * The delimiter under which a header row is recognised with the most known fields; failing that, the one
 * that splits the most records into the same number (≥ 2) of fields; failing that, ';'.
 */
export function detectDelimiter(text: string, kind?: ImportKind): Delimiter {
  let best: { delimiter: Delimiter; score: [number, number, number] } | undefined;
  for (const delimiter of DELIMITERS) {
    const sample = parseCsv(text, delimiter, DELIMITER_SAMPLE).filter((r) => r.some((c) => c.trim() !== ''));
    const headerScore = Math.max(0, ...sample.map((r) => recognisedCount(r, kind)).filter((c) => c >= 2));
    const counts = new Map<number, number>();
    for (const r of sample) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let modeFrequency = 0;
    let modeWidth = 0;
    for (const [width, frequency] of counts) {
      if (frequency > modeFrequency || (frequency === modeFrequency && width > modeWidth)) {
        modeFrequency = frequency;
        modeWidth = width;
      }
    }
    const score: [number, number, number] = [headerScore, modeFrequency, modeWidth];
    if (!best || compareScores(score, best.score) > 0) best = { delimiter, score };
  }
  return best?.delimiter ?? ';';
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Undoes export.ts's formula neutralisation: "'=SUMA(…)" was written for "=SUMA(…)". */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

function parseCsvText(text: string, kind?: ImportKind): { grid: SheetRow[]; delimiter: Delimiter } {
  let body = text.startsWith('\ufeff') ? text.slice(1) : text;
  // Excel's "sep=;" first line names the delimiter and is not shown as a row
  const sep = /^sep=([;,\t|])\r?\n?/i.exec(body);
  let delimiter: Delimiter;
  if (sep) {
    body = body.slice(sep[0].length);
    delimiter = sep[1] === ',' ? ',' : sep[1] === '\t' ? '\t' : ';';
  } else {
    delimiter = detectDelimiter(body, kind);
  }
  const grid = parseCsv(body, delimiter).map((cells, index) => ({
    rowNumber: index + 1,
    cells: cells.map((c) => (NEUTRALISED.test(c) ? c.slice(1) : c)),
  }));
  return { grid, delimiter };
}

// ---- XLSX ------------------------------------------------------------------------------------------

async function readXlsx(
  bytes: Uint8Array,
  options: { kind?: ImportKind; sheetName?: string },
): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; JSZip underneath takes an ArrayBuffer
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (cause) {
    throw new AppError('invalid', 'import.unreadable_xlsx', { cause });
  }
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  let sheet: Worksheet | undefined;
  if (options.sheetName !== undefined) {
    const wanted = options.sheetName.trim().toLowerCase();
    sheet =
      sheets.find((s) => s.name === options.sheetName) ??
      sheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!sheet) {
      throw new AppError('invalid', 'import.sheet_not_found', {
        params: { sheet: options.sheetName, sheets: sheetNames.join(', ') },
      });
    }
  } else {
    // hidden sheets usually hold the lists behind drop-downs: take the first visible one with data
    const withData = sheets.filter((s) => s.actualRowCount > 0);
    sheet = withData.find((s) => s.state === 'visible' || s.state === undefined) ?? withData[0];
    if (!sheet) throw new AppError('invalid', 'import.file_empty');
  }
  const grid: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const numeric: boolean[] = [];
    let anyNumeric = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const { text, isNumber } = cellText(cell);
      while (cells.length < column - 1) {
        cells.push('');
        numeric.push(false);
      }
      cells[column - 1] = text;
      numeric[column - 1] = isNumber;
      anyNumeric ||= isNumber;
    });
    grid.push(anyNumeric ? { rowNumber, cells, numeric } : { rowNumber, cells });
  });
  return { ...buildTable(grid, options.kind), sheetName: sheet.name, sheetNames };
}

function cellText(cell: Cell): { text: string; isNumber: boolean } {
  // a merged range keeps its value in the top-left cell; the others would repeat it
  if (cell.isMerged && cell.master.address !== cell.address) return { text: '', isNumber: false };
  return valueText(cell.value, cell.numFmt);
}

function valueText(
  value: CellValue | undefined,
  numFmt: string | undefined,
): { text: string; isNumber: boolean } {
  if (value === null || value === undefined) return { text: '', isNumber: false };
  if (typeof value === 'number') {
    let text = numberToPlainText(value);
    // a "00000000" format shows 1234567 as 01234567 (a DNI kept as a number): keep what Excel shows
    if (numFmt && /^0+$/.test(numFmt) && /^\d+$/.test(text)) text = text.padStart(numFmt.length, '0');
    return { text, isNumber: true };
  }
  if (typeof value === 'string') return { text: value, isNumber: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', isNumber: false };
  if (value instanceof Date) return { text: dateText(value), isNumber: false };
  if ('formula' in value || 'sharedFormula' in value) {
    // formulas are not evaluated: Excel saved the last result beside them
    return valueText((value as { result?: CellValue }).result, numFmt);
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), isNumber: false };
  if ('hyperlink' in value) return valueText(value.text as CellValue, numFmt);
  if ('error' in value) return { text: value.error, isNumber: false };
  return { text: '', isNumber: false };
}

/** Excel keeps dates as day counts without a zone; exceljs turns them into UTC midnights. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}

// ---- table -----------------------------------------------------------------------------------------

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function recognisedCount(cells: string[], kind?: ImportKind): number {
  let count = 0;
  for (const cell of cells) if (cell.trim() !== '' && recognizeHeader(cell, kind)) count++;
  return count;
}

function trimTrailing(row: SheetRow): SheetRow {
  let width = row.cells.length;
  while (width > 0 && row.cells[width - 1] === '') width--;
  if (width === row.cells.length) return row;
  const trimmed: SheetRow = { rowNumber: row.rowNumber, cells: row.cells.slice(0, width) };
  if (row.numeric) trimmed.numeric = row.numeric.slice(0, width);
  return trimmed;
}

function buildTable(
  grid: SheetRow[],
  kind?: ImportKind,
): Pick<SheetTable, 'headers' | 'rows' | 'headerRowNumber'> {
  const filled = grid.filter((r) => !isBlank(r.cells)).map(trimTrailing);
  const first = filled[0];
  if (!first) throw new AppError('invalid', 'import.file_empty');
  const headerAt = Math.max(
    0,
    filled.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => recognisedCount(r.cells, kind) >= 2),
  );
  const headerRow = filled[headerAt] ?? first;
  const headerCells = headerRow.cells.map((c) => c.replace(/\s+/g, ' ').trim());
  const headerSignature = headerCells.join('\u0000');
  // printed registers repeat the header on every page: such rows are not members
  const body = filled
    .slice(headerAt + 1)
    .filter((r) => r.cells.map((c) => c.replace(/\s+/g, ' ').trim()).join('\u0000') !== headerSignature);
  const width = body.reduce((w, r) => Math.max(w, r.cells.length), headerCells.length);
  const pad = <T>(values: T[], fill: T): T[] =>
    values.length < width ? values.concat(Array<T>(width - values.length).fill(fill)) : values;
  return {
    headers: pad(headerCells, ''),
    headerRowNumber: headerRow.rowNumber,
    rows: body.map((r) => {
      const row: SheetRow = { rowNumber: r.rowNumber, cells: pad(r.cells, '') };
      if (r.numeric) row.numeric = pad(r.numeric, false);
      return row;
    }),
  };
}
