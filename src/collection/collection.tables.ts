import type { ColumnType } from 'kysely';
import { z } from 'zod';
import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the collection domain owns (created by migrations/0004_collection.sql). Only this
 * domain's queries read and write them; other domains ask through collection/index.ts. src/database.ts adds
 * `CollectionTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
export interface CollectionPointsTable {
  org_id: string;
  point_id: string;
  code: string;
  name: string;
  community: string | null;
  last_ticket_number: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}
export interface CollectionPointCashiersTable {
  org_id: string;
  point_id: string;
  user_id: string;
  assigned_at: Timestamp;
}
export interface PriceSchedulesTable {
  org_id: string;
  schedule_id: string;
  effective_from: string;
  coffee_state: string;
  certification_class: string;
  rule: ColumnType<unknown, string, string>;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface WeighTicketsTable {
  org_id: string;
  ticket_id: string;
  point_id: string;
  ticket_number: number;
  member_id: string;
  delivered_at: Timestamp;
  delivery_date: string;
  coffee_state: string;
  certification_class: string;
  plot_ids: ColumnType<string[], string[] | undefined, string[]>;
  sacks: number;
  sack_type: string | null;
  gross_grams: number;
  tare_grams: number;
  net_grams: number;
  moisture_bp: number | null;
  yield_bp: number | null;
  factor_hundredths: number | null;
  defects: number | null;
  cup_score_hundredths: number | null;
  cup_protocol: string | null;
  schedule_id: string;
  payable_grams: number;
  unit_price: string;
  value_minor: number;
  cash_paid_minor: ColumnType<number, number | undefined, number>;
  currency: string;
  pricing: ColumnType<unknown, string, string>;
  entry_id: string;
  replaces_ticket_id: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_label: string;
}
export interface WeighTicketVoidsTable {
  org_id: string;
  ticket_id: string;
  reason: string;
  reversal_entry_id: string;
  voided_at: Timestamp;
  voided_by_label: string;
}

/** The collection domain's tables by name, as src/database.ts merges them into Database. */
export interface CollectionTables {
  collection_points: CollectionPointsTable;
  collection_point_cashiers: CollectionPointCashiersTable;
  price_schedules: PriceSchedulesTable;
  weigh_tickets: WeighTicketsTable;
  weigh_ticket_voids: WeighTicketVoidsTable;
}

// ---- JSON columns: the shape of what is stored, parsed where it is read -----------------------------

/**
 * `price_schedules.rule`: the pricing rule as stored, prices per kg in exact units as decimal text
 * (bigints do not survive JSON). schedules.service.ts `toPricingRule` turns it into pricing.ts's rule.
 */
export const PriceRuleColumn = z.object({
  base: z.object({ kind: z.literal('fixed'), pricePerKg: z.string() }),
  yieldRule: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('points'),
        referenceBp: z.number(),
        perPointPerKg: z.string(),
        perPointBelowPerKg: z.string().optional(),
      }),
      z.object({
        kind: z.literal('factor'),
        baseFactorHundredths: z.number(),
        maxFactorHundredths: z.number().optional(),
      }),
    ])
    .nullable(),
  moisture: z.object({ referenceBp: z.number() }).nullable(),
  certificationPremiums: z.record(z.string(), z.string()),
  cupPremiums: z.array(z.object({ minScoreHundredths: z.number(), premiumPerKg: z.string() })),
});
export type StoredPriceRule = z.infer<typeof PriceRuleColumn>;

/**
 * `weigh_tickets.pricing`: the ticket's price computation as recorded (pricing.ts `TicketPrice`, bigints
 * as text). The receipt reads its worded lines; the other figures are kept for audit.
 */
export const TicketPricingColumn = z.looseObject({
  lines: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.string()) })),
});
