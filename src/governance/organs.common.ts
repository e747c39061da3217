import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { todayIn, yearsBefore } from '../platform/dates.js';
import type { Executor } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import * as q from './governance.queries.js';
import type { GovernanceService } from './governance.service.js';
import { StatuteParamsColumn } from './governance.tables.js';
import { type StatuteParams, withDefaults } from './quorum.js';

/**
 * What the services of the organs (terms, elections, proxies) are built from and share: the
 * governance service for access, the statute and the live quorum; members for the people; and the
 * assembly an election or a proxy belongs to.
 */

export interface OrgansDeps extends ServiceDeps {
  orgs: OrgsService;
  members: MembersService;
  governance: GovernanceService;
}

/** The same day `years` later (29 February → 28 February in a common year). */
export const addYears = (date: string, years: number) => yearsBefore(date, -years);

/** The assembly, or 404 `governance.assembly_not_found`. */
export async function assemblyOf(exec: Executor, a: OrgAccess, assemblyId: string) {
  const assembly = await q.findAssembly(exec, a.org.org_id, assemblyId);
  if (!assembly) throw notFound('governance.assembly_not_found');
  return assembly;
}

/** The calendar day of the assembly's first call, where the cooperative is. */
export const assemblyDay = (a: OrgAccess, assembly: { first_call_at: Date }) =>
  todayIn(a.org.time_zone, assembly.first_call_at);

/** The statute the assembly was convened under (frozen on it), completed by the country's preset. */
export const assemblyParams = (a: OrgAccess, assembly: { params: unknown }): StatuteParams =>
  withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
