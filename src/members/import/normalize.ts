/**
 * One row of cells → a candidate member or plot with every value in Ayni's format, or the field errors
 * that stop it. Pure: the database side decides what an import then does with good and bad rows.
 */
import { systemClock } from '../../platform/clock.js';
import type {
  CanonicalField,
  ImportIssue,
  ImportIssueCode,
  ImportKind,
  ImportRecord,
  MemberImportRecord,
  MemberStatus,
  NationalIdType,
  NormalizedRow,
  NormalizeOptions,
  PaymentMethod,
  PlotImportRecord,
  Sex,
  Shade,
  SheetRow,
  SheetTable,
  Tenure,
} from './types.js';
import {
  cleanText,
  fold,
  type Params,
  parseBankAccount,
  parseCedula,
  parseChoice,
  parseCoordinate,
  parseDate,
  parseDecimal,
  parseDni,
  parseInteger,
  parseMoneyText,
  parsePhone,
  quantityToGrams,
  scaledToText,
  splitList,
  toScaled,
  type ValueResult,
} from './values.js';

// ---- closed lists: folded words → values ------------------------------------------------------------

const words = <T extends string>(table: Record<T, string[]>): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const [value, list] of Object.entries(table) as [T, string[]][]) {
    for (const w of list) out[fold(w)] = value;
  }
  return out;
};

/** 'M' alone is left out: it means masculino or mujer depending on the sheet (see sexLetters). */
const SEX = words<Sex>({
  female: ['F', 'Fem', 'Femenino', 'Mujer', 'Female', 'Woman'],
  male: ['H', 'Masc', 'Masculino', 'Hombre', 'Varón', 'Male', 'Man'],
});
const SEX_OPTIONS = 'F, M, Femenino, Masculino, Mujer, Hombre';

const STATUS = words<MemberStatus>({
  applicant: ['Postulante', 'Aspirante', 'Solicitante', 'En evaluación', 'Applicant'],
  active: ['Activo', 'Activa', 'Hábil', 'Socio hábil', 'Socio activo', 'Vigente', 'Active'],
  suspended: ['Suspendido', 'Suspendida', 'Suspended'],
  withdrawn: [
    'Retirado',
    'Retirada',
    'Renunciante',
    'Renuncia',
    'Renunció',
    'Baja',
    'Dado de baja',
    'Dada de baja',
    'Withdrawn',
  ],
  deceased: ['Fallecido', 'Fallecida', 'Difunto', 'Difunta', 'Deceased'],
});
const STATUS_OPTIONS = 'postulante, activo, suspendido, retirado, fallecido';

const PAYMENT = words<PaymentMethod>({
  cash: ['Efectivo', 'En efectivo', 'Contado', 'Caja', 'Cash'],
  bank: [
    'Banco',
    'Transferencia',
    'Transferencia bancaria',
    'Depósito',
    'Depósito en cuenta',
    'Cuenta',
    'Cuenta bancaria',
    'Bank',
    'Bank transfer',
  ],
  mobile_wallet: [
    'Yape',
    'Plin',
    'Yape / Plin',
    'Billetera',
    'Billetera móvil',
    'Billetera digital',
    'Nequi',
    'Daviplata',
    'Mobile wallet',
    'Wallet',
  ],
});
const PAYMENT_OPTIONS = 'efectivo, banco, Yape/Plin';

const SHADE = words<Shade>({
  full_sun: ['Pleno sol', 'A pleno sol', 'Sol', 'Sin sombra', 'Libre exposición', 'No', 'Full sun', 'Sun'],
  shade: ['Sombra', 'Con sombra', 'Bajo sombra', 'Semisombra', 'Sombra regulada', 'Sí', 'Shade', 'Shaded'],
  agroforestry: ['Agroforestal', 'Sistema agroforestal', 'SAF', 'Agroforestry'],
});
const SHADE_OPTIONS = 'pleno sol, sombra, agroforestal';

const TENURE = words<Tenure>({
  owned: ['Propio', 'Propia', 'Propietario', 'Propiedad', 'Titulado', 'Con título', 'Título', 'Owned', 'Own'],
  rented: ['Alquilado', 'Alquilada', 'Alquiler', 'Arrendado', 'Arrendada', 'Arriendo', 'Rented', 'Leased'],
  communal: ['Comunal', 'Comunidad', 'Tierra comunal', 'Communal'],
  family: ['Familiar', 'De la familia', 'Herencia', 'Heredado', 'Family'],
  other: [
    'Otro',
    'Otros',
    'Posesión',
    'Posesionario',
    'Certificado de posesión',
    'Usufructo',
    'Cesión en uso',
    'Prestado',
    'Other',
  ],
});
const TENURE_OPTIONS = 'propio, alquilado, comunal, familiar, otro';

