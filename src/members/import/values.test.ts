import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../platform/money.js';
import {
  cleanText,
  excelSerialToIso,
  fold,
  massUnitFromWord,
  numberToPlainText,
  parseBankAccount,
  parseCedula,
  parseCoordinate,
  parseDate,
  parseDecimal,
  parseDni,
  parseInteger,
  parseMoneyText,
  parsePhone,
  quantityToGrams,
  splitList,
} from './values.js';

const TODAY = '2025-06-01';
const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const code = (r: { ok: true } | { ok: false; code: string }) => (r.ok ? 'ok' : r.code);

describe('text', () => {
  it('collapses the spaces Excel leaves (no-break, tabs, line breaks) and trims', () => {
    expect(cleanText('  Rosa\u00a0 Elena\t\n')).toBe('Rosa Elena');
    expect(cleanText('\ufeffSan\u200b José')).toBe('San José');
  });

  it('folds case, accents and punctuation', () => {
    expect(fold('CASERÍO  Ñuñuhuayco')).toBe('caserio nunuhuayco');
    expect(fold('Hábil.')).toBe('habil');
  });
});

describe('parseDecimal', () => {
  it.each([
    ['1.234,50', 'grouping', '1234', '50'],
    ['1,234.50', 'grouping', '1234', '50'],
    ['1234,5', 'grouping', '1234', '5'],
    ['1.500', 'grouping', '1500', ''],
    ['1,500', 'grouping', '1500', ''],
    ['1.500', 'decimal', '1', '500'],
    ['1,234', 'decimal', '1', '234'],
    ['1.234.567', 'decimal', '1234567', ''],
    ['1 234,5', 'grouping', '1234', '5'],
    ['0.500', 'grouping', '0', '500'],
    ['1234.567', 'grouping', '1234', '567'],
    [',5', 'decimal', '0', '5'],
    ['007', 'grouping', '7', ''],
  ] as const)('%s (%s) → %s . %s', (text, mode, int, frac) => {
    expect(parseDecimal(text, mode)).toEqual({ negative: false, int, frac });
  });

  it('reads an XLSX number cell with "." as the decimal point, never as thousands', () => {
    expect(parseDecimal('12.345', 'grouping', true)).toEqual({ negative: false, int: '12', frac: '345' });
  });

  it('keeps the sign, but not on zero', () => {
    expect(parseDecimal('-1,5', 'decimal')).toEqual({ negative: true, int: '1', frac: '5' });
    expect(parseDecimal('\u22120,5', 'decimal')?.negative).toBe(true);
    expect(parseDecimal('-0', 'decimal')?.negative).toBe(false);
  });

  it.each(['', 'abc', '1.23.4', '1,2,3', '1.234,5,6', '12a', '1,234.5.6', '.', '1..2'])(
    'refuses %j',
    (text) => {
      expect(parseDecimal(text, 'grouping')).toBeUndefined();
    },
  );
});

