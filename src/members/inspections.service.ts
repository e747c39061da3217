import type { Actor } from '../orgs/index.js';
import { auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { addDays, yearsBefore } from '../platform/dates.js';
import { inTransaction } from '../platform/db/transaction.js';
import { invalid } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { type MembersDeps, memberOrThrow, readAccess, today, writeAccess } from './access.js';
import * as q from './members.queries.js';
import { NonConformitiesColumn } from './members.tables.js';

/**
 * Internal inspections (the internal control system certified groups keep): one a year per certified
 * member, its result and non-conformities. A rejected inspection can cost good standing (standing.ts).
 */

export function inspectionView(i: Awaited<ReturnType<typeof q.inspectionsOf>>[number], memberNumber: string) {
  return {
    id: i.inspection_id,
    memberNumber,
    inspectedOn: i.inspected_on,
    inspector: i.inspector,
    result: i.result,
    nonConformities: NonConformitiesColumn.parse(i.non_conformities),
    sanctions: i.sanctions,
  };
}

export async function listInspections(deps: MembersDeps, actor: Actor, slug: string, memberNumber: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const member = await memberOrThrow(deps.db, access.org.org_id, memberNumber);
  return (await q.inspectionsOf(deps.db, access.org.org_id, member.member_id)).map((i) =>
    inspectionView(i, memberNumber),
  );
}

export async function addInspection(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
  input: {
    id: string;
    inspectedOn: string;
    inspector: string;
    result: 'approved' | 'approved_with_conditions' | 'rejected';
    nonConformities: { code: string; description: string; severity: string }[];
    sanctions?: string | null | undefined;
  },
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
    const at = deps.clock.now();
    if (input.inspectedOn > today(deps, access))
      throw invalid('error.invalid_body', [{ path: 'inspectedOn', code: 'members.future_date' }]);
    const { result } = await idempotentCreate(
      trx,
      {
        orgId: access.org.org_id,
        id: input.id,
        operation: 'inspection.create',
        body: { memberNumber, ...input },
        at,
      },
      async () => {
        const row = await q.insertInspection(trx, {
          org_id: access.org.org_id,
          inspection_id: input.id,
          member_id: member.member_id,
          inspected_on: input.inspectedOn,
          inspector: input.inspector,
          result: input.result,
          non_conformities: JSON.stringify(input.nonConformities),
          sanctions: input.sanctions ?? null,
          recorded_at: at,
        });
        await appendAudit(trx, {
          orgId: access.org.org_id,
          actor: auditActor(actor),
          action: 'inspection.create',
          entityType: 'inspection',
          entityId: row.inspection_id,
          data: input,
          at,
        });
        return inspectionView(row, memberNumber);
      },
    );
    return result;
  });
}

/** Certified members whose yearly internal inspection is due on a date (none in the last 12 months). */
export async function inspectionsDue(deps: MembersDeps, actor: Actor, slug: string, asOf?: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const on = asOf ?? today(deps, access);
  const yearAgo = yearsBefore(on, 1);
  const rows = await q.inspectionsDue(deps.db, access.org.org_id, on, yearAgo);
  return rows.map((r) => ({
    memberNumber: r.member_number,
    fullName: `${r.given_names} ${r.family_names}`,
    community: r.community,
    schemes: [...r.schemes].sort(),
    lastInspectedOn: r.last_on ? String(r.last_on) : null,
    dueSince: r.last_on ? addDays(yearsBefore(String(r.last_on), -1), 1) : null,
  }));
}