// ---- limits, as the members schema and tables hold them ------------------------------------------------

const MAX_MEMBER_NUMBER = 30;
const MAX_NAME = 120;
const MAX_PLACE = 100;
const MAX_VARIETY = 60;
const MAX_VARIETIES = 20;
const AREA_DECIMALS = 4;
const MAX_AREA = 9_999_999_999n; // 999 999.9999 ha at 4 decimals
const MAX_ALTITUDE = 6000;
const MAX_TREES = 10_000_000;
const MIN_PLANTING_YEAR = 1950;

// ---- the row -----------------------------------------------------------------------------------------

interface CellValue {
  text: string;
  numeric: boolean;
}

class RowReader {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly #values = new Map<CanonicalField, CellValue[]>();

  constructor(row: string[] | SheetRow, mapping: readonly (CanonicalField | null)[]) {
    const cells = Array.isArray(row) ? row : row.cells;
    const numeric = Array.isArray(row) ? undefined : row.numeric;
    mapping.forEach((field, index) => {
      if (!field) return;
      const text = cleanText(cells[index] ?? '');
      if (text === '') return;
      const list = this.#values.get(field) ?? [];
      list.push({ text, numeric: numeric?.[index] ?? false });
      this.#values.set(field, list);
    });
  }

  /** The first non-empty cell mapped to the field. */
  cell(field: CanonicalField): CellValue | undefined {
    return this.#values.get(field)?.[0];
  }

  /** Every non-empty cell mapped to the field, joined with a space (names split over columns). */
  joined(field: CanonicalField): string | undefined {
    const list = this.#values.get(field);
    return list ? list.map((v) => v.text).join(' ') : undefined;
  }

  error(field: CanonicalField, code: ImportIssueCode, params?: Params): void {
    this.errors.push(params ? { field, code, params } : { field, code });
  }

  /** Runs a parser over the field's cell: null if empty, the value, or null with the error recorded. */
  parse<T>(field: CanonicalField, parser: (cell: CellValue) => ValueResult<T>): T | null {
    const cell = this.cell(field);
    if (!cell) return null;
    const result = parser(cell);
    if (!result.ok) {
      this.error(field, result.code, result.params);
      return null;
    }
    if (result.warning) this.warnings.push({ field, ...result.warning });
    return result.value;
  }

  text(field: CanonicalField, max: number): string | null {
    const cell = this.cell(field);
    if (!cell) return null;
    if (cell.text.length > max) {
      this.error(field, 'import.too_long', { max });
      return null;
    }
    return cell.text;
  }

  required(field: CanonicalField, value: string | undefined, max: number): string {
    if (value === undefined || value === '') {
      this.error(field, 'import.required');
      return '';
    }
    if (value.length > max) this.error(field, 'import.too_long', { max });
    return value;
  }

  /** Excel keeps 15 significant digits: a longer number typed into a number cell has lost the rest. */
  digitsLost(field: CanonicalField): boolean {
    const cell = this.cell(field);
    if (!cell?.numeric || cell.text.replace(/\D/g, '').length <= 15) return false;
    this.error(field, 'import.digits_lost', { value: cell.text });
    return true;
  }
}

function utcToday(): string {
  return systemClock.now().toISOString().slice(0, 10);
}

function dateField(
  row: RowReader,
  field: CanonicalField,
  today: string,
  notAfterToday: boolean,
): string | null {
  return row.parse(field, ({ text }) => {
    const result = parseDate(text, today);
    if (result.ok && notAfterToday && result.value > today) {
      return { ok: false, code: 'import.future_date', params: { value: text, today } };
    }
    return result;
  });
}

function rangeCheck<T extends number | bigint>(
  text: string,
  result: ValueResult<T>,
  min: T,
  max: T,
  show: (v: T) => string | number = (v) => (typeof v === 'bigint' ? v.toString() : v),
): ValueResult<T> {
  if (result.ok && (result.value < min || result.value > max)) {
    return {
      ok: false,
      code: 'import.out_of_range',
      params: { value: text, min: show(min), max: show(max) },
    };
  }
  return result;
}

