import { describe, expect, it } from 'vitest';
import '../../collection/index.js'; // registers collection's messages
import '../../settlement/index.js'; // registers settlement's messages
import { type SlipDocument, slipHtml, slipPdf } from './slip.js';

const slip: SlipDocument = {
  organization: { name: 'Cooperativa Agraria Unión y Fe' },
  member: { memberNumber: '0001', name: 'Rocío Campos Nuñez' },
  settlement: { name: 'Reintegro 2025', periodFrom: '2025-04-01', periodTo: '2025-09-30' },
  currency: 'PEN',
  tickets: [
    {
      number: 'A-000001',
      date: '2025-05-02',
      netKg: '46.000',
      moisturePercent: '12.50',
      yieldPercent: null,
      payableKg: '45.500',
      unitPricePerKg: '10.0000',
      value: '455.00',
    },
  ],
  settlementLine: {
    byClass: [{ certificationClass: 'organic_fairtrade', payableKg: '45.500', amount: '138.00' }],
    gross: '138.00',
    deductions: [
      { code: 'share_capital', requested: '5.00', taken: '5.00' },
      { code: 'owed', requested: '64.00', taken: '64.00' },
      { code: 'transporte', requested: '2.00', taken: '2.00' },
    ],
    net: '67.00',
  },
  payments: [{ paidOn: '2025-10-05', reference: 'BCP-000123', status: 'paid', amount: '67.00' }],
  balance: '0.00',
};

describe('the settlement slip', () => {
  it('prints classes, deductions and statuses as words in the reader’s language, never as codes', () => {
    const es = slipHtml(slip, 'es');
    for (const words of [
      'Orgánico y comercio justo',
      'Aporte de capital por quintal',
      'Deudas con la cooperativa',
    ])
      expect(es).toContain(words);
    expect(es).toContain('<td>pagado</td>');
    expect(es).toContain('<th>Humedad %</th>');
    const en = slipHtml(slip, 'en');
    for (const words of ['Organic and Fairtrade', 'Share capital per quintal', 'Owed to the cooperative'])
      expect(en).toContain(words);
    expect(en).toContain('<td>paid</td>');
    for (const page of [es, en]) {
      expect(page).not.toMatch(/organic_fairtrade|share_capital|>owed</);
      // a service the cooperative named itself has no label: its own name is printed
      expect(page).toContain('<td>transporte</td>');
    }
  });

  it('escapes what people typed', () => {
    const page = slipHtml({ ...slip, member: { memberNumber: '0001', name: '<b>Rocío</b>' } }, 'es');
    expect(page).toContain('&#60;b&#62;Rocío&#60;/b&#62;');
  });

  it('is also a PDF', async () => {
    const pdf = await slipPdf(slip, 'en');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
