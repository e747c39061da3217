/**
 * Parsers for single cell values as cooperatives type them: dates in Peru's day-first order, numbers with
 * either decimal separator, money with a currency sign, coordinates in degrees-minutes-seconds, phone
 * numbers and identity documents. Each returns a value in Ayni's format or a message code; none throws.
 * Numbers are handled as decimal text and bigint, never as floats.
 */
import { divRoundHalfAwayFromZero } from '../../platform/money.js';
import { MASS_UNIT_MILLIGRAMS, type MassUnit } from '../../platform/units.js';
import type { ImportIssueCode } from './types.js';

export type Params = Record<string, string | number>;
export type ValueResult<T> =
  | { ok: true; value: T; warning?: { code: ImportIssueCode; params: Params } }
  | { ok: false; code: ImportIssueCode; params: Params };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(code: ImportIssueCode, params: Params): ValueResult<T> => ({ ok: false, code, params });

// ---- text ------------------------------------------------------------------------------------------

/** Trims and collapses every kind of space (no-break spaces from Excel, tabs, line breaks) to one. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Lower case, no accents ('ñ' → 'n'), punctuation as spaces: the form values and headers are compared in. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// ---- numbers ---------------------------------------------------------------------------------------

export interface DecimalParts {
  negative: boolean;
  /** Integer digits without leading zeros ('0' for none). */
  int: string;
  /** Fraction digits as written (may be ''). */
  frac: string;
}

/**
 * How a single separator followed by exactly three digits is read: 'grouping' takes it as thousands
 * ('1.500' = 1500, right for money, counts and kilograms, where three decimals do not occur), 'decimal'
 * as the decimal point ('1,234' ha = 1.234 ha, right for areas and coordinates). With both separators the
 * last one is the decimal point; a separator that repeats groups thousands.
 */
export type SeparatorMode = 'grouping' | 'decimal';

function validGrouping(text: string, separator: string): boolean {
  const groups = text.split(separator);
  return /^[1-9]\d{0,2}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads '1.234,50', '1,234.50', '1234,5', '-0.75', '1 234' into parts. `fromNumberCell` (an XLSX number,
 * always '.'-decimal) disables thousands grouping. @example parseDecimal('1.234,5', 'grouping') // {int:'1234', frac:'5'}
 */
export function parseDecimal(
  input: string,
  mode: SeparatorMode,
  fromNumberCell = false,
): DecimalParts | undefined {
  let t = input.replace(/[\s\u00a0\u202f']/g, '').replace(/\u2212/g, '-');
  let negative = false;
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  } else if (t.startsWith('+')) {
    t = t.slice(1);
  }
  if (!/^[0-9.,]+$/.test(t) || !/\d/.test(t)) return undefined;
  if (fromNumberCell) mode = 'decimal';
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  let int: string;
  let frac = '';
  if (dots > 0 && commas > 0) {
    const decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const parts = t.split(decimal);
    if (parts.length !== 2) return undefined;
    const [whole = '', fraction = ''] = parts;
    if (!validGrouping(whole, group) || fraction === '') return undefined;
    int = whole.split(group).join('');
    frac = fraction;
  } else if (dots + commas > 1) {
    const separator = dots > 0 ? '.' : ',';
    if (!validGrouping(t, separator)) return undefined;
    int = t.split(separator).join('');
  } else if (dots + commas === 1) {
    const separator = dots > 0 ? '.' : ',';
    const [whole = '', fraction = ''] = t.split(separator);
    if (mode === 'grouping' && /^\d{3}$/.test(fraction) && validGrouping(t, separator)) {
      int = whole + fraction;
    } else {
      if (fraction === '' && whole === '') return undefined;
      int = whole === '' ? '0' : whole;
      frac = fraction;
    }
  } else {
    int = t;
  }
  if (!/^\d+$/.test(int) || !/^\d*$/.test(frac)) return undefined;
  int = int.replace(/^0+(?=\d)/, '');
  return { negative: negative && /[1-9]/.test(int + frac), int, frac };
}

/** Scaled integer of decimal parts: {int:'12', frac:'345'} at scale 2 → 1235n (rounded half away from zero). */
export function toScaled(parts: DecimalParts, scale: number): bigint {
  const digits = BigInt(parts.int + parts.frac);
  const have = parts.frac.length;
  const scaled =
    have <= scale
      ? digits * 10n ** BigInt(scale - have)
      : divRoundHalfAwayFromZero(digits, 10n ** BigInt(have - scale));
  return parts.negative ? -scaled : scaled;
}

/** Scaled integer back to text, trailing zeros dropped unless `fixed`: (12345n, 4) → '1.2345'. */
export function scaledToText(value: bigint, scale: number, fixed = false): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(scale);
  let frac = scale === 0 ? '' : (abs % unit).toString().padStart(scale, '0');
  if (!fixed) frac = frac.replace(/0+$/, '');
  const text = `${abs / unit}${frac ? `.${frac}` : ''}`;
  return negative ? `-${text}` : text;
}

/**
 * An XLSX number as plain decimal text, as Excel shows it: 15 significant digits, no exponent.
 * @example numberToPlainText(0.1 + 0.2) // '0.3' ; numberToPlainText(1e21) // '1000000000000000000000'
 */
export function numberToPlainText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (n === 0) return '0';
  const precise = n.toPrecision(15);
  const negative = precise.startsWith('-');
  const unsigned = negative ? precise.slice(1) : precise;
  let digits: string;
  let point: number;
  const exp = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(unsigned);
  if (exp) {
    digits = (exp[1] ?? '') + (exp[2] ?? '');
    point = 1 + Number(exp[3]);
  } else {
    const [whole = '', fraction = ''] = unsigned.split('.');
    digits = whole + fraction;
    point = whole.length;
  }
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  text = text.replace(/^0+(?=\d)/, '');
  return negative ? `-${text}` : text;
}

