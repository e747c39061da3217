import type { ColumnType } from 'kysely';
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
