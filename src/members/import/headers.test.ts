import { describe, expect, it } from 'vitest';
import {
  FIELD_LABELS,
  headerKey,
  headerMassUnit,
  isEstimateHeader,
  mapHeaders,
  recognizeHeader,
} from './headers.js';
import { MEMBER_FIELDS, PLOT_FIELDS } from './types.js';

describe('headerKey', () => {
  it('ignores case, accents, spacing, punctuation and filler words', () => {
    expect(headerKey('N° de Socio ')).toBe('numero socio');
    expect(headerKey('Nº socio')).toBe('numero socio');
    expect(headerKey('Nro. socio')).toBe('numero socio');
    expect(headerKey('# socio')).toBe('numero socio');
    expect(headerKey('Número  del   socio')).toBe('numero socio');
    expect(headerKey('ÁREA (Ha)')).toBe('area ha');
    expect(headerKey('Fecha de\nnacimiento *')).toBe('fecha nacimiento');
    expect(headerKey('Año de siembra')).toBe('ano siembra');
  });
});

describe('recognizeHeader', () => {
  it.each([
    ['N° socio', 'memberNumber'],
    ['Código', 'memberNumber'],
    ['Codigo de socio', 'memberNumber'],
    ['CÓD. SOCIO', 'memberNumber'],
    ['DNI', 'nationalId'],
    ['DNI del socio', 'nationalId'],
    ['Cédula', 'nationalId'],
    ['Nombres', 'givenNames'],
    ['Nombres del productor', 'givenNames'],
    ['Apellidos', 'familyNames'],
    ['Apellido paterno', 'familyNames'],
    ['Apellido Materno', 'familyNames'],
    ['APELLIDOS Y NOMBRES', 'fullName'],
    ['Sexo', 'sex'],
    ['Género', 'sex'],
    ['Fecha de nacimiento', 'birthDate'],
    ['Fec. Nac.', 'birthDate'],
    ['Celular', 'phone'],
    ['Teléfono', 'phone'],
    ['Región', 'region'],
    ['Departamento', 'region'],
    ['Provincia', 'province'],
    ['Distrito', 'district'],
    ['Caserío', 'community'],
    ['Comunidad', 'community'],
    ['Sector', 'community'],
    ['Vereda', 'community'],
    ['Fecha de ingreso', 'joinDate'],
    ['Estado', 'status'],
    ['Cuota de ingreso', 'entryFee'],
    ['Capital suscrito', 'shareCapitalSubscribed'],
    ['Capital pagado', 'shareCapitalPaid'],
    ['Forma de pago', 'paymentMethod'],
    ['Banco', 'bankName'],
    ['Cuenta', 'bankAccount'],
    ['N° de cuenta', 'bankAccount'],
    ['Billetera', 'walletPhone'],
    ['Yape', 'walletPhone'],
    ['N° miembros del hogar', 'householdSize'],
    ['Member number', 'memberNumber'],
    ['Given names', 'givenNames'],
    ['Last name', 'familyNames'],
    ['Date of birth', 'birthDate'],
  ])('members: %s → %s', (header, field) => {
    expect(recognizeHeader(header, 'members')).toBe(field);
  });

  it.each([
    ['Código', 'memberNumber'],
    ['Parcela', 'plotName'],
    ['Nombre de la parcela', 'plotName'],
    ['Área (ha)', 'declaredAreaHa'],
    ['Hectáreas', 'declaredAreaHa'],
    ['Latitud', 'latitude'],
    ['Longitud', 'longitude'],
    ['Altitud (msnm)', 'altitudeM'],
    ['m.s.n.m.', 'altitudeM'],
    ['Área de café', 'coffeeAreaHa'],
    ['Variedades', 'varieties'],
    ['N° plantas', 'treeCount'],
    ['Año de siembra', 'plantingYear'],
    ['Sombra', 'shade'],
    ['Tenencia', 'tenure'],
    ['Estimado (kg)', 'yearlyEstimateGrams'],
    ['Producción estimada (qq)', 'yearlyEstimateGrams'],
    ['Cosecha estimada 2025 kg', 'yearlyEstimateGrams'],
  ])('plots: %s → %s', (header, field) => {
    expect(recognizeHeader(header, 'plots')).toBe(field);
  });

  it.each([
    'N°', // a row counter, not the member number
    'Item',
    'Observaciones',
    'Rendimiento (kg/ha)', // a yield per hectare is no yearly estimate
    'Fecha de cosecha',
    'Área (m2)', // not hectares: left for the user to map, never misread
    '',
  ])('leaves %j unmapped for plots', (header) => {
    expect(recognizeHeader(header, 'plots')).toBeNull();
  });

  it('keeps the kinds apart, and without a kind recognises either', () => {
    expect(recognizeHeader('Nombres', 'plots')).toBeNull();
    expect(recognizeHeader('Parcela', 'members')).toBeNull();
    expect(recognizeHeader('Parcela')).toBe('plotName');
    expect(recognizeHeader('DNI')).toBe('nationalId');
  });

  it('recognises the headers Ayni exports, in both languages', () => {
    for (const locale of ['es', 'en'] as const) {
      for (const field of MEMBER_FIELDS)
        expect(recognizeHeader(FIELD_LABELS[locale][field], 'members')).toBe(field);
      for (const field of PLOT_FIELDS)
        expect(recognizeHeader(FIELD_LABELS[locale][field], 'plots')).toBe(field);
    }
  });
});

