import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import {
  CERT_SCHEMES,
  CERT_STATUSES,
  CONSENT_KINDS,
  IMPORT_KINDS,
  INSPECTION_RESULTS,
  MEMBER_STATUSES,
  NATIONAL_ID_TYPES,
  PAYMENT_METHODS,
  SEVERITIES,
  SEXES,
  SHADES,
  TENURES,
} from '../shared/enums.js';

/**
 * The HTTP contract of the social base (members, plots, certifications, inspections, the dashboard,
 * imports and exports): the routes validate with these schemas and the web app types its calls with
 * them. Each schema has a type of the same name (its parsed shape). Money is decimal text in the
 * member's currency; areas are hectares.
 */

const IsoDate = z.iso.date();
const Money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'decimal amount, e.g. 50.00');
const Hectares = z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, 'hectares with up to 4 decimals, e.g. 1.25');
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const MemberNumber = z.string().trim().min(1).max(30);
export const MemberParams = z.strictObject({ org: Slug, memberNumber: MemberNumber });
export const PlotParams = z.strictObject({ org: Slug, plotId: z.uuid() });
export const CertificationParams = z.strictObject({ org: Slug, certificationId: z.uuid() });

const memberFields = {
  givenNames: Text(120),
  familyNames: Text(120),
  nationalIdType: z.enum(NATIONAL_ID_TYPES).nullable().optional(),
  nationalId: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,20}$/)
    .nullable()
    .optional(),
  sex: z.enum(SEXES).nullable().optional(),
  birthDate: IsoDate.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/)
    .nullable()
    .optional(),
  region: OptionalText(100),
  province: OptionalText(100),
  district: OptionalText(100),
  community: OptionalText(100),
  householdSize: z.number().int().min(1).max(50).nullable().optional(),
  joinDate: IsoDate.nullable().optional(),
  entryFee: Money.optional(),
  shareCapitalSubscribed: Money.optional(),
  shareCapitalPaid: Money.optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  bankName: OptionalText(100),
  bankAccount: z
    .string()
    .trim()
    .regex(/^[0-9 -]{6,40}$/)
    .nullable()
    .optional(),
  walletPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/)
    .nullable()
    .optional(),
};

export const CreateMemberBody = z.strictObject({
  id: ClientId,
  memberNumber: MemberNumber,
  status: z.enum(MEMBER_STATUSES).optional(),
  ...memberFields,
});

export const UpdateMemberBody = z.strictObject({
  ...memberFields,
  givenNames: Text(120).optional(),
  familyNames: Text(120).optional(),
});

