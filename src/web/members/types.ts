/**
 * Shapes of the social base's HTTP API (v1), hand-written from /api/v1/openapi.json
 * (src/members/members.schema.ts). Money is decimal text ("50.00") in the member's currency,
 * areas are hectares as decimal text, dates `YYYY-MM-DD`, timestamps ISO 8601.
 */

export const MEMBER_STATUSES = ['applicant', 'active', 'suspended', 'withdrawn', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const CERT_SCHEMES = [
  'organic_eu',
  'organic_usda',
  'organic_jas',
  'fairtrade',
  'rainforest_alliance',
] as const;
export type CertScheme = (typeof CERT_SCHEMES)[number];

export const CERT_STATUSES = ['in_conversion', 'certified', 'suspended', 'withdrawn'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export const INSPECTION_RESULTS = ['approved', 'approved_with_conditions', 'rejected'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const NATIONAL_ID_TYPES = ['dni', 'cedula', 'ce', 'other'] as const;
export type NationalIdType = (typeof NATIONAL_ID_TYPES)[number];

export const PAYMENT_METHODS = ['cash', 'bank', 'mobile_wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const SHADES = ['full_sun', 'shade', 'agroforestry'] as const;
export const TENURES = ['owned', 'rented', 'communal', 'family', 'other'] as const;

export const CONSENT_KINDS = ['share_with_federation', 'geolocation_to_buyers'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const PLOT_FLAGS = ['area_mismatch', 'overlap', 'low_precision'] as const;

export interface MemberListItem {
  id: string;
  memberNumber: string;
  givenNames: string;
  familyNames: string;
  nationalId: string | null;
  sex: string | null;
  age: number | null;
  community: string | null;
  district: string | null;
  status: MemberStatus;
  joinDate: string | null;
}

export interface MemberPage {
  items: MemberListItem[];
  nextCursor: string | null;
  /** Matching members; given on the first page only. */
  total: number | null;
}

export interface Member {
  id: string;
  memberNumber: string;
  givenNames: string;
  familyNames: string;
  nationalIdType: string | null;
  nationalId: string | null;
  sex: string | null;
  birthDate: string | null;
  age: number | null;
  phone: string | null;
  region: string | null;
  province: string | null;
  district: string | null;
  community: string | null;
  householdSize: number | null;
  joinDate: string | null;
  status: MemberStatus;
  currency: string;
  entryFee: string;
  shareCapitalSubscribed: string;
  shareCapitalPaid: string;
  paymentMethod: string;
  bankName: string | null;
  bankAccount: string | null;
  walletPhone: string | null;
  hasUser: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Standing {
  asOf: string;
  inGoodStanding: boolean;
  statusOnDate: string | null;
  ruleEffectiveFrom: string;
  reasons: { code: string; message: string }[];
}

export interface Consent {
  kind: ConsentKind;
  granted: boolean;
  effectiveDate: string;
  recordedAt: string;
  recordedBy: string;
  note: string | null;
}

export interface MemberDetail extends Member {
  standing: Standing;
  consents: Consent[];
  plotCount: number;
  certifications: { scheme: string; status: string }[];
}

/** Fields a create (POST) or an update (PATCH) may carry. */
export interface MemberInput {
  givenNames?: string;
  familyNames?: string;
  nationalIdType?: NationalIdType | null;
  nationalId?: string | null;
  sex?: Sex | null;
  birthDate?: string | null;
  phone?: string | null;
  region?: string | null;
  province?: string | null;
  district?: string | null;
  community?: string | null;
  householdSize?: number | null;
  joinDate?: string | null;
  entryFee?: string;
  shareCapitalSubscribed?: string;
  shareCapitalPaid?: string;
  paymentMethod?: PaymentMethod;
  bankName?: string | null;
  bankAccount?: string | null;
  walletPhone?: string | null;
}

export interface CreateMemberInput extends MemberInput {
  id: string;
  memberNumber: string;
  givenNames: string;
  familyNames: string;
  status?: MemberStatus;
}

export interface StatusChange {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  effectiveDate: string;
  reason: string;
  recordedAt: string;
  recordedBy: string;
}

export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}
export type PlotGeometry = GeoJsonPoint | GeoJsonPolygon;

export interface Plot {
  id: string;
  memberNumber: string;
  name: string;
  declaredAreaHa: string | null;
  computedAreaHa: string | null;
  /** GeoJSON Point or Polygon, WGS84, longitude first. */
  geometry: PlotGeometry | null;
  centroid: [number, number] | null;
  altitudeM: number | null;
  coffeeAreaHa: string | null;
  varieties: string[];
  treeCount: number | null;
  plantingYear: number | null;
  shade: string | null;
  tenure: string | null;
  yearlyEstimateKg: string | null;
  flags: string[];
  overlapsWith: { plotId: string; memberNumber: string; name: string }[];
  warnings: { code: string; path: string; message: string }[];
}

export interface PlotInput {
  name?: string;
  declaredAreaHa?: string | null;
  geometry?: unknown;
  altitudeM?: number | null;
  coffeeAreaHa?: string | null;
  varieties?: string[];
  treeCount?: number | null;
  plantingYear?: number | null;
  shade?: string | null;
  tenure?: string | null;
  yearlyEstimateKg?: string | null;
}

export interface Certification {
  id: string;
  memberNumber: string;
  plotId: string | null;
  scheme: CertScheme;
  status: CertStatus;
  conversionYear: number | null;
  validFrom: string;
  validUntil: string | null;
  certificateRef: string | null;
}

export interface Inspection {
  id: string;
  memberNumber: string;
  inspectedOn: string;
  inspector: string;
  result: InspectionResult;
  nonConformities: { code: string; description: string; severity: string }[];
  sanctions: string | null;
}

export interface InspectionDue {
  memberNumber: string;
  fullName: string;
  community: string | null;
  schemes: string[];
  lastInspectedOn: string | null;
  dueSince: string | null;
}

export interface Items<T> {
  items: T[];
}

/** `GET /orgs/{org}/me/member`: a member's own record. */
export interface MyMemberRecord {
  member: MemberDetail;
  plots: Plot[];
  certifications: Certification[];
  inspections: Inspection[];
}

/** One feature of `GET /orgs/{org}/plots.geojson`. */
export interface PlotFeature {
  type: 'Feature';
  id: string;
  geometry: PlotGeometry;
  properties: {
    memberNumber: string;
    plotName: string;
    declaredAreaHa: string | null;
    computedAreaHa: string | null;
    flags: string[];
  };
}

export interface PlotCollection {
  type: 'FeatureCollection';
  features: PlotFeature[];
}

// ---- imports --------------------------------------------------------------------------------------

export const IMPORT_KINDS = ['members', 'plots', 'plots-geojson'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportResult {
  kind: ImportKind;
  dryRun: boolean;
  committed: boolean;
  encoding: string | null;
  sheetName: string | null;
  /** XLSX: every sheet of the workbook, when the server lists them. */
  sheetNames?: string[];
  headers: string[];
  /** The field each column maps to, by column index; null: not imported. */
  mapping: (string | null)[];
  /** Every canonical field of the kind. */
  fields: string[];
  unmapped: { index: number; header: string }[];
  missingRequired: string[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  /** The first 1000 errors; `row` is the row number the spreadsheet shows. */
  errors: { row: number; field: string; code: string; message: string }[];
  /** Rows kept with a change the user should know of (a DNI's lost leading zero restored…). */
  warnings?: { row: number; field: string; code: string; message: string }[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  created: number;
  updated: number;
}

// ---- dashboard ------------------------------------------------------------------------------------

export const AGE_GROUPS = ['<30', '30-44', '45-59', '60+', 'unknown'] as const;

export interface SocialBaseDashboard {
  asOf: string;
  scope: 'cooperative' | 'federation';
  cooperatives: {
    slug: string;
    name: string;
    members: number;
    womenShareBp: number;
    youthShareBp: number;
    certifiedShareBp: number;
  }[];
  totals: {
    members: number;
    active: number;
    women: number;
    youngUnder30: number;
    womenShareBp: number;
    youthShareBp: number;
    inspectionsDue: number;
  };
  byStatus: { status: string; count: number }[];
  bySexAndAge: { ageGroup: string; female: number; male: number; unknown: number }[];
  joinsAndWithdrawals: { year: number; joins: number; withdrawals: number }[];
  farmSize: { bucket: string; members: number }[];
  coffeeArea: { bucket: string; members: number }[];
  certifications: { scheme: string; certified: number; inConversion: number; coverageBp: number }[];
}

export interface ServerConfig {
  /** A raster XYZ tile template ({z}/{x}/{y}), or null: no outside tile server. */
  mapTilesUrl: string | null;
}
