import type { Actor, OrgAccess } from '../orgs/index.js';
import { auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { type MembersDeps, memberOrThrow, readAccess, today } from './access.js';
import * as q from './members.queries.js';
import { goodStanding, type StandingRule } from './standing.js';

/**
 * Good standing (socio hábil): the cooperative's effective-dated rules, and a member's standing on a
 * date as `standing.ts` computes it from the status history, the share capital paid and the last
 * internal inspection. Governance counts quorum and eligibility through `membersInGoodStanding` and
 * `inGoodStandingOn`.
 */

type RuleRow = Awaited<ReturnType<typeof q.standingRules>>[number];

function toRule(r: RuleRow): StandingRule {
  return {
    effectiveFrom: r.effective_from,
    minMonthsSinceJoining: r.min_months_since_joining,
    minShareCapitalPaidBp: r.min_share_capital_paid_bp,
    excludeRejectedInspection: r.exclude_rejected_inspection,
  };
}

function ruleView(r: RuleRow) {
  return {
    id: r.rule_id,
    effectiveFrom: r.effective_from,
    minMonthsSinceJoining: r.min_months_since_joining,
    minShareCapitalPaidPercent: r.min_share_capital_paid_bp / 100,
    excludeRejectedInspection: r.exclude_rejected_inspection,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by_label,
  };
}

/** A member's standing on a date, with the reasons when they are not in good standing. */
export async function standingOf(exec: Executor, access: OrgAccess, member: q.MemberRow, asOf: string) {
  const [changes, rules, inspection] = await Promise.all([
    q.statusChangesOf(exec, access.org.org_id, member.member_id),
    q.standingRules(exec, access.org.org_id),
    q.lastInspectionOn(exec, access.org.org_id, member.member_id, asOf),
  ]);
  return goodStanding(
    {
      joinDate: member.join_date,
      changes: changes.map((c) => ({ effectiveDate: c.effective_date, toStatus: c.to_status })),
      shareCapitalSubscribedMinor: member.share_capital_subscribed_minor,
      shareCapitalPaidMinor: member.share_capital_paid_minor,
      lastInspectionResult: inspection?.result ?? null,
    },
    rules.map(toRule),
    asOf,
  );
}

export async function standing(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
  asOf?: string,
) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const member = await memberOrThrow(deps.db, access.org.org_id, memberNumber);
  return standingOf(deps.db, access, member, asOf ?? today(deps, access));
}

/**
 * For other domains' services, after they authorized the caller: the members in good standing on a
 * date (governance's quorum reads it through here).
 */
export async function membersInGoodStanding(exec: Executor, access: OrgAccess, asOf: string) {
  const result: { memberId: string; memberNumber: string }[] = [];
  for (const member of await q.allMembers(exec, access.org.org_id)) {
    if (member.status !== 'active') continue; // only the active can be in good standing; spares queries
    if ((await standingOf(exec, access, member, asOf)).inGoodStanding)
      result.push({ memberId: member.member_id, memberNumber: member.member_number });
  }
  return result;
}

/**
 * For other domains' services, after they authorized the caller: which of these members are in good
 * standing on a date.
 */
export async function inGoodStandingOn(
  exec: Executor,
  access: OrgAccess,
  memberIds: string[],
  asOf: string,
): Promise<Set<string>> {
  const good = new Set<string>();
  for (const member of await q.findMembersByIds(exec, access.org.org_id, memberIds)) {
    if ((await standingOf(exec, access, member, asOf)).inGoodStanding) good.add(member.member_id);
  }
  return good;
}

export async function listStandingRules(deps: MembersDeps, actor: Actor, slug: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  return (await q.standingRules(deps.db, access.org.org_id)).map(ruleView);
}

export async function addStandingRule(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  input: {
    id: string;
    effectiveFrom: string;
    minMonthsSinceJoining: number;
    minShareCapitalPaidPercent: number;
    excludeRejectedInspection: boolean;
  },
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await deps.orgs.authorize(trx, actor, slug, 'members.rules');
    const at = deps.clock.now();
    const { result } = await idempotentCreate(
      trx,
      { orgId: access.org.org_id, id: input.id, operation: 'standing_rule.create', body: input, at },
      async () => {
        const row = await q.insertStandingRule(trx, {
          org_id: access.org.org_id,
          rule_id: input.id,
          effective_from: input.effectiveFrom,
          min_months_since_joining: input.minMonthsSinceJoining,
          min_share_capital_paid_bp: Math.round(input.minShareCapitalPaidPercent * 100),
          exclude_rejected_inspection: input.excludeRejectedInspection,
          recorded_at: at,
          recorded_by_label: auditActor(actor).label,
        });
        await appendAudit(trx, {
          orgId: access.org.org_id,
          actor: auditActor(actor),
          action: 'standing_rule.create',
          entityType: 'good_standing_rule',
          entityId: row.rule_id,
          data: input,
          at,
        });
        return ruleView(row);
      },
    );
    return result;
  });
}