export const StandingView = z.object({
  asOf: z.string(),
  inGoodStanding: z.boolean(),
  statusOnDate: z.string().nullable(),
  ruleEffectiveFrom: z.string(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const ConsentView = z.object({
  kind: z.enum(CONSENT_KINDS),
  granted: z.boolean(),
  effectiveDate: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  note: z.string().nullable(),
});

export const MemberView = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  nationalIdType: z.string().nullable(),
  nationalId: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  community: z.string().nullable(),
  householdSize: z.number().nullable(),
  joinDate: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  currency: z.string(),
  entryFee: z.string(),
  shareCapitalSubscribed: z.string(),
  shareCapitalPaid: z.string(),
  paymentMethod: z.string(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  walletPhone: z.string().nullable(),
  hasUser: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const MemberDetail = MemberView.extend({
  standing: StandingView,
  consents: z.array(ConsentView),
  plotCount: z.number(),
  certifications: z.array(z.object({ scheme: z.string(), status: z.string() })),
});

export const MemberListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  community: z.string().trim().max(100).optional(),
  sex: z.enum(SEXES).optional(),
  certification: z.enum(CERT_SCHEMES).optional(),
  minAge: z.coerce.number().int().min(0).max(120).optional(),
  maxAge: z.coerce.number().int().min(0).max(120).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MemberListItem = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  nationalId: z.string().nullable(),
  sex: z.string().nullable(),
  age: z.number().nullable(),
  community: z.string().nullable(),
  district: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  joinDate: z.string().nullable(),
});
export const MemberPage = z.object({
  items: z.array(MemberListItem),
  nextCursor: z.string().nullable(),
  total: z.number().nullable().describe('Matching members; given on the first page only'),
});

export const ChangeStatusBody = z.strictObject({
  status: z.enum(MEMBER_STATUSES),
  effectiveDate: IsoDate,
  reason: Text(500),
});

export const StatusChangeView = z.object({
  id: z.uuid(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  effectiveDate: z.string(),
  reason: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const RecordConsentBody = z.strictObject({
  id: ClientId,
  kind: z.enum(CONSENT_KINDS),
  granted: z.boolean(),
  effectiveDate: IsoDate,
  note: OptionalText(500),
});

export const StandingQuery = z.strictObject({ asOf: IsoDate.optional() });

export const StandingRuleBody = z.strictObject({
  id: ClientId,
  effectiveFrom: IsoDate,
  minMonthsSinceJoining: z.number().int().min(0).max(120),
  minShareCapitalPaidPercent: z.number().min(0).max(100).multipleOf(0.01),
  excludeRejectedInspection: z.boolean(),
});
export const StandingRuleView = z.object({
  id: z.uuid(),
  effectiveFrom: z.string(),
  minMonthsSinceJoining: z.number(),
  minShareCapitalPaidPercent: z.number(),
  excludeRejectedInspection: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

// ---- plots ---------------------------------------------------------------------------------------
const plotFields = {
  name: Text(120),
  declaredAreaHa: Hectares.nullable().optional(),
  geometry: z
    .unknown()
    .optional()
    .describe('GeoJSON Point or Polygon (or a Feature with one), WGS84, longitude first'),
  altitudeM: z.number().int().min(0).max(6000).nullable().optional(),
  coffeeAreaHa: Hectares.nullable().optional(),
  varieties: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  treeCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  plantingYear: z.number().int().min(1900).max(2100).nullable().optional(),
  shade: z.enum(SHADES).nullable().optional(),
  tenure: z.enum(TENURES).nullable().optional(),
  yearlyEstimateKg: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,3})?$/)
    .nullable()
    .optional(),
};
export const CreatePlotBody = z.strictObject({ id: ClientId, ...plotFields });
export const UpdatePlotBody = z.strictObject({ ...plotFields, name: Text(120).optional() });

/** A position as Ayni stores it: longitude, latitude (WGS84, 6 decimals; altitude dropped). */
const Position = z.tuple([z.number(), z.number()]);
export const PlotGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
]);

export const GeoIssueView = z.object({ code: z.string(), path: z.string(), message: z.string() });
export const PlotView = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  name: z.string(),
  declaredAreaHa: z.string().nullable(),
  computedAreaHa: z.string().nullable(),
  geometry: PlotGeometry.nullable().describe('GeoJSON Point or Polygon, WGS84, longitude first'),
  centroid: z.tuple([z.number(), z.number()]).nullable(),
  altitudeM: z.number().nullable(),
  coffeeAreaHa: z.string().nullable(),
  varieties: z.array(z.string()),
  treeCount: z.number().nullable(),
  plantingYear: z.number().nullable(),
  shade: z.string().nullable(),
  tenure: z.string().nullable(),
  yearlyEstimateKg: z.string().nullable(),
  flags: z.array(z.string()),
  overlapsWith: z.array(z.object({ plotId: z.uuid(), memberNumber: z.string(), name: z.string() })),
  warnings: z.array(GeoIssueView),
});

// ---- certifications and inspections ----------------------------------------------------------------
export const CreateCertificationBody = z.strictObject({
  id: ClientId,
  scheme: z.enum(CERT_SCHEMES),
  status: z.enum(CERT_STATUSES),
  conversionYear: z.number().int().min(1).max(3).nullable().optional(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable().optional(),
  certificateRef: OptionalText(100),
  plotId: z.uuid().nullable().optional(),
});
export const UpdateCertificationBody = z.strictObject({
  status: z.enum(CERT_STATUSES),
  conversionYear: z.number().int().min(1).max(3).nullable().optional(),
  validUntil: IsoDate.nullable().optional(),
});
export const CertificationView = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  plotId: z.uuid().nullable(),
  scheme: z.enum(CERT_SCHEMES),
  status: z.enum(CERT_STATUSES),
  conversionYear: z.number().nullable(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  certificateRef: z.string().nullable(),
});

