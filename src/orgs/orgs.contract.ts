import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import { DATA_AREAS, LOCALES, ORG_KINDS, ROLES } from '../shared/enums.js';
import { MASS_UNITS } from '../shared/units.js';

/**
 * The HTTP contract of organizations, people, sessions, grants, tokens and the audit trail: the routes
 * validate with these schemas, the OpenAPI document describes them, the web app types its calls with
 * them. Each schema has a type of the same name (its parsed shape).
 */

const Locale = z.enum(LOCALES);
const Email = z.email().max(254);
const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /\//.test(tz);
  } catch {
    return false;
  }
}, 'IANA time zone');

export const OrgView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  country: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  locale: Locale,
  displayMassUnit: z.string(),
  region: z.string().nullable(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  isDemo: z.boolean(),
  access: z.enum(['member', 'grantee', 'platform']),
  myRoles: z.array(z.enum(ROLES)),
  grantedAreas: z.array(z.enum(DATA_AREAS)),
});

export const OrgList = z.object({ items: z.array(OrgView) });

export const CreateOrgBody = z.strictObject({
  id: ClientId,
  slug: Slug,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ORG_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/),
  currency: z.enum(['PEN', 'COP', 'USD', 'EUR']).optional(),
  timeZone: TimeZone.optional(),
  locale: Locale.optional(),
  displayMassUnit: z.enum(MASS_UNITS).optional(),
  region: z.string().max(100).nullable().optional(),
  province: z.string().max(100).nullable().optional(),
  district: z.string().max(100).nullable().optional(),
});

export const UpdateOrgBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  displayMassUnit: z.enum(MASS_UNITS).optional(),
  region: z.string().max(100).nullable().optional(),
  province: z.string().max(100).nullable().optional(),
  district: z.string().max(100).nullable().optional(),
});

export const SignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(1000) });

export const MeView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  isPlatformAdmin: z.boolean(),
  csrfToken: z.string().nullable(),
  memberships: z.array(
    z.object({ orgSlug: z.string(), orgName: z.string(), orgKind: z.string(), roles: z.array(z.string()) }),
  ),
});

export const SignInResponse = z.object({ user: MeView, csrfToken: z.string() });
export const UpdateMeBody = z.strictObject({
  locale: Locale.optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
});
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(8).max(1000),
});

export const OrgUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export const AddUserBody = z.strictObject({
  email: Email,
  role: z.enum(ROLES),
  displayName: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(8).max(1000).optional(),
});
export const AddUserResponse = z.object({
  userId: z.uuid(),
  email: z.string(),
  role: z.string(),
  createdUser: z.boolean(),
  addedRole: z.boolean(),
});
export const UserRoleParams = z.strictObject({ org: Slug, userId: z.uuid(), role: z.enum(ROLES) });

export const GrantView = z.object({
  id: z.uuid(),
  grantorSlug: z.string(),
  grantorName: z.string(),
  granteeSlug: z.string(),
  granteeName: z.string(),
  area: z.string(),
  grantedAt: z.string(),
  grantedByEmail: z.string(),
  revokedAt: z.string().nullable(),
});
export const GrantList = z.object({ given: z.array(GrantView), received: z.array(GrantView) });
export const CreateGrantBody = z.strictObject({ id: ClientId, granteeSlug: Slug, area: z.enum(DATA_AREAS) });
export const GrantParams = z.strictObject({ org: Slug, grantId: z.uuid() });

export const TokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  ownerEmail: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreateTokenBody = z.strictObject({
  id: ClientId,
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  expiresAt: z.iso.datetime().nullable().optional(),
});
export const CreatedToken = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  secret: z.string().nullable().describe('Shown once, at creation; null on a repeated create.'),
});
export const TokenParams = z.strictObject({ org: Slug, tokenId: z.uuid() });

export const AuditQuery = z.strictObject({
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const AuditEvent = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  actor: z.string(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  digest: z.string(),
  hash: z.string(),
});
export const AuditPage = z.object({ items: z.array(AuditEvent) });
export const AuditVerdict = z.object({
  ok: z.boolean(),
  events: z.number(),
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional(),
});

export const OrgUserList = itemsOf(OrgUser);
export const TokenList = itemsOf(TokenView);

// ---- types: each schema's parsed shape, under the schema's name ----
export type OrgView = z.infer<typeof OrgView>;
export type OrgList = z.infer<typeof OrgList>;
export type CreateOrgBody = z.infer<typeof CreateOrgBody>;
export type UpdateOrgBody = z.infer<typeof UpdateOrgBody>;
export type SignInBody = z.infer<typeof SignInBody>;
export type MeView = z.infer<typeof MeView>;
export type SignInResponse = z.infer<typeof SignInResponse>;
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
export type OrgUser = z.infer<typeof OrgUser>;
export type AddUserBody = z.infer<typeof AddUserBody>;
export type AddUserResponse = z.infer<typeof AddUserResponse>;
export type UserRoleParams = z.infer<typeof UserRoleParams>;
export type GrantView = z.infer<typeof GrantView>;
export type GrantList = z.infer<typeof GrantList>;
export type CreateGrantBody = z.infer<typeof CreateGrantBody>;
export type GrantParams = z.infer<typeof GrantParams>;
export type TokenView = z.infer<typeof TokenView>;
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;
export type CreatedToken = z.infer<typeof CreatedToken>;
export type TokenParams = z.infer<typeof TokenParams>;
export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditEvent = z.infer<typeof AuditEvent>;
export type AuditPage = z.infer<typeof AuditPage>;
export type AuditVerdict = z.infer<typeof AuditVerdict>;
export type OrgUserList = z.infer<typeof OrgUserList>;
export type TokenList = z.infer<typeof TokenList>;
