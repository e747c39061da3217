import { formatPricePerKg, parsePricePerKg } from '../collection/index.js';
import type { LedgerService, PostingLine } from '../ledger/index.js';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney, parseMoney } from '../platform/money.js';
import { fromGrams } from '../platform/units.js';
import {
  type Deduction,
  type MemberSettlement,
  outliers,
  type PriceMode,
  type SettlementRule,
  settleMember,
  totalsOf,
} from './compute.js';
import * as q from './settlement.queries.js';
import {
  LineDetailColumn,
  SettlementRuleColumn,
  SettlementServicesColumn,
  type StoredSettlementRule,
} from './settlement.tables.js';

/**
 * Settlements: draft → preview → approval by two different people (a manager and an accountant) →
 * posting. Posting writes one balanced entry per member and marks the settlement posted in ONE
 * transaction, under a row lock: a killed process leaves nothing half posted, and running it again
 * after it succeeded posts nothing twice.
 */

export interface DraftInput {
  id: string;
  name: string;
  periodFrom: string;
  periodTo: string;
  pricePerKgByClass: Record<string, string>;
  shareCapitalPerQuintal?: string | undefined;
  deductOwed: boolean;
  floorPercent: string;
  /** How the price per kg is read (see compute.ts); a second payment when absent. */
  priceMode?: PriceMode | undefined;
  services?: { memberNumber: string; code: string; amount: string }[] | undefined;
}

type StoredRule = StoredSettlementRule;

/** Member numbers compared as the database's ORDER BY compared them (codepoint order). */
const byNumber = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toRule(stored: StoredRule): SettlementRule {
  return {
    mode: stored.mode ?? 'second_payment',
    pricePerKgByClass: Object.fromEntries(
      Object.entries(stored.pricePerKgByClass).map(([k, v]) => [k, BigInt(v)]),
    ),
    deductions: stored.deductions.map(
      (d): Deduction =>
        d.kind === 'share_capital_per_qq' ? { kind: d.kind, perQuintalMinor: BigInt(d.perQuintalMinor) } : d,
    ),
    floorBp: stored.floorBp,
  };
}

/**
 * The classes a settlement takes tickets of: those it prices. A second payment of zero takes nothing (so
 * a later settlement can still pay those tickets); a final price takes every class it names.
 */
function pricedClasses(stored: StoredRule): string[] {
  return Object.entries(stored.pricePerKgByClass)
    .filter(([, price]) => stored.mode === 'final_price' || BigInt(price) > 0n)
    .map(([certificationClass]) => certificationClass)
    .sort();
}

/** A price per kg as people write it: the currency's decimals, more only where the price has them (12.35, 12.3456). */
const priceText = (units: bigint, currency: ReturnType<typeof currencyOf>) =>
  formatPricePerKg(units, currency).replace(new RegExp(`(\\.\\d{${currency.minorUnits}}\\d*?)0+$`), '$1');

const ticketRef = (pointCode: string, number: number) => `${pointCode}-${String(number).padStart(6, '0')}`;