export const NonConformity = z.strictObject({
  code: z.string().trim().min(1).max(40),
  description: Text(500),
  severity: z.enum(SEVERITIES),
});
export const CreateInspectionBody = z.strictObject({
  id: ClientId,
  inspectedOn: IsoDate,
  inspector: Text(120),
  result: z.enum(INSPECTION_RESULTS),
  nonConformities: z.array(NonConformity).max(50).default([]),
  sanctions: OptionalText(1000),
});
export const InspectionView = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  inspectedOn: z.string(),
  inspector: z.string(),
  result: z.enum(INSPECTION_RESULTS),
  nonConformities: z.array(z.object({ code: z.string(), description: z.string(), severity: z.string() })),
  sanctions: z.string().nullable(),
});
export const InspectionsDueQuery = z.strictObject({ asOf: IsoDate.optional() });
export const InspectionDue = z.object({
  memberNumber: z.string(),
  fullName: z.string(),
  community: z.string().nullable(),
  schemes: z.array(z.string()),
  lastInspectedOn: z.string().nullable(),
  dueSince: z.string().nullable(),
});

export const DashboardQuery = z.strictObject({ asOf: IsoDate.optional() });
const Bucket = z.object({ bucket: z.string(), members: z.number() });
export const SocialBaseDashboard = z.object({
  asOf: z.string(),
  scope: z.enum(['cooperative', 'federation']),
  cooperatives: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      members: z.number(),
      womenShareBp: z.number(),
      youthShareBp: z.number(),
      certifiedShareBp: z.number(),
    }),
  ),
  totals: z.object({
    members: z.number(),
    active: z.number(),
    women: z.number(),
    youngUnder30: z.number(),
    womenShareBp: z.number(),
    youthShareBp: z.number(),
    inspectionsDue: z.number(),
  }),
  byStatus: z.array(z.object({ status: z.string(), count: z.number() })),
  bySexAndAge: z.array(
    z.object({ ageGroup: z.string(), female: z.number(), male: z.number(), unknown: z.number() }),
  ),
  joinsAndWithdrawals: z.array(z.object({ year: z.number(), joins: z.number(), withdrawals: z.number() })),
  farmSize: z.array(Bucket),
  coffeeArea: z.array(Bucket),
  certifications: z.array(
    z.object({ scheme: z.string(), certified: z.number(), inConversion: z.number(), coverageBp: z.number() }),
  ),
});

// ---- lists and compound answers -------------------------------------------------------------------
export const CardQuery = z.strictObject({ paper: z.enum(['a4', '80mm']).default('80mm') });
export const StatusChangeList = itemsOf(StatusChangeView);
export const StandingRuleList = itemsOf(StandingRuleView);
export const PlotList = itemsOf(PlotView);
export const CertificationList = itemsOf(CertificationView);
export const InspectionList = itemsOf(InspectionView);
export const InspectionDueList = itemsOf(InspectionDue);

/** `GET /orgs/{org}/me/member`: a member's own record. */
export const MyMemberRecord = z.object({
  member: MemberDetail,
  plots: z.array(PlotView),
  certifications: z.array(CertificationView),
  inspections: z.array(InspectionView),
});

/** One feature of `GET /orgs/{org}/plots.geojson`. */
export const PlotFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: PlotGeometry,
  properties: z.object({
    memberNumber: z.string(),
    plotName: z.string(),
    declaredAreaHa: z.string().nullable(),
    computedAreaHa: z.string().nullable(),
    flags: z.array(z.string()),
  }),
});
export const PlotCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(PlotFeature),
});

