import { describe, expect, it } from 'vitest';
import { padronWorkbook, plotsWorkbook } from '../../../test/fixtures/import/workbooks.js';
import { mapHeaders } from './headers.js';
import { normalizeRow, normalizeTable } from './normalize.js';
import { readSheet } from './read.js';
import type { CanonicalField, MemberImportRecord, NormalizeOptions, SheetTable } from './types.js';

const PE: NormalizeOptions = { country: 'PE', today: '2025-06-01' };
const CO: NormalizeOptions = { country: 'CO', today: '2025-06-01' };

/** One member row from field → cell pairs, with the three required fields filled unless given. */
function member(cells: Partial<Record<CanonicalField, string>>, options: NormalizeOptions = PE) {
  const all = { memberNumber: '0012', givenNames: 'Rosa Elena', familyNames: 'Quispe Mamani', ...cells };
  const fields = Object.keys(all) as CanonicalField[];
  return normalizeRow(Object.values(all) as string[], fields, 'members', options);
}

function plot(cells: Partial<Record<CanonicalField, string>>, options: NormalizeOptions = PE) {
  const all = { memberNumber: '0012', plotName: 'El Mirador', ...cells };
  const fields = Object.keys(all) as CanonicalField[];
  return normalizeRow(Object.values(all) as string[], fields, 'plots', options);
}

const errorsOf = (r: { errors: { field: string; code: string }[] }) => r.errors.map((e) => [e.field, e.code]);

