import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { largeWorkbook, padronWorkbook } from '../../../test/fixtures/import/workbooks.js';
import { AppError } from '../../platform/errors.js';
import { decodeText, detectDelimiter, parseCsv, readSheet } from './read.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = '\ufeff';

/** Windows-1252 bytes of a text, as Excel for Spanish Windows saves "CSV (delimitado por comas)". */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96, '’': 0x92 };
  return Uint8Array.from([...text], (ch) => {
    const code = high[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    return code;
  });
}

async function fileError(promise: Promise<unknown>): Promise<{ code: string; params: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected an AppError');
}

const REGISTER = [
  'N° socio;Apellidos;Nombres;DNI;Caserío;Capital suscrito',
  '0012;Quispe Mamani;Rosa Elena;01234567;San José;1.234,50',
  '0013;Nuñez Torres;Juan;45678912;Alto Perú;500,00',
].join('\r\n');

describe('readSheet: CSV', () => {
  it('reads a ";" file with a BOM, keeping leading zeros and decimal commas as text', async () => {
    const table = await readSheet(utf8(BOM + REGISTER));
    expect(table).toEqual({
      headers: ['N° socio', 'Apellidos', 'Nombres', 'DNI', 'Caserío', 'Capital suscrito'],
      headerRowNumber: 1,
      rows: [
        { rowNumber: 2, cells: ['0012', 'Quispe Mamani', 'Rosa Elena', '01234567', 'San José', '1.234,50'] },
        { rowNumber: 3, cells: ['0013', 'Nuñez Torres', 'Juan', '45678912', 'Alto Perú', '500,00'] },
      ],
      encoding: 'utf-8',
      delimiter: ';',
    });
  });

  it('decodes Windows-1252 (Latin-1) bytes: Nuñez, Caserío, curly quotes', async () => {
    const bytes = cp1252(REGISTER.replace('San José', '“San José”'));
    expect(bytes).toContain(0xf1); // ñ as one byte: this is not UTF-8
    const table = await readSheet(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(table.headers[4]).toBe('Caserío');
    expect(table.rows[0]?.cells[4]).toBe('“San José”');
    expect(table.rows[1]?.cells[1]).toBe('Nuñez Torres');
  });

  it('reads the checked-in Latin-1 register saved by Excel, title rows and all', async () => {
    const bytes = readFileSync(new URL('../../../test/fixtures/import/padron-latin1.csv', import.meta.url));
    const table = await readSheet(bytes, { kind: 'members' });
    expect(table.encoding).toBe('windows-1252');
    expect(table.headerRowNumber).toBe(4);
    expect(table.headers).toEqual(['Código', 'Apellidos', 'Nombres', 'DNI', 'Género', 'Caserío', 'Teléfono']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([5, 6, 8]);
    expect(table.rows.map((r) => r.cells[1])).toEqual(['Nuñez Peña', 'Huamán Córdova', 'Ñahui Sánchez']);
    expect(table.rows[0]?.cells[5]).toBe('“La Unión”');
  });

  it('reads a "," file with decimal points, and a tab file', async () => {
    const comma =
      'N° socio,Nombres,Apellidos,Capital suscrito\n0012,Rosa,Quispe,1234.50\n0013,"Ana, María",Soto,"1,500.00"\n';
    const table = await readSheet(utf8(comma));
    expect(table.delimiter).toBe(',');
    expect(table.rows[1]?.cells).toEqual(['0013', 'Ana, María', 'Soto', '1,500.00']);

    const tab = await readSheet(utf8('N° socio\tNombres\tApellidos\n0012\tRosa\tQuispe\n'));
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows[0]?.cells).toEqual(['0012', 'Rosa', 'Quispe']);
  });

  it('reads Excel’s "Unicode text" export (UTF-16 with a BOM, tabs)', async () => {
    const text = '\ufeffN° socio\tApellidos\tNombres\r\n0012\tNuñez\tRosa\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++)
      new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const table = await readSheet(bytes);
    expect(table.encoding).toBe('utf-16le');
    expect(table.rows[0]?.cells).toEqual(['0012', 'Nuñez', 'Rosa']);
  });

  it('follows a "sep=" first line, which Excel does not show as a row', async () => {
    const table = await readSheet(utf8('sep=,\r\nN° socio,Nombres,Apellidos\r\n0012,Rosa,Quispe\r\n'));
    expect(table.delimiter).toBe(',');
    expect(table.headerRowNumber).toBe(1);
    expect(table.rows[0]).toEqual({ rowNumber: 2, cells: ['0012', 'Rosa', 'Quispe'] });
  });

  it('chooses ";" over "," in a file where every row has one decimal comma', () => {
    // split on ",", every row has 2 fields too: the header decides
    const text =
      'N° socio;Nombres;Apellidos;Capital\n1;Rosa;Quispe;10,5\n2;Juan;Soto;20,5\n3;Ana;Ruiz;30,5\n';
    expect(detectDelimiter(text)).toBe(';');
    // without a header it recognises, the widest consistent split wins
    expect(detectDelimiter('a;b;c,5\nd;e;f,5\ng;h;i,5\n')).toBe(';');
    expect(detectDelimiter('a,b,c\nd,e,f\n')).toBe(',');
    expect(detectDelimiter('one column\nno separators\n')).toBe(';');
  });

  it('keeps quoted separators, quotes and line breaks in one cell; row numbers count records', async () => {
    const text = [
      'N° socio;Nombres;Apellidos;Observaciones',
      '0012;Rosa;Quispe;"Parcela en ""El Mirador"";\r\nvisitar en mayo"',
      '0013;Juan;Soto;"dos\nlíneas"',
      '0014;Ana;Ruiz;',
    ].join('\r\n');
    const table = await readSheet(utf8(text));
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['0012', 'Rosa', 'Quispe', 'Parcela en "El Mirador";\r\nvisitar en mayo'] },
      { rowNumber: 3, cells: ['0013', 'Juan', 'Soto', 'dos\nlíneas'] },
      { rowNumber: 4, cells: ['0014', 'Ana', 'Ruiz', ''] },
    ]);
  });

  it('skips title rows above the header and drops blank rows, keeping the file’s row numbers', async () => {
    const text = [
      'PADRÓN DE SOCIOS;;;',
      'Cooperativa Agraria Cafetalera Ejemplo;;;',
      ';;;',
      'N° socio;Nombres;Apellidos;DNI',
      '0012;Rosa;Quispe;01234567',
      ';;;',
      '',
      '0013;Juan;Soto;45678912',
      '  ; ;;',
    ].join('\n');
    const table = await readSheet(utf8(text));
    expect(table.headerRowNumber).toBe(4);
    expect(table.rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [5, '0012'],
      [8, '0013'],
    ]);
  });

  it('skips the header repeated on each printed page', async () => {
    const text = 'N° socio;Nombres;Apellidos\n0012;Rosa;Quispe\nN° socio;Nombres;Apellidos\n0013;Juan;Soto\n';
    const table = await readSheet(utf8(text));
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('pads short rows and keeps cells beyond the last header', async () => {
    const text = 'N° socio;Nombres;Apellidos;;;\n0012;Rosa\n0013;Juan;Soto;;nota;\n';
    const table = await readSheet(utf8(text));
    expect(table.headers).toEqual(['N° socio', 'Nombres', 'Apellidos', '', '']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['0012', 'Rosa', '', '', ''],
      ['0013', 'Juan', 'Soto', '', 'nota'],
    ]);
  });

  it('takes the first non-blank row as the header when no row names two known fields', async () => {
    const table = await readSheet(utf8('\nSocio Id;Foo\n1;a\n'));
    expect(table.headerRowNumber).toBe(2);
    expect(table.headers).toEqual(['Socio Id', 'Foo']);
    expect(table.rows).toEqual([{ rowNumber: 3, cells: ['1', 'a'] }]);
  });

  it('takes the header of the kind asked for', async () => {
    const text = 'Parcela;Área (ha)\nN° socio;Nombres;Apellidos\n0012;Rosa;Quispe\n';
    expect((await readSheet(utf8(text), { kind: 'members' })).headerRowNumber).toBe(2);
    expect((await readSheet(utf8(text), { kind: 'plots' })).headerRowNumber).toBe(1);
  });

  it('handles CR-only line ends (old Mac Excel) and a missing final line end', async () => {
    const table = await readSheet(utf8('N° socio;Nombres;Apellidos\r0012;Rosa;Quispe\r0013;Juan;Soto'));
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('refuses empty files, old .xls, PDFs, binaries and broken zips with a message code', async () => {
    expect(await fileError(readSheet(new Uint8Array()))).toEqual({ code: 'import.file_empty', params: {} });
    expect((await fileError(readSheet(utf8(`${BOM}\r\n;;\r\n  \r\n`)))).code).toBe('import.file_empty');
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await fileError(readSheet(xls))).toEqual({
      code: 'import.unsupported_format',
      params: { format: 'xls' },
    });
    expect((await fileError(readSheet(utf8('%PDF-1.7\n')))).params).toEqual({ format: 'pdf' });
    expect((await fileError(readSheet(Uint8Array.from([1, 0, 2, 0, 0, 3])))).params).toEqual({
      format: 'binary',
    });
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await fileError(readSheet(brokenZip))).code).toBe('import.unreadable_xlsx');
  });
});