/** A whole number; thousands separators allowed ('3.500' plants), decimals only if zero. */
export function parseInteger(text: string, fromNumberCell = false): ValueResult<number> {
  const parts = parseDecimal(text, 'grouping', fromNumberCell);
  if (!parts || /[1-9]/.test(parts.frac)) return fail('import.invalid_integer', { value: text });
  const value = Number(toScaled(parts, 0));
  if (!Number.isSafeInteger(value)) return fail('import.invalid_integer', { value: text });
  return ok(value);
}

// ---- money -----------------------------------------------------------------------------------------

const CURRENCY_PREFIX = /^(?:s\/\.?|pen|cop|usd|us\$|\$|soles?|pesos?)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:s\/\.?|pen|cop|usd|soles?|pesos?)$/i;

/**
 * Money as decimal text with two decimals. Accepts 'S/ 1.234,50', '1,234.50', '$ 50.000', '1234,5'.
 * A single separator followed by three digits groups thousands ('50.000' pesos); amounts never have three
 * decimals. @example parseMoneyText('S/ 1.234,5') // '1234.50'
 */
export function parseMoneyText(text: string, fromNumberCell = false): ValueResult<string> {
  let t = cleanText(text);
  let accountingNegative = false;
  if (/^\(.*\)$/.test(t)) {
    accountingNegative = true;
    t = t.slice(1, -1).trim();
  }
  const signed = /^[-\u2212]/.test(t);
  if (signed) t = t.slice(1).trim();
  t = t.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  const parts = parseDecimal(t, 'grouping', fromNumberCell);
  if (!parts) return fail('import.invalid_money', { value: text });
  if (accountingNegative || signed || parts.negative) {
    if (/[1-9]/.test(parts.int + parts.frac)) return fail('import.negative_not_allowed', { value: text });
  }
  const frac = parts.frac.length > 2 ? parts.frac.replace(/0+$/, '').padEnd(2, '0') : parts.frac;
  if (frac.length > 2) return fail('import.too_many_decimals', { value: text, max: 2 });
  if (parts.int.length > 12)
    return fail('import.out_of_range', { value: text, min: 0, max: '999999999999.99' });
  return ok(`${parts.int}.${frac.padEnd(2, '0')}`);
}

// ---- quantities --------------------------------------------------------------------------------------

const UNIT_WORDS: Record<string, 'kg' | 'qq' | 'arroba' | 'carga' | 'lb' | 't' | 'g'> = {
  kg: 'kg',
  kgs: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogramo: 'kg',
  kilogramos: 'kg',
  qq: 'qq',
  qqs: 'qq',
  quintal: 'qq',
  quintales: 'qq',
  arroba: 'arroba',
  arrobas: 'arroba',
  carga: 'carga',
  cargas: 'carga',
  lb: 'lb',
  lbs: 'lb',
  libra: 'lb',
  libras: 'lb',
  t: 't',
  tm: 't',
  tonelada: 't',
  toneladas: 't',
  g: 'g',
  gramos: 'g',
};

/**
 * The mass unit a word names, for the organization's country: a quintal (qq) is Peru's 46 kg; an arroba
 * is 11.5 kg in Peru and 12.5 kg in Colombia; a carga is Colombia's 125 kg.
 */