export function createSettlementService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: MembersService,
  ledger: LedgerService,
) {
  const { db, clock, ids } = deps;

  async function access(exec: Executor, actor: Actor, slug: string) {
    const a = await orgs.authorize(exec, actor, slug, 'settlement.prepare');
    if (a.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
    return a;
  }

  /**
   * A draft whose tickets were voided or settled by another settlement since it was computed is refused
   * before approval and before posting, naming the tickets; recomputing takes them out. (The database
   * refuses them anyway: settled_tickets admits a ticket once and never a voided one.)
   */
  async function refuseStaleTickets(trx: Trx, orgId: string, settlementId: string) {
    const stale = await q.staleTickets(trx, orgId, settlementId);
    if (stale.length === 0) return;
    const shown = stale.slice(0, 10).map((t) => ticketRef(t.point_code, t.ticket_number));
    throw conflict('settlement.stale_tickets', {
      count: stale.length,
      tickets: stale.length > shown.length ? `${shown.join(', ')}…` : shown.join(', '),
    });
  }

  /** Computes every member's lines from the period's tickets and balances, replacing any earlier draft. */
  async function computeIn(
    trx: Trx,
    a: OrgAccess,
    settlementId: string,
    stored: StoredRule,
    services: { memberId: string; code: string; amountMinor: string }[],
    from: string,
    to: string,
  ) {
    const rule = toRule(stored);
    await q.releaseTickets(trx, a.org.org_id, settlementId);
    await q.deleteLines(trx, a.org.org_id, settlementId);
    await q.takeTickets(trx, a.org.org_id, settlementId, from, to, pricedClasses(stored));
    const taken = await q.takenByMemberAndClass(trx, a.org.org_id, settlementId);
    const owed = new Map(
      (await ledger.memberBalancesIn(trx, a.org.org_id, 'receivable_members', 'debit')).map((o) => [
        o.member_key,
        BigInt(o.balance_minor),
      ]),
    );
    const byMember = new Map<
      string,
      { grams: Record<string, bigint>; credited: Record<string, bigint>; tickets: number }
    >();
    for (const g of taken) {
      const entry = byMember.get(g.member_id) ?? { grams: {}, credited: {}, tickets: 0 };
      entry.grams[g.certification_class] = BigInt(g.grams);
      entry.credited[g.certification_class] = BigInt(g.credited);
      entry.tickets += g.tickets;
      byMember.set(g.member_id, entry);
    }
    const servicesOf = new Map<string, { code: string; amountMinor: bigint }[]>();
    for (const s of services)
      servicesOf.set(s.memberId, [
        ...(servicesOf.get(s.memberId) ?? []),
        { code: s.code, amountMinor: BigInt(s.amountMinor) },
      ]);
    const results: MemberSettlement[] = [...byMember].map(([memberId, facts]) =>
      settleMember(rule, {
        memberId,
        payableGramsByClass: facts.grams,
        creditedMinorByClass: facts.credited,
        owedMinor: owed.get(memberId) ?? 0n,
        services: servicesOf.get(memberId) ?? [],
      }),
    );
    await q.insertLines(
      trx,
      results.map((r) => ({
        org_id: a.org.org_id,
        settlement_id: settlementId,
        member_id: r.memberId,
        payable_grams: Number(r.payableGrams),
        gross_minor: Number(r.grossMinor),
        net_minor: Number(r.netMinor),
        floor_applied: r.floorApplied,
        detail: { ...r, tickets: byMember.get(r.memberId)?.tickets ?? 0 },
      })),
    );
    return results;
  }

  async function createDraft(actor: Actor, slug: string, input: DraftInput) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug);
      const currency = currencyOf(a.org.currency);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'settlement.create', body: input, at },
        async () => {
          if (input.periodFrom > input.periodTo)
            throw invalid('error.invalid_body', [{ path: 'periodTo', code: 'settlement.period_order' }]);
          const stored: StoredRule = {
            mode: input.priceMode ?? 'second_payment',
            pricePerKgByClass: Object.fromEntries(
              Object.entries(input.pricePerKgByClass).map(([k, v]) => [
                k,
                parsePricePerKg(v, currency).toString(),
              ]),
            ),
            deductions: [
              ...(input.shareCapitalPerQuintal
                ? [
                    {
                      kind: 'share_capital_per_qq' as const,
                      perQuintalMinor: parseMoney(input.shareCapitalPerQuintal, currency).toString(),
                    },
                  ]
                : []),
              ...(input.deductOwed ? [{ kind: 'owed' as const }] : []),
              ...(input.services?.length ? [{ kind: 'services' as const }] : []),
            ],
            floorBp: Math.round(Number(input.floorPercent) * 100),
          };
          const services = [];
          for (const s of input.services ?? []) {
            services.push({
              memberId: await members.memberIdOf(trx, a.org.org_id, s.memberNumber),
              code: s.code,
              amountMinor: parseMoney(s.amount, currency).toString(),
            });
          }
          await q.insertSettlement(trx, {
            org_id: a.org.org_id,
            settlement_id: input.id,
            name: input.name,
            period_from: input.periodFrom,
            period_to: input.periodTo,
            currency: a.org.currency,
            rule: JSON.stringify(stored),
            services: JSON.stringify(services),
            status: 'draft',
            computed_at: at,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          await computeIn(trx, a, input.id, stored, services, input.periodFrom, input.periodTo);
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'settlement.draft',
            entityType: 'settlement',
            entityId: input.id,
            data: input,
            at,
          });
          return { id: input.id };
        },
      );
      return result;
    }).then((r) => preview(actor, slug, r.id));
  }

  /** Recomputes a draft from the tickets as they are now; approvals given before are withdrawn. */
  async function recompute(actor: Actor, slug: string, settlementId: string) {
    await inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug);
      const s = await q.findSettlement(trx, a.org.org_id, settlementId, true);
      if (!s) throw notFound('settlement.not_found');
      if (s.status === 'posted') throw conflict('settlement.already_posted');
      await q.deleteApprovals(trx, a.org.org_id, settlementId);
      await computeIn(
        trx,
        a,
        settlementId,
        SettlementRuleColumn.parse(s.rule),
        SettlementServicesColumn.parse(s.services),
        s.period_from,
        s.period_to,
      );
      await q.setStatus(trx, a.org.org_id, settlementId, { status: 'draft', computed_at: clock.now() });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'settlement.recompute',
        entityType: 'settlement',
        entityId: settlementId,
        data: {},
        at: clock.now(),
      });
    });
    return preview(actor, slug, settlementId);
  }

  /**
   * A settlement's lines by member number, with the member's number and names, which the members domain
   * reads (in chunks, however many members) rather than settlement joining the members table.
   */
  async function linesOf(exec: Executor, orgId: string, settlementId: string) {
    const lines = await q.linesOf(exec, orgId, settlementId);
    const people = new Map(
      (
        await members.memberRowsByIds(
          exec,
          orgId,
          lines.map((l) => l.member_id),
        )
      ).map((m) => [m.member_id, m]),
    );
    return lines
      .flatMap((l) => {
        const m = people.get(l.member_id);
        return m
          ? [
              {
                ...l,
                member_number: m.member_number,
                given_names: m.given_names,
                family_names: m.family_names,
              },
            ]
          : [];
      })
      .sort((x, y) => byNumber(x.member_number, y.member_number));
  }

  async function preview(actor: Actor, slug: string, settlementId: string) {
    const a = await access(db, actor, slug);
    return previewOf(a.org.org_id, settlementId);
  }

  /** For other domains' services, after they authorized the caller (a member reading their own slip). */
  async function previewOf(orgId: string, settlementId: string) {
    const s = await q.findSettlement(db, orgId, settlementId);
    if (!s) throw notFound('settlement.not_found');
    const stored = SettlementRuleColumn.parse(s.rule);
    const lines = await linesOf(db, orgId, settlementId);
    const approvals = await q.approvalsOf(db, orgId, settlementId);
    const elsewhere = await q.settledElsewhere(
      db,
      orgId,
      settlementId,
      s.period_from,
      s.period_to,
      pricedClasses(stored),
    );
    const stale = s.status === 'posted' ? [] : await q.staleTickets(db, orgId, settlementId);
    const currency = currencyOf(s.currency);
    const details = lines.map((l) => LineDetailColumn.parse(l.detail));
    const asSettlements = lines.map((l, i) => ({
      memberId: l.member_id,
      payableGrams: BigInt(l.payable_grams),
      grossMinor: BigInt(l.gross_minor),
      netMinor: BigInt(l.net_minor),
      deductions: details[i]!.deductions.map((d) => ({
        kind: d.kind as Deduction['kind'],
        code: d.code,
        requestedMinor: BigInt(d.requestedMinor),
        takenMinor: BigInt(d.takenMinor),
      })),
      grossByClass: [],
      floorApplied: l.floor_applied,
    }));
    const totals = totalsOf(asSettlements);
    const flagged = new Set(outliers(asSettlements));
    return {
      id: s.settlement_id,
      name: s.name,
      periodFrom: s.period_from,
      periodTo: s.period_to,
      status: s.status,
      currency: s.currency,
      priceMode: stored.mode ?? 'second_payment',
      pricePerKgByClass: Object.fromEntries(
        Object.entries(stored.pricePerKgByClass).map(([k, v]) => [k, priceText(BigInt(v), currency)]),
      ),
      approvals: approvals.map((p) => ({ userId: p.user_id, role: p.role, at: p.approved_at.toISOString() })),
      tickets: details.reduce((n, d) => n + (d.tickets ?? 0), 0),
      settledElsewhere: elsewhere.map((e) => ({
        settlementId: e.settlement_id,
        name: e.name,
        tickets: Number(e.tickets),
      })),
      staleTickets: stale.map((t) => ({
        ticket: ticketRef(t.point_code, t.ticket_number),
        reason: t.voided ? ('voided' as const) : ('settled' as const),
        settledBy: t.settled_by,
      })),
      totals: {
        members: totals.members,
        payableKg: fromGrams(totals.payableGrams, 'kg', 3),
        gross: formatMoney(totals.grossMinor, currency),
        deducted: formatMoney(totals.deductedMinor, currency),
        net: formatMoney(totals.netMinor, currency),
        byDeduction: Object.fromEntries(
          Object.entries(totals.byDeduction).map(([k, v]) => [k, formatMoney(v, currency)]),
        ),
      },
      members: lines.map((l, i) => ({
        memberNumber: l.member_number,
        memberName: `${l.given_names} ${l.family_names}`,
        tickets: details[i]!.tickets ?? 0,
        payableKg: fromGrams(BigInt(l.payable_grams), 'kg', 3),
        gross: formatMoney(BigInt(l.gross_minor), currency),
        byClass: details[i]!.grossByClass.map((g) => ({
          certificationClass: g.certificationClass,
          payableKg: fromGrams(BigInt(g.payableGrams), 'kg', 3),
          pricePerKg: priceText(BigInt(g.pricePerKg), currency),
          valueAtPrice: formatMoney(BigInt(g.valueAtPriceMinor ?? g.amountMinor), currency),
          alreadyCredited: formatMoney(BigInt(g.alreadyCreditedMinor ?? '0'), currency),
          amount: formatMoney(BigInt(g.amountMinor), currency),
        })),
        deductions: details[i]!.deductions.map((d) => ({
          code: d.code,
          requested: formatMoney(BigInt(d.requestedMinor), currency),
          taken: formatMoney(BigInt(d.takenMinor), currency),
        })),
        net: formatMoney(BigInt(l.net_minor), currency),
        floorApplied: l.floor_applied,
        outlier: flagged.has(l.member_id),
        posted: l.entry_id !== null,
      })),
    };
  }

  /** For other domains' services, after they authorized the caller: the ids of the tickets a settlement took of one member. */
  async function takenTicketIdsOf(orgId: string, settlementId: string, memberId: string) {
    return new Set((await q.ticketsOf(db, orgId, settlementId, memberId)).map((t) => t.ticket_id));
  }

  /** The tickets a settlement takes, optionally one member's: what the screen lists under the preview. */
  async function tickets(actor: Actor, slug: string, settlementId: string, memberNumber?: string) {
    const a = await access(db, actor, slug);
    const s = await q.findSettlement(db, a.org.org_id, settlementId);
    if (!s) throw notFound('settlement.not_found');
    const memberId =
      memberNumber === undefined ? undefined : await members.memberIdOf(db, a.org.org_id, memberNumber);
    const currency = currencyOf(s.currency);
    const taken = await q.ticketsOf(db, a.org.org_id, settlementId, memberId);
    const numbers = await members.memberNumbersByIds(
      db,
      a.org.org_id,
      taken.map((t) => t.member_id),
    );
    // by member number, then (a stable sort keeps the query's order) date and reference
    const rows = taken
      .map((t) => ({ ...t, member_number: numbers.get(t.member_id) ?? '' }))
      .sort((x, y) => byNumber(x.member_number, y.member_number));
    return {
      items: rows.map((t) => ({
        ticketId: t.ticket_id,
        ticket: ticketRef(t.point_code, t.ticket_number),
        memberNumber: t.member_number,
        deliveryDate: t.delivery_date,
        certificationClass: t.certification_class,
        payableKg: fromGrams(BigInt(t.payable_grams), 'kg', 3),
        creditedAtDelivery: formatMoney(BigInt(t.value_minor), currency),
      })),
    };
  }

  async function list(actor: Actor, slug: string) {
    const a = await access(db, actor, slug);
    return (await q.listSettlements(db, a.org.org_id)).map((s) => ({
      id: s.settlement_id,
      name: s.name,
      periodFrom: s.period_from,
      periodTo: s.period_to,
      status: s.status,
      postedAt: s.posted_at?.toISOString() ?? null,
    }));
  }

  /** A manager and an accountant, two different people, approve the draft as computed. */
  async function approve(actor: Actor, slug: string, settlementId: string) {
    await inTransaction(db, async (trx) => {
      const a = await orgs.authorize(trx, actor, slug, 'settlement.approve');
      if (actor.kind !== 'user') throw forbidden('settlement.person_must_approve');
      const s = await q.findSettlement(trx, a.org.org_id, settlementId, true);
      if (!s) throw notFound('settlement.not_found');
      if (s.status === 'posted') throw conflict('settlement.already_posted');
      await refuseStaleTickets(trx, a.org.org_id, settlementId);
      if ((await q.linesOf(trx, a.org.org_id, settlementId)).length === 0)
        throw conflict('settlement.nothing_to_settle');
      const approvals = await q.approvalsOf(trx, a.org.org_id, settlementId);
      if (approvals.some((p) => p.user_id === actor.userId)) throw conflict('settlement.same_person');
      const role = (['manager', 'accountant'] as const).find(
        (r) => a.roles.includes(r) && !approvals.some((p) => p.role === r),
      );
      if (!role) throw conflict('settlement.role_already_approved');
      await q.insertApproval(trx, {
        org_id: a.org.org_id,
        settlement_id: settlementId,
        user_id: actor.userId,
        role,
        approved_at: clock.now(),
      });
      if (approvals.length + 1 >= 2)
        await q.setStatus(trx, a.org.org_id, settlementId, { status: 'approved' });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'settlement.approve',
        entityType: 'settlement',
        entityId: settlementId,
        data: { role },
        at: clock.now(),
      });
    });
    return preview(actor, slug, settlementId);
  }

  /**
   * Posts an approved settlement: per member, the extra price credited to what the cooperative owes
   * them and each deduction moved to its account; all in one transaction with the status change.
   */
  async function post(
    actor: Actor,
    slug: string,
    settlementId: string,
    options: { failAfterMembers?: number } = {},
  ) {
    await inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug);
      const s = await q.findSettlement(trx, a.org.org_id, settlementId, true);
      if (!s) throw notFound('settlement.not_found');
      if (s.status === 'posted') return; // already done: running it again posts nothing twice
      if (s.status !== 'approved') throw conflict('settlement.not_approved');
      await refuseStaleTickets(trx, a.org.org_id, settlementId);
      await ledger.ensureChartIn(trx, a.org.org_id, a.org.locale);
      // entries dated at the period's end, or today if the period has not ended yet (dates compare as text)
      const today = todayIn(a.org.time_zone, clock.now());
      const date = [s.period_to, today].sort()[0]!;
      const lines = await linesOf(trx, a.org.org_id, settlementId);
      let done = 0;
      for (const line of lines) {
        if (line.gross_minor === 0) continue;
        const detail = LineDetailColumn.parse(line.detail);
        const postings: PostingLine[] = [
          { account: { purpose: 'coffee_purchases' }, amountMinor: line.gross_minor, memo: s.name },
          {
            account: { purpose: 'payable_members' },
            memberId: line.member_id,
            amountMinor: -line.gross_minor,
            memo: s.name,
          },
        ];
        for (const d of detail.deductions) {
          const taken = Number(d.takenMinor);
          if (taken === 0) continue;
          const target =
            d.kind === 'share_capital_per_qq'
              ? { purpose: 'share_capital', member: true }
              : d.kind === 'owed'
                ? { purpose: 'receivable_members', member: true }
                : { purpose: 'service_income', member: false };
          postings.push({
            account: { purpose: 'payable_members' },
            memberId: line.member_id,
            amountMinor: taken,
            memo: d.code,
          });
          postings.push({
            account: { purpose: target.purpose },
            memberId: target.member ? line.member_id : null,
            amountMinor: -taken,
            memo: d.code,
          });
        }
        const entryId = ids.next();
        await ledger.postEntryIn(trx, actor, a.org.org_id, {
          entryId,
          date,
          description: `${s.name} — ${line.member_number}`,
          currency: s.currency,
          source: { type: 'settlement', id: settlementId },
          lines: postings,
        });
        await q.setLineEntry(trx, a.org.org_id, settlementId, line.member_id, entryId);
        done++;
        // For the fault test: a process dying halfway must leave nothing behind.
        if (options.failAfterMembers !== undefined && done >= options.failAfterMembers)
          throw new Error('simulated crash during posting');
      }
      const at = clock.now();
      await q.setStatus(trx, a.org.org_id, settlementId, {
        status: 'posted',
        posted_at: at,
        posted_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'settlement.post',
        entityType: 'settlement',
        entityId: settlementId,
        data: { members: done },
        at,
      });
    });
    return preview(actor, slug, settlementId);
  }

  return { createDraft, recompute, preview, previewOf, takenTicketIdsOf, tickets, list, approve, post };
}

export type SettlementService = ReturnType<typeof createSettlementService>;
