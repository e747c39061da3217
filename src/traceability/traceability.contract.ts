import { z } from 'zod';
import { ClientId, OrgParams, Slug } from '../shared/contract.js';

/**
 * The traceability contract: the trace of a lot (down to members and plots, with shares by mass), where a
 * member's or plot's coffee went, the EUDR packages and the lot's public page. zod only: routes, the OpenAPI
 * document and the web import it. Masses are kilograms as exact decimal text (3 decimals: grams), shares in
 * basis points (1 % = 100) adding up to 10,000.
 */

export const LOT_PROCESSES = ['washed', 'natural', 'honey', 'wet_hulled'] as const;
export type LotProcess = (typeof LOT_PROCESSES)[number];
export const EUDR_SUBJECT_KINDS = ['lot', 'shipment', 'contract'] as const;
export type EudrSubjectKind = (typeof EUDR_SUBJECT_KINDS)[number];

const Kg = z
  .string()
  .regex(/^\d+\.\d{3}$/)
  .describe('Kilograms, exact to the gram');
const ShareBp = z.number().int().min(0).max(10_000).describe('Share of the lot by mass, basis points');
const LotCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9./-]{0,31}$/)
  .describe('The lot code');

export const LotTraceParams = z.strictObject({ org: Slug, code: LotCode });
export const MemberTraceParams = z.strictObject({ org: Slug, memberNumber: z.string().min(1).max(20) });
export const MemberTraceQuery = z.strictObject({ plot: z.uuid().optional() });

/**
 * How much of another organization's part of the trace the caller sees: `full` (its own, or a cooperative that
 * granted its members to this central), `numbers` (granted its lots only: member numbers and plots, no names),
 * `aggregate` (nothing granted: the organization's total only).
 */
export const TraceVisibility = z.enum(['full', 'numbers', 'aggregate']);

export const TraceLotHead = z.object({
  orgSlug: z.string(),
  orgName: z.string(),
  code: z.string(),
  product: z.string(),
  certificationClass: z.string(),
  eudr: z.boolean(),
  status: z.string(),
  kg: Kg,
  harvestFrom: z.string().nullable(),
  harvestTo: z.string().nullable(),
});
export const TraceOrganization = z.object({
  slug: z.string(),
  name: z.string(),
  kg: Kg,
  shareBp: ShareBp,
  visibility: TraceVisibility,
  members: z.number().int(),
});
export const TraceSubLot = z.object({
  orgName: z.string(),
  code: z.string(),
  product: z.string(),
  depth: z.number().int(),
  kg: Kg,
  shareBp: ShareBp,
});
export const TraceMember = z.object({
  orgSlug: z.string(),
  memberNumber: z.string(),
  /** null when the member's cooperative did not grant its members to the caller. */
  name: z.string().nullable(),
  district: z.string().nullable(),
  kg: Kg,
  shareBp: ShareBp,
  tickets: z.number().int(),
  /** Grams of the member's share from tickets that named no plot. */
  kgWithoutPlot: Kg,
});
export const TraceTicket = z.object({
  orgSlug: z.string(),
  ticketNumber: z.number().int(),
  memberNumber: z.string(),
  deliveryDate: z.string(),
  netKg: Kg,
  kg: Kg,
  shareBp: ShareBp,
});
export const TracePlot = z.object({
  orgSlug: z.string(),
  memberNumber: z.string(),
  plotId: z.string(),
  name: z.string(),
  areaHa: z.string().nullable(),
  altitudeM: z.number().nullable(),
  kg: Kg,
  shareBp: ShareBp,
  /** GeoJSON Point or Polygon, longitude first; null when never mapped. */
  geometry: z.unknown().nullable(),
});
export const LotTraceView = z.object({
  lot: TraceLotHead,
  organizations: z.array(TraceOrganization),
  lots: z.array(TraceSubLot),
  members: z.array(TraceMember),
  tickets: z.array(TraceTicket),
  plots: z.array(TracePlot),
});
export type LotTraceView = z.infer<typeof LotTraceView>;

export const MemberLotsView = z.object({
  memberNumber: z.string(),
  name: z.string(),
  plot: z.object({ plotId: z.string(), name: z.string() }).nullable(),
  /** Every lot the member's (or plot's) coffee went into, nearest first, with the grams of it from them. */
  lots: z.array(
    z.object({
      orgSlug: z.string(),
      orgName: z.string(),
      code: z.string(),
      product: z.string(),
      status: z.string(),
      depth: z.number().int(),
      kg: Kg,
    }),
  ),
});
export type MemberLotsView = z.infer<typeof MemberLotsView>;

