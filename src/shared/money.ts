/**
 * Money in integer minor units (céntimos, centavos) as bigint; never a float (ARCHITECTURE.md, Money).
 * Conversion to and from decimal text happens only at the edges.
 */

export interface Currency {
  code: string;
  minorUnits: number;
}

/**
 * Divides with rounding half away from zero, the rule Ayni applies at the points the domain names.
 * @example divRoundHalfAwayFromZero(5n, 2n) // 3n ; (-5n, 2n) // -3n
 */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // Adding half the divisor before truncating rounds an exact half up; an odd divisor has no exact half.
  const quotient = (n + d / 2n) / d;
  return negative ? -quotient : quotient;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses decimal text ("12.5", "-0.07") into minor units; refuses more decimals than the currency has.
 * @example parseMoney('12.5', { code: 'PEN', minorUnits: 2 }) // 1250n
 */
export function parseMoney(text: string, currency: Currency): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal amount: ${text}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > currency.minorUnits) {
    throw new RangeError(`${currency.code} has ${currency.minorUnits} decimals: ${text}`);
  }
  const minor =
    BigInt(whole) * 10n ** BigInt(currency.minorUnits) +
    BigInt(fraction.padEnd(currency.minorUnits, '0') || '0');
  return sign ? -minor : minor;
}

/** Formats minor units as plain decimal text with the currency's decimals, e.g. 1250n → "12.50". */
export function formatMoney(minor: bigint, currency: Currency): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  if (currency.minorUnits === 0) return `${negative ? '-' : ''}${abs}`;
  const scale = 10n ** BigInt(currency.minorUnits);
  const fraction = (abs % scale).toString().padStart(currency.minorUnits, '0');
  return `${negative ? '-' : ''}${abs / scale}.${fraction}`;
}

/** Minor units per ISO 4217 code, mirroring the currencies table (all of Ayni's have 2 today). */
const MINOR_UNITS: Record<string, number> = { PEN: 2, COP: 2, USD: 2, EUR: 2 };

/** The currency of a code, for formatting and parsing at the edges. */
export function currencyOf(code: string): Currency {
  return { code, minorUnits: MINOR_UNITS[code] ?? 2 };
}
