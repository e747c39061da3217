import type { Actor, OrgAccess, OrgsService } from '../orgs/index.js';
import { ACTIONS } from '../orgs/index.js';
import { todayIn } from '../platform/dates.js';
import type { Executor } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import * as q from './members.queries.js';

/**
 * What every service of the social base starts from: who may read or write a cooperative's register,
 * a member by number or 404, and today's date where the cooperative is.
 *
 * Reads are open to the cooperative's staff and, per consent, to its central or program; writes to its
 * admins and managers. A member reads only their own record (`ownMember`).
 */

/** What the members services are built from: the shared deps and the service that authorizes. */
export interface MembersDeps extends ServiceDeps {
  orgs: OrgsService;
}

const READ_ROLES = ACTIONS['members.read'];

/** Read access to a cooperative's register (its staff, or a central or program it granted the area). */
export async function readAccess(
  deps: Pick<MembersDeps, 'orgs'>,
  exec: Executor,
  actor: Actor,
  slug: string,
): Promise<OrgAccess> {
  const access = await deps.orgs.authorizeArea(exec, actor, slug, 'members', READ_ROLES);
  if (access.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
  return access;
}

/** Write access to a cooperative's register (`members.write`). */
export async function writeAccess(
  deps: Pick<MembersDeps, 'orgs'>,
  exec: Executor,
  actor: Actor,
  slug: string,
): Promise<OrgAccess> {
  const access = await deps.orgs.authorize(exec, actor, slug, 'members.write');
  if (access.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
  return access;
}

/** The member with this number in the organization, or 404 `members.not_found`. */
export async function memberOrThrow(
  exec: Executor,
  orgId: string,
  memberNumber: string,
): Promise<q.MemberRow> {
  const member = await q.findMemberByNumber(exec, orgId, memberNumber);
  if (!member) throw notFound('members.not_found', { memberNumber });
  return member;
}

/** Today's date in the organization's time zone, by the deps' clock. */
export function today(deps: Pick<ServiceDeps, 'clock'>, access: OrgAccess): string {
  return todayIn(access.org.time_zone, deps.clock.now());
}