export function massUnitFromWord(word: string, country?: string): MassUnit | undefined {
  const unit = UNIT_WORDS[fold(word).replace(/\s/g, '')];
  switch (unit) {
    case undefined:
      return undefined;
    case 'qq':
      return 'qq-pe';
    case 'arroba':
      return country === 'CO' ? 'arroba-co' : 'arroba-pe';
    case 'carga':
      return 'carga-co';
    default:
      return unit;
  }
}

/**
 * A mass as whole grams, with integer arithmetic: '2,5' qq → 115 000 g. A unit written in the cell
 * ('20 qq') wins over the column's. @example quantityToGrams('1.500', 'kg') // ok 1 500 000
 */
export function quantityToGrams(
  text: string,
  columnUnit: MassUnit | null | undefined,
  country?: string,
  fromNumberCell = false,
): ValueResult<number> {
  let t = cleanText(text);
  let unit = columnUnit ?? undefined;
  const suffix = /^(.*?)\s*([a-zA-Z]+)\.?$/.exec(t);
  if (suffix?.[2]) {
    const own = massUnitFromWord(suffix[2], country);
    if (!own) return fail('import.invalid_number', { value: text });
    unit = own;
    t = suffix[1] ?? '';
  }
  const parts = parseDecimal(t, 'grouping', fromNumberCell);
  if (!parts) return fail('import.invalid_number', { value: text });
  if (parts.negative) return fail('import.negative_not_allowed', { value: text });
  if (!unit) return fail('import.unit_unknown', { options: 'kg, qq' });
  // milligrams per unit × quantity, then to grams: exact until the last rounding
  const scale = parts.frac.length;
  const grams = divRoundHalfAwayFromZero(
    BigInt(parts.int + parts.frac) * MASS_UNIT_MILLIGRAMS[unit],
    1_000n * 10n ** BigInt(scale),
  );
  const value = Number(grams);
  if (!Number.isSafeInteger(value)) return fail('import.invalid_number', { value: text });
  return ok(value);
}

// ---- dates -----------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  enero: 1,
  ene: 1,
  january: 1,
  jan: 1,
  febrero: 2,
  feb: 2,
  february: 2,
  marzo: 3,
  mar: 3,
  march: 3,
  abril: 4,
  abr: 4,
  april: 4,
  apr: 4,
  mayo: 5,
  may: 5,
  junio: 6,
  jun: 6,
  june: 6,
  julio: 7,
  jul: 7,
  july: 7,
  agosto: 8,
  ago: 8,
  august: 8,
  aug: 8,
  // Peru writes "setiembre"; both spellings are correct Spanish
  setiembre: 9,
  septiembre: 9,
  set: 9,
  sep: 9,
  sept: 9,
  september: 9,
  octubre: 10,
  oct: 10,
  october: 10,
  noviembre: 11,
  nov: 11,
  november: 11,
  diciembre: 12,
  dic: 12,
  december: 12,
  dec: 12,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Serials below this (1927-05-18) are refused: a bare 1980 in a date column is a year, not a day of 1905. */
const MIN_SERIAL = 10_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return undefined;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > lastDay) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Two-digit years: '05' is 2005 when that is not after this year, else 1905 → 19yy. */
function fullYear(text: string, today: string): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  const thisYear = Number(today.slice(0, 4));
  return 2000 + y <= thisYear ? 2000 + y : 1900 + y;
}

/** Excel's day count from 1899-12-30 (the 1900 system; its fictitious 1900-02-29 lies below MIN_SERIAL). */
export function excelSerialToIso(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < MIN_SERIAL || day > MAX_SERIAL) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A calendar date as 'YYYY-MM-DD'. Accepts dd/mm/yyyy and d-m-yy (day first, as in Peru and Colombia;
 * never month first), yyyy-mm-dd, yyyymmdd, Excel serials, '15 de marzo de 1980', '15-mar-80',
 * 'March 15, 1980', and any of these followed by a time. `today` resolves two-digit years.
 */
