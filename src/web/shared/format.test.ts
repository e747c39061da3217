import { describe, expect, it } from 'vitest';
import { normalizeDecimal } from './format.js';

describe('numbers as people type them', () => {
  it('a single separator within the field’s decimals is the decimal mark', () => {
    expect(normalizeDecimal('182.123', 3)).toBe('182.123');
    expect(normalizeDecimal('182,123', 3)).toBe('182.123');
    expect(normalizeDecimal('12,5', 2)).toBe('12.5');
  });
  it('grouped thousands, in either country’s way, when the digits cannot be decimals', () => {
    expect(normalizeDecimal('1,250', 2)).toBe('1250');
    expect(normalizeDecimal('1.250', 2)).toBe('1250');
    expect(normalizeDecimal('1.250,50', 2)).toBe('1250.50');
    expect(normalizeDecimal('1,250.50', 2)).toBe('1250.50');
    expect(normalizeDecimal('1 250.5', 2)).toBe('1250.5');
  });
  it('nothing else is a number', () => {
    expect(normalizeDecimal('', 2)).toBe('');
    expect(normalizeDecimal('12.3456', 2)).toBeNull();
    expect(normalizeDecimal('abc', 2)).toBeNull();
    expect(normalizeDecimal('-3', 2)).toBeNull();
  });
});
