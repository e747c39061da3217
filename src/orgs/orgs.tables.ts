import type { Generated } from 'kysely';
import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the orgs domain owns (created by migrations/0001_foundation.sql). Only this
 * domain's queries read and write them; other domains ask through orgs/index.ts. src/database.ts adds
 * `OrgsTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
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

/** The orgs domain's tables by name, as src/database.ts merges them into Database. */
export interface OrgsTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  data_grants: DataGrantsTable;
}
