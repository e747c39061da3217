import { z } from 'zod';
import { ClientId, OrgParams, Slug } from '../orgs/orgs.contract.js';

/** The HTTP contract of the social base. Money is decimal text in the member's currency; areas are hectares. */

export const MEMBER_STATUSES = ['applicant', 'active', 'suspended', 'withdrawn', 'deceased'] as const;
export const CERT_SCHEMES = [
  'organic_eu',
  'organic_usda',
  'organic_jas',
  'fairtrade',
  'rainforest_alliance',
] as const;
export const CERT_STATUSES = ['in_conversion', 'certified', 'suspended', 'withdrawn'] as const;
export const INSPECTION_RESULTS = ['approved', 'approved_with_conditions', 'rejected'] as const;

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
  nationalIdType: z.enum(['dni', 'cedula', 'ce', 'other']).nullable().optional(),
  nationalId: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,20}$/)
    .nullable()
    .optional(),
  sex: z.enum(['female', 'male']).nullable().optional(),
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
  paymentMethod: z.enum(['cash', 'bank', 'mobile_wallet']).optional(),
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
export type CreateMemberInput = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = z.strictObject({
  ...memberFields,
  givenNames: Text(120).optional(),
  familyNames: Text(120).optional(),
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberBody>;

export const StandingView = z.object({
  asOf: z.string(),
  inGoodStanding: z.boolean(),
  statusOnDate: z.string().nullable(),
  ruleEffectiveFrom: z.string(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const ConsentView = z.object({
  kind: z.enum(['share_with_federation', 'geolocation_to_buyers']),
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
export type MemberViewT = z.infer<typeof MemberView>;

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
  sex: z.enum(['female', 'male']).optional(),
  certification: z.enum(CERT_SCHEMES).optional(),
  minAge: z.coerce.number().int().min(0).max(120).optional(),
  maxAge: z.coerce.number().int().min(0).max(120).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQueryT = z.infer<typeof MemberListQuery>;

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
  kind: z.enum(['share_with_federation', 'geolocation_to_buyers']),
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
  shade: z.enum(['full_sun', 'shade', 'agroforestry']).nullable().optional(),
  tenure: z.enum(['owned', 'rented', 'communal', 'family', 'other']).nullable().optional(),
  yearlyEstimateKg: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,3})?$/)
    .nullable()
    .optional(),
};
export const CreatePlotBody = z.strictObject({ id: ClientId, ...plotFields });
export const UpdatePlotBody = z.strictObject({ ...plotFields, name: Text(120).optional() });
export type PlotInput = z.infer<typeof UpdatePlotBody>;

export const GeoIssueView = z.object({ code: z.string(), path: z.string(), message: z.string() });
export const PlotView = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  name: z.string(),
  declaredAreaHa: z.string().nullable(),
  computedAreaHa: z.string().nullable(),
  geometry: z.unknown().nullable(),
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
  severity: z.enum(['minor', 'major', 'critical']),
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

export { OrgParams };

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