describe('normalizeRow: members', () => {
  it('normalises a full Peruvian register row', () => {
    const result = member({
      nationalId: '01234567',
      sex: 'Femenino',
      birthDate: '15/03/1980',
      joinDate: '1 de setiembre de 2005',
      phone: '+51 987 654 321',
      region: ' Cajamarca ',
      province: 'Jaén',
      district: 'Huabal',
      community: 'Caserío  San José',
      householdSize: '5',
      status: 'Hábil',
      entryFee: 'S/ 50',
      shareCapitalSubscribed: '1.234,50',
      shareCapitalPaid: '1,000.00',
      paymentMethod: 'Yape',
      bankName: 'Banco de la Nación',
      bankAccount: '04-123-456789',
      walletPhone: '912 345 678',
    });
    expect(result).toEqual({
      record: {
        memberNumber: '0012',
        givenNames: 'Rosa Elena',
        familyNames: 'Quispe Mamani',
        nationalIdType: 'dni',
        nationalId: '01234567',
        sex: 'female',
        birthDate: '1980-03-15',
        joinDate: '2005-09-01',
        phone: '987654321',
        region: 'Cajamarca',
        province: 'Jaén',
        district: 'Huabal',
        community: 'Caserío San José',
        householdSize: 5,
        status: 'active',
        entryFee: '50.00',
        shareCapitalSubscribed: '1234.50',
        shareCapitalPaid: '1000.00',
        paymentMethod: 'mobile_wallet',
        bankName: 'Banco de la Nación',
        bankAccount: '04-123-456789',
        walletPhone: '912345678',
      } satisfies MemberImportRecord,
      errors: [],
      warnings: [],
    });
  });

  it('leaves absent and empty fields null, for the database side’s defaults', () => {
    const result = member({ nationalId: '  ', status: '' });
    expect(result.record).toMatchObject({
      nationalId: null,
      nationalIdType: null,
      status: null,
      entryFee: null,
    });
  });

  it('requires the member number and both names, and gives no record then', () => {
    const result = normalizeRow(
      ['', '  ', 'Quispe'],
      ['memberNumber', 'givenNames', 'familyNames'],
      'members',
      PE,
    );
    expect(result.record).toBeUndefined();
    expect(errorsOf(result)).toEqual([
      ['memberNumber', 'import.required'],
      ['givenNames', 'import.required'],
    ]);
  });

  it('keeps member numbers as text, zeros included, and refuses over 30 characters', () => {
    expect(member({ memberNumber: ' 000123 ' }).record?.memberNumber).toBe('000123');
    expect(member({ memberNumber: 'X'.repeat(31) }).errors).toEqual([
      { field: 'memberNumber', code: 'import.too_long', params: { max: 30 } },
    ]);
  });

  it('joins paternal and maternal family names given in two columns', () => {
    const result = normalizeRow(
      ['0012', 'Quispe', 'Mamani', 'Rosa'],
      ['memberNumber', 'familyNames', 'familyNames', 'givenNames'],
      'members',
      PE,
    );
    expect(result.record).toMatchObject({ familyNames: 'Quispe Mamani', givenNames: 'Rosa' });
    // a blank maternal name leaves no double space
    const single = normalizeRow(
      ['0013', 'Soto', '', 'Juan'],
      ['memberNumber', 'familyNames', 'familyNames', 'givenNames'],
      'members',
      PE,
    );
    expect(single.record?.familyNames).toBe('Soto');
  });

  it('splits "Apellidos, Nombres" in one column, and asks for the comma when it is missing', () => {
    const mapping: CanonicalField[] = ['memberNumber', 'fullName'];
    expect(normalizeRow(['0012', 'QUISPE MAMANI, Rosa Elena'], mapping, 'members', PE).record).toMatchObject({
      familyNames: 'QUISPE MAMANI',
      givenNames: 'Rosa Elena',
    });
    const noComma = normalizeRow(['0012', 'Rosa Elena Quispe Mamani'], mapping, 'members', PE);
    expect(noComma.errors).toEqual([
      {
        field: 'fullName',
        code: 'import.full_name_needs_comma',
        params: { value: 'Rosa Elena Quispe Mamani' },
      },
    ]);
    // separate columns win over the full name
    const both = normalizeRow(
      ['0012', 'Rosa', 'Quispe', 'OTRO, Nombre'],
      ['memberNumber', 'givenNames', 'familyNames', 'fullName'],
      'members',
      PE,
    );
    expect(both.record).toMatchObject({ givenNames: 'Rosa', familyNames: 'Quispe' });
  });

  describe('national ID', () => {
    it('restores a DNI’s leading zero lost by Excel, with a warning', () => {
      const result = member({ nationalId: '1234567' });
      expect(result.record?.nationalId).toBe('01234567');
      expect(result.warnings).toEqual([
        {
          field: 'nationalId',
          code: 'import.dni_zero_restored',
          params: { value: '1234567', restored: '01234567' },
        },
      ]);
    });

    it('refuses a DNI of another length', () => {
      expect(member({ nationalId: '123456789' }).errors).toEqual([
        { field: 'nationalId', code: 'import.invalid_dni', params: { value: '123456789' } },
      ]);
    });

    it('takes a Colombian cédula of 6–10 digits with dots', () => {
      expect(member({ nationalId: '1.098.765.432' }, CO).record).toMatchObject({
        nationalIdType: 'cedula',
        nationalId: '1098765432',
      });
      expect(errorsOf(member({ nationalId: '12345' }, CO))).toEqual([
        ['nationalId', 'import.invalid_cedula'],
      ]);
    });

    it('keeps other countries’ IDs as written, within the schema’s characters', () => {
      expect(member({ nationalId: 'AB-12345' }, { country: 'EC' }).record).toMatchObject({
        nationalIdType: 'other',
        nationalId: 'AB-12345',
      });
      expect(errorsOf(member({ nationalId: 'AB/1' }, { country: 'EC' }))).toEqual([
        ['nationalId', 'import.invalid_national_id'],
      ]);
    });

    it('refuses a long number Excel stored in a number cell: its last digits are gone', () => {
      const row = {
        rowNumber: 2,
        cells: ['0012', 'Rosa', 'Quispe', '12345678901234600000'],
        numeric: [false, false, false, true],
      };
      const result = normalizeRow(
        row,
        ['memberNumber', 'givenNames', 'familyNames', 'bankAccount'],
        'members',
        PE,
      );
      expect(errorsOf(result)).toEqual([['bankAccount', 'import.digits_lost']]);
    });
  });

  describe('sex', () => {
    it.each([
      ['F', 'female'],
      ['f', 'female'],
      ['Mujer', 'female'],
      ['FEMENINO', 'female'],
      ['female', 'female'],
      ['M', 'male'],
      ['Hombre', 'male'],
      ['Masculino', 'male'],
      ['Varón', 'male'],
      ['male', 'male'],
      ['H', 'male'],
    ])('%s → %s', (text, sex) => {
      expect(member({ sex: text }).record?.sex).toBe(sex);
    });

    it('reads M as mujer in a sheet coded H/M', () => {
      expect(member({ sex: 'M' }, { ...PE, sexLetters: 'HM' }).record?.sex).toBe('female');
    });

    it('lists the accepted values for anything else', () => {
      expect(member({ sex: 'X' }).errors).toEqual([
        {
          field: 'sex',
          code: 'import.unknown_value',
          params: { value: 'X', options: 'F, M, Femenino, Masculino, Mujer, Hombre' },
        },
      ]);
    });
  });

  describe('dates', () => {
    it('refuses impossible, month-first and future birth dates', () => {
      expect(errorsOf(member({ birthDate: '31/02/1980' }))).toEqual([['birthDate', 'import.invalid_date']]);
      expect(errorsOf(member({ birthDate: '03/15/1980' }))).toEqual([['birthDate', 'import.invalid_date']]);
      expect(member({ birthDate: '02/06/2025' }).errors).toEqual([
        {
          field: 'birthDate',
          code: 'import.future_date',
          params: { value: '02/06/2025', today: '2025-06-01' },
        },
      ]);
      expect(member({ birthDate: '01/06/2025' }).record?.birthDate).toBe('2025-06-01');
    });

    it('refuses a join date in the future or not after the birth date', () => {
      expect(errorsOf(member({ joinDate: '15/07/2025' }))).toEqual([['joinDate', 'import.future_date']]);
      expect(member({ birthDate: '15/03/1980', joinDate: '15/03/1980' }).errors).toEqual([
        {
          field: 'joinDate',
          code: 'import.join_before_birth',
          params: { joinDate: '1980-03-15', birthDate: '1980-03-15' },
        },
      ]);
    });

    it('takes Excel serials and the default today', () => {
      expect(member({ birthDate: '29295' }).record?.birthDate).toBe('1980-03-15');
      expect(member({ birthDate: '15/03/1980' }, { country: 'PE' }).record?.birthDate).toBe('1980-03-15');
    });
  });

  describe('phones', () => {
    it('keeps the national digits and warns about a second number', () => {
      const result = member({ phone: '987 654 321 / 912 345 678' });
      expect(result.record?.phone).toBe('987654321');
      expect(result.warnings).toEqual([
        { field: 'phone', code: 'import.extra_phone_ignored', params: { value: '912 345 678' } },
      ]);
    });

    it('refuses Peruvian landlines and short numbers; takes Colombian mobiles', () => {
      expect(errorsOf(member({ phone: '076-123456' }))).toEqual([['phone', 'import.invalid_phone']]);
      expect(errorsOf(member({ walletPhone: '98765432' }))).toEqual([
        ['walletPhone', 'import.invalid_phone'],
      ]);
      expect(member({ phone: '+57 310 123 4567' }, CO).record?.phone).toBe('3101234567');
    });
  });

  describe('closed lists', () => {
    it.each([
      ['Postulante', 'applicant'],
      ['activo', 'active'],
      ['ACTIVA', 'active'],
      ['hábil', 'active'],
      ['Suspendido', 'suspended'],
      ['Retirado', 'withdrawn'],
      ['renunciante', 'withdrawn'],
      ['Fallecido', 'deceased'],
      ['fallecida', 'deceased'],
      ['active', 'active'],
    ])('status %s → %s', (text, status) => {
      expect(member({ status: text }).record?.status).toBe(status);
    });

    it('refuses an unknown status, listing the Spanish words', () => {
      expect(member({ status: 'inhábil' }).errors).toEqual([
        {
          field: 'status',
          code: 'import.unknown_value',
          params: { value: 'inhábil', options: 'postulante, activo, suspendido, retirado, fallecido' },
        },
      ]);
    });

    it.each([
      ['Efectivo', 'cash'],
      ['contado', 'cash'],
      ['Banco', 'bank'],
      ['Transferencia', 'bank'],
      ['cuenta', 'bank'],
      ['Depósito', 'bank'],
      ['Yape', 'mobile_wallet'],
      ['PLIN', 'mobile_wallet'],
      ['billetera móvil', 'mobile_wallet'],
      ['Nequi', 'mobile_wallet'],
    ])('payment %s → %s', (text, method) => {
      expect(member({ paymentMethod: text }).record?.paymentMethod).toBe(method);
    });
  });

  describe('amounts and counts', () => {
    it('normalises money written either way, and refuses negatives and three decimals', () => {
      expect(member({ entryFee: '1.234,50', shareCapitalSubscribed: '1,234.50' }).record).toMatchObject({
        entryFee: '1234.50',
        shareCapitalSubscribed: '1234.50',
      });
      expect(errorsOf(member({ entryFee: '-50' }))).toEqual([['entryFee', 'import.negative_not_allowed']]);
      expect(errorsOf(member({ entryFee: '10,555' }))).toEqual([]); // 10 555: three digits group thousands
      expect(errorsOf(member({ entryFee: '10,5555' }))).toEqual([['entryFee', 'import.too_many_decimals']]);
    });

    it('reads an XLSX number cell’s "12.345" as twelve point three four five', () => {
      const row = {
        rowNumber: 5,
        cells: ['0012', 'Rosa', 'Quispe', '12.345'],
        numeric: [false, false, false, true],
      };
      const mapping: CanonicalField[] = ['memberNumber', 'givenNames', 'familyNames', 'entryFee'];
      expect(errorsOf(normalizeRow(row, mapping, 'members', PE))).toEqual([
        ['entryFee', 'import.too_many_decimals'],
      ]);
      expect(normalizeRow(row.cells, mapping, 'members', PE).record?.entryFee).toBe('12345.00');
    });

    it('takes a household size of 1 to 50', () => {
      expect(member({ householdSize: '4' }).record?.householdSize).toBe(4);
      expect(member({ householdSize: '0' }).errors).toEqual([
        { field: 'householdSize', code: 'import.out_of_range', params: { value: '0', min: 1, max: 50 } },
      ]);
      expect(errorsOf(member({ householdSize: '3,5' }))).toEqual([
        ['householdSize', 'import.invalid_integer'],
      ]);
    });

    it('keeps bank accounts as written, refusing letters', () => {
      expect(member({ bankAccount: '191 12345678 0 12' }).record?.bankAccount).toBe('191 12345678 0 12');
      expect(errorsOf(member({ bankAccount: 'BCP-191' }))).toEqual([
        ['bankAccount', 'import.invalid_bank_account'],
      ]);
    });
  });

  it('reports every bad field of a row at once', () => {
    const result = member({ nationalId: '12', sex: '?', birthDate: 'ayer', entryFee: 'mucho' });
    expect(errorsOf(result)).toEqual([
      ['entryFee', 'import.invalid_money'],
      ['nationalId', 'import.invalid_dni'],
      ['sex', 'import.unknown_value'],
      ['birthDate', 'import.invalid_date'],
    ]);
  });
});