describe('numberToPlainText', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [12345678, '12345678'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-5.70833333333333, '-5.70833333333333'],
    [2.5, '2.5'],
    [-0, '0'],
    [Number('12345678901234567890'), '12345678901234600000'],
  ])('%s → %s', (n, text) => {
    expect(numberToPlainText(n)).toBe(text);
  });

  it('never writes an exponent and keeps the 15 digits Excel shows', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = numberToPlainText(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Number(n.toPrecision(15)));
      }),
    );
  });

  it('refuses NaN and infinities', () => {
    expect(() => numberToPlainText(Number.NaN)).toThrow(RangeError);
    expect(() => numberToPlainText(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('parseInteger', () => {
  it('takes thousands separators and zero decimals', () => {
    expect(value(parseInteger('3.500'))).toBe(3500);
    expect(value(parseInteger('3,500'))).toBe(3500);
    expect(value(parseInteger('12'))).toBe(12);
    expect(value(parseInteger('4.0', true))).toBe(4);
  });

  it('refuses fractions and words', () => {
    expect(code(parseInteger('3.5'))).toBe('import.invalid_integer');
    expect(code(parseInteger('tres'))).toBe('import.invalid_integer');
  });
});

describe('parseMoneyText', () => {
  it.each([
    ['1.234,50', '1234.50'],
    ['1,234.50', '1234.50'],
    ['S/ 50', '50.00'],
    ['S/. 1,500', '1500.00'],
    ['s/50.5', '50.50'],
    ['PEN 20', '20.00'],
    ['$ 50.000', '50000.00'],
    ['50.000 pesos', '50000.00'],
    ['1234,5', '1234.50'],
    ['0.500', '0.50'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['1 234 567,89', '1234567.89'],
  ])('%s → %s', (text, money) => {
    expect(value(parseMoneyText(text))).toBe(money);
  });

  it('groups three digits after a single separator in typed text, but not in an XLSX number', () => {
    expect(value(parseMoneyText('12.345'))).toBe('12345.00');
    expect(code(parseMoneyText('12.345', true))).toBe('import.too_many_decimals');
    expect(value(parseMoneyText('12.5', true))).toBe('12.50');
  });

  it.each([
    ['-50', 'import.negative_not_allowed'],
    ['(50.00)', 'import.negative_not_allowed'],
    ['S/ -5', 'import.negative_not_allowed'],
    ['1.234,567', 'import.too_many_decimals'],
    ['cincuenta', 'import.invalid_money'],
    ['#DIV/0!', 'import.invalid_money'],
    ['1.23.45', 'import.invalid_money'],
    ['1234567890123', 'import.out_of_range'],
  ])('%s → %s', (text, expected) => {
    expect(code(parseMoneyText(text))).toBe(expected);
  });

  it('reads back any amount written the ways cooperatives write it (property)', () => {
    const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const style = fc.constantFrom('plain', 'plain-short', 'es', 'en', 'es-ungrouped', 'es-short', 'en-short');
    const currency = fc.constantFrom('', 'S/ ', 'S/.', 'S/', '$ ', 'PEN ');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n - 1n }), style, currency, (minor, s, prefix) => {
        const plain = formatMoney(minor, { code: 'PEN', minorUnits: 2 });
        const [int = '', cents = ''] = plain.split('.');
        const short = cents === '00' ? '' : cents.replace(/0$/, '');
        const text = {
          plain,
          'plain-short': short ? `${int}.${short}` : int,
          es: `${group(int, '.')},${cents}`,
          en: `${group(int, ',')}.${cents}`,
          'es-ungrouped': `${int},${cents}`,
          'es-short': short ? `${group(int, '.')},${short}` : group(int, '.'),
          'en-short': short ? `${group(int, ',')}.${short}` : group(int, ','),
        }[s];
        expect(value(parseMoneyText(prefix + text))).toBe(plain);
      }),
    );
  });
});

describe('quantityToGrams', () => {
  it('converts with integer arithmetic: no float residue', () => {
    expect(value(quantityToGrams('0.1', 'qq-pe'))).toBe(4_600);
    expect(value(quantityToGrams('0,3', 'qq-pe'))).toBe(13_800);
    expect(value(quantityToGrams('2,5', 'qq-pe'))).toBe(115_000);
    expect(value(quantityToGrams('1.500', 'kg'))).toBe(1_500_000);
    expect(value(quantityToGrams('0.0005', 'kg'))).toBe(1); // half a gram rounds away from zero
    expect(value(quantityToGrams('2.345', 'qq-pe', 'PE', true))).toBe(107_870);
  });

  it('takes a unit written in the cell over the column’s', () => {
    expect(value(quantityToGrams('20 qq', 'kg'))).toBe(920_000);
    expect(value(quantityToGrams('1500kg', null))).toBe(1_500_000);
    expect(value(quantityToGrams('10 arrobas', null, 'CO'))).toBe(125_000);
    expect(value(quantityToGrams('10 arrobas', null, 'PE'))).toBe(115_000);
    expect(value(quantityToGrams('2 cargas', null, 'CO'))).toBe(250_000);
  });

  it('asks for a unit when neither the column nor the cell names one', () => {
    expect(quantityToGrams('20', null)).toEqual({
      ok: false,
      code: 'import.unit_unknown',
      params: { options: 'kg, qq' },
    });
  });

  it('refuses negatives, words and unknown units', () => {
    expect(code(quantityToGrams('-5', 'kg'))).toBe('import.negative_not_allowed');
    expect(code(quantityToGrams('mucho', 'kg'))).toBe('import.invalid_number');
    expect(code(quantityToGrams('5 sacos', 'kg'))).toBe('import.invalid_number');
  });

  it('knows which arroba and quintal a country means', () => {
    expect(massUnitFromWord('qq')).toBe('qq-pe');
    expect(massUnitFromWord('Quintales')).toBe('qq-pe');
    expect(massUnitFromWord('arroba', 'CO')).toBe('arroba-co');
    expect(massUnitFromWord('arroba', 'PE')).toBe('arroba-pe');
    expect(massUnitFromWord('sacos')).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([
    ['15/03/1980', '1980-03-15'],
    ['5/3/1980', '1980-03-05'],
    ['05-03-80', '1980-03-05'],
    ['5-3-80', '1980-03-05'],
    ['15.03.1980', '1980-03-15'],
    ['1980-03-15', '1980-03-15'],
    ['1980/3/15', '1980-03-15'],
    ['19800315', '1980-03-15'],
    ['15031980', '1980-03-15'],
    ['29295', '1980-03-15'], // Excel serial
    ['29295.75', '1980-03-15'], // serial with a time of day
    ['45658', '2025-01-01'],
    ['15 de marzo de 1980', '1980-03-15'],
    ['15 DE MARZO DEL 1980', '1980-03-15'],
    ['1 de setiembre de 2005', '2005-09-01'],
    ['1 septiembre 2005', '2005-09-01'],
    ['15-mar-80', '1980-03-15'],
    ['15/Mar/1980', '1980-03-15'],
    ['15 dic. 1999', '1999-12-15'],
    ['March 15, 1980', '1980-03-15'],
    ['15/03/1980 00:00:00', '1980-03-15'],
    ['1980-03-15T00:00:00Z', '1980-03-15'],
    ['15/03/1980 10:30 a.m.', '1980-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['10/06/24', '2024-06-10'],
    ['10/06/26', '1926-06-10'], // a two-digit year after this year is last century
  ])('%s → %s', (text, iso) => {
    expect(value(parseDate(text, TODAY))).toBe(iso);
  });

  it.each([
    '03/15/1980', // month first is never read: Peru and Colombia write the day first
    '31/02/2000',
    '29/02/2023',
    '31/04/1990',
    '00/01/1990',
    '15/13/1990',
    '1980', // a year alone, not Excel's serial 1980 (1905-06-02)
    '9999',
    '15/03/1850',
    'marzo 1980',
    'ayer',
    '',
    '#N/A',
  ])('refuses %j', (text) => {
    expect(parseDate(text, TODAY)).toEqual({
      ok: false,
      code: 'import.invalid_date',
      params: { value: text },
    });
  });

  it('reads every date back from dd/mm/yyyy, d-m-yyyy, yyyymmdd and ddmmyyyy (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y = '', m = '', day = ''] = iso.split('-');
          for (const text of [
            `${day}/${m}/${y}`,
            `${Number(day)}-${Number(m)}-${y}`,
            `${y}${m}${day}`,
            `${day}${m}${y}`,
          ]) {
            expect(value(parseDate(text, TODAY))).toBe(iso);
          }
        },
      ),
    );
  });

  it('counts Excel serials from 1899-12-30', () => {
    expect(excelSerialToIso(10_000)).toBe('1927-05-18');
    expect(excelSerialToIso(9_999)).toBeUndefined();
  });
});

