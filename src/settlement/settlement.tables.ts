import type { ColumnType } from 'kysely';
import { z } from 'zod';
import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the settlement domain owns (created by migrations/0005_settlements.sql and later). Only this
 * domain's queries read and write them; other domains ask through settlement/index.ts. src/database.ts adds
 * `SettlementTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
export interface SettlementsTable {
  org_id: string;
  settlement_id: string;
  name: string;
  period_from: string;
  period_to: string;
  currency: string;
  rule: ColumnType<unknown, string, string>;
  services: ColumnType<unknown, string | undefined, string>;
  status: 'draft' | 'approved' | 'posted';
  computed_at: Timestamp;
  created_at: Timestamp;
  created_by_label: string;
  posted_at: Timestamp | null;
  posted_by_label: string | null;
}
export interface SettlementLinesTable {
  org_id: string;
  settlement_id: string;
  member_id: string;
  payable_grams: number;
  gross_minor: number;
  net_minor: number;
  floor_applied: boolean;
  detail: ColumnType<unknown, string, string>;
  entry_id: string | null;
}
/** The tickets a settlement takes (rewritten with its draft; frozen once posted). */
export interface SettlementTicketsTable {
  org_id: string;
  settlement_id: string;
  ticket_id: string;
  member_id: string;
}
/** A ticket settled, written by the database when its settlement is posted: at most once per ticket. */
export interface SettledTicketsTable {
  org_id: string;
  ticket_id: string;
  settlement_id: string;
  settled_at: Date;
}
export interface SettlementApprovalsTable {
  org_id: string;
  settlement_id: string;
  user_id: string;
  role: 'manager' | 'accountant';
  approved_at: Timestamp;
}

/** The settlement domain's tables by name, as src/database.ts merges them into Database. */
export interface SettlementTables {
  settlements: SettlementsTable;
  settlement_lines: SettlementLinesTable;
  settlement_tickets: SettlementTicketsTable;
  settled_tickets: SettledTicketsTable;
  settlement_approvals: SettlementApprovalsTable;
}

// ---- JSON columns: the shape of what is stored, parsed where it is read -----------------------------

/** `settlements.rule`: the rule as drafted, amounts in exact units as decimal text (bigints do not survive JSON). */
export const SettlementRuleColumn = z.object({
  /** Absent in settlements drafted before the final-price mode existed: a second payment. */
  mode: z.enum(['second_payment', 'final_price']).optional(),
  pricePerKgByClass: z.record(z.string(), z.string()),
  deductions: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('share_capital_per_qq'), perQuintalMinor: z.string() }),
      z.object({ kind: z.literal('owed') }),
      z.object({ kind: z.literal('services') }),
    ]),
  ),
  floorBp: z.number(),
});
export type StoredSettlementRule = z.infer<typeof SettlementRuleColumn>;

/** `settlements.services`: services charged to members (inputs, transport), in minor units as text. */
export const SettlementServicesColumn = z.array(
  z.object({ memberId: z.string(), code: z.string(), amountMinor: z.string() }),
);

/**
 * `settlement_lines.detail`: the member's computation (compute.ts `MemberSettlement`, bigints as text) and
 * how many tickets it took. Loose: the screen and the slip read these parts, the rest is kept for audit.
 */
export const LineDetailColumn = z.looseObject({
  memberId: z.string(),
  tickets: z.number().optional(),
  deductions: z.array(
    z.looseObject({ kind: z.string(), code: z.string(), requestedMinor: z.string(), takenMinor: z.string() }),
  ),
  grossByClass: z.array(
    z.looseObject({
      certificationClass: z.string(),
      payableGrams: z.string(),
      pricePerKg: z.string(),
      valueAtPriceMinor: z.string().optional(),
      alreadyCreditedMinor: z.string().optional(),
      amountMinor: z.string(),
    }),
  ),
});
