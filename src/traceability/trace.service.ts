import { ticketIdsOfMember } from '../collection/index.js';
import { findLotByCode, type LotRow, lotsReachedByTickets } from '../lots/index.js';
import { type MembersService, membersAndPlotsByIds } from '../members/index.js';
import { type Actor, findOrgsByIds, type OrgAccess, type OrgRow, type OrgsService } from '../orgs/index.js';
import { todayIn } from '../platform/dates.js';
import type { Executor } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, notFound } from '../platform/errors.js';
import { m2ToHectares } from '../shared/units.js';
import { basisPoints, basisPointsOf, kg, roundGrams } from './shares.js';
import { gatherLotTrace, type TraceData } from './trace.gather.js';
import type { LotTraceView, MemberLotsView } from './traceability.contract.js';

export type Visibility = 'full' | 'numbers' | 'aggregate';

/**
 * The trace both ways: from a lot down to its lots, tickets, members and plots with the share of each by
 * mass; from a member or a plot up to every lot their coffee went into.
 *
 * Consent: an organization sees its own members. A central sees its cooperatives' members only as they
 * granted it (orgs `data_grants`): area `members` shows names, area `lots` member numbers and plots with
 * names hidden, nothing granted only the cooperative's total.
 */
export function createTraceService(deps: ServiceDeps, orgs: OrgsService, members: MembersService) {
  const { db, clock } = deps;

  async function lotOf(exec: Executor, access: OrgAccess, code: string): Promise<LotRow> {
    const lot = await findLotByCode(exec, access.org.org_id, code);
    if (!lot) throw notFound('traceability.lot_not_found', { code });
    return lot;
  }

  /** How much of each organization in the trace the actor sees. */
  async function visibilities(
    exec: Executor,
    actor: Actor,
    access: OrgAccess,
    orgIds: readonly string[],
  ): Promise<Map<string, Visibility>> {
    const result = new Map<string, Visibility>(orgIds.map((id) => [id, 'aggregate']));
    result.set(access.org.org_id, 'full');
    const others = orgIds.filter((id) => id !== access.org.org_id);
    if (others.length === 0) return result;
    if (actor.isPlatformAdmin) {
      for (const id of others) result.set(id, 'full');
      return result;
    }
    const granted = async (area: 'members' | 'lots') => {
      try {
        return new Set(
          (await orgs.grantorsFor(exec, actor, access.org.slug, area)).orgs.map((o) => o.org_id),
        );
      } catch (error) {
        if (error instanceof AppError && error.kind === 'forbidden') return new Set<string>();
        throw error;
      }
    };
    const lots = await granted('lots');
    const withMembers = await granted('members');
    for (const id of others) {
      if (withMembers.has(id)) result.set(id, 'full');
      else if (lots.has(id)) result.set(id, 'numbers');
    }
    return result;
  }

  /** Reads a lot's trace for an actor with `lots.read` in the lot's organization, and what they may see. */
  async function readLotTrace(exec: Executor, actor: Actor, slug: string, code: string) {
    const access = await orgs.authorize(exec, actor, slug, 'lots.read');
    const lot = await lotOf(exec, access, code);
    const data = await gatherLotTrace(exec, lot, access.org, todayIn(access.org.time_zone, clock.now()));
    const seen = await visibilities(exec, actor, access, [...data.orgs.keys()]);
    return { access, data, seen };
  }

  async function traceLot(actor: Actor, slug: string, code: string): Promise<LotTraceView> {
    const { data, seen } = await readLotTrace(db, actor, slug, code);
    return lotTraceView(data, seen);
  }

  /** The trace and the date it is read on (the organization's day), for the printable report. */
  async function traceReport(actor: Actor, slug: string, code: string) {
    const { access, data, seen } = await readLotTrace(db, actor, slug, code);
    return { view: lotTraceView(data, seen), today: todayIn(access.org.time_zone, clock.now()) };
  }

  /** Every lot a member's coffee (or one plot's) went into, nearest first. Staff who read lots, or the member. */
  async function memberLots(
    actor: Actor,
    slug: string,
    memberNumber: string,
    plotId?: string,
  ): Promise<MemberLotsView> {
    const access = await orgs.authorize(db, actor, slug, 'lots.read');
    const orgId = access.org.org_id;
    const memberId = await members.memberIdOf(db, orgId, memberNumber);
    const read = await membersAndPlotsByIds(
      db,
      orgId,
      [memberId],
      todayIn(access.org.time_zone, clock.now()),
    );
    const member = read.members[0]!;
    const plot = plotId ? read.plots.find((p) => p.plot_id === plotId) : undefined;
    if (plotId && !plot) throw notFound('traceability.plot_not_found');
    const ticketIds = await ticketIdsOfMember(db, orgId, memberId, plotId);
    const reached = await lotsReachedByTickets(db, orgId, ticketIds);
    const orgRows = new Map(
      (await findOrgsByIds(db, [...new Set(reached.map((l) => l.orgId))])).map((o) => [o.org_id, o]),
    );
    return {
      memberNumber: member.member_number,
      name: `${member.given_names} ${member.family_names}`,
      plot: plot ? { plotId: plot.plot_id, name: plot.name } : null,
      lots: reached.map((l) => ({
        orgSlug: orgRows.get(l.orgId)?.slug ?? '',
        orgName: orgRows.get(l.orgId)?.name ?? '',
        code: l.code,
        product: l.product,
        status: l.status,
        depth: l.depth,
        kg: kg(roundGrams(l.exact)),
      })),
    };
  }

  return { readLotTrace, traceLot, traceReport, memberLots, visibilities };
}

