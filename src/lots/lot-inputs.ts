import { type TicketOrigin, ticketOrigins } from '../collection/index.js';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import type { Executor, Trx } from '../platform/db/transaction.js';
import { type FieldError, invalid, notFound } from '../platform/errors.js';
import type { CertClass, Product } from '../shared/enums.js';
import * as q from './lots.queries.js';

/**
 * What goes into a lot, resolved and checked before anything is written: tickets (whole or a part in
 * grams) and lots (the organization's own, or a cooperative's lot delivered to this central). The
 * database checks the same again (ADR 0051); the checks here name the ticket or lot that is wrong.
 */

/** Mirrors SQL `product_of_coffee_state`: what a weigh ticket becomes in stock. */
export function productOfCoffeeState(state: string): Product {
  if (state === 'dry_parchment') return 'parchment';
  if (state === 'green') return 'green_export';
  return state as Product;
}

/** Mirrors SQL `class_covers`: may coffee of `input` be sold as `lot`? */
export function classCovers(input: CertClass, lot: CertClass): boolean {
  return (
    lot === 'conventional' ||
    input === lot ||
    (input === 'organic_fairtrade' && (lot === 'organic' || lot === 'fairtrade'))
  );
}

/** The most the buyer may be told of a mix: the first class, most certified first, that every input covers. */
export function commonClass(classes: readonly CertClass[]): CertClass {
  for (const c of ['organic_fairtrade', 'organic', 'fairtrade', 'conventional'] as const)
    if (classes.every((i) => classCovers(i, c))) return c;
  return 'conventional';
}

export const ticketLabel = (t: Pick<TicketOrigin, 'point_code' | 'ticket_number'>) =>
  `${t.point_code}-${String(t.ticket_number).padStart(6, '0')}`;

export interface ResolvedTicket {
  ticket: TicketOrigin;
  grams: number;
}
export interface ResolvedLot {
  lot: q.LotRow;
  grams: number;
  /** where its coffee lies in this organization */
  warehouseId: string;
}

export async function resolveInputs(
  trx: Trx,
  orgs: OrgsService,
  a: OrgAccess,
  input: {
    tickets: readonly { ticketId: string; grams?: number | undefined }[];
    lots: readonly { org?: string | undefined; code: string; grams?: number | undefined }[];
  },
): Promise<{ tickets: ResolvedTicket[]; lots: ResolvedLot[] }> {
  const orgId = a.org.org_id;
  const errors: FieldError[] = [];
  const ids = input.tickets.map((t) => t.ticketId);
  if (new Set(ids).size !== ids.length)
    throw invalid('lots.ticket_twice', [{ path: 'tickets', code: 'lots.ticket_twice' }]);
  const origins = new Map((await ticketOrigins(trx, orgId, { ticketIds: ids })).map((t) => [t.ticket_id, t]));
  const lotted = await q.lottedGramsOfTickets(trx, orgId, ids);
  const tickets: ResolvedTicket[] = [];
  for (const [i, t] of input.tickets.entries()) {
    const ticket = origins.get(t.ticketId);
    if (!ticket) {
      errors.push({ path: `tickets.${i}`, code: 'lots.ticket_not_found' });
      continue;
    }
    const left = ticket.net_grams - (lotted.get(t.ticketId) ?? 0);
    const grams = t.grams ?? left;
    if (grams <= 0 || grams > left)
      errors.push({
        path: `tickets.${i}`,
        code: 'lots.ticket_used_up',
        params: { ticket: ticketLabel(ticket), kg: (left / 1000).toFixed(1) },
      });
    else tickets.push({ ticket, grams });
  }
  const lots: ResolvedLot[] = [];
  for (const [i, l] of input.lots.entries()) {
    const sourceOrg = l.org && l.org !== a.org.slug ? await orgs.orgBySlug(trx, l.org) : a.org;
    const found = sourceOrg && (await q.findLotByCode(trx, sourceOrg.org_id, l.code));
    const lot = found && (await q.findLot(trx, found.org_id, found.lot_id, true));
    const foreign = sourceOrg !== undefined && sourceOrg.org_id !== orgId;
    // another organization's lot exists here only once it was delivered here
    if (!lot || (foreign && lot.delivered_to_org_id !== orgId)) {
      errors.push({ path: `lots.${i}`, code: 'lots.lot_not_found', params: { code: l.code } });
      continue;
    }
    const usable = foreign ? ['delivered'] : ['open', 'closed'];
    const grams = l.grams ?? lot.available_grams;
    if (!usable.includes(lot.status) || grams <= 0 || grams > lot.available_grams) {
      errors.push({
        path: `lots.${i}`,
        code: 'lots.lot_used_up',
        params: { code: lot.code, kg: (lot.available_grams / 1000).toFixed(1) },
      });
      continue;
    }
    const warehouseId = foreign ? await q.receivingWarehouseOf(trx, orgId, lot.lot_id) : lot.warehouse_id;
    if (!warehouseId) throw notFound('lots.lot_not_found', { code: l.code });
    lots.push({ lot, grams, warehouseId });
  }
  if (errors.length > 0) throw invalid('lots.inputs_invalid', errors);
  if (tickets.length + lots.length === 0)
    throw invalid('lots.no_inputs', [{ path: 'tickets', code: 'lots.no_inputs' }]);
  return { tickets, lots };
}

/** Tickets of unknown origin (no plot) among the inputs: the members to visit before the lot can be EUDR. */
export async function unknownOrigins(
  exec: Executor,
  members: MembersService,
  orgId: string,
  resolved: { tickets: ResolvedTicket[]; lots: ResolvedLot[] },
): Promise<FieldError[]> {
  const noPlot = resolved.tickets.map((t, i) => ({ t, i })).filter(({ t }) => t.ticket.plot_ids.length === 0);
  const numbers = new Map(
    (
      await members.memberRowsByIds(
        exec,
        orgId,
        noPlot.map(({ t }) => t.ticket.member_id),
      )
    ).map((m) => [m.member_id, `${m.member_number} ${m.given_names} ${m.family_names}`]),
  );
  return [
    ...noPlot.map(({ t, i }) => ({
      path: `tickets.${i}`,
      code: 'lots.ticket_without_plot',
      params: { ticket: ticketLabel(t.ticket), member: numbers.get(t.ticket.member_id) ?? '' },
    })),
    ...resolved.lots
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => !l.lot.eudr)
      .map(({ l, i }) => ({ path: `lots.${i}`, code: 'lots.lot_not_eudr', params: { code: l.lot.code } })),
  ];
}

/** The earliest and latest harvest dates of the inputs. */
export function harvestWindow(resolved: { tickets: ResolvedTicket[]; lots: ResolvedLot[] }) {
  const dates = [
    ...resolved.tickets.map((t) => t.ticket.delivery_date),
    ...resolved.lots.flatMap((l) => [l.lot.harvest_from, l.lot.harvest_to]),
  ]
    .filter((d): d is string => d !== null)
    .sort();
  return { from: dates[0] ?? null, to: dates.at(-1) ?? null };
}