/** Hectares, 'ha' allowed after the number; a single separator is the decimal point ('1,5' = 1.5 ha). */
function areaScaled(cell: CellValue, min: bigint): ValueResult<bigint> {
  const text = cell.text.replace(/\s*(?:ha|has|hect[aá]reas?)\.?$/i, '');
  const parts = parseDecimal(text, 'decimal', cell.numeric);
  if (!parts) return { ok: false, code: 'import.invalid_number', params: { value: cell.text } };
  if (parts.negative) return { ok: false, code: 'import.negative_not_allowed', params: { value: cell.text } };
  // areas from GPS or GIS carry more decimals than 0.0001 ha (1 m²): rounded, not refused
  const scaled = toScaled(parts, AREA_DECIMALS);
  return rangeCheck(cell.text, { ok: true, value: scaled }, min, MAX_AREA, (v) =>
    scaledToText(v, AREA_DECIMALS),
  );
}

function normalizeMember(row: RowReader, options: NormalizeOptions, today: string): MemberImportRecord {
  const memberNumber = row.required('memberNumber', row.cell('memberNumber')?.text, MAX_MEMBER_NUMBER);

  let givenNames = row.joined('givenNames');
  let familyNames = row.joined('familyNames');
  const fullName = row.cell('fullName')?.text;
  let fullNameFailed = false;
  if ((!givenNames || !familyNames) && fullName) {
    // "QUISPE MAMANI, Juan Carlos": family names, comma, given names. Without the comma two given names
    // and two family names cannot be told apart ("Juan Carlos Quispe" / "Ana Quispe Mamani").
    const comma = fullName.indexOf(',');
    const family = fullName.slice(0, Math.max(comma, 0)).trim();
    const given = comma > 0 ? fullName.slice(comma + 1).trim() : '';
    if (family && given) {
      familyNames ||= family;
      givenNames ||= given;
    } else {
      fullNameFailed = true;
      row.error('fullName', 'import.full_name_needs_comma', { value: fullName });
    }
  }
  // a full name that could not be split is reported once, not again as two missing fields
  const name = (field: 'givenNames' | 'familyNames', value: string | undefined) =>
    fullNameFailed && !value ? '' : row.required(field, value, MAX_NAME);
  const record: MemberImportRecord = {
    memberNumber,
    givenNames: name('givenNames', givenNames),
    familyNames: name('familyNames', familyNames),
    nationalIdType: null,
    nationalId: null,
    sex: null,
    birthDate: null,
    joinDate: null,
    phone: null,
    region: row.text('region', MAX_PLACE),
    province: row.text('province', MAX_PLACE),
    district: row.text('district', MAX_PLACE),
    community: row.text('community', MAX_PLACE),
    householdSize: row.parse('householdSize', ({ text, numeric }) =>
      rangeCheck(text, parseInteger(text, numeric), 1, 50),
    ),
    status: row.parse('status', ({ text }) => parseChoice(text, STATUS, STATUS_OPTIONS)),
    entryFee: row.parse('entryFee', ({ text, numeric }) => parseMoneyText(text, numeric)),
    shareCapitalSubscribed: row.parse('shareCapitalSubscribed', ({ text, numeric }) =>
      parseMoneyText(text, numeric),
    ),
    shareCapitalPaid: row.parse('shareCapitalPaid', ({ text, numeric }) => parseMoneyText(text, numeric)),
    paymentMethod: row.parse('paymentMethod', ({ text }) => parseChoice(text, PAYMENT, PAYMENT_OPTIONS)),
    bankName: row.text('bankName', MAX_PLACE),
    bankAccount: row.digitsLost('bankAccount')
      ? null
      : row.parse('bankAccount', ({ text }) => parseBankAccount(text)),
    walletPhone: row.digitsLost('walletPhone')
      ? null
      : row.parse('walletPhone', ({ text }) => parsePhone(text, options.country)),
  };

  if (!row.digitsLost('nationalId')) {
    const idType: NationalIdType =
      options.country === 'PE' ? 'dni' : options.country === 'CO' ? 'cedula' : 'other';
    record.nationalId = row.parse('nationalId', ({ text }) => {
      if (idType === 'dni') return parseDni(text);
      if (idType === 'cedula') return parseCedula(text);
      const t = text.replace(/\s/g, '');
      return /^[0-9A-Za-z-]{4,20}$/.test(t)
        ? { ok: true, value: t }
        : { ok: false, code: 'import.invalid_national_id', params: { value: text } };
    });
    if (record.nationalId) record.nationalIdType = idType;
  }

  record.sex = row.parse('sex', ({ text }) => {
    const folded = fold(text);
    if (folded === 'm') return { ok: true, value: options.sexLetters === 'HM' ? 'female' : 'male' };
    return parseChoice(text, SEX, SEX_OPTIONS);
  });

  record.birthDate = dateField(row, 'birthDate', today, true);
  record.joinDate = dateField(row, 'joinDate', today, true);
  if (record.birthDate && record.joinDate && record.joinDate <= record.birthDate) {
    row.error('joinDate', 'import.join_before_birth', {
      joinDate: record.joinDate,
      birthDate: record.birthDate,
    });
    record.joinDate = null;
  }
  record.phone = row.digitsLost('phone')
    ? null
    : row.parse('phone', ({ text }) => parsePhone(text, options.country));
  return record;
}

