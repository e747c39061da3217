import type { ColumnType } from 'kysely';

/**
 * The one Database type Kysely needs, assembled without platform importing any domain: platform declares
 * `Database` here with its own tables (reference data, audit chain, idempotency keys), and src/database.ts
 * merges every domain's tables into it by declaration merging (`declare module` … `interface Database
 * extends MembersTables, …`). Each domain's row types live in its own `<domain>.tables.ts`.
 *
 * Why merging rather than a generic `Kysely<DB>` through platform: every helper here (transactions,
 * audit, idempotency, chunked inserts) and every query keeps one concrete type, so column names and row
 * shapes are checked everywhere as before, and adding a domain is one line in src/database.ts.
 * Keep it in step with the migrations: the catalog test (test/catalog.test.ts) compares the two.
 */

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

// ---- platform / reference --------------------------------------------------------------------------
export interface CountriesTable {
  code: string;
  name_es: string;
  name_en: string;
  default_currency: string;
  default_time_zone: string;
}
export interface CurrenciesTable {
  code: string;
  minor_units: number;
  name_es: string;
  name_en: string;
}
export interface MassUnitsTable {
  code: string;
  milligrams: number;
  name_es: string;
  name_en: string;
  country: string | null;
}
export interface AuditHeadsTable {
  org_id: string;
  last_seq: number;
  last_hash: string;
}
export interface AuditEventsTable {
  org_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  digest: string;
  prev_hash: string;
  hash: string;
}
export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  operation: string;
  request_digest: string;
  response: ColumnType<unknown, string | null, string | null> | null;
  created_at: Timestamp;
}

// ---- collection ---------------------------------------------------------------------------------
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

// ---- settlement ---------------------------------------------------------------------------------
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

// ---- payments -----------------------------------------------------------------------------------
export interface PaymentBatchesTable {
  org_id: string;
  batch_id: string;
  method: 'cash' | 'bank' | 'mobile_wallet';
  note: string | null;
  currency: string;
  created_at: Timestamp;
  created_by_label: string;
}
export interface PaymentsTable {
  org_id: string;
  payment_id: string;
  batch_id: string;
  member_id: string;
  amount_minor: number;
  status: 'pending' | 'paid' | 'cancelled';
  reference: string | null;
  paid_on: string | null;
  entry_id: string | null;
  marked_at: Timestamp | null;
  marked_by_label: string | null;
}

/** Platform's tables; src/database.ts merges in every domain's. */
export interface Database {
  countries: CountriesTable;
  currencies: CurrenciesTable;
  mass_units: MassUnitsTable;
  audit_heads: AuditHeadsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  collection_points: CollectionPointsTable;
  collection_point_cashiers: CollectionPointCashiersTable;
  price_schedules: PriceSchedulesTable;
  weigh_tickets: WeighTicketsTable;
  weigh_ticket_voids: WeighTicketVoidsTable;
  settlements: SettlementsTable;
  settlement_lines: SettlementLinesTable;
  settlement_tickets: SettlementTicketsTable;
  settled_tickets: SettledTicketsTable;
  settlement_approvals: SettlementApprovalsTable;
  payment_batches: PaymentBatchesTable;
  payments: PaymentsTable;
}
