import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exampleShipment, shipment } from '../eudr/fixtures.js';
import { buildEudrPackage } from '../eudr/package.js';
import { eudrPackagePdf } from './eudr-package.pdf.js';

/**
 * The text a PDF from platform/pdf.ts shows, line by line: its content streams inflated, and the strings of
 * each text-showing operator decoded (pdfkit writes the standard fonts' WinAnsi codes as hex strings, split
 * where it kerns).
 */
/** WinAnsi where it differs from Latin-1 (the characters our messages use). */
const WIN_ANSI: Record<number, string> = {
  133: '…',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  150: '–',
  151: '—',
};
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');

function textOf(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const shown of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      const hex = [...(shown[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      lines.push(winAnsi(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

describe('the EUDR package as a PDF', () => {
  const pkg = buildEudrPackage(exampleShipment());

  it('prints the shipment, the DDS fields, the plots to visit and the producers, in Spanish', async () => {
    const pdf = await eudrPackagePdf(pkg, 'es', {
      organizationName: 'Cooperativa Agraria Cafetalera Chirinos',
      generatedOn: '2026-10-02',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(pdf);
    for (const words of [
      'Paquete de datos EUDR — EMB-2026-014',
      'Cooperativa Agraria Cafetalera Chirinos',
      'Generado el 2026-10-02',
      'Incompleto: hay parcelas que visitar',
      'Datos para la declaración de diligencia debida (DDS)',
      'Importación (IMPORT)',
      '090111',
      '18975.000',
      '2026-04-01 a 2026-09-30',
      'Parcelas que visitar antes de que salga el embarque',
      'Los Naranjos',
      'El Huabo',
      'Para revisar (están en el paquete)',
      'Rosa Huamán Céspedes',
      'Teodora Guevara Vásquez',
      '29.09 %',
      'EMB-2026-014.geojson',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/eudr\.|geo\.|\{\w+\}/);
  });

  it('in English too, and says when nothing needs a visit', async () => {
    const complete = buildEudrPackage(shipment(exampleShipment().producers.slice(0, 2)));
    expect(complete.complete).toBe(true);
    const text = textOf(await eudrPackagePdf(complete, 'en'));
    for (const words of [
      'EUDR data package — EMB-2026-014',
      'Complete: every kilo of the shipment has the geolocation of its plots.',
      'Data for the due diligence statement (DDS)',
      'Plots to visit before the shipment leaves',
      'None: every plot is in the package.',
      'Juan Carlos Tineo Ruiz',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Para revisar');
  });

  it('lists the shipment’s own problems first', async () => {
    const wrong = buildEudrPackage({ ...exampleShipment(), hsHeading: '0902' });
    const text = textOf(await eudrPackagePdf(wrong, 'en'));
    expect(text).toContain('Shipment data to correct');
    expect(text.indexOf('is not coffee')).toBeLessThan(text.indexOf('Plots to visit'));
  });
});