describe('CSV primitives', () => {
  it('decodes valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(decodeText(utf8('Nuñez'))).toEqual({ text: 'Nuñez', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0x4e, 0x75, 0xf1, 0x65, 0x7a]))).toEqual({
      text: 'Nuñez',
      encoding: 'windows-1252',
    });
    // the 0x80–0x9F block differs from Latin-1; Node 20.18.3+ gets it wrong on its own
    expect(decodeText(Uint8Array.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x96, 0x92, 0x81])).text).toBe(
      '€ “a”–’\u0081',
    );
  });

  it('parses leniently: text after a closing quote, an unterminated quote, blank lines', () => {
    expect(parseCsv('"a"b;c\n\nd', ';')).toEqual([['ab', 'c'], [''], ['d']]);
    expect(parseCsv('a;"b\nc', ';')).toEqual([['a', 'b\nc']]);
    expect(parseCsv('a;b;\n', ';')).toEqual([['a', 'b', '']]);
    expect(parseCsv('', ';')).toEqual([]);
    expect(parseCsv('a\nb\nc\n', ';', 2)).toEqual([['a'], ['b']]);
  });
});

describe('readSheet: XLSX', () => {
  it('reads the visible register: merged titles skipped, formulas, dates, numbers, blank row', async () => {
    const table = await readSheet(await padronWorkbook());
    expect(table.sheetName).toBe('Padrón 2024');
    expect(table.sheetNames).toEqual(['Listas', 'Padrón 2024']); // the hidden list sheet was passed over
    expect(table.headerRowNumber).toBe(4);
    expect(table.headers).toEqual([
      'N° socio',
      'Apellidos y nombres',
      'DNI',
      'Sexo',
      'Fecha de nacimiento',
      'Fecha de ingreso',
      'Capital suscrito',
      'Cuota de ingreso',
    ]);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([5, 7, 8, 9]);
    const [r5, r7, r8, r9] = table.rows;
    // DNI that lost its zero; date cell; text date; number; a formula's cached result
    expect(r5?.cells).toEqual([
      '0012',
      'QUISPE MAMANI, Rosa Elena',
      '1234567',
      'F',
      '1980-03-15',
      '15/03/2010',
      '500',
      '50',
    ]);
    expect(r5?.numeric).toEqual([false, false, true, false, false, false, true, true]);
    // a "00000000" number format shows the zero; a serial in a General cell; a date formula; an error
    expect(r7?.cells).toEqual([
      '0013',
      'HUAMÁN CÓRDOVA, Ángel',
      '07654321',
      'M',
      '29312',
      '2012-05-01',
      '1234.5',
      '#DIV/0!',
    ]);
    expect(r8?.cells[4]).toBe('1 de setiembre de 1975');
    expect(r8?.numeric).toBeUndefined(); // no number cells in that row
    expect(r9?.cells.slice(0, 4)).toEqual(['15', 'ÑAHUI PEÑA, Bárbara', '41234567', 'Mujer']);
    expect(r9?.numeric?.[0]).toBe(true);
  });

  it('reads a sheet by name, ignoring case, and says which sheets exist when the name is wrong', async () => {
    const bytes = await padronWorkbook();
    const lists = await readSheet(bytes, { sheetName: 'listas' });
    expect(lists.sheetName).toBe('Listas');
    expect(lists.headers).toEqual(['Sexo', 'Estado']);
    expect(await fileError(readSheet(bytes, { sheetName: 'Parcelas' }))).toEqual({
      code: 'import.sheet_not_found',
      params: { sheet: 'Parcelas', sheets: 'Listas, Padrón 2024' },
    });
  });

  it('writes numbers as Excel shows them: no float residue, no exponent', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Parcelas');
    sheet.addRow(['Código', 'Parcela', 'Área (ha)', 'Latitud']);
    sheet.addRow(['0012', 'El Mirador', 0.1 + 0.2, -5.708333333333333]);
    sheet.addRow(['0013', 'Alto', 1e21, 1.5e-7]);
    const table = await readSheet(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(table.rows.map((r) => r.cells.slice(2))).toEqual([
      ['0.3', '-5.70833333333333'],
      ['1000000000000000000000', '0.00000015'],
    ]);
  });

  it('refuses a workbook with nothing in it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hoja1');
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await fileError(readSheet(bytes))).code).toBe('import.file_empty');
  });

  it('reads a 10 000-member workbook (timing logged, not asserted)', async () => {
    const bytes = await largeWorkbook(10_000);
    const started = performance.now();
    const table = await readSheet(bytes);
    const ms = performance.now() - started;
    console.log(
      `readSheet: 10 000-row XLSX (${(bytes.length / 1024).toFixed(0)} KiB) in ${ms.toFixed(0)} ms`,
    );
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows.at(-1)?.cells.slice(0, 4)).toEqual([
      '10000',
      'Apellido10000 Ejemplo',
      'Nombre10000',
      '40010000',
    ]);
    expect(table.rows.at(-1)?.rowNumber).toBe(10_001);
  });
});
