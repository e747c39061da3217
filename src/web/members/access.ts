import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { Role } from '../../shared/enums.js';

/** Who may do what in the social base, as the server decides it (src/orgs/permissions.ts). */
const READ_ROLES: readonly Role[] = [
  'admin',
  'manager',
  'accountant',
  'cashier',
  'board',
  'oversight',
  'viewer',
];
const WRITE_ROLES: readonly Role[] = ['admin', 'manager'];

type OrgAccess = Pick<Org, 'kind' | 'access' | 'myRoles'> & { grantedAreas?: string[] };

/** Staff of the cooperative, a central or program it shared its members with, or a platform admin. */
export function canReadMembers(org: OrgAccess): boolean {
  if (org.access === 'platform') return true;
  if (org.access === 'grantee') return org.grantedAreas?.includes('members') ?? false;
  return org.myRoles.some((role) => READ_ROLES.includes(role));
}

/** Admins and managers of the cooperative itself (and platform admins). Grantees only read. */
export function canWriteMembers(org: OrgAccess): boolean {
  if (org.access === 'platform') return true;
  return org.access === 'member' && org.myRoles.some((role) => WRITE_ROLES.includes(role));
}

/** A member of a cooperative, with a record of their own in it. */
export function hasOwnRecord(org: OrgAccess): boolean {
  return org.kind === 'cooperative' && org.access === 'member' && org.myRoles.includes('member');
}

/** A person whose only way into the social base is their own record: the navigation shows "My record". */
export function isMemberOnly(org: OrgAccess): boolean {
  return hasOwnRecord(org) && !canReadMembers(org);
}

/** Centrals and programs see the social base aggregated over the cooperatives that granted it. */
export function isFederation(org: Pick<Org, 'kind'>): boolean {
  return org.kind === 'central' || org.kind === 'program';
}
