import type { ColumnType } from 'kysely';
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
