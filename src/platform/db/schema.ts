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

/** Platform's tables; src/database.ts merges in every domain's. */
export interface Database {
  countries: CountriesTable;
  currencies: CurrenciesTable;
  mass_units: MassUnitsTable;
  audit_heads: AuditHeadsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}
