import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../platform/audit.js';
import type { Executor, Trx } from '../platform/db/transaction.js';
import { inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, forbidden, fromDatabaseError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { type Actor, actorUserId, auditActor } from './actor.js';
import * as q from './orgs.queries.js';
import { hashPassword } from './passwords.js';
import {
  type Action,
  can,
  type DataArea,
  GRANTEE_READER_ROLES,
  isRole,
  type OrgKind,
  type Role,
  roleFitsKind,
} from './permissions.js';

export interface OrgView {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  country: string;
  currency: string;
  timeZone: string;
  locale: 'es' | 'en';
  displayMassUnit: string;
  region: string | null;
  province: string | null;
  district: string | null;
  isDemo: boolean;
  /** How the caller sees it: as one of its people, through a data grant, or as platform administrator. */
  access: 'member' | 'grantee' | 'platform';
  myRoles: Role[];
  grantedAreas: DataArea[];
}

/** What an actor may do in one organization, resolved once per call. */
export interface OrgAccess {
  org: q.OrgRow;
  roles: Role[];
  via: 'member' | 'grantee' | 'platform';
  areas: DataArea[];
}

export interface GrantView {
  id: string;
  grantorSlug: string;
  grantorName: string;
  granteeSlug: string;
  granteeName: string;
  area: string;
  grantedAt: string;
  grantedByEmail: string;
  revokedAt: string | null;
}

export interface CreateOrgInput {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  country: string;
  currency?: string;
  timeZone?: string;
  locale?: 'es' | 'en';
  displayMassUnit?: string;
  region?: string | null;
  province?: string | null;
  district?: string | null;
  isDemo?: boolean;
}

function toOrgView(org: q.OrgRow, access: Omit<OrgAccess, 'org'>): OrgView {
  return {
    id: org.org_id,
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    country: org.country,
    currency: org.currency,
    timeZone: org.time_zone,
    locale: org.locale,
    displayMassUnit: org.display_mass_unit,
    region: org.region,
    province: org.province,
    district: org.district,
    isDemo: org.is_demo,
    access: access.via,
    myRoles: access.roles,
    grantedAreas: access.areas,
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest();

export function createOrgsService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  /** The organizations the actor's own roles come from, with those roles. */
  async function ownRoles(exec: Executor, actor: Actor): Promise<Map<string, Role[]>> {
    const result = new Map<string, Role[]>();
    if (actor.kind === 'system') return result;
    if (actor.kind === 'token') {
      result.set(actor.orgId, [actor.role]);
      return result;
    }
    for (const row of await q.membershipsOfUser(exec, actor.userId)) {
      if (!isRole(row.role)) continue;
      result.set(row.org_id, [...(result.get(row.org_id) ?? []), row.role]);
    }
    return result;
  }

  /** Own organizations whose people may read what cooperatives granted them. */
  function readerOrgIds(own: Map<string, Role[]>): string[] {
    return [...own]
      .filter(([, roles]) => roles.some((r) => GRANTEE_READER_ROLES.includes(r)))
      .map(([id]) => id);
  }

  async function accessTo(exec: Executor, actor: Actor, org: q.OrgRow): Promise<OrgAccess | undefined> {
    const own = await ownRoles(exec, actor);
    const roles = own.get(org.org_id);
    if (roles?.length) return { org, roles, via: 'member', areas: [] };
    if (actor.isPlatformAdmin) return { org, roles: [], via: 'platform', areas: [] };
    const granted = await q.grantedAreas(exec, org.org_id, readerOrgIds(own));
    if (granted.length === 0) return undefined;
    const areas = [...new Set(granted.map((g) => g.area as DataArea))].sort();
    return { org, roles: [], via: 'grantee', areas };
  }

  /**
   * Resolves an organization for an actor. An organization the actor may not see does not exist for
   * them: 404, never 403, so its existence leaks nothing.
   */
  async function resolve(exec: Executor, actor: Actor, slug: string): Promise<OrgAccess> {
    const org = await q.findOrgBySlug(exec, slug);
    const access = org && (await accessTo(exec, actor, org));
    if (!access) throw notFound('org.not_found', { slug });
    return access;
  }

  /** Resolves and checks one action; platform administrators and the system may do everything. */
  async function authorize(exec: Executor, actor: Actor, slug: string, action: Action): Promise<OrgAccess> {
    const access = await resolve(exec, actor, slug);
    if (actor.isPlatformAdmin || can(access.roles, action)) return access;
    throw forbidden();
  }

  /**
   * For other domains: read access to one data area of an organization. Its own people read by role
   * (the domain decides which roles); a central or program reads only an area the cooperative granted.
   */
  async function authorizeArea(
    exec: Executor,
    actor: Actor,
    slug: string,
    area: DataArea,
    ownRolesAllowed: readonly Role[],
  ): Promise<OrgAccess> {
    const access = await resolve(exec, actor, slug);
    if (actor.isPlatformAdmin) return access;
    if (access.via === 'member' && access.roles.some((r) => ownRolesAllowed.includes(r))) return access;
    if (access.via === 'grantee' && access.areas.includes(area)) return access;
    throw forbidden();
  }

  /**
   * For a central or program: the cooperatives that granted it `area`, for reports across them. Its
   * people with a reader role only; a cooperative gets just itself.
   */
  async function grantorsFor(
    exec: Executor,
    actor: Actor,
    slug: string,
    area: DataArea,
  ): Promise<{ access: OrgAccess; orgs: q.OrgRow[] }> {
    const access = await resolve(exec, actor, slug);
    if (access.org.kind === 'cooperative' || access.org.kind === 'buyer')
      return { access, orgs: [access.org] };
    if (!actor.isPlatformAdmin && !access.roles.some((r) => GRANTEE_READER_ROLES.includes(r)))
      throw forbidden();
    const grants = (await q.grantsReceivedBy(exec, [access.org.org_id])).filter((g) => g.area === area);
    const orgs = await q.findOrgsByIds(exec, [...new Set(grants.map((g) => g.org_id))]);
    return { access, orgs: orgs.sort((a, b) => a.name.localeCompare(b.name, 'es')) };
  }

  /** For other domains, after they authorized the caller: the id of the person with that email and role here. */
  async function userWithRole(
    exec: Executor,
    orgId: string,
    email: string,
    role: Role,
  ): Promise<string | undefined> {
    const user = await q.findUserByEmail(exec, email.trim().toLowerCase());
    if (!user) return undefined;
    const roles = await q.rolesOfUserInOrg(exec, user.user_id, orgId);
    return roles.some((r) => r.role === role) ? user.user_id : undefined;
  }

  async function listVisibleOrgs(actor: Actor): Promise<OrgView[]> {
    const own = await ownRoles(db, actor);
    if (actor.isPlatformAdmin) {
      return (await q.listAllOrgs(db)).map((org) =>
        toOrgView(org, {
          roles: own.get(org.org_id) ?? [],
          via: own.has(org.org_id) ? 'member' : 'platform',
          areas: [],
        }),
      );
    }
    const views: OrgView[] = [];
    const areasByGrantor = new Map<string, Set<DataArea>>();
    for (const grant of await q.grantsReceivedBy(db, readerOrgIds(own))) {
      if (own.has(grant.org_id)) continue;
      const set = areasByGrantor.get(grant.org_id) ?? new Set<DataArea>();
      set.add(grant.area as DataArea);
      areasByGrantor.set(grant.org_id, set);
    }
    for (const org of await q.findOrgsByIds(db, [...own.keys(), ...areasByGrantor.keys()])) {
      const id = org.org_id;
      const roles = own.get(id);
      views.push(
        toOrgView(
          org,
          roles
            ? { roles, via: 'member', areas: [] }
            : { roles: [], via: 'grantee', areas: [...(areasByGrantor.get(id) ?? [])].sort() },
        ),
      );
    }
    return views.sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  async function getOrg(actor: Actor, slug: string): Promise<OrgView> {
    // Whoever may see an organization at all (a role, a grant, platform administration) sees its profile.
    const access = await resolve(db, actor, slug);
    return toOrgView(access.org, access);
  }

  async function createOrg(actor: Actor, input: CreateOrgInput): Promise<OrgView> {
    if (!actor.isPlatformAdmin) throw forbidden();
    const country = await q.findCountry(db, input.country);
    if (!country) throw invalid('error.invalid_body', [{ path: 'country', code: 'field.invalid' }]);
    const at = clock.now();
    return inTransaction(db, async (trx) => {
      const { result } = await idempotentCreate(
        trx,
        { orgId: input.id, id: input.id, operation: 'org.create', body: input, at },
        async () => {
          const existing = await q.findOrgBySlug(trx, input.slug);
          if (existing) throw new AppError('conflict', 'org.slug_taken', { params: { slug: input.slug } });
          const org = await q.insertOrg(trx, {
            org_id: input.id,
            slug: input.slug,
            name: input.name.trim(),
            kind: input.kind,
            country: input.country,
            currency: input.currency ?? country.default_currency,
            time_zone: input.timeZone ?? country.default_time_zone,
            locale:
              input.locale ??
              (input.country === 'PE' || input.country === 'CO' || input.country === 'ES' ? 'es' : 'en'),
            display_mass_unit: input.displayMassUnit ?? 'kg',
            region: input.region ?? null,
            province: input.province ?? null,
            district: input.district ?? null,
            is_demo: input.isDemo ?? false,
            created_at: at,
          });
          await appendAudit(trx, {
            orgId: org.org_id,
            actor: auditActor(actor),
            action: 'org.create',
            entityType: 'organization',
            entityId: org.org_id,
            data: input,
            at,
          });
          return toOrgView(org, { roles: [], via: 'platform', areas: [] });
        },
      );
      return result;
    });
  }

  async function updateOrg(
    actor: Actor,
    slug: string,
    patch: Partial<
      Pick<
        CreateOrgInput,
        'name' | 'locale' | 'timeZone' | 'displayMassUnit' | 'region' | 'province' | 'district'
      >
    >,
  ): Promise<OrgView> {
    return inTransaction(db, async (trx) => {
      const access = await authorize(trx, actor, slug, 'org.update');
      const at = clock.now();
      const changes = {
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.locale !== undefined && { locale: patch.locale }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        ...(patch.displayMassUnit !== undefined && { display_mass_unit: patch.displayMassUnit }),
        ...(patch.region !== undefined && { region: patch.region }),
        ...(patch.province !== undefined && { province: patch.province }),
        ...(patch.district !== undefined && { district: patch.district }),
      };
      // Nothing to change is not a write: no UPDATE, no audit event.
      if (Object.keys(changes).length === 0) return toOrgView(access.org, access);
      const org = await q.updateOrg(trx, access.org.org_id, changes);
      await appendAudit(trx, {
        orgId: org.org_id,
        actor: auditActor(actor),
        action: 'org.update',
        entityType: 'organization',
        entityId: org.org_id,
        data: patch,
        at,
      });
      return toOrgView(org, access);
    });
  }

  // ---- people and roles ------------------------------------------------------------------------------

  async function listOrgUsers(actor: Actor, slug: string) {
    const access = await authorize(db, actor, slug, 'users.read');
    const rows = await q.listMembersOfOrg(db, access.org.org_id);
    const byUser = new Map<string, { id: string; email: string; displayName: string; roles: string[] }>();
    for (const row of rows) {
      const entry = byUser.get(row.user_id) ?? {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        roles: [],
      };
      entry.roles.push(row.role);
      byUser.set(row.user_id, entry);
    }
    return [...byUser.values()];
  }

  /**
   * Gives a person a role in an organization, creating their account when the email is new (then a
   * password is required). Giving a role someone already has changes nothing: naturally idempotent.
   */
  async function addUserRole(
    actor: Actor,
    slug: string,
    input: { email: string; role: Role; displayName?: string; password?: string },
  ): Promise<{ userId: string; email: string; role: Role; createdUser: boolean; addedRole: boolean }> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return inTransaction(db, (trx) => addUserRoleIn(trx, actor, slug, { ...input, email }, passwordHash));
  }

  async function addUserRoleIn(
    trx: Trx,
    actor: Actor,
    slug: string,
    input: { email: string; role: Role; displayName?: string; password?: string },
    passwordHash: string | undefined,
  ) {
    const access = await authorize(trx, actor, slug, 'users.manage');
    if (!roleFitsKind(input.role, access.org.kind)) {
      throw invalid(
        'org.role_not_allowed',
        [{ path: 'role', code: 'org.role_not_allowed', params: { role: input.role, kind: access.org.kind } }],
        {
          role: input.role,
          kind: access.org.kind,
        },
      );
    }
    const at = clock.now();
    let user = await q.findUserByEmail(trx, input.email);
    let createdUser = false;
    if (!user) {
      if (!passwordHash) throw invalid('error.invalid_body', [{ path: 'password', code: 'field.required' }]);
      user = await q.insertUser(trx, {
        user_id: ids.next(),
        email: input.email,
        display_name: input.displayName?.trim() || input.email.split('@')[0]!,
        password_hash: passwordHash,
        locale: access.org.locale,
        created_at: at,
        password_changed_at: at,
      });
      createdUser = true;
    }
    const added = await q.insertMembership(trx, {
      org_id: access.org.org_id,
      user_id: user.user_id,
      role: input.role,
      granted_at: at,
      granted_by: actorUserId(actor),
    });
    if (added) {
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'membership.add',
        entityType: 'user',
        entityId: user.user_id,
        data: { email: user.email, role: input.role, createdUser },
        at,
      });
    }
    return {
      userId: user.user_id,
      email: user.email,
      role: input.role,
      createdUser,
      addedRole: Boolean(added),
    };
  }

  /**
   * Creates an account with no role yet, or a platform administrator (platform administrators only).
   * Accounts are global, not an organization's data; giving them roles is what the audit trail records.
   */
  async function createUser(
    actor: Actor,
    input: {
      email: string;
      displayName: string;
      password: string;
      isPlatformAdmin?: boolean;
      locale?: 'es' | 'en';
    },
  ): Promise<{ userId: string; email: string }> {
    if (!actor.isPlatformAdmin) throw forbidden();
    const passwordHash = await hashPassword(input.password);
    const at = clock.now();
    const user = await q
      .insertUser(db, {
        user_id: ids.next(),
        email: input.email.trim().toLowerCase(),
        display_name: input.displayName.trim(),
        password_hash: passwordHash,
        locale: input.locale ?? 'es',
        is_platform_admin: input.isPlatformAdmin ?? false,
        created_at: at,
        password_changed_at: at,
      })
      .catch((error: unknown) => {
        throw fromDatabaseError(error) ?? error;
      });
    return { userId: user.user_id, email: user.email };
  }

  async function removeUserRole(actor: Actor, slug: string, userId: string, role: Role): Promise<void> {
    await inTransaction(db, async (trx) => {
      const access = await authorize(trx, actor, slug, 'users.manage');
      if (role === 'admin' && (await q.countRoleHolders(trx, access.org.org_id, 'admin')) <= 1) {
        throw new AppError('conflict', 'org.last_admin');
      }
      const removed = await q.deleteMembership(trx, access.org.org_id, userId, role);
      if (!removed) throw notFound('org.user_not_found');
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'membership.remove',
        entityType: 'user',
        entityId: userId,
        data: { role },
        at: clock.now(),
      });
    });
  }

  // ---- data-sharing grants -------------------------------------------------------------------------

  function toGrantView(row: Awaited<ReturnType<typeof q.listGrantsOfOrg>>[number]): GrantView {
    return {
      id: row.grant_id,
      grantorSlug: row.grantor_slug,
      grantorName: row.grantor_name,
      granteeSlug: row.grantee_slug,
      granteeName: row.grantee_name,
      area: row.area,
      grantedAt: row.granted_at.toISOString(),
      grantedByEmail: row.granted_by_email,
      revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    };
  }

  async function listGrants(
    actor: Actor,
    slug: string,
  ): Promise<{ given: GrantView[]; received: GrantView[] }> {
    const access = await authorize(db, actor, slug, 'grants.read');
    const rows = await q.listGrantsOfOrg(db, access.org.org_id);
    return {
      given: rows.filter((r) => r.org_id === access.org.org_id).map(toGrantView),
      received: rows.filter((r) => r.org_id !== access.org.org_id).map(toGrantView),
    };
  }

  /** A cooperative consents to a central or program reading one data area. Recorded with who and when. */
  async function createGrant(
    actor: Actor,
    slug: string,
    input: { id: string; granteeSlug: string; area: DataArea },
  ): Promise<GrantView> {
    return inTransaction(db, async (trx) => {
      const access = await authorize(trx, actor, slug, 'grants.manage');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: access.org.org_id, id: input.id, operation: 'grant.create', body: input, at },
        async () => {
          if (access.org.kind !== 'cooperative') throw new AppError('invalid', 'org.grant_not_cooperative');
          const grantee = await q.findOrgBySlug(trx, input.granteeSlug);
          if (!grantee)
            throw invalid(
              'org.not_found',
              [{ path: 'granteeSlug', code: 'org.not_found', params: { slug: input.granteeSlug } }],
              { slug: input.granteeSlug },
            );
          if (grantee.kind !== 'central' && grantee.kind !== 'program') {
            throw invalid('org.grantee_kind', [{ path: 'granteeSlug', code: 'org.grantee_kind' }]);
          }
          const grantedBy = actorUserId(actor);
          // A consent is always given by a person of the cooperative, never by the system.
          if (!grantedBy) throw forbidden();
          const existing = await q.grantedAreas(trx, access.org.org_id, [grantee.org_id]);
          if (existing.some((g) => g.area === input.area)) throw new AppError('conflict', 'org.grant_exists');
          await q.insertGrant(trx, {
            org_id: access.org.org_id,
            grant_id: input.id,
            grantee_org_id: grantee.org_id,
            area: input.area,
            granted_at: at,
            granted_by: grantedBy,
          });
          await appendAudit(trx, {
            orgId: access.org.org_id,
            actor: auditActor(actor),
            action: 'grant.create',
            entityType: 'data_grant',
            entityId: input.id,
            data: { grantee: grantee.slug, area: input.area },
            at,
          });
          const row = (await q.listGrantsOfOrg(trx, access.org.org_id)).find((r) => r.grant_id === input.id)!;
          return toGrantView(row);
        },
      );
      return result;
    });
  }

  async function revokeGrant(actor: Actor, slug: string, grantId: string): Promise<GrantView> {
    return inTransaction(db, async (trx) => {
      const access = await authorize(trx, actor, slug, 'grants.manage');
      const by = actorUserId(actor);
      if (!by) throw forbidden();
      const at = clock.now();
      const revoked = await q.revokeGrant(trx, access.org.org_id, grantId, by, at);
      if (!revoked) throw notFound('org.grant_not_found');
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'grant.revoke',
        entityType: 'data_grant',
        entityId: grantId,
        data: { area: revoked.area },
        at,
      });
      const row = (await q.listGrantsOfOrg(trx, access.org.org_id)).find((r) => r.grant_id === grantId)!;
      return toGrantView(row);
    });
  }

  // ---- API tokens ----------------------------------------------------------------------------------

  /**
   * Creates an API token for the calling person, acting with one of their roles in this organization.
   * The secret is shown once; only its hash is kept, and a replay of the same create does not show it.
   */
  async function createToken(
    actor: Actor,
    slug: string,
    input: { id: string; name: string; role: Role; expiresAt?: string | null },
  ) {
    if (actor.kind !== 'user') throw forbidden();
    const secret = `ayni_${randomBytes(32).toString('base64url')}`;
    return inTransaction(db, async (trx) => {
      const access = await authorize(trx, actor, slug, 'tokens.manage');
      const at = clock.now();
      const { result, replayed } = await idempotentCreate(
        trx,
        { orgId: access.org.org_id, id: input.id, operation: 'token.create', body: input, at },
        async () => {
          const roles = (await q.rolesOfUserInOrg(trx, actor.userId, access.org.org_id)).map((r) => r.role);
          if (!roles.includes(input.role)) throw forbidden();
          const row = await q.insertToken(trx, {
            org_id: access.org.org_id,
            token_id: input.id,
            user_id: actor.userId,
            role: input.role,
            name: input.name.trim(),
            token_hash: sha256(secret),
            created_at: at,
            expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
          });
          await appendAudit(trx, {
            orgId: access.org.org_id,
            actor: auditActor(actor),
            action: 'token.create',
            entityType: 'api_token',
            entityId: row.token_id,
            data: { name: row.name, role: row.role },
            at,
          });
          return {
            id: row.token_id,
            name: row.name,
            role: row.role,
            createdAt: row.created_at.toISOString(),
            expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
          };
        },
      );
      return { ...result, secret: replayed ? null : secret };
    });
  }

  async function listTokens(actor: Actor, slug: string) {
    const access = await authorize(db, actor, slug, 'tokens.manage');
    return (await q.listTokensOfOrg(db, access.org.org_id)).map((t) => ({
      id: t.token_id,
      name: t.name,
      role: t.role,
      ownerEmail: t.email,
      createdAt: t.created_at.toISOString(),
      expiresAt: t.expires_at ? t.expires_at.toISOString() : null,
      revokedAt: t.revoked_at ? t.revoked_at.toISOString() : null,
    }));
  }

  async function revokeToken(actor: Actor, slug: string, tokenId: string): Promise<void> {
    await inTransaction(db, async (trx) => {
      const access = await authorize(trx, actor, slug, 'tokens.manage');
      const at = clock.now();
      const row = await q.revokeToken(trx, access.org.org_id, tokenId, actorUserId(actor), at);
      if (!row) throw notFound('org.token_not_found');
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'token.revoke',
        entityType: 'api_token',
        entityId: tokenId,
        data: {},
        at,
      });
    });
  }

  // ---- audit ---------------------------------------------------------------------------------------

  async function listAudit(actor: Actor, slug: string, options: { beforeSeq?: number; limit: number }) {
    const access = await authorize(db, actor, slug, 'audit.read');
    const rows = await q.listAuditEvents(db, access.org.org_id, options);
    return rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor_label,
      actorUserId: r.actor_user_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      digest: r.digest,
      hash: r.hash,
    }));
  }

  /** For other domains, after they authorized the caller: an organization by slug (a central to deliver to). */
  function orgBySlug(exec: Executor, slug: string) {
    return q.findOrgBySlug(exec, slug);
  }

  /** For other domains, after they authorized the caller: organizations by id (names of lots' owners). */
  function orgsByIds(exec: Executor, orgIds: string[]) {
    return q.findOrgsByIds(exec, orgIds);
  }

  return {
    resolve,
    authorize,
    orgBySlug,
    orgsByIds,
    authorizeArea,
    grantorsFor,
    userWithRole,
    listVisibleOrgs,
    getOrg,
    createOrg,
    updateOrg,
    listOrgUsers,
    addUserRole,
    createUser,
    removeUserRole,
    listGrants,
    createGrant,
    revokeGrant,
    createToken,
    listTokens,
    revokeToken,
    listAudit,
    lockOrganization: q.lockOrganization,
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
