import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import { CERT_CLASSES, COFFEE_STATES, CUP_PROTOCOLS } from '../shared/enums.js';

/**
 * The HTTP contract of collection (points, price schedules, weigh tickets, receipts): the routes
 * validate with these schemas and the web app types its calls with them. Each schema has a type of
 * the same name (its parsed shape). Masses in kg and percentages as decimal text; money as decimal text.
 */

const Decimal = (decimals: number, digits = 9) =>
  z
    .string()
    .regex(
      new RegExp(`^\\d{1,${digits}}(\\.\\d{1,${decimals}})?$`),
      `decimal with up to ${decimals} decimals`,
    );
const Percent = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'percentage with up to 2 decimals, e.g. 12.5');
const IsoDate = z.iso.date();

export const PointCode = z.string().regex(/^[A-Z0-9-]{1,10}$/);
export const CreatePointBody = z.strictObject({
  id: ClientId,
  code: PointCode,
  name: z.string().trim().min(1).max(120),
  community: z.string().trim().max(100).nullable().optional(),
});
export const PointView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  community: z.string().nullable(),
  lastTicketNumber: z.number(),
  cashiers: z.array(z.uuid()),
});
export const PointParams = z.strictObject({ org: Slug, pointCode: PointCode });
export const AssignCashierBody = z.strictObject({ email: z.email() });

export const CreateScheduleBody = z.strictObject({
  id: ClientId,
  effectiveFrom: IsoDate,
  coffeeState: z.enum(COFFEE_STATES),
  certificationClass: z.enum(CERT_CLASSES),
  basePricePerKg: Decimal(6),
  moistureReferencePercent: Percent.nullable().optional(),
  yield: z
    .union([
      z.strictObject({
        kind: z.literal('points'),
        referencePercent: Percent,
        perPoint: Decimal(6),
        perPointBelow: Decimal(6).optional(),
      }),
      z.strictObject({
        kind: z.literal('factor'),
        baseFactor: Decimal(2, 3),
        maxFactor: Decimal(2, 3).optional(),
      }),
    ])
    .nullable()
    .optional(),
  certificationPremiums: z
    .strictObject({ organic: Decimal(6).optional(), fairtrade: Decimal(6).optional() })
    .optional(),
  cupPremiums: z
    .array(z.strictObject({ minScore: Decimal(2, 3), perKg: Decimal(6) }))
    .max(10)
    .optional(),
});

/**
 * The rule as stored (schedules.service.ts `storedRuleOf`): prices in minor units per kg as text,
 * percentages in basis points. Described loosely (unknown keys kept) since older rules may lack fields.
 */
export const PriceRuleView = z.looseObject({
  base: z.looseObject({ kind: z.string(), pricePerKg: z.string().optional() }).optional(),
  moisture: z.looseObject({ referenceBp: z.number() }).nullable().optional(),
  yieldRule: z
    .looseObject({
      kind: z.string(),
      referenceBp: z.number().optional(),
      perPointPerKg: z.string().optional(),
    })
    .nullable()
    .optional(),
});

export const ScheduleView = z.object({
  id: z.uuid(),
  effectiveFrom: z.string(),
  coffeeState: z.string(),
  certificationClass: z.string(),
  rule: PriceRuleView,
  recordedAt: z.string(),
  recordedBy: z.string(),
});

const ticketFacts = {
  coffeeState: z.enum(COFFEE_STATES),
  certificationClass: z.enum(CERT_CLASSES),
  moisturePercent: Percent.optional(),
  yieldPercent: Percent.optional(),
  factor: Decimal(2, 3).optional(),
  cupScore: Decimal(2, 3).optional(),
};

export const PricePreviewBody = z.strictObject({ date: IsoDate, netKg: Decimal(3, 6), ...ticketFacts });

export const CreateTicketBody = z.strictObject({
  id: ClientId,
  pointCode: PointCode,
  memberNumber: z.string().trim().min(1).max(30),
  deliveredAt: z.iso.datetime({ offset: true }),
  plotIds: z.array(z.uuid()).max(20).optional(),
  sacks: z.number().int().min(0).max(500),
  sackType: z.string().trim().max(40).nullable().optional(),
  grossKg: Decimal(3, 6),
  tareKg: Decimal(3, 6),
  defects: z.number().int().min(0).max(10_000).nullable().optional(),
  cupProtocol: z.enum(CUP_PROTOCOLS).nullable().optional(),
  cashPaid: Decimal(2, 12).optional(),
  replacesTicketId: z.uuid().optional(),
  ...ticketFacts,
});

