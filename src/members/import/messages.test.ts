import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { IMPORT_MESSAGES } from './messages.js';
import { normalizeRow } from './normalize.js';
import { readSheet } from './read.js';
import { type CanonicalField, type ImportIssue, MEMBER_FIELDS, PLOT_FIELDS } from './types.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function render(locale: 'es' | 'en', code: string, params: Record<string, string | number> = {}): string {
  const catalog: Record<string, string> = IMPORT_MESSAGES[locale];
  const template = catalog[code];
  if (template === undefined) throw new Error(`no ${locale} message for ${code}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

describe('import messages', () => {
  it('has the same keys and placeholders in Spanish and English', () => {
    expect(Object.keys(IMPORT_MESSAGES.en).sort()).toEqual(Object.keys(IMPORT_MESSAGES.es).sort());
    const en: Record<string, string> = IMPORT_MESSAGES.en;
    for (const [key, text] of Object.entries(IMPORT_MESSAGES.es)) {
      expect([key, placeholders(en[key] ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('labels every field', () => {
    for (const field of new Set([...MEMBER_FIELDS, ...PLOT_FIELDS])) {
      expect(IMPORT_MESSAGES.es[`import.field.${field}`]).toBeTruthy();
      expect(IMPORT_MESSAGES.en[`import.field.${field}`]).toBeTruthy();
    }
  });

  it('renders every issue the normaliser raises with all its placeholders filled', () => {
    const bad: [CanonicalField[], string[], 'members' | 'plots', string][] = [
      [['memberNumber', 'givenNames', 'familyNames'], ['', '', 'x'.repeat(121)], 'members', 'PE'],
      [
        ['memberNumber', 'fullName', 'nationalId', 'sex', 'birthDate'],
        ['1', 'Sin Coma', '123', 'X', '31/02/1980'],
        'members',
        'PE',
      ],
      [
        ['memberNumber', 'fullName', 'nationalId', 'birthDate', 'phone'],
        ['1', 'A, B', '1234567', '2030-01-01', '1 / 2'],
        'members',
        'PE',
      ],
      [
        ['memberNumber', 'fullName', 'birthDate', 'joinDate', 'phone'],
        ['1', 'A, B', '1990-01-01', '1980-01-01', '987654321 / 2'],
        'members',
        'PE',
      ],
      [
        ['memberNumber', 'fullName', 'nationalId', 'entryFee', 'shareCapitalSubscribed'],
        ['1', 'A, B', '12', '-5', '1,2345'],
        'members',
        'CO',
      ],
      [
        ['memberNumber', 'fullName', 'nationalId', 'householdSize', 'bankAccount', 'status'],
        ['1', 'A, B', '#', '0', 'x', 'x'],
        'members',
        'EC',
      ],
      [
        ['memberNumber', 'fullName', 'entryFee', 'householdSize'],
        ['1', 'A, B', 'mucho', '2,5'],
        'members',
        'PE',
      ],
      [
        ['memberNumber', 'plotName', 'declaredAreaHa', 'coffeeAreaHa', 'latitude'],
        ['1', 'P', '1', '2', '5 S'],
        'plots',
        'PE',
      ],
      [
        ['memberNumber', 'plotName', 'latitude', 'longitude', 'altitudeM', 'varieties'],
        ['1', 'P', '95', 'x', 'x', 'a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u'],
        'plots',
        'PE',
      ],
      [
        ['memberNumber', 'plotName', 'declaredAreaHa', 'yearlyEstimateGrams'],
        ['1', 'P', 'x', '30'],
        'plots',
        'PE',
      ],
    ];
    const issues: ImportIssue[] = [];
    for (const [mapping, cells, kind, country] of bad) {
      const result = normalizeRow(cells, mapping, kind, { country, today: '2025-06-01' });
      issues.push(...result.errors, ...result.warnings);
    }
    const codes = new Set(issues.map((i) => i.code));
    expect(codes.size).toBeGreaterThanOrEqual(20);
    for (const issue of issues) {
      for (const locale of ['es', 'en'] as const) {
        expect(render(locale, issue.code, issue.params)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('renders readSheet’s file errors', async () => {
    try {
      await readSheet(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
      expect.unreachable();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.kind).toBe('invalid');
      expect(render('es', error.code, error.params)).toBe(
        'No se puede leer este tipo de archivo (xls). Guárdelo como libro de Excel (.xlsx) o CSV e inténtelo de nuevo.',
      );
    }
  });
});