function normalizePlot(row: RowReader, options: NormalizeOptions, today: string): PlotImportRecord {
  const declared = row.parse('declaredAreaHa', (cell) => areaScaled(cell, 1n));
  const coffee = row.parse('coffeeAreaHa', (cell) => areaScaled(cell, 0n));
  if (declared !== null && coffee !== null && coffee > declared) {
    row.error('coffeeAreaHa', 'import.coffee_area_exceeds_plot', {
      coffeeArea: scaledToText(coffee, AREA_DECIMALS),
      area: scaledToText(declared, AREA_DECIMALS),
    });
  }
  const latitude = row.parse('latitude', ({ text }) => parseCoordinate(text, 'latitude'));
  const longitude = row.parse('longitude', ({ text }) => parseCoordinate(text, 'longitude'));
  // a point needs both; one alone is reported where it is missing (an invalid one is reported already)
  if (!row.cell('latitude') && row.cell('longitude')) row.error('latitude', 'import.incomplete_coordinates');
  if (row.cell('latitude') && !row.cell('longitude')) row.error('longitude', 'import.incomplete_coordinates');

  const varieties = splitList(row.cell('varieties')?.text ?? '');
  if (varieties.length > MAX_VARIETIES) row.error('varieties', 'import.too_many', { max: MAX_VARIETIES });
  if (varieties.some((v) => v.length > MAX_VARIETY))
    row.error('varieties', 'import.too_long', { max: MAX_VARIETY });

  const thisYear = Number(today.slice(0, 4));
  return {
    memberNumber: row.required('memberNumber', row.cell('memberNumber')?.text, MAX_MEMBER_NUMBER),
    plotName: row.required('plotName', row.cell('plotName')?.text, MAX_NAME),
    declaredAreaHa: declared === null ? null : scaledToText(declared, AREA_DECIMALS),
    latitude,
    longitude,
    altitudeM: row.parse('altitudeM', ({ text, numeric }) => {
      const bare = text.replace(/\s*(?:m|msnm|m\.s\.n\.m\.?|metros)$/i, '');
      const parts = parseDecimal(bare, 'grouping', numeric);
      if (!parts) return { ok: false, code: 'import.invalid_integer', params: { value: text } };
      // GPS altitudes come with decimals: rounded to the metre
      return rangeCheck(text, { ok: true, value: Number(toScaled(parts, 0)) }, 0, MAX_ALTITUDE);
    }),
    coffeeAreaHa: coffee === null ? null : scaledToText(coffee, AREA_DECIMALS),
    varieties,
    treeCount: row.parse('treeCount', ({ text, numeric }) =>
      rangeCheck(text, parseInteger(text, numeric), 0, MAX_TREES),
    ),
    plantingYear: row.parse('plantingYear', ({ text, numeric }) =>
      rangeCheck(text, parseInteger(text, numeric), MIN_PLANTING_YEAR, thisYear),
    ),
    shade: row.parse('shade', ({ text }) => parseChoice(text, SHADE, SHADE_OPTIONS)),
    tenure: row.parse('tenure', ({ text }) => parseChoice(text, TENURE, TENURE_OPTIONS)),
    yearlyEstimateGrams: row.parse('yearlyEstimateGrams', ({ text, numeric }) =>
      quantityToGrams(text, options.massUnit, options.country, numeric),
    ),
  };
}

/**
 * Normalises one row. Pass the SheetRow (not only its cells) for XLSX, so numbers typed into number
 * cells are read with '.' as the decimal point. The record is present only when there are no errors.
 * @example normalizeRow(['0012', 'Quispe Mamani', 'Rosa', '01234567'], mapping, 'members', { country: 'PE' })
 */
