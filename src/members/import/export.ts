/**
 * Writing the register back out, as files readSheet reads again unchanged and Excel opens correctly.
 */
import ExcelJS from 'exceljs';
import { numberToPlainText } from './values.js';

export type ExportCell = string | number | null;

export interface CsvOptions {
  /**
   * Default ';': Excel in Spanish-language Windows with a decimal comma (Colombia, and Peruvian machines
   * set up that way) splits columns on ';' and would put a ','-separated file in one column. Pass ','
   * for machines with a decimal point, or '\t'.
   */
  delimiter?: ';' | ',' | '\t';
  /** How number cells are written. Default ',' with ';' (the same Excel locale), else '.'. */
  decimalSeparator?: ',' | '.';
}

/** A cell Excel or LibreOffice would run as a formula. Plain numbers ('-5.7083') are data, not formulas. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Neutralises formula injection (OWASP "CSV injection"): text that starts with = + - @ tab or CR gets a
 * leading apostrophe, so '=HYPERLINK(…)' typed as a name shows as text instead of running. Text that
 * already starts with apostrophes before such a character gets one more, so readSheet, which removes
 * exactly one, gives back what was written.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvField(cell: ExportCell, delimiter: string, decimalSeparator: string): string {
  let text: string;
  if (cell === null) return '';
  if (typeof cell === 'number') {
    text = numberToPlainText(cell);
    if (decimalSeparator === ',') text = text.replace('.', ',');
  } else {
    text = neutraliseFormula(cell);
  }
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/**
 * CSV text: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252 and shows
 * 'NuÃ±ez'), CRLF line ends, fields quoted when they hold the delimiter, a quote, a line break or edge
 * spaces, formula injection neutralised. Encode with TextEncoder to get the file's bytes.
 * @example writeCsv(['N° de socio', 'Nombres'], [['0012', 'Rosa']]) // '\uFEFFN° de socio;Nombres\r\n0012;Rosa\r\n'
 */
export function writeCsv(headers: string[], rows: ExportCell[][], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const decimalSeparator = options.decimalSeparator ?? (delimiter === ';' ? ',' : '.');
  if (decimalSeparator === delimiter) throw new RangeError('the decimal separator cannot be the delimiter');
  const line = (cells: ExportCell[]) =>
    cells.map((c) => csvField(c, delimiter, decimalSeparator)).join(delimiter);
  return `\ufeff${[headers, ...rows].map(line).join('\r\n')}\r\n`;
}

/** Characters XML 1.0 cannot hold; exceljs would write them and Excel would call the file damaged. */
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case. */
function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Hoja';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/**
 * An XLSX workbook, one sheet per entry: a bold, frozen header row with a filter, numbers as number
 * cells, text as text cells (so '0012' and '01234567' keep their zeros, and text starting with '=' is
 * never a formula), null as an empty cell. Line breaks in text become LF; characters XML cannot hold
 * (control characters other than tab and line breaks) are dropped.
 * @example await writeXlsx([{ name: 'Socios', headers: ['N° de socio'], rows: [['0012']] }])
 */
export async function writeXlsx(
  sheets: { name: string; headers: string[]; rows: ExportCell[][] }[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ayni';
  const used = new Set<string>();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, used), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const clean = (cell: ExportCell) => {
      if (typeof cell === 'number' && !Number.isFinite(cell))
        throw new RangeError(`not a finite number: ${cell}`);
      // XML turns a carriage return into a line feed anyway; Excel's own line break (Alt+Enter) is LF
      return typeof cell === 'string' ? cell.replace(XML_INVALID, '').replace(/\r\n?/g, '\n') : cell;
    };
    worksheet.addRow(sheet.headers.map(clean)).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(clean));
    const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), sheet.headers.length);
    if (width > 0) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
    for (let c = 1; c <= width; c++) {
      // column widths from the header and the first rows: enough to read, cheap on 10 000 rows
      let chars = 8;
      for (const row of [sheet.headers, ...sheet.rows.slice(0, 200)]) {
        const v = row[c - 1];
        chars = Math.max(chars, Math.min(50, v === null || v === undefined ? 0 : String(v).length + 2));
      }
      worksheet.getColumn(c).width = chars;
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
