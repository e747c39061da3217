import { z } from 'zod';
import { MASS_UNITS } from '../platform/units.js';
import { DATA_AREAS, ORG_KINDS, ROLES } from './permissions.js';

/** The HTTP contract of organizations, people, sessions, grants, tokens and the audit trail. */

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
export const ClientId = z.uuid().describe('Client-made UUID; repeating a create with it is safe.');
const Locale = z.enum(['es', 'en']);
const Email = z.email().max(254);
const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /\//.test(tz);
  } catch {
    return false;
  }
}, 'IANA time zone');

export const OrgParams = z.strictObject({ org: Slug });

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

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

/** The error answers every route may give, for the OpenAPI document. */
export const NoContent = z.null().describe('No content');
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  429: Problem,
};
export const noContentResponses = { 204: NoContent, ...problemResponses };
