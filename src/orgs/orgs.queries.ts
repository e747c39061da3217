import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type { DataGrantsTable, OrganizationsTable, UsersTable } from './orgs.tables.js';

/** The only place that builds SQL for organizations, users, memberships, grants and API tokens. */

export type OrgRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;

export function findCountry(db: Executor, code: string) {
  return db.selectFrom('countries').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findOrgBySlug(db: Executor, slug: string) {
  return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findOrgsByIds(db: Executor, orgIds: string[]) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').selectAll().where('org_id', 'in', orgIds).execute();
}

/** Locks an organization's row: work that must queue per organization (the book of minutes) takes it. */
export async function lockOrganization(db: Executor, orgId: string) {
  await db.selectFrom('organizations').select('org_id').where('org_id', '=', orgId).forUpdate().execute();
}

export function listAllOrgs(db: Executor) {
  return db.selectFrom('organizations').selectAll().orderBy('kind').orderBy('name').execute();
}

export function insertOrg(db: Executor, row: Insertable<OrganizationsTable>) {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateOrg(
  db: Executor,
  orgId: string,
  patch: Partial<
    Pick<OrgRow, 'name' | 'locale' | 'time_zone' | 'display_mass_unit' | 'region' | 'province' | 'district'>
  >,
) {
  return db
    .updateTable('organizations')
    .set(patch)
    .where('org_id', '=', orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Organizations where the user holds at least one role, with the roles. */
export function membershipsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.org_id', 'memberships.org_id')
    .select([
      'organizations.org_id',
      'organizations.slug',
      'organizations.name',
      'organizations.kind',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
}

export function rolesOfUserInOrg(db: Executor, userId: string, orgId: string) {
  return db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .execute();
}

/** Areas in force that `grantorOrgId` granted to any of `granteeOrgIds`. */
export function grantedAreas(db: Executor, grantorOrgId: string, granteeOrgIds: string[]) {
  if (granteeOrgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('data_grants')
    .select(['area', 'grantee_org_id'])
    .where('org_id', '=', grantorOrgId)
    .where('grantee_org_id', 'in', granteeOrgIds)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Grantor organizations with the areas they granted to any of `granteeOrgIds`. */
export function grantsReceivedBy(db: Executor, granteeOrgIds: string[]) {
  if (granteeOrgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('data_grants')
    .select(['org_id', 'area', 'grantee_org_id'])
    .where('grantee_org_id', 'in', granteeOrgIds)
    .where('revoked_at', 'is', null)
    .execute();
}

export function listGrantsOfOrg(db: Executor, orgId: string) {
  return db
    .selectFrom('data_grants as g')
    .innerJoin('organizations as grantor', 'grantor.org_id', 'g.org_id')
    .innerJoin('organizations as grantee', 'grantee.org_id', 'g.grantee_org_id')
    .innerJoin('users as u', 'u.user_id', 'g.granted_by')
    .select([
      'g.org_id',
      'g.grant_id',
      'g.area',
      'g.granted_at',
      'g.revoked_at',
      'grantor.slug as grantor_slug',
      'grantor.name as grantor_name',
      'grantee.slug as grantee_slug',
      'grantee.name as grantee_name',
      'u.email as granted_by_email',
    ])
    .where((eb) => eb.or([eb('g.org_id', '=', orgId), eb('g.grantee_org_id', '=', orgId)]))
    .orderBy('g.granted_at', 'desc')
    .execute();
}

export function insertGrant(db: Executor, row: Insertable<DataGrantsTable>) {
  return db.insertInto('data_grants').values(row).returningAll().executeTakeFirstOrThrow();
}

export function revokeGrant(db: Executor, orgId: string, grantId: string, by: string, at: Date) {
  return db
    .updateTable('data_grants')
    .set({ revoked_at: at, revoked_by: by })
    .where('org_id', '=', orgId)
    .where('grant_id', '=', grantId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Executor, userId: string) {
  return db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function insertUser(db: Executor, row: Insertable<UsersTable>) {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(
  db: Executor,
  userId: string,
  patch: Partial<Pick<UserRow, 'display_name' | 'locale' | 'password_hash' | 'password_changed_at'>>,
) {
  return db
    .updateTable('users')
    .set(patch)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertMembership(
  db: Executor,
  row: { org_id: string; user_id: string; role: string; granted_at: Date; granted_by: string | null },
) {
  return db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'role']).doNothing())
    .returning('role')
    .executeTakeFirst();
}

export function deleteMembership(db: Executor, orgId: string, userId: string, role: string) {
  return db
    .deleteFrom('memberships')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .returning('role')
    .executeTakeFirst();
}

export async function countRoleHolders(db: Executor, orgId: string, role: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listMembersOfOrg(db: Executor, orgId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.user_id', 'm.user_id')
    .select(['u.user_id', 'u.email', 'u.display_name', 'm.role', 'm.granted_at'])
    .where('m.org_id', '=', orgId)
    .orderBy('u.email')
    .orderBy('m.role')
    .execute();
}

/** Every user with their memberships, for `ayni user list`. */
export function listUsersWithOrgs(db: Executor, orgId?: string) {
  let query = db
    .selectFrom('users as u')
    .leftJoin('memberships as m', 'm.user_id', 'u.user_id')
    .leftJoin('organizations as o', 'o.org_id', 'm.org_id')
    .select(['u.user_id', 'u.email', 'u.display_name', 'u.is_platform_admin', 'o.slug', 'm.role'])
    .orderBy('u.email')
    .orderBy('o.slug')
    .orderBy('m.role');
  if (orgId) query = query.where('m.org_id', '=', orgId);
  return query.execute();
}

export function listTokensOfOrg(db: Executor, orgId: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.user_id', 't.user_id')
    .select(['t.token_id', 't.name', 't.role', 't.created_at', 't.expires_at', 't.revoked_at', 'u.email'])
    .where('t.org_id', '=', orgId)
    .orderBy('t.created_at', 'desc')
    .execute();
}

export function insertToken(
  db: Executor,
  row: {
    org_id: string;
    token_id: string;
    user_id: string;
    role: string;
    name: string;
    token_hash: Buffer;
    created_at: Date;
    expires_at: Date | null;
  },
) {
  return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

export function revokeToken(db: Executor, orgId: string, tokenId: string, by: string | null, at: Date) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at, revoked_by: by })
    .where('org_id', '=', orgId)
    .where('token_id', '=', tokenId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * An organization's audit events, newest first, a page at a time (`beforeSeq` continues a page). The
 * audit chain is platform's; the log an organization's officers read is this domain's view of it.
 */
export function listAuditEvents(db: Executor, orgId: string, options: { beforeSeq?: number; limit: number }) {
  let query = db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  return query.execute();
}
