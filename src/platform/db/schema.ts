import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of every table, mirroring migrations/*.sql. Platform owns this file because Kysely needs
 * one database interface; each domain's section is marked. Keep it in step with the migrations: the
 * catalog test (test/catalog.test.ts) compares the two.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

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

// ---- orgs ------------------------------------------------------------------------------------------
export interface OrganizationsTable {
  org_id: string;
  slug: string;
  name: string;
  kind: 'cooperative' | 'central' | 'program' | 'buyer';
  country: string;
  currency: string;
  time_zone: string;
  locale: 'es' | 'en';
  display_mass_unit: string;
  region: string | null;
  province: string | null;
  district: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}
export interface UsersTable {
  user_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  locale: Generated<'es' | 'en'>;
  is_platform_admin: Generated<boolean>;
  created_at: Timestamp;
  password_changed_at: Timestamp;
}
export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  granted_at: Timestamp;
  granted_by: string | null;
}
export interface SessionsTable {
  session_hash: Buffer;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
}
export interface LoginAttemptsTable {
  email: string;
  ip: string;
  attempted_at: Timestamp;
  succeeded: boolean;
}
export interface ApiTokensTable {
  org_id: string;
  token_id: string;
  user_id: string;
  role: string;
  name: string;
  token_hash: Buffer;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}
export interface DataGrantsTable {
  org_id: string;
  grant_id: string;
  grantee_org_id: string;
  area: string;
  granted_at: Timestamp;
  granted_by: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface Database {
  countries: CountriesTable;
  currencies: CurrenciesTable;
  mass_units: MassUnitsTable;
  audit_heads: AuditHeadsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  data_grants: DataGrantsTable;
}