export function parseDate(text: string, today: string): ValueResult<string> {
  const invalid = fail<string>('import.invalid_date', { value: text });
  const t = cleanText(text)
    .replace(/[T\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s*m\.?|z|[+-]\d{2}:?\d{2})?$/i, '')
    .trim();
  const serial = /^(\d+)(?:\.\d+)?$/.exec(t);
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  let iso: string | undefined;
  if (serial) {
    const digits = serial[1] ?? '';
    if (digits.length === 8 && digits === t) {
      // yyyymmdd, else ddmmyyyy: both can never be valid dates at once (see the test)
      iso =
        isoDate(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6))) ??
        isoDate(Number(t.slice(4)), Number(t.slice(2, 4)), Number(t.slice(0, 2)));
    } else {
      iso = excelSerialToIso(Number(t));
    }
  } else if (ymd) {
    iso = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  } else if (dmy) {
    iso = isoDate(fullYear(dmy[3] ?? '', today), Number(dmy[2]), Number(dmy[1]));
  } else {
    const tokens = fold(t)
      .split(' ')
      .filter((w) => w !== 'de' && w !== 'del');
    if (tokens.length === 3) {
      const [a = '', b = '', c = ''] = tokens;
      const year = /^(\d{4}|\d{2})$/.test(c) ? fullYear(c, today) : undefined;
      const dayFirst = MONTHS[b];
      const monthFirst = MONTHS[a];
      if (year && dayFirst && /^\d{1,2}$/.test(a)) iso = isoDate(year, dayFirst, Number(a));
      else if (year && monthFirst && /^\d{1,2}$/.test(b)) iso = isoDate(year, monthFirst, Number(b));
    }
  }
  return iso ? ok(iso) : invalid;
}

// ---- coordinates -----------------------------------------------------------------------------------

const HEMISPHERE_SIGN: Record<string, { axis: 'latitude' | 'longitude'; sign: 1 | -1 }> = {
  n: { axis: 'latitude', sign: 1 },
  s: { axis: 'latitude', sign: -1 },
  e: { axis: 'longitude', sign: 1 },
  w: { axis: 'longitude', sign: -1 },
  o: { axis: 'longitude', sign: -1 }, // oeste
};

const DMS_DECIMALS = 6; // 0.000001° ≈ 0.11 m, finer than a hand-held GPS

/**
 * Decimal degrees as text. A decimal value keeps every decimal given ('-5,70833' → '-5.70833'); degrees,
 * minutes and seconds (5°42'30"S, 78 25 10 W, 5°42.5'S) become decimal degrees with 6 decimals. N/S
 * belong to latitudes, E/W/O to longitudes; values are never swapped (the geometry validator flags that).
 */