export type TraceService = ReturnType<typeof createTraceService>;

export const displayName = (m: { given_names: string; family_names: string }) =>
  `${m.given_names} ${m.family_names}`;

/** The trace as the contract shows it, with what the actor may not see left out or hidden. */
export function lotTraceView(data: TraceData, seen: Map<string, Visibility>): LotTraceView {
  const orgOf = (id: string): OrgRow | undefined => data.orgs.get(id);
  const total = data.gramsIn;
  const members = [...data.members.values()];
  const memberBp = basisPointsOf(
    total,
    members.map((m) => ({ key: m.key, grams: m.grams })),
  );
  const ticketBp = basisPointsOf(
    total,
    data.tickets.map((t) => ({ key: t.key, grams: t.grams })),
  );
  const plots = [...data.plots.values()];
  const plotBp = basisPointsOf(
    total,
    plots.map((p) => ({ key: p.key, grams: p.grams })),
  );
  const orgGrams = new Map<string, bigint>();
  const orgMembers = new Map<string, number>();
  for (const m of members) {
    orgGrams.set(m.orgId, (orgGrams.get(m.orgId) ?? 0n) + m.grams);
    orgMembers.set(m.orgId, (orgMembers.get(m.orgId) ?? 0) + 1);
  }
  const orgBp = basisPointsOf(
    total,
    [...orgGrams].map(([key, grams]) => ({ key, grams })),
  );
  const visible = (orgId: string) => (seen.get(orgId) ?? 'aggregate') !== 'aggregate';
  const memberNumber = new Map(members.map((m) => [m.key, m.member_number]));
  return {
    lot: {
      orgSlug: data.org.slug,
      orgName: data.org.name,
      code: data.lot.code,
      product: data.lot.product,
      certificationClass: data.lot.certification_class,
      eudr: data.lot.eudr,
      status: data.lot.status,
      kg: kg(total),
      harvestFrom: data.lot.harvest_from,
      harvestTo: data.lot.harvest_to,
    },
    organizations: [...orgGrams]
      .map(([orgId, grams]) => ({
        slug: orgOf(orgId)?.slug ?? '',
        name: orgOf(orgId)?.name ?? '',
        kg: kg(grams),
        shareBp: orgBp.get(orgId) ?? 0,
        visibility: seen.get(orgId) ?? 'aggregate',
        members: orgMembers.get(orgId) ?? 0,
      }))
      .sort((a, b) => b.shareBp - a.shareBp || a.name.localeCompare(b.name)),
    lots: [...data.composition.lots]
      .sort((a, b) => a.depth - b.depth || (b.exact.num * a.exact.den > a.exact.num * b.exact.den ? 1 : -1))
      .map((l) => ({
        orgName: orgOf(l.orgId)?.name ?? '',
        code: data.subLots.get(`${l.orgId}/${l.lotId}`)?.code ?? '',
        product: data.subLots.get(`${l.orgId}/${l.lotId}`)?.product ?? '',
        depth: l.depth,
        kg: kg(roundGrams(l.exact)),
        shareBp: basisPoints(l.exact, total),
      })),
    members: members
      .filter((m) => visible(m.orgId))
      .sort((a, b) =>
        b.grams > a.grams ? 1 : b.grams < a.grams ? -1 : a.member_number.localeCompare(b.member_number),
      )
      .map((m) => ({
        orgSlug: orgOf(m.orgId)?.slug ?? '',
        memberNumber: m.member_number,
        name: seen.get(m.orgId) === 'full' ? displayName(m) : null,
        district: m.district,
        kg: kg(m.grams),
        shareBp: memberBp.get(m.key) ?? 0,
        tickets: m.tickets,
        kgWithoutPlot: kg(m.gramsWithoutPlot),
      })),
    tickets: data.tickets
      .filter((t) => visible(t.orgId))
      .map((t) => ({
        orgSlug: orgOf(t.orgId)?.slug ?? '',
        ticketNumber: t.ticket_number,
        memberNumber: memberNumber.get(`${t.orgId}/${t.member_id}`) ?? '',
        deliveryDate: t.delivery_date,
        netKg: kg(BigInt(t.net_grams)),
        kg: kg(t.grams),
        shareBp: ticketBp.get(t.key) ?? 0,
      })),
    plots: plots
      .filter((p) => visible(p.orgId))
      .sort((a, b) => (b.grams > a.grams ? 1 : b.grams < a.grams ? -1 : a.name.localeCompare(b.name)))
      .map((p) => ({
        orgSlug: orgOf(p.orgId)?.slug ?? '',
        memberNumber: memberNumber.get(p.memberKey) ?? '',
        plotId: p.plot_id,
        name: p.name,
        areaHa:
          p.computed_area_m2 !== null
            ? m2ToHectares(p.computed_area_m2)
            : p.declared_area_m2 !== null
              ? m2ToHectares(p.declared_area_m2)
              : null,
        altitudeM: p.altitude_m,
        kg: kg(p.grams),
        shareBp: plotBp.get(p.key) ?? 0,
        geometry: p.geometry ?? null,
      })),
  };
}
