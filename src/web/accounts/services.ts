import { normalizeDecimal } from '../shared/format.js';

/**
 * Service charges pasted from a spreadsheet: one per line, "member number; item; amount" separated by
 * semicolons, tabs or commas (with commas as separators, amounts need a decimal point).
 */
export function parseServices(text: string): {
  lines: { memberNumber: string; code: string; amount: string }[];
  badLine: number | null;
  total: string;
} {
  const lines: { memberNumber: string; code: string; amount: string }[] = [];
  let cents = 0n;
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    const separator = row.includes(';') ? ';' : row.includes('\t') ? '\t' : ',';
    const parts = row.split(separator).map((p) => p.trim());
    const amount = parts.length === 3 ? normalizeDecimal(parts[2]!, 2) : null;
    if (parts.length !== 3 || !parts[0] || !parts[1] || amount === null || Number(amount) <= 0)
      return { lines, badLine: i + 1, total: '0.00' };
    lines.push({ memberNumber: parts[0], code: parts[1].slice(0, 40), amount });
    const [whole, frac = ''] = amount.split('.');
    cents += BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
  }
  const total = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
  return { lines, badLine: null, total };
}