export function parseCoordinate(text: string, axis: 'latitude' | 'longitude'): ValueResult<string> {
  const invalid = fail<string>('import.invalid_coordinate', { value: text });
  let t = cleanText(text).replace(/\u2212/g, '-');
  let hemisphere: string | undefined;
  const lead = /^([NSEWO])\.?\s*(?=\d)/i.exec(t);
  const trail = /(?<=[\d°º˚'′’"″”\s])\s*([NSEWO])\.?$/i.exec(t);
  if (lead && trail) return invalid;
  if (lead) {
    hemisphere = (lead[1] ?? '').toLowerCase();
    t = t.slice(lead[0].length);
  } else if (trail) {
    hemisphere = (trail[1] ?? '').toLowerCase();
    t = t.slice(0, trail.index).trim();
  }
  let sign: 1 | -1 = 1;
  if (/^[-+]/.test(t)) {
    if (hemisphere) return invalid;
    sign = t.startsWith('-') ? -1 : 1;
    t = t.slice(1).trim();
  }
  if (hemisphere) {
    const h = HEMISPHERE_SIGN[hemisphere];
    if (!h || h.axis !== axis) return invalid;
    sign = h.sign;
  }
  const numbers = t.match(/\d+(?:[.,]\d+)?/g) ?? [];
  const separators = t.replace(/\d+(?:[.,]\d+)?/g, '');
  if (numbers.length === 0 || numbers.length > 3 || !/^[\s°º˚'′’´"″”:]*$/.test(separators)) return invalid;
  const limit = axis === 'latitude' ? 90 : 180;
  const parts = numbers.map((n) => parseDecimal(n, 'decimal'));
  if (parts.some((p, i) => !p || (p.frac !== '' && i < parts.length - 1))) return invalid;
  const [deg, min, sec] = parts as DecimalParts[];
  if (!deg) return invalid;
  let degrees: string;
  if (!min) {
    degrees = deg.frac ? `${deg.int}.${deg.frac}` : deg.int;
  } else {
    // exact rational: (D·3600 + M·60 + S) / 3600, with the last component's decimals in the denominator
    const k = Math.max(min.frac.length, sec?.frac.length ?? 0);
    const scale = 10n ** BigInt(k);
    const minutes = toScaled(min, k);
    const seconds = sec ? toScaled(sec, k) : 0n;
    if (minutes >= 60n * scale || seconds >= 60n * scale) return invalid;
    const numerator = BigInt(deg.int) * 3600n * scale + minutes * 60n + seconds;
    const micro = divRoundHalfAwayFromZero(numerator * 10n ** BigInt(DMS_DECIMALS), 3600n * scale);
    degrees = scaledToText(micro, DMS_DECIMALS);
  }
  const magnitude = Number(degrees);
  if (!(magnitude <= limit)) {
    return fail('import.out_of_range', { value: text, min: -limit, max: limit });
  }
  return ok(sign === -1 && /[1-9]/.test(degrees) ? `-${degrees}` : degrees);
}

// ---- phones and documents ------------------------------------------------------------------------------

/**
 * National digits of a phone number. Peru: a 9-digit mobile starting with 9 (+51 allowed). Colombia: a
 * 10-digit mobile starting with 3 or a landline starting with 60 (+57 allowed). Elsewhere 6–15 digits.
 * A second number in the cell ('987654321 / 912345678') is ignored with a warning.
 */
export function parsePhone(text: string, country: string): ValueResult<string> {
  const [first = '', ...rest] = cleanText(text)
    .split(/\s*[/,;|]\s*|\s+(?:y|o)\s+/i)
    .filter((p) => p !== '');
  const compact = first.replace(/[\s.\-()]/g, '');
  if (!/^(?:\+|00)?\d+$/.test(compact)) return fail('import.invalid_phone', { value: text });
  let digits = compact.replace(/^(?:\+|00)/, '');
  let valid: boolean;
  if (country === 'PE') {
    if (/^51\d{9}$/.test(digits)) digits = digits.slice(2);
    valid = /^9\d{8}$/.test(digits);
  } else if (country === 'CO') {
    if (/^57\d{10}$/.test(digits)) digits = digits.slice(2);
    valid = /^(?:3\d{9}|60\d{8})$/.test(digits);
  } else {
    valid = /^\d{6,15}$/.test(digits);
  }
  if (!valid) return fail('import.invalid_phone', { value: text });
  const result: ValueResult<string> = ok(digits);
  if (rest.length > 0 && result.ok) {
    result.warning = { code: 'import.extra_phone_ignored', params: { value: rest.join(' / ') } };
  }
  return result;
}

/**
 * Peru's DNI is 8 digits. Excel stores a DNI typed into a number cell as a number and drops a leading
 * zero (01234567 → 1234567); a 7-digit value is therefore restored with its zero and a warning, never
 * silently. Fewer digits are an error: a guess there would more often hide a typo than fix Excel.
 * The check digit after a hyphen on the card ('12345678-9') is dropped.
 */
export function parseDni(text: string): ValueResult<string> {
  const t = cleanText(text).replace(/[\s.]/g, '');
  const m = /^(\d{8})(?:-\d)?$/.exec(t);
  if (m?.[1]) return ok(m[1]);
  if (/^\d{7}$/.test(t)) {
    return {
      ok: true,
      value: `0${t}`,
      warning: { code: 'import.dni_zero_restored', params: { value: text, restored: `0${t}` } },
    };
  }
  return fail('import.invalid_dni', { value: text });
}

/** Colombia's cédula de ciudadanía: 6–10 digits, often written with thousands dots ('1.234.567.890'). */
export function parseCedula(text: string): ValueResult<string> {
  const t = cleanText(text).replace(/[\s.,]/g, '');
  return /^\d{6,10}$/.test(t) ? ok(t) : fail('import.invalid_cedula', { value: text });
}

/** Bank account as written: digits, spaces and hyphens ('191-12345678-0-12'), 6–40 characters. */
export function parseBankAccount(text: string): ValueResult<string> {
  const t = cleanText(text);
  return /^[0-9][0-9 -]{4,38}[0-9]$/.test(t) ? ok(t) : fail('import.invalid_bank_account', { value: text });
}

// ---- closed lists ------------------------------------------------------------------------------------

/**
 * Looks a value up in a closed list of folded words. On a miss, `options` lists one Spanish word per
 * value, the words users type.
 */
export function parseChoice<T extends string>(
  text: string,
  words: Record<string, T>,
  options: string,
): ValueResult<T> {
  const value = words[fold(text)];
  return value ? ok(value) : fail('import.unknown_value', { value: text, options });
}

/** Varieties and other lists: split on , ; / + and ' y ', trimmed, duplicates (ignoring case) dropped. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;/+\n]|\s+y\s+/i)) {
    const item = cleanText(part);
    const key = fold(item);
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
