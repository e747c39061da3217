/**
 * Shapes shared by the import core: the table read from a file, the canonical fields a column can map
 * to, the candidate records, and the issues found in a row. Everything here is I/O-free data.
 */
import type { MassUnit } from '../../platform/units.js';
import type { CanonicalField } from '../../shared/import-fields.js';

export type ImportKind = 'members' | 'plots';

/** Text encodings readSheet recognises. UTF-16 appears only with a byte-order mark (Excel's "Unicode text"). */
export type SheetEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';

export interface SheetRow {
  /** 1-based row in the original file: the row number Excel shows (a CSV record, even one spanning lines). */
  rowNumber: number;
  cells: string[];
  /**
   * XLSX only, present when some cell held a number: `numeric[i]` says cell `i` did. Its text then uses
   * '.' as the decimal point and never groups thousands, so '12.345' is twelve point three four five.
   */
  numeric?: boolean[];
}

export interface SheetTable {
  headers: string[];
  rows: SheetRow[];
  encoding?: SheetEncoding;
  sheetName?: string;
  /** XLSX: every sheet in the workbook, in order, so a caller can offer another. */
  sheetNames?: string[];
  /** CSV: the separator found. */
  delimiter?: ';' | ',' | '\t';
  /** 1-based row of the header in the original file (rows above it were titles or blank). */
  headerRowNumber?: number;
}

export {
  type CanonicalField,
  MEMBER_FIELDS,
  type MemberField,
  PLOT_FIELDS,
  type PlotField,
} from '../../shared/import-fields.js';

export const REQUIRED_FIELDS: Record<ImportKind, readonly CanonicalField[]> = {
  members: ['memberNumber', 'givenNames', 'familyNames'],
  plots: ['memberNumber', 'plotName'],
};

export const MEMBER_STATUSES = ['applicant', 'active', 'suspended', 'withdrawn', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type Sex = 'female' | 'male';
export type PaymentMethod = 'cash' | 'bank' | 'mobile_wallet';
export type NationalIdType = 'dni' | 'cedula' | 'other';
export type Shade = 'full_sun' | 'shade' | 'agroforestry';
export type Tenure = 'owned' | 'rented' | 'communal' | 'family' | 'other';

/**
 * A member as read from a row, every value in Ayni's format. `null` means the column is absent or the
 * cell empty: the database side applies its defaults (status, payment method, amounts).
 */
export interface MemberImportRecord {
  memberNumber: string;
  givenNames: string;
  familyNames: string;
  /** 'dni' for Peru (8 digits), 'cedula' for Colombia (6–10 digits), 'other' elsewhere; null with no ID. */
  nationalIdType: NationalIdType | null;
  nationalId: string | null;
  sex: Sex | null;
  /** 'YYYY-MM-DD' */
  birthDate: string | null;
  joinDate: string | null;
  /** National digits only: Peru 9 digits starting with 9, Colombia 10 digits. */
  phone: string | null;
  region: string | null;
  province: string | null;
  district: string | null;
  community: string | null;
  householdSize: number | null;
  status: MemberStatus | null;
  /** Decimal text with 2 decimals, e.g. '1234.50', in the organization's currency. */
  entryFee: string | null;
  shareCapitalSubscribed: string | null;
  shareCapitalPaid: string | null;
  paymentMethod: PaymentMethod | null;
  bankName: string | null;
  /** Digits, spaces and hyphens as written, e.g. '191-12345678-0-12'. */
  bankAccount: string | null;
  walletPhone: string | null;
}

export interface PlotImportRecord {
  memberNumber: string;
  plotName: string;
  /** Hectares as decimal text with at most 4 decimals, e.g. '1.25'. */
  declaredAreaHa: string | null;
  /** Decimal degrees as text with every decimal given ('-5.70833'); DMS converted to 6 decimals. */
  latitude: string | null;
  longitude: string | null;
  altitudeM: number | null;
  coffeeAreaHa: string | null;
  varieties: string[];
  treeCount: number | null;
  plantingYear: number | null;
  shade: Shade | null;
  tenure: Tenure | null;
  /** Whole grams, converted with integer arithmetic from the column's unit (kg, qq = 46 kg, …). */
  yearlyEstimateGrams: number | null;
}

export type ImportRecord = MemberImportRecord | PlotImportRecord;

/** Every message key an import issue can carry; the texts are in messages.ts. */
export type ImportIssueCode =
  | 'import.required'
  | 'import.too_long'
  | 'import.too_many'
  | 'import.invalid_dni'
  | 'import.invalid_cedula'
  | 'import.invalid_national_id'
  | 'import.digits_lost'
  | 'import.invalid_date'
  | 'import.future_date'
  | 'import.join_before_birth'
  | 'import.invalid_phone'
  | 'import.invalid_number'
  | 'import.invalid_integer'
  | 'import.invalid_money'
  | 'import.too_many_decimals'
  | 'import.negative_not_allowed'
  | 'import.out_of_range'
  | 'import.unknown_value'
  | 'import.invalid_coordinate'
  | 'import.incomplete_coordinates'
  | 'import.coffee_area_exceeds_plot'
  | 'import.unit_unknown'
  | 'import.full_name_needs_comma'
  | 'import.invalid_bank_account'
  | 'import.duplicate_in_file'
  // warnings: the record is kept, the user is told what was done
  | 'import.dni_zero_restored'
  | 'import.extra_phone_ignored'
  | 'import.leading_zeros_lost';

/** Codes thrown (as AppError 'invalid') by readSheet, and codes a caller shows about the column mapping. */
export type ImportFileCode =
  | 'import.file_empty'
  | 'import.unsupported_format'
  | 'import.unreadable_xlsx'
  | 'import.sheet_not_found'
  | 'import.missing_column'
  | 'import.unmapped_column';

export interface ImportIssue {
  field: CanonicalField;
  code: ImportIssueCode;
  params?: Record<string, string | number>;
}

export interface NormalizedRow<R extends ImportRecord = ImportRecord> {
  /** Present only when the row has no errors. */
  record?: R;
  errors: ImportIssue[];
  /** Things fixed or ignored on the way (a DNI's lost leading zero); the record is still good. */
  warnings: ImportIssue[];
}

export interface NormalizeOptions {
  /** ISO 3166 code of the organization: 'PE' and 'CO' get their ID and phone rules. */
  country: 'PE' | 'CO' | (string & {});
  /**
   * Unit of the yearly-estimate column: mapHeaders().massUnit when the header names one, else the
   * organization's unit or the user's choice. Without it an estimate is an `import.unit_unknown` error.
   */
  massUnit?: MassUnit | null;
  /** Today in the organization's time zone, 'YYYY-MM-DD'; birth dates after it are refused. Default: UTC today. */
  today?: string;
  /**
   * What a lone 'M' means in the sex column: 'MF' (default) M = masculino, 'HM' M = mujer (the sheet
   * codes H/M). F and H are unambiguous either way. normalizeTable picks it from the whole column.
   */
  sexLetters?: 'MF' | 'HM';
}