describe('parseCoordinate', () => {
  it.each([
    ['-5.70833', 'latitude', '-5.70833'],
    ['-5,70833', 'latitude', '-5.70833'],
    ['-5.708333333333333', 'latitude', '-5.708333333333333'], // every decimal kept
    ['+5.7', 'latitude', '5.7'],
    ['−78.5', 'longitude', '-78.5'],
    ['5.7 S', 'latitude', '-5.7'],
    ['S 5.7', 'latitude', '-5.7'],
    ['5.7°S', 'latitude', '-5.7'],
    ['5°42\'30"S', 'latitude', '-5.708333'],
    ['5° 42′ 30″ S', 'latitude', '-5.708333'],
    ["5°42'30''S", 'latitude', '-5.708333'],
    ['5 42 30 S', 'latitude', '-5.708333'],
    ["5°42.5'S", 'latitude', '-5.708333'],
    ['5°42\'30,5"S', 'latitude', '-5.708472'],
    ["5°30'N", 'latitude', '5.5'],
    ['78°48\'34"W', 'longitude', '-78.809444'],
    ['78°48\'34"O', 'longitude', '-78.809444'], // oeste
    ['-78°48\'34"', 'longitude', '-78.809444'],
    ["75°30'E", 'longitude', '75.5'],
    ['-78.8', 'latitude', '-78.8'], // in range: a swapped pair is the geometry validator's to flag
  ] as const)('%s (%s) → %s', (text, axis, expected) => {
    expect(value(parseCoordinate(text, axis))).toBe(expected);
  });

  it.each([
    ['5°42\'30"S', 'longitude'], // S belongs to a latitude
    ['78°48\'34"W', 'latitude'],
    ['-5.7 S', 'latitude'],
    ['5°60\'00"S', 'latitude'],
    ['5°42\'75"S', 'latitude'],
    ["5.5°42'S", 'latitude'],
    ['N 5.7 S', 'latitude'],
    ['cinco', 'latitude'],
    ['5;7', 'latitude'],
    ['1 2 3 4', 'latitude'],
  ] as const)('refuses %s as a %s', (text, axis) => {
    expect(code(parseCoordinate(text, axis))).toBe('import.invalid_coordinate');
  });

  it('refuses values outside the axis range', () => {
    expect(parseCoordinate('95', 'latitude')).toEqual({
      ok: false,
      code: 'import.out_of_range',
      params: { value: '95', min: -90, max: 90 },
    });
    expect(code(parseCoordinate('-181', 'longitude'))).toBe('import.out_of_range');
    expect(code(parseCoordinate('91°0\'0"S', 'latitude'))).toBe('import.out_of_range');
  });
});