describe('normalizeRow: plots', () => {
  it('normalises a full plot row', () => {
    const result = plot(
      {
        declaredAreaHa: '2,5',
        latitude: '-5,70833',
        longitude: '-78.80951',
        altitudeM: '1.650 msnm',
        coffeeAreaHa: '2',
        varieties: 'Caturra, Típica / Catimor',
        treeCount: '8.500',
        plantingYear: '2015',
        shade: 'Bajo sombra',
        tenure: 'Propio',
        yearlyEstimateGrams: '30',
      },
      { ...PE, massUnit: 'qq-pe' },
    );
    expect(result).toEqual({
      record: {
        memberNumber: '0012',
        plotName: 'El Mirador',
        declaredAreaHa: '2.5',
        latitude: '-5.70833',
        longitude: '-78.80951',
        altitudeM: 1650,
        coffeeAreaHa: '2',
        varieties: ['Caturra', 'Típica', 'Catimor'],
        treeCount: 8500,
        plantingYear: 2015,
        shade: 'shade',
        tenure: 'owned',
        yearlyEstimateGrams: 1_380_000,
      },
      errors: [],
      warnings: [],
    });
  });

  it('requires the member number and the plot name', () => {
    const result = normalizeRow(['', ''], ['memberNumber', 'plotName'], 'plots', PE);
    expect(errorsOf(result)).toEqual([
      ['memberNumber', 'import.required'],
      ['plotName', 'import.required'],
    ]);
  });

  describe('areas', () => {
    it('reads a single separator as the decimal point and rounds to 4 decimals', () => {
      expect(plot({ declaredAreaHa: '1,234' }).record?.declaredAreaHa).toBe('1.234');
      expect(plot({ declaredAreaHa: '1.234' }).record?.declaredAreaHa).toBe('1.234');
      expect(plot({ declaredAreaHa: '0.123456' }).record?.declaredAreaHa).toBe('0.1235');
      expect(plot({ declaredAreaHa: '3 ha' }).record?.declaredAreaHa).toBe('3');
      expect(plot({ declaredAreaHa: '1.234,5' }).record?.declaredAreaHa).toBe('1234.5');
    });

    it('refuses a plot without area, negative or unreadable areas', () => {
      expect(plot({ declaredAreaHa: '0' }).errors).toEqual([
        {
          field: 'declaredAreaHa',
          code: 'import.out_of_range',
          params: { value: '0', min: '0.0001', max: '999999.9999' },
        },
      ]);
      expect(errorsOf(plot({ declaredAreaHa: '-1' }))).toEqual([
        ['declaredAreaHa', 'import.negative_not_allowed'],
      ]);
      expect(errorsOf(plot({ declaredAreaHa: '2 m2' }))).toEqual([
        ['declaredAreaHa', 'import.invalid_number'],
      ]);
    });

    it('refuses a coffee area larger than the plot', () => {
      expect(plot({ declaredAreaHa: '1,5', coffeeAreaHa: '2' }).errors).toEqual([
        {
          field: 'coffeeAreaHa',
          code: 'import.coffee_area_exceeds_plot',
          params: { coffeeArea: '2', area: '1.5' },
        },
      ]);
      expect(plot({ declaredAreaHa: '2', coffeeAreaHa: '0' }).record?.coffeeAreaHa).toBe('0');
    });
  });

  describe('coordinates', () => {
    it('converts degrees, minutes and seconds, never swapping', () => {
      expect(plot({ latitude: '5°42\'30"S', longitude: '78°48\'34"W' }).record).toMatchObject({
        latitude: '-5.708333',
        longitude: '-78.809444',
      });
      // swapped columns pass here: the geometry validator flags a point outside the country
      expect(plot({ latitude: '-78.8', longitude: '-5.7' }).record).toMatchObject({
        latitude: '-78.8',
        longitude: '-5.7',
      });
    });

    it('wants both coordinates or neither', () => {
      expect(errorsOf(plot({ latitude: '-5.7' }))).toEqual([['longitude', 'import.incomplete_coordinates']]);
      expect(errorsOf(plot({ latitude: '', longitude: '-78.8' }))).toEqual([
        ['latitude', 'import.incomplete_coordinates'],
      ]);
    });

    it('refuses unreadable and out-of-range coordinates', () => {
      expect(errorsOf(plot({ latitude: 'cerca al río', longitude: '-78.8' }))).toEqual([
        ['latitude', 'import.invalid_coordinate'],
      ]);
      expect(errorsOf(plot({ latitude: '-95', longitude: '-78.8' }))).toEqual([
        ['latitude', 'import.out_of_range'],
      ]);
    });
  });

  it('rounds altitudes to the metre within 0–6000', () => {
    expect(plot({ altitudeM: '1650,4' }).record?.altitudeM).toBe(1650);
    expect(plot({ altitudeM: '1720 m' }).record?.altitudeM).toBe(1720);
    expect(errorsOf(plot({ altitudeM: '7.000' }))).toEqual([['altitudeM', 'import.out_of_range']]);
    expect(errorsOf(plot({ altitudeM: 'alto' }))).toEqual([['altitudeM', 'import.invalid_integer']]);
  });

  it('limits varieties to 20 names of 60 characters', () => {
    const many = Array.from({ length: 21 }, (_, i) => `V${i}`).join(',');
    expect(plot({ varieties: many }).errors).toEqual([
      { field: 'varieties', code: 'import.too_many', params: { max: 20 } },
    ]);
    expect(errorsOf(plot({ varieties: 'x'.repeat(61) }))).toEqual([['varieties', 'import.too_long']]);
    expect(plot({}).record?.varieties).toEqual([]);
  });

  it('takes tree counts and planting years from 1950 to this year', () => {
    expect(plot({ treeCount: '3,500' }).record?.treeCount).toBe(3500);
    expect(errorsOf(plot({ treeCount: '-3' }))).toEqual([['treeCount', 'import.out_of_range']]);
    expect(plot({ plantingYear: '2025' }).record?.plantingYear).toBe(2025);
    expect(plot({ plantingYear: '2026' }).errors).toEqual([
      { field: 'plantingYear', code: 'import.out_of_range', params: { value: '2026', min: 1950, max: 2025 } },
    ]);
    expect(errorsOf(plot({ plantingYear: '1949' }))).toEqual([['plantingYear', 'import.out_of_range']]);
  });

  it.each([
    ['shade', 'Pleno sol', 'full_sun'],
    ['shade', 'sin sombra', 'full_sun'],
    ['shade', 'Sombra', 'shade'],
    ['shade', 'SAF', 'agroforestry'],
    ['shade', 'Agroforestal', 'agroforestry'],
    ['tenure', 'Propia', 'owned'],
    ['tenure', 'Con título', 'owned'],
    ['tenure', 'Alquilado', 'rented'],
    ['tenure', 'Arriendo', 'rented'],
    ['tenure', 'Comunal', 'communal'],
    ['tenure', 'Herencia', 'family'],
    ['tenure', 'Familiar', 'family'],
    ['tenure', 'Posesión', 'other'],
  ] as const)('%s %s → %s', (field, text, expected) => {
    expect(plot({ [field]: text }).record?.[field]).toBe(expected);
  });

  describe('yearly estimate', () => {
    it('converts kg and quintales to whole grams', () => {
      expect(
        plot({ yearlyEstimateGrams: '1.500' }, { ...PE, massUnit: 'kg' }).record?.yearlyEstimateGrams,
      ).toBe(1_500_000);
      expect(
        plot({ yearlyEstimateGrams: '12,5' }, { ...PE, massUnit: 'qq-pe' }).record?.yearlyEstimateGrams,
      ).toBe(575_000);
      expect(plot({ yearlyEstimateGrams: '20 qq' }, PE).record?.yearlyEstimateGrams).toBe(920_000);
    });

    it('asks for the unit when no one named it', () => {
      expect(plot({ yearlyEstimateGrams: '30' }).errors).toEqual([
        { field: 'yearlyEstimateGrams', code: 'import.unit_unknown', params: { options: 'kg, qq' } },
      ]);
    });
  });
});