// ---- imports and exports --------------------------------------------------------------------------
export const ImportQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.enum(['true', 'false']).default('true'),
  mapping: z
    .string()
    .max(5000)
    .optional()
    .describe('JSON object: column index → field name, or null to ignore the column'),
  sheet: z.string().max(100).optional(),
});
export const ImportIssue = z.object({
  row: z.number(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export const ImportResult = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  committed: z.boolean(),
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  fields: z.array(z.string()),
  unmapped: z.array(z.object({ index: z.number(), header: z.string() })),
  missingRequired: z.array(z.string()),
  totalRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  errors: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  toCreate: z.number(),
  toUpdate: z.number(),
  unchanged: z.number(),
  created: z.number(),
  updated: z.number(),
});
export const ExportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

/** `GET /config`: settings the web app needs. */
export const ServerConfig = z.object({ mapTilesUrl: z.string().nullable() });

// ---- types: each schema's parsed shape, under the schema's name ----
export type MemberNumber = z.infer<typeof MemberNumber>;
export type MemberParams = z.infer<typeof MemberParams>;
export type PlotParams = z.infer<typeof PlotParams>;
export type CertificationParams = z.infer<typeof CertificationParams>;
export type CreateMemberBody = z.infer<typeof CreateMemberBody>;
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;
export type StandingView = z.infer<typeof StandingView>;
export type ConsentView = z.infer<typeof ConsentView>;
export type MemberView = z.infer<typeof MemberView>;
export type MemberDetail = z.infer<typeof MemberDetail>;
export type MemberListQuery = z.infer<typeof MemberListQuery>;
export type MemberListItem = z.infer<typeof MemberListItem>;
export type MemberPage = z.infer<typeof MemberPage>;
export type ChangeStatusBody = z.infer<typeof ChangeStatusBody>;
export type StatusChangeView = z.infer<typeof StatusChangeView>;
export type RecordConsentBody = z.infer<typeof RecordConsentBody>;
export type StandingQuery = z.infer<typeof StandingQuery>;
export type StandingRuleBody = z.infer<typeof StandingRuleBody>;
export type StandingRuleView = z.infer<typeof StandingRuleView>;
export type CreatePlotBody = z.infer<typeof CreatePlotBody>;
export type UpdatePlotBody = z.infer<typeof UpdatePlotBody>;
export type PlotGeometry = z.infer<typeof PlotGeometry>;
export type GeoIssueView = z.infer<typeof GeoIssueView>;
export type PlotView = z.infer<typeof PlotView>;
export type CreateCertificationBody = z.infer<typeof CreateCertificationBody>;
export type UpdateCertificationBody = z.infer<typeof UpdateCertificationBody>;
export type CertificationView = z.infer<typeof CertificationView>;
export type NonConformity = z.infer<typeof NonConformity>;
export type CreateInspectionBody = z.infer<typeof CreateInspectionBody>;
export type InspectionView = z.infer<typeof InspectionView>;
export type InspectionsDueQuery = z.infer<typeof InspectionsDueQuery>;
export type InspectionDue = z.infer<typeof InspectionDue>;
export type DashboardQuery = z.infer<typeof DashboardQuery>;
export type SocialBaseDashboard = z.infer<typeof SocialBaseDashboard>;
export type CardQuery = z.infer<typeof CardQuery>;
export type StatusChangeList = z.infer<typeof StatusChangeList>;
export type StandingRuleList = z.infer<typeof StandingRuleList>;
export type PlotList = z.infer<typeof PlotList>;
export type CertificationList = z.infer<typeof CertificationList>;
export type InspectionList = z.infer<typeof InspectionList>;
export type InspectionDueList = z.infer<typeof InspectionDueList>;
export type MyMemberRecord = z.infer<typeof MyMemberRecord>;
export type PlotFeature = z.infer<typeof PlotFeature>;
export type PlotCollection = z.infer<typeof PlotCollection>;
export type ImportQuery = z.infer<typeof ImportQuery>;
export type ImportIssue = z.infer<typeof ImportIssue>;
export type ImportResult = z.infer<typeof ImportResult>;
export type ExportQuery = z.infer<typeof ExportQuery>;
export type ServerConfig = z.infer<typeof ServerConfig>;