export const TicketBatchBody = z.strictObject({ tickets: z.array(z.unknown()).min(1).max(500) });

export const PricingLineView = z.object({ code: z.string(), message: z.string() });
export const TicketPriceView = z.object({
  currency: z.string(),
  netKg: z.string(),
  payableKg: z.string(),
  unitPricePerKg: z.string(),
  value: z.string(),
  lines: z.array(PricingLineView),
});

export const TicketView = z.object({
  id: z.uuid(),
  pointCode: z.string(),
  number: z.number(),
  memberNumber: z.string(),
  memberName: z.string(),
  deliveredAt: z.string(),
  deliveryDate: z.string(),
  coffeeState: z.string(),
  certificationClass: z.string(),
  sacks: z.number(),
  sackType: z.string().nullable(),
  grossKg: z.string(),
  tareKg: z.string(),
  netKg: z.string(),
  moisturePercent: z.string().nullable(),
  yieldPercent: z.string().nullable(),
  factor: z.string().nullable(),
  cupScore: z.string().nullable(),
  currency: z.string(),
  payableKg: z.string(),
  unitPricePerKg: z.string(),
  value: z.string(),
  cashPaid: z.string(),
  lines: z.array(PricingLineView),
  voided: z.object({ reason: z.string(), at: z.string() }).nullable(),
  replacesTicketId: z.uuid().nullable(),
  recordedBy: z.string(),
});

export const TicketParams = z.strictObject({ org: Slug, ticketId: z.uuid() });
export const VoidTicketBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const TicketListQuery = z.strictObject({
  pointCode: PointCode.optional(),
  memberNumber: z.string().trim().max(30).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// ---- lists and compound answers -------------------------------------------------------------------
export const PointList = itemsOf(PointView);
export const ScheduleList = itemsOf(ScheduleView);
export const TicketList = itemsOf(TicketView);

/** `POST /tickets/batch`: one result per ticket sent, in order; a refused ticket carries its problem. */
export const BatchResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      ticket: TicketView.optional(),
      problem: z.unknown().optional(),
    }),
  ),
});

export const DeliverySummaryParams = z.strictObject({
  org: Slug,
  memberNumber: z.string().trim().min(1).max(30),
});
/** For the desk: classes the member may deliver into, yearly quota and how much is used. */
export const DeliverySummary = z.object({
  memberNumber: z.string(),
  name: z.string(),
  status: z.string(),
  canDeliver: z.boolean(),
  certificationClasses: z.array(z.string()),
  year: z.number(),
  quotaKg: z.string(),
  deliveredKg: z.string(),
  quotaUsedBp: z.number().nullable(),
});

export const RECEIPT_PAPERS = ['80mm', '58mm', 'a4'] as const;
export const ReceiptQuery = z.strictObject({ paper: z.enum(RECEIPT_PAPERS).default('80mm') });

// ---- types: each schema's parsed shape, under the schema's name ----
export type PointCode = z.infer<typeof PointCode>;
export type CreatePointBody = z.infer<typeof CreatePointBody>;
export type PointView = z.infer<typeof PointView>;
export type PointParams = z.infer<typeof PointParams>;
export type AssignCashierBody = z.infer<typeof AssignCashierBody>;
export type CreateScheduleBody = z.infer<typeof CreateScheduleBody>;
export type PriceRuleView = z.infer<typeof PriceRuleView>;
export type ScheduleView = z.infer<typeof ScheduleView>;
export type PricePreviewBody = z.infer<typeof PricePreviewBody>;
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;
export type TicketBatchBody = z.infer<typeof TicketBatchBody>;
export type PricingLineView = z.infer<typeof PricingLineView>;
export type TicketPriceView = z.infer<typeof TicketPriceView>;
export type TicketView = z.infer<typeof TicketView>;
export type TicketParams = z.infer<typeof TicketParams>;
export type VoidTicketBody = z.infer<typeof VoidTicketBody>;
export type TicketListQuery = z.infer<typeof TicketListQuery>;
export type PointList = z.infer<typeof PointList>;
export type ScheduleList = z.infer<typeof ScheduleList>;
export type TicketList = z.infer<typeof TicketList>;
export type BatchResult = z.infer<typeof BatchResult>;
export type DeliverySummaryParams = z.infer<typeof DeliverySummaryParams>;
export type DeliverySummary = z.infer<typeof DeliverySummary>;
export type ReceiptQuery = z.infer<typeof ReceiptQuery>;