describe('parsePhone', () => {
  it.each([
    ['987654321', 'PE', '987654321'],
    ['987 654 321', 'PE', '987654321'],
    ['987-654-321', 'PE', '987654321'],
    ['+51 987 654 321', 'PE', '987654321'],
    ['0051987654321', 'PE', '987654321'],
    ['51987654321', 'PE', '987654321'],
    ['3001234567', 'CO', '3001234567'],
    ['+57 300 123 4567', 'CO', '3001234567'],
    ['601 234 5678', 'CO', '6012345678'],
    ['+33 6 12 34 56 78', 'FR', '33612345678'],
  ])('%s (%s) → %s', (text, country, digits) => {
    expect(value(parsePhone(text, country))).toBe(digits);
  });

  it.each([
    ['87654321', 'PE'], // 8 digits
    ['076123456', 'PE'], // a Cajamarca landline: not a mobile
    ['(01) 4567890', 'PE'],
    ['98765432a', 'PE'],
    ['2001234567', 'CO'],
    ['12345', 'XX'],
  ])('refuses %s (%s)', (text, country) => {
    expect(code(parsePhone(text, country))).toBe('import.invalid_phone');
  });

  it('keeps the first of several numbers and says so', () => {
    expect(parsePhone('987654321 / 912345678', 'PE')).toEqual({
      ok: true,
      value: '987654321',
      warning: { code: 'import.extra_phone_ignored', params: { value: '912345678' } },
    });
    expect(value(parsePhone('987654321 y 912345678', 'PE'))).toBe('987654321');
  });
});

describe('identity documents', () => {
  it('takes a Peruvian DNI of 8 digits, dropping the check digit and dots', () => {
    expect(parseDni('01234567')).toEqual({ ok: true, value: '01234567' });
    expect(value(parseDni('45678912-3'))).toBe('45678912');
    expect(value(parseDni(' 45.678.912 '))).toBe('45678912');
  });

  it('restores the leading zero Excel drops from a 7-digit DNI, with a warning', () => {
    expect(parseDni('1234567')).toEqual({
      ok: true,
      value: '01234567',
      warning: { code: 'import.dni_zero_restored', params: { value: '1234567', restored: '01234567' } },
    });
  });

  it.each(['123456', '123456789', '4567891A', 'sin DNI'])('refuses DNI %j', (text) => {
    expect(parseDni(text)).toEqual({ ok: false, code: 'import.invalid_dni', params: { value: text } });
  });

  it('takes a Colombian cédula of 6–10 digits, written with dots or not', () => {
    expect(value(parseCedula('1.234.567.890'))).toBe('1234567890');
    expect(value(parseCedula('123456'))).toBe('123456');
    expect(code(parseCedula('12345'))).toBe('import.invalid_cedula');
    expect(code(parseCedula('12345678901'))).toBe('import.invalid_cedula');
  });

  it('takes bank accounts of digits, spaces and hyphens', () => {
    expect(value(parseBankAccount('191-12345678-0-12'))).toBe('191-12345678-0-12');
    expect(value(parseBankAccount('0011 0123 0200123456'))).toBe('0011 0123 0200123456');
    expect(code(parseBankAccount('BCP 191-1234'))).toBe('import.invalid_bank_account');
    expect(code(parseBankAccount('12345'))).toBe('import.invalid_bank_account');
  });
});

describe('splitList', () => {
  it('splits varieties on , ; / + and " y ", dropping blanks and repeats', () => {
    expect(splitList('Caturra, Típica; Bourbon / Catimor + Geisha y Pache')).toEqual([
      'Caturra',
      'Típica',
      'Bourbon',
      'Catimor',
      'Geisha',
      'Pache',
    ]);
    expect(splitList('Caturra,, caturra ; CATURRA')).toEqual(['Caturra']);
    expect(splitList('')).toEqual([]);
  });
});
