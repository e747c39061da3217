import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import { SETTLEMENT_PRICE_MODES } from '../shared/enums.js';

/**
 * The HTTP contract of settlements (drafts, approvals, posting): the routes validate with these
 * schemas and the web app types its calls with them. Each schema has a type of the same name (its
 * parsed shape). Prices per kg and money are decimal text in the organization's currency.
 */

export /** Price per kg: decimal text with up to 6 decimals. */
const Price = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/);
const Money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);
export const CreateSettlementBody = z.strictObject({
  id: ClientId,
  name: z.string().trim().min(1).max(200),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  pricePerKgByClass: z.strictObject({
    conventional: Price.optional(),
    organic: Price.optional(),
    fairtrade: Price.optional(),
    organic_fairtrade: Price.optional(),
  }),
  /**
   * How `pricePerKgByClass` is read: `second_payment`, an extra amount per kg on top of what each ticket
   * was credited; `final_price`, the season's final price per kg less what each ticket was credited.
   */
  priceMode: z.enum(SETTLEMENT_PRICE_MODES).default('second_payment'),
  shareCapitalPerQuintal: Money.optional(),
  deductOwed: z.boolean().default(true),
  floorPercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/)
    .default('50'),
  services: z
    .array(
      z.strictObject({
        memberNumber: z.string().trim().min(1).max(30),
        code: z.string().trim().min(1).max(40),
        amount: Money,
      }),
    )
    .max(100_000)
    .optional(),
});
export const SettlementParams = z.strictObject({ org: Slug, settlementId: z.uuid() });
export const SettlementPreview = z.object({
  id: z.uuid(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(['draft', 'approved', 'posted']),
  currency: z.string(),
  priceMode: z.enum(SETTLEMENT_PRICE_MODES),
  pricePerKgByClass: z.record(z.string(), z.string()),
  approvals: z.array(z.object({ userId: z.uuid(), role: z.string(), at: z.string() })),
  /** How many tickets the settlement takes: the period's, in the classes it prices, not voided or settled before. */
  tickets: z.number(),
  /** The period's tickets other settlements already settled, left out of this one. */
  settledElsewhere: z.array(z.object({ settlementId: z.uuid(), name: z.string(), tickets: z.number() })),
  /** Tickets voided or settled elsewhere since the draft was computed: approval and posting wait for a recompute. */
  staleTickets: z.array(
    z.object({ ticket: z.string(), reason: z.enum(['voided', 'settled']), settledBy: z.string().nullable() }),
  ),
  totals: z.object({
    members: z.number(),
    payableKg: z.string(),
    gross: z.string(),
    deducted: z.string(),
    net: z.string(),
    byDeduction: z.record(z.string(), z.string()),
  }),
  members: z.array(
    z.object({
      memberNumber: z.string(),
      memberName: z.string(),
      tickets: z.number(),
      payableKg: z.string(),
      gross: z.string(),
      byClass: z.array(
        z.object({
          certificationClass: z.string(),
          payableKg: z.string(),
          pricePerKg: z.string(),
          /** payable kg × price per kg */
          valueAtPrice: z.string(),
          /** subtracted with a final price: what the tickets were credited at delivery */
          alreadyCredited: z.string(),
          amount: z.string(),
        }),
      ),
      deductions: z.array(z.object({ code: z.string(), requested: z.string(), taken: z.string() })),
      net: z.string(),
      floorApplied: z.boolean(),
      outlier: z.boolean(),
      posted: z.boolean(),
    }),
  ),
});

export const SettlementSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.string(),
  postedAt: z.string().nullable(),
});
export const SettlementList = itemsOf(SettlementSummary);
export const SettlementTicketsQuery = z.strictObject({ member: z.string().trim().min(1).max(30).optional() });
/** A ticket the settlement takes, with what it was credited at delivery. */
export const SettlementTicket = z.object({
  ticketId: z.uuid(),
  ticket: z.string(),
  memberNumber: z.string(),
  deliveryDate: z.string(),
  certificationClass: z.string(),
  payableKg: z.string(),
  creditedAtDelivery: z.string(),
});
export const SettlementTicketList = itemsOf(SettlementTicket);

// ---- types: each schema's parsed shape, under the schema's name ----
export type CreateSettlementBody = z.infer<typeof CreateSettlementBody>;
export type SettlementParams = z.infer<typeof SettlementParams>;
export type SettlementPreview = z.infer<typeof SettlementPreview>;
export type SettlementSummary = z.infer<typeof SettlementSummary>;
export type SettlementList = z.infer<typeof SettlementList>;
export type SettlementTicketsQuery = z.infer<typeof SettlementTicketsQuery>;
export type SettlementTicket = z.infer<typeof SettlementTicket>;
export type SettlementTicketList = z.infer<typeof SettlementTicketList>;