// ---- EUDR packages -----------------------------------------------------------------------------------

export const GenerateEudrPackageBody = z.strictObject({
  id: ClientId,
  /** DDS descriptionOfGoods; a description from the lot's product when absent. */
  descriptionOfGoods: z.string().trim().min(1).max(150).optional(),
});
export const RecordDdsReferenceBody = z.strictObject({
  id: ClientId,
  referenceNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/),
  verificationNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,20}$/)
    .optional(),
});
export const EudrPackageParams = z.strictObject({ org: Slug, packageId: z.uuid() });
export const EudrFileParams = z.strictObject({
  org: Slug,
  packageId: z.uuid(),
  fileNo: z.coerce.number().int().min(1),
});
export const EudrProblemView = z.object({
  code: z.string(),
  severity: z.enum(['left_out', 'blocking', 'review']),
  message: z.string(),
  memberNumber: z.string().nullable(),
  memberName: z.string().nullable(),
  plotName: z.string().nullable(),
});
export const EudrPackageView = z.object({
  id: z.string(),
  subjectKind: z.enum(EUDR_SUBJECT_KINDS),
  reference: z.string(),
  complete: z.boolean(),
  netKg: z.string(),
  producers: z.number().int(),
  producersIncluded: z.number().int(),
  plots: z.number().int(),
  plotsIncluded: z.number().int(),
  plotsToVisit: z.number().int(),
  areaHa: z.string(),
  completeShareBp: z.number().int(),
  harvestStart: z.string(),
  harvestEnd: z.string(),
  sha256: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  keepUntil: z.string(),
  ddsReference: z
    .object({
      referenceNumber: z.string(),
      verificationNumber: z.string().nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
  files: z.array(
    z.object({
      no: z.number().int(),
      name: z.string(),
      bytes: z.number().int(),
      producers: z.number().int(),
    }),
  ),
  problems: z.array(EudrProblemView),
  producerLines: z.array(
    z.object({
      memberNumber: z.string(),
      name: z.string(),
      plots: z.number().int(),
      plotsIncluded: z.number().int(),
      areaHa: z.string(),
      massKg: z.string(),
      shareBp: z.number().int(),
      complete: z.boolean(),
    }),
  ),
});
export type EudrPackageView = z.infer<typeof EudrPackageView>;
export const EudrPackageList = z.object({ items: z.array(EudrPackageView) });
export type EudrPackageList = z.infer<typeof EudrPackageList>;

// ---- the public page -------------------------------------------------------------------------------

export const PublishLotBody = z.strictObject({
  process: z.enum(LOT_PROCESSES),
  storyEs: z.string().trim().max(1000).optional(),
  storyEn: z.string().trim().max(1000).optional(),
});
export const PublicLotParams = z.strictObject({ org: Slug, code: LotCode });
export const PublicLotView = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  country: z.string(),
  code: z.string(),
  product: z.string(),
  certificationClass: z.string(),
  process: z.enum(LOT_PROCESSES),
  story: z.string().nullable(),
  regions: z.array(z.string()),
  altitudeMinM: z.number().nullable(),
  altitudeMaxM: z.number().nullable(),
  varieties: z.array(z.string()),
  producers: z.number().int(),
  harvestFrom: z.string().nullable(),
  harvestTo: z.string().nullable(),
  /** The lot's area: a bounding box of its plots, rounded to 0.1° (about 11 km), never a plot. */
  area: z.object({ west: z.number(), south: z.number(), east: z.number(), north: z.number() }).nullable(),
  /** Plots of members who consented to show them to buyers (member_consents geolocation_to_buyers). */
  consentedPlots: z.array(
    z.object({ producer: z.string(), plot: z.string(), lon: z.number(), lat: z.number() }),
  ),
  url: z.string(),
});
export type PublicLotView = z.infer<typeof PublicLotView>;
export const PublicationView = z.object({
  code: z.string(),
  process: z.enum(LOT_PROCESSES),
  storyEs: z.string().nullable(),
  storyEn: z.string().nullable(),
  publishedAt: z.string(),
  url: z.string(),
});
export type PublicationView = z.infer<typeof PublicationView>;
export { OrgParams };