describe('normalizeTable', () => {
  const table = (headers: string[], rows: string[][]): SheetTable => ({
    headers,
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
  });

  it('reads M as mujer when the sex column is coded H/M, and as masculino otherwise', () => {
    const hm = table(
      ['N° socio', 'Nombres', 'Apellidos', 'Sexo'],
      [
        ['1', 'Rosa', 'Quispe', 'M'],
        ['2', 'Juan', 'Soto', 'H'],
      ],
    );
    const { mapping } = mapHeaders(hm.headers, 'members');
    expect(normalizeTable(hm, mapping, 'members', PE).map((r) => r.record?.sex)).toEqual(['female', 'male']);
    const mf = table(hm.headers, [
      ['1', 'Rosa', 'Quispe', 'F'],
      ['2', 'Juan', 'Soto', 'M'],
    ]);
    expect(normalizeTable(mf, mapping, 'members', PE).map((r) => r.record?.sex)).toEqual(['female', 'male']);
  });

  it('reports duplicate member numbers and IDs on the later rows', () => {
    const t = table(
      ['N° socio', 'Nombres', 'Apellidos', 'DNI'],
      [
        ['0012', 'Rosa', 'Quispe', '01234567'],
        ['0012', 'Ana', 'Soto', '45678912'],
        ['0014', 'Luis', 'Ruiz', '1234567'], // the same DNI once its zero is restored
      ],
    );
    const result = normalizeTable(t, mapHeaders(t.headers, 'members').mapping, 'members', PE);
    expect(result.map((r) => [r.rowNumber, Boolean(r.record), r.errors])).toEqual([
      [2, true, []],
      [
        3,
        false,
        [{ field: 'memberNumber', code: 'import.duplicate_in_file', params: { value: '0012', row: 2 } }],
      ],
      [
        4,
        false,
        [{ field: 'nationalId', code: 'import.duplicate_in_file', params: { value: '01234567', row: 2 } }],
      ],
    ]);
    expect(result[2]?.warnings.map((w) => w.code)).toEqual(['import.dni_zero_restored']);
  });

  it('reports a member’s plot twice under the same name, ignoring case', () => {
    const t = table(
      ['Código', 'Parcela'],
      [
        ['0012', 'El Mirador'],
        ['0013', 'El Mirador'],
        ['0012', 'EL MIRADOR'],
      ],
    );
    const result = normalizeTable(t, mapHeaders(t.headers, 'plots').mapping, 'plots', PE);
    expect(result.map((r) => r.errors.map((e) => e.code))).toEqual([[], [], ['import.duplicate_in_file']]);
  });

  it('imports the XLSX register end to end', async () => {
    const sheet = await readSheet(await padronWorkbook(), { kind: 'members' });
    const { mapping, missingRequired } = mapHeaders(sheet.headers, 'members');
    expect(missingRequired).toEqual([]);
    const result = normalizeTable(sheet, mapping, 'members', PE);
    expect(result.map((r) => r.rowNumber)).toEqual([5, 7, 8, 9]);
    const [r5, r7, r8, r9] = result;
    expect(r5?.record).toMatchObject({
      memberNumber: '0012',
      familyNames: 'QUISPE MAMANI',
      givenNames: 'Rosa Elena',
      nationalId: '01234567',
      birthDate: '1980-03-15',
      joinDate: '2010-03-15',
      shareCapitalSubscribed: '500.00',
      entryFee: '50.00', // the formula's cached result
    });
    expect(r5?.warnings.map((w) => w.code)).toEqual(['import.dni_zero_restored']);
    // the formula error in the fee column stops row 7
    expect(r7?.errors).toEqual([
      { field: 'entryFee', code: 'import.invalid_money', params: { value: '#DIV/0!' } },
    ]);
    expect(r8?.record).toMatchObject({
      birthDate: '1975-09-01',
      shareCapitalSubscribed: '1500.00',
      entryFee: null,
    });
    // member number 15 typed into a number cell, beside '0012' and '0014': its zeros may be gone
    expect(r9?.record?.memberNumber).toBe('15');
    expect(r9?.warnings).toEqual([
      { field: 'memberNumber', code: 'import.leading_zeros_lost', params: { value: '15' } },
    ]);
  });

  it('imports the XLSX plots end to end, with the header’s unit', async () => {
    const sheet = await readSheet(await plotsWorkbook(), { kind: 'plots' });
    const { mapping, massUnit } = mapHeaders(sheet.headers, 'plots');
    const result = normalizeTable(sheet, mapping, 'plots', { ...PE, massUnit });
    expect(
      result.map(
        (r) =>
          r.record && [
            r.record.declaredAreaHa,
            r.record.latitude,
            r.record.altitudeM,
            r.record.yearlyEstimateGrams,
          ],
      ),
    ).toEqual([
      ['2.5', '-5.70833', 1650, 1_380_000],
      ['1.25', '-5.708333', 1720, 575_000],
      // number cells: 12.345 ha and 2.345 qq are decimals, not thousands
      ['12.345', '-5.6', 1500, 107_870],
    ]);
  });
});
