import { describe, expect, it } from 'vitest';
import { parseServices } from './services.js';

describe('service charges pasted from a spreadsheet', () => {
  it('reads semicolons, tabs and commas, and totals to the cent', () => {
    const parsed = parseServices('0012; transporte; 15.00\n\n0040\tsacos\t7,5\n0041,flete,0.05');
    expect(parsed.badLine).toBeNull();
    expect(parsed.lines).toEqual([
      { memberNumber: '0012', code: 'transporte', amount: '15.00' },
      { memberNumber: '0040', code: 'sacos', amount: '7.5' },
      { memberNumber: '0041', code: 'flete', amount: '0.05' },
    ]);
    expect(parsed.total).toBe('22.55');
  });

  it('names the first line it cannot read, counting blank lines as in the text', () => {
    expect(parseServices('0012; transporte; 15\n\n0040; sacos').badLine).toBe(3);
    expect(parseServices('0012; transporte; -3').badLine).toBe(1);
    expect(parseServices('0012; transporte; 0').badLine).toBe(1);
  });
});