describe('estimate headers', () => {
  it('names the unit from the header', () => {
    expect(isEstimateHeader('Producción estimada (qq)')).toBe(true);
    expect(isEstimateHeader('Rendimiento kg/ha')).toBe(false);
    expect(headerMassUnit('Producción estimada (qq)')).toBe('qq-pe');
    expect(headerMassUnit('Estimado (kg)')).toBe('kg');
    expect(headerMassUnit('Estimado en quintales')).toBe('qq-pe');
    expect(headerMassUnit('Estimado (arrobas)', 'CO')).toBe('arroba-co');
    expect(headerMassUnit('Estimado (arrobas)', 'PE')).toBe('arroba-pe');
    expect(headerMassUnit('Cosecha estimada')).toBeNull();
  });
});

describe('mapHeaders', () => {
  it('maps a Peruvian register, joining paternal and maternal family names', () => {
    const headers = [
      'N°',
      'N° socio',
      'Apellido paterno',
      'Apellido materno',
      'Nombres',
      'DNI',
      'Sexo',
      'Fecha de nacimiento',
      'Celular',
      'Caserío',
      'Observaciones',
    ];
    expect(mapHeaders(headers, 'members')).toEqual({
      mapping: [
        null,
        'memberNumber',
        'familyNames',
        'familyNames',
        'givenNames',
        'nationalId',
        'sex',
        'birthDate',
        'phone',
        'community',
        null,
      ],
      unmapped: [
        { index: 0, header: 'N°' },
        { index: 10, header: 'Observaciones' },
      ],
      missingRequired: [],
      massUnit: null,
    });
  });

  it('takes a single "Apellidos y nombres" column instead of separate names', () => {
    const { mapping, missingRequired } = mapHeaders(['Código', 'Apellidos y nombres', 'DNI'], 'members');
    expect(mapping).toEqual(['memberNumber', 'fullName', 'nationalId']);
    expect(missingRequired).toEqual([]);
  });

  it('lists the required fields no column holds', () => {
    expect(mapHeaders(['DNI', 'Nombres'], 'members').missingRequired).toEqual([
      'memberNumber',
      'familyNames',
    ]);
    expect(mapHeaders(['Área (ha)'], 'plots').missingRequired).toEqual(['memberNumber', 'plotName']);
  });

  it('gives a field recognised twice to the first column only', () => {
    const { mapping, unmapped } = mapHeaders(['N° socio', 'Celular', 'Teléfono'], 'members');
    expect(mapping).toEqual(['memberNumber', 'phone', null]);
    expect(unmapped).toEqual([{ index: 2, header: 'Teléfono' }]);
  });

  it('lets the caller override any column: map, move or ignore', () => {
    const headers = ['Cod. interno', 'N° socio', 'Nombres', 'Apellidos', 'Observaciones'];
    const { mapping, unmapped, missingRequired } = mapHeaders(headers, 'members', {
      0: 'memberNumber', // the cooperative's real member number
      4: null, // ignore on purpose: not reported as unmapped
    });
    expect(mapping).toEqual(['memberNumber', null, 'givenNames', 'familyNames', null]);
    expect(unmapped).toEqual([{ index: 1, header: 'N° socio' }]);
    expect(missingRequired).toEqual([]);
  });

  it('ignores overrides out of range or to another kind’s field', () => {
    const { mapping } = mapHeaders(['N° socio', 'X'], 'members', { 1: 'latitude', 7: 'phone' });
    expect(mapping).toEqual(['memberNumber', null]);
  });

  it('maps a plots sheet and reports the estimate unit its header names', () => {
    const headers = [
      'Código',
      'Parcela',
      'Área (ha)',
      'Latitud',
      'Longitud',
      'Altitud (msnm)',
      'Área de café',
      'Variedades',
      'N° plantas',
      'Año de siembra',
      'Sombra',
      'Tenencia',
      'Producción estimada (qq)',
    ];
    const result = mapHeaders(headers, 'plots');
    expect(result.mapping).toEqual([...PLOT_FIELDS]);
    expect(result.massUnit).toBe('qq-pe');
    expect(mapHeaders(['Código', 'Parcela', 'Estimado (kg)'], 'plots').massUnit).toBe('kg');
    expect(mapHeaders(['Código', 'Parcela', 'Cosecha estimada'], 'plots').massUnit).toBeNull();
    expect(
      mapHeaders(['Código', 'Parcela', 'Kilos 2024'], 'plots', { 2: 'yearlyEstimateGrams' }).massUnit,
    ).toBe('kg');
  });
});
