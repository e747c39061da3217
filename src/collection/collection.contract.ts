import { z } from 'zod';
import { ClientId, Slug } from '../orgs/orgs.contract.js';

/** The HTTP contract of collection. Masses in kg and percentages as decimal text; money as decimal text. */

export const COFFEE_STATES = ['cherry', 'wet_parchment', 'dry_parchment', 'green'] as const;
export const CERT_CLASSES = ['conventional', 'organic', 'fairtrade', 'organic_fairtrade'] as const;

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
export type CreateScheduleInput = z.infer<typeof CreateScheduleBody>;

export const ScheduleView = z.object({
  id: z.uuid(),
  effectiveFrom: z.string(),
  coffeeState: z.string(),
  certificationClass: z.string(),
  rule: z.unknown(),
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
  cupProtocol: z.enum(['sca2004', 'cva']).nullable().optional(),
  cashPaid: Decimal(2, 12).optional(),
  replacesTicketId: z.uuid().optional(),
  ...ticketFacts,
});
export type CreateTicketInput = z.infer<typeof CreateTicketBody>;

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
