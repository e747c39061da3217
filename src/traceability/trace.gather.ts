import { type TicketTraceRow, ticketsByIds } from '../collection/index.js';
import { type LotComposition, type LotRow, lotComposition, lotsByIds } from '../lots/index.js';
import { type MemberTraceRow, membersAndPlotsByIds, type PlotTraceRow } from '../members/index.js';
import { findOrgsByIds, type OrgRow } from '../orgs/index.js';
import type { Executor } from '../platform/db/transaction.js';
import { splitEvenly } from './shares.js';

/**
 * Everything the trace of a lot shows, gathered in a handful of reads: the lot's composition (lots/index.ts),
 * its tickets (collection/index.ts), their members and plots (members/index.ts) and the organizations they
 * belong to (a central's export lot holds its cooperatives' coffee). Grams are whole and add up to the lot's
 * grams_in at every level: tickets (largest remainder in the composition), members (sums of their tickets),
 * plots (a ticket naming several plots is split evenly among them, to the gram).
 *
 * What of it the caller may see is the service's decision (trace.service.ts); this reads everything.
 */
export interface TraceMemberData extends MemberTraceRow {
  orgId: string;
  key: string;
  grams: bigint;
  gramsWithoutPlot: bigint;
  tickets: number;
  plotIds: Set<string>;
  harvestFrom: string;
  harvestTo: string;
}
export interface TracePlotData extends PlotTraceRow {
  orgId: string;
  key: string;
  memberKey: string;
  grams: bigint;
}
export interface TraceTicketData extends TicketTraceRow {
  orgId: string;
  key: string;
  grams: bigint;
}
export interface TraceData {
  lot: LotRow;
  org: OrgRow;
  gramsIn: bigint;
  composition: LotComposition;
  orgs: Map<string, OrgRow>;
  tickets: TraceTicketData[];
  members: Map<string, TraceMemberData>;
  /** Plots that delivered to the lot (named on its tickets). */
  plots: Map<string, TracePlotData>;
  /** Every plot of the lot's members, delivered or not (the EUDR package falls back on them). */
  allPlots: Map<string, TracePlotData>;
  subLots: Map<string, LotRow>;
}

const keyOf = (orgId: string, id: string) => `${orgId}/${id}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export async function gatherLotTrace(
  exec: Executor,
  lot: LotRow,
  org: OrgRow,
  asOf: string,
): Promise<TraceData> {
  const composition = await lotComposition(exec, lot.org_id, lot.lot_id);
  const ticketsByOrg = groupBy(composition.tickets, (t) => t.orgId);
  const lotsByOrg = groupBy(composition.lots, (l) => l.orgId);
  const orgIds = [...new Set([org.org_id, ...ticketsByOrg.keys(), ...lotsByOrg.keys()])];
  const orgs = new Map((await findOrgsByIds(exec, orgIds)).map((o) => [o.org_id, o]));

  const tickets: TraceTicketData[] = [];
  const members = new Map<string, TraceMemberData>();
  const plots = new Map<string, TracePlotData>();
  const allPlots = new Map<string, TracePlotData>();
  const subLots = new Map<string, LotRow>();
  for (const [orgId, shares] of ticketsByOrg) {
    const grams = new Map(shares.map((s) => [s.ticketId, s.grams]));
    const rows = await ticketsByIds(
      exec,
      orgId,
      shares.map((s) => s.ticketId),
    );
    const read = await membersAndPlotsByIds(
      exec,
      orgId,
      rows.map((t) => t.member_id),
      asOf,
    );
    for (const m of read.members) {
      const key = keyOf(orgId, m.member_id);
      members.set(key, {
        ...m,
        orgId,
        key,
        grams: 0n,
        gramsWithoutPlot: 0n,
        tickets: 0,
        plotIds: new Set(),
        harvestFrom: '9999-12-31',
        harvestTo: '0000-01-01',
      });
    }
    for (const p of read.plots) {
      const key = keyOf(orgId, p.plot_id);
      allPlots.set(key, { ...p, orgId, key, memberKey: keyOf(orgId, p.member_id), grams: 0n });
    }
    for (const t of rows) {
      const g = grams.get(t.ticket_id) ?? 0n;
      const key = keyOf(orgId, t.ticket_id);
      tickets.push({ ...t, orgId, key, grams: g });
      const member = members.get(keyOf(orgId, t.member_id));
      if (!member) continue;
      member.grams += g;
      member.tickets += 1;
      if (t.delivery_date < member.harvestFrom) member.harvestFrom = t.delivery_date;
      if (t.delivery_date > member.harvestTo) member.harvestTo = t.delivery_date;
      // only the member's own plots count (a ticket names the member's plots; collection checked it)
      const own = t.plot_ids.filter((id) => allPlots.get(keyOf(orgId, id))?.member_id === t.member_id);
      if (own.length === 0) {
        member.gramsWithoutPlot += g;
        continue;
      }
      const parts = splitEvenly(g, own);
      for (const plotId of own) {
        const pk = keyOf(orgId, plotId);
        member.plotIds.add(pk);
        const plot = plots.get(pk) ?? { ...allPlots.get(pk)!, grams: 0n };
        plot.grams += parts.get(plotId) ?? 0n;
        plots.set(pk, plot);
      }
    }
  }
  for (const [orgId, shares] of lotsByOrg)
    for (const row of await lotsByIds(
      exec,
      orgId,
      shares.map((s) => s.lotId),
    ))
      subLots.set(keyOf(orgId, row.lot_id), row);

  tickets.sort((a, b) =>
    b.grams > a.grams ? 1 : b.grams < a.grams ? -1 : a.ticket_number - b.ticket_number,
  );
  return {
    lot,
    org,
    gramsIn: composition.gramsIn,
    composition,
    orgs,
    tickets,
    members,
    plots,
    allPlots,
    subLots,
  };
}