export function normalizeRow(
  row: string[] | SheetRow,
  mapping: readonly (CanonicalField | null)[],
  kind: 'members',
  options: NormalizeOptions,
): NormalizedRow<MemberImportRecord>;
export function normalizeRow(
  row: string[] | SheetRow,
  mapping: readonly (CanonicalField | null)[],
  kind: 'plots',
  options: NormalizeOptions,
): NormalizedRow<PlotImportRecord>;
export function normalizeRow(
  row: string[] | SheetRow,
  mapping: readonly (CanonicalField | null)[],
  kind: ImportKind,
  options: NormalizeOptions,
): NormalizedRow;
export function normalizeRow(
  row: string[] | SheetRow,
  mapping: readonly (CanonicalField | null)[],
  kind: ImportKind,
  options: NormalizeOptions,
): NormalizedRow {
  const reader = new RowReader(row, mapping);
  const today = options.today ?? utcToday();
  const record =
    kind === 'members' ? normalizeMember(reader, options, today) : normalizePlot(reader, options, today);
  return reader.errors.length === 0
    ? { record, errors: [], warnings: reader.warnings }
    : { errors: reader.errors, warnings: reader.warnings };
}

export interface NormalizedTableRow<R extends ImportRecord = ImportRecord> extends NormalizedRow<R> {
  rowNumber: number;
}

/**
 * Normalises every row of a table, with the checks one row cannot make alone: what a lone 'M' means in
 * the sex column (mujer when the column also has H and no F), member numbers that Excel stored as
 * numbers while others keep leading zeros, and duplicates inside the file (member number or ID for
 * members; member number and plot name for plots), reported on the later rows.
 */
export function normalizeTable(
  table: SheetTable,
  mapping: readonly (CanonicalField | null)[],
  kind: 'members',
  options: NormalizeOptions,
): NormalizedTableRow<MemberImportRecord>[];
export function normalizeTable(
  table: SheetTable,
  mapping: readonly (CanonicalField | null)[],
  kind: 'plots',
  options: NormalizeOptions,
): NormalizedTableRow<PlotImportRecord>[];
export function normalizeTable(
  table: SheetTable,
  mapping: readonly (CanonicalField | null)[],
  kind: ImportKind,
  options: NormalizeOptions,
): NormalizedTableRow<MemberImportRecord | PlotImportRecord>[] {
  const columns = (field: CanonicalField) => mapping.flatMap((f, i) => (f === field ? [i] : []));
  const values = (field: CanonicalField) =>
    table.rows.flatMap((r) =>
      columns(field).map((i) => ({ text: cleanText(r.cells[i] ?? ''), numeric: r.numeric?.[i] ?? false })),
    );

  let sexLetters = options.sexLetters;
  if (!sexLetters && kind === 'members') {
    const letters = new Set(values('sex').map((v) => fold(v.text)));
    sexLetters = letters.has('h') && !letters.has('f') ? 'HM' : 'MF';
  }
  const rowOptions: NormalizeOptions = sexLetters ? { ...options, sexLetters } : options;

  // the width most zero-padded member numbers have ('0012' → 4), if the column has any
  const widths = new Map<number, number>();
  for (const v of values('memberNumber')) {
    if (!v.numeric && /^0\d+$/.test(v.text)) widths.set(v.text.length, (widths.get(v.text.length) ?? 0) + 1);
  }
  const paddedWidth = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const memberNumberColumn = columns('memberNumber')[0];

  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const result = normalizeRow(row, mapping, kind, rowOptions) as NormalizedRow;
    const out: NormalizedTableRow<MemberImportRecord | PlotImportRecord> = {
      rowNumber: row.rowNumber,
      ...result,
    };
    if (paddedWidth !== undefined && memberNumberColumn !== undefined && row.numeric?.[memberNumberColumn]) {
      const text = cleanText(row.cells[memberNumberColumn] ?? '');
      if (/^\d+$/.test(text) && text.length < paddedWidth) {
        out.warnings = [
          ...out.warnings,
          { field: 'memberNumber', code: 'import.leading_zeros_lost', params: { value: text } },
        ];
      }
    }
    const record = out.record;
    if (!record) return out;
    const keys: [CanonicalField, string, string][] =
      'plotName' in record
        ? [['plotName', `plot:${record.memberNumber}\u0000${fold(record.plotName)}`, record.plotName]]
        : [
            ['memberNumber', `member:${record.memberNumber}`, record.memberNumber],
            ...(record.nationalId
              ? [
                  ['nationalId', `id:${record.nationalId}`, record.nationalId] as [
                    CanonicalField,
                    string,
                    string,
                  ],
                ]
              : []),
          ];
    const duplicates: ImportIssue[] = [];
    for (const [field, key, value] of keys) {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row.rowNumber);
      else duplicates.push({ field, code: 'import.duplicate_in_file', params: { value, row: first } });
    }
    if (duplicates.length === 0) return out;
    return { rowNumber: out.rowNumber, errors: duplicates, warnings: out.warnings };
  });
}
