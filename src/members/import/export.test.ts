import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExportCell, neutraliseFormula, writeCsv, writeXlsx } from './export.js';
import { FIELD_LABELS, mapHeaders } from './headers.js';
import { normalizeTable } from './normalize.js';
import { readSheet } from './read.js';
import { numberToPlainText } from './values.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM, ";" and CRLF, numbers with a decimal comma', () => {
    const csv = writeCsv(['N° de socio', 'Apellidos', 'Capital suscrito'], [['0012', 'Nuñez Peña', 1234.5]]);
    expect(csv).toBe('\ufeffN° de socio;Apellidos;Capital suscrito\r\n0012;Nuñez Peña;1234,5\r\n');
    expect([...bytes(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes "," files with decimal points, and tab files, when asked', () => {
    expect(writeCsv(['a', 'b'], [[1.5, 'x,y']], { delimiter: ',' })).toBe('\ufeffa,b\r\n1.5,"x,y"\r\n');
    expect(writeCsv(['a', 'b'], [[1.5, 'x;y']], { delimiter: '\t' })).toBe('\ufeffa\tb\r\n1.5\tx;y\r\n');
    expect(() => writeCsv(['a'], [], { delimiter: ',', decimalSeparator: ',' })).toThrow(RangeError);
  });

  it('quotes the delimiter, quotes, line breaks and edge spaces; writes null as empty', () => {
    const csv = writeCsv(
      ['a', 'b', 'c', 'd', 'e'],
      [['x;y', 'dice "hola"', 'dos\r\nlíneas', ' borde', null]],
    );
    expect(csv).toContain('"x;y";"dice ""hola""";"dos\r\nlíneas";" borde";\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x","clic")', '\'=HYPERLINK("http://x","clic")'],
    ['+51 987 654 321', "'+51 987 654 321"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'=already", "''=already"],
  ])('neutralises formula injection: %j → %j', (text, written) => {
    expect(neutraliseFormula(text)).toBe(written);
  });

  it.each(['-5.70833', '+5', '-78,5', 'Quispe', "O'Higgins", '', '0012'])('leaves data alone: %j', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('neutralises in the file, and readSheet gives the text back', async () => {
    const csv = writeCsv(['N° socio', 'Nombres', 'Apellidos'], [['0012', '=1+1', '@x']]);
    expect(csv).toContain("0012;'=1+1;'@x\r\n");
    expect((await readSheet(bytes(csv))).rows[0]?.cells).toEqual(['0012', '=1+1', '@x']);
  });

  it('refuses numbers that are not finite', () => {
    expect(() => writeCsv(['a'], [[Number.NaN]])).toThrow(RangeError);
  });
});

/** Cells of any text (accents, separators, quotes, line breaks, formula starts), numbers and nulls. */
const cellArbitrary: fc.Arbitrary<ExportCell> = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'ñ',
      'É',
      ' ',
      ';',
      ',',
      '\t',
      '"',
      "'",
      '\n',
      '\r',
      '=',
      '+',
      '-',
      '@',
      '0',
      '5',
      '.',
      '°',
    ),
  }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constant(null),
);

/** A header readSheet recognises, so the header row is found whatever the cells hold. */
const HEADERS = ['N° socio', 'Nombres', 'Apellidos', 'Observaciones'];

function expectedText(cell: ExportCell, decimalSeparator: string, xlsx = false): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberToPlainText(cell).replace('.', decimalSeparator);
  if (!xlsx) return cell;
  // XLSX keeps line breaks as LF (XML normalises CR) and cannot hold other control characters
  const xmlSafe = (ch: string) => {
    const c = ch.codePointAt(0) ?? 0;
    return (c >= 0x20 || c === 0x09 || c === 0x0a) && c !== 0xfffe && c !== 0xffff;
  };
  return [...cell.replace(/\r\n?/g, '\n')].filter(xmlSafe).join('');
}

describe('round trips', () => {
  it('CSV: what writeCsv writes, readSheet reads back cell for cell (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArbitrary, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<';' | ',' | '\t'>(';', ',', '\t'),
        async (rows, delimiter) => {
          const decimalSeparator = delimiter === ';' ? ',' : '.';
          const table = await readSheet(bytes(writeCsv(HEADERS, rows, { delimiter })));
          expect(table.headers).toEqual(HEADERS);
          expect(table.delimiter).toBe(delimiter);
          // readSheet drops rows with nothing but blanks, as Excel users expect
          const expected = rows
            .map((row) => row.map((cell) => expectedText(cell, decimalSeparator)))
            .filter((cells) => cells.some((c) => c.trim() !== ''));
          expect(table.rows.map((r) => r.cells)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('XLSX: text stays text (zeros, "=…"), numbers stay numbers (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArbitrary, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const table = await readSheet(await writeXlsx([{ name: 'Socios', headers: HEADERS, rows }]));
          const expected = rows
            .map((row) => row.map((cell) => expectedText(cell, '.', true)))
            .filter((cells) => cells.some((c) => c.trim() !== ''));
          expect(table.rows.map((r) => r.cells)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an exported register imports again to the same records', async () => {
    const es = FIELD_LABELS.es;
    const headers = [
      es.memberNumber,
      es.familyNames,
      es.givenNames,
      es.nationalId,
      es.birthDate,
      es.entryFee,
    ];
    const rows: ExportCell[][] = [
      ['0012', 'Nuñez Peña', 'María José', '01234567', '1980-03-15', '50.00'],
      ['0013', 'Huamán', '=Ángel', '45678912', null, '1234.50'],
    ];
    for (const file of [
      bytes(writeCsv(headers, rows)),
      await writeXlsx([{ name: 'Socios', headers, rows }]),
    ]) {
      const table = await readSheet(file, { kind: 'members' });
      const { mapping, unmapped } = mapHeaders(table.headers, 'members');
      expect(unmapped).toEqual([]);
      const result = normalizeTable(table, mapping, 'members', { country: 'PE', today: '2025-06-01' });
      expect(
        result.map(
          (r) =>
            r.record && [r.record.memberNumber, r.record.givenNames, r.record.nationalId, r.record.entryFee],
        ),
      ).toEqual([
        ['0012', 'María José', '01234567', '50.00'],
        ['0013', '=Ángel', '45678912', '1234.50'],
      ]);
    }
  });
});

describe('writeXlsx', () => {
  it('writes typed cells, a bold frozen header, and Excel-safe sheet names', async () => {
    const file = await writeXlsx([
      {
        name: 'Socios',
        headers: ['N° de socio', 'Capital'],
        rows: [
          ['0012', 1234.5],
          ['=1+1', null],
        ],
      },
      {
        name: 'Parcelas: 2024/25 [todas] con un nombre muy largo',
        headers: ['Parcela'],
        rows: [['El Mirador\u0001']],
      },
      { name: 'socios', headers: ['x'], rows: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.slice().buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Socios',
      'Parcelas  2024 25  todas  con u',
      'socios (2)',
    ]);
    const socios = workbook.worksheets[0];
    expect(socios?.getCell('A2').value).toBe('0012');
    expect(socios?.getCell('B2').value).toBe(1234.5);
    expect(socios?.getCell('A3').value).toBe('=1+1'); // a string, not { formula }
    expect(socios?.getCell('A1').font?.bold).toBe(true);
    expect(socios?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.worksheets[1]?.getCell('A2').value).toBe('El Mirador'); // control character removed
  });

  it('refuses numbers that are not finite', async () => {
    await expect(
      writeXlsx([{ name: 'x', headers: ['a'], rows: [[Number.POSITIVE_INFINITY]] }]),
    ).rejects.toThrow(RangeError);
  });
});
