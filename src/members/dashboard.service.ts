import type { Actor } from '../orgs/index.js';
import { yearsBefore } from '../platform/dates.js';
import { notFound } from '../platform/errors.js';
import { type MembersDeps, readAccess, today } from './access.js';
import { buildDashboard } from './dashboard.js';
import * as q from './members.queries.js';

const EMPTY = {
  orgs: [],
  byStatus: [],
  bySexAndAge: [],
  joins: [],
  withdrawals: [],
  areas: [],
  certifications: [],
  inspectionsDue: 0,
};

/**
 * The social-base dashboard: for a cooperative, its own register; for a central or program, every
 * cooperative that granted it the members area, together and one by one.
 */
export async function socialBaseDashboard(deps: MembersDeps, actor: Actor, slug: string, asOf?: string) {
  const { db } = deps;
  const { access, orgs: scope } = await deps.orgs.grantorsFor(db, actor, slug, 'members');
  if (access.org.kind === 'cooperative') await readAccess(deps, db, actor, slug);
  else if (access.org.kind === 'buyer') throw notFound('members.not_a_cooperative', { slug });
  const on = asOf ?? today(deps, access);
  const ids = scope.map((o) => o.org_id);
  if (ids.length === 0) return { asOf: on, scope: 'federation' as const, ...buildDashboard(EMPTY) };
  const [byStatus, bySexAndAge, joins, withdrawals, areas, certifications] = await Promise.all([
    q.countByStatus(db, ids),
    q.countBySexAndAge(db, ids, yearsBefore(on, 30), yearsBefore(on, 45), yearsBefore(on, 60)),
    q.joinsPerYear(db, ids),
    q.withdrawalsPerYear(db, ids),
    q.areasPerMember(db, ids),
    q.certificationCoverage(db, ids, on),
  ]);
  let inspectionsDueCount = 0;
  for (const id of ids)
    inspectionsDueCount += (await q.inspectionsDue(db, id, on, yearsBefore(on, 1))).length;
  return {
    asOf: on,
    scope: access.org.kind === 'cooperative' ? ('cooperative' as const) : ('federation' as const),
    ...buildDashboard({
      orgs: scope.map((o) => ({ org_id: o.org_id, slug: o.slug, name: o.name })),
      byStatus,
      bySexAndAge,
      joins: joins.filter((j) => j.year !== null),
      withdrawals,
      areas,
      certifications,
      inspectionsDue: inspectionsDueCount,
    }),
  };
}
