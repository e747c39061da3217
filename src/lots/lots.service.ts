import { ticketOrigins } from '../collection/index.js';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgRow, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import type { CertClass } from '../shared/enums.js';
import {
  classCovers,
  commonClass,
  harvestWindow,
  type ResolvedLot,
  type ResolvedTicket,
  resolveInputs,
  ticketLabel,
  unknownOrigins,
} from './lot-inputs.js';
import type {
  AddInputsBody,
  CooperativeLotsView,
  CreateLotBody,
  DeliverBody,
  DrawBody,
  LotDetail,
  LotQuery,
  LotView,
  TicketCandidate,
  TicketCandidatesQuery,
} from './lots.contract.js';
import * as q from './lots.queries.js';
import { lotsAccess, warehouseOrThrow } from './stock.service.js';

/**
 * Lots: made from tickets (or parts of them) and from other lots, closed, drawn from for a loss or a
 * sample, delivered by a cooperative to its central, and built by the central into export lots from its
 * cooperatives' delivered lots. The database keeps every balance and refusal (ADR 0051); the service
 * chooses defaults (code, product, class, EUDR, harvest window) and records the stock movements.
 */

/** Suggested lot code: `<PREFIX>-<YY>-<NNN>`, the next number of this prefix and year. */
export async function suggestCode(
  exec: Executor,
  orgId: string,
  prefix: string,
  today: string,
  milling = false,
) {
  const head = `${prefix}-${today.slice(2, 4)}-`;
  const last = milling
    ? await q.lastMillingNumber(exec, orgId, head)
    : await q.lastLotNumber(exec, orgId, head);
  return `${head}${String(last + 1).padStart(3, '0')}`;
}

/** Views of lots of any organizations, with their owner, warehouse and where they were delivered. */
export async function lotViews(
  exec: Executor,
  orgs: OrgsService,
  rows: readonly q.LotRow[],
): Promise<LotView[]> {
  const orgIds = [...new Set(rows.flatMap((r) => [r.org_id, r.delivered_to_org_id ?? r.org_id]))];
  const byId = new Map((await orgs.orgsByIds(exec, orgIds)).map((o) => [o.org_id, o]));
  const warehouses = new Map<string, { code: string; name: string }>();
  for (const orgId of new Set(rows.map((r) => r.org_id)))
    for (const w of await q.warehousesByIds(
      exec,
      orgId,
      rows.filter((r) => r.org_id === orgId).map((r) => r.warehouse_id),
    ))
      warehouses.set(`${orgId}:${w.warehouse_id}`, w);
  return rows.map((r) => {
    const org = byId.get(r.org_id);
    const to = r.delivered_to_org_id ? byId.get(r.delivered_to_org_id) : undefined;
    const w = warehouses.get(`${r.org_id}:${r.warehouse_id}`);
    return {
      id: r.lot_id,
      code: r.code,
      org: { slug: org?.slug ?? '', name: org?.name ?? '' },
      product: r.product,
      certificationClass: r.certification_class,
      origin: r.origin,
      eudr: r.eudr,
      status: r.status,
      warehouseCode: w?.code ?? '',
      warehouseName: w?.name ?? '',
      gramsIn: r.grams_in,
      gramsOut: r.grams_out,
      availableGrams: r.available_grams,
      harvestFrom: r.harvest_from,
      harvestTo: r.harvest_to,
      deliveredTo: to ? { slug: to.slug, name: to.name } : null,
      note: r.note,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

export function createLotsService(deps: ServiceDeps, orgs: OrgsService, members: MembersService) {
  const { db, clock, ids } = deps;
  const access = lotsAccess(orgs);
  const today = (a: OrgAccess) => todayIn(a.org.time_zone, clock.now());

  async function lotOrThrow(exec: Executor, orgId: string, code: string, lock = false) {
    const found = await q.findLotByCode(exec, orgId, code);
    if (!found) throw notFound('lots.lot_not_found', { code });
    return lock ? (await q.findLot(exec, orgId, found.lot_id, true))! : found;
  }

  /** Tickets with coffee not yet in a lot, for the screen that makes a lot. */
  async function ticketCandidates(actor: Actor, slug: string, query: TicketCandidatesQuery) {
    const a = await access.read(db, actor, slug);
    const orgId = a.org.org_id;
    const pointId = query.point
      ? (await warehouseOrThrow(db, orgId, query.point, 'point')).point_id
      : undefined;
    const memberId = query.member ? await members.memberIdOf(db, orgId, query.member) : undefined;
    const tickets = await ticketOrigins(db, orgId, {
      limit: query.limit,
      ...(pointId && { pointIds: [pointId] }),
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
      ...(query.certificationClass && { certificationClass: query.certificationClass }),
      ...(memberId && { memberId }),
    });
    const lotted = await q.lottedGramsOfTickets(
      db,
      orgId,
      tickets.map((t) => t.ticket_id),
    );
    const people = new Map(
      (await members.memberRowsByIds(db, orgId, [...new Set(tickets.map((t) => t.member_id))])).map((m) => [
        m.member_id,
        m,
      ]),
    );
    return tickets
      .map((t): TicketCandidate => {
        const m = people.get(t.member_id);
        return {
          ticketId: t.ticket_id,
          label: ticketLabel(t),
          pointCode: t.point_code,
          memberNumber: m?.member_number ?? '',
          memberName: m ? `${m.given_names} ${m.family_names}` : '',
          deliveryDate: t.delivery_date,
          product:
            t.coffee_state === 'dry_parchment' ? 'parchment' : (t.coffee_state as TicketCandidate['product']),
          certificationClass: t.certification_class as CertClass,
          netGrams: t.net_grams,
          availableGrams: t.net_grams - (lotted.get(t.ticket_id) ?? 0),
          hasPlots: t.plot_ids.length > 0,
          yieldBp: t.yield_bp,
        };
      })
      .filter((t) => t.availableGrams > 0);
  }

  async function suggest(actor: Actor, slug: string, prefix?: string) {
    const a = await access.read(db, actor, slug);
    return { code: await suggestCode(db, a.org.org_id, prefix ?? 'LOT', today(a)) };
  }

  /**
   * Stock follows the coffee: inputs lying elsewhere are transferred to the lot's warehouse, and inputs
   * of another class are reclassified to the lot's (organic + Fairtrade sold as organic, say).
   */
  async function moveInputsToLot(
    trx: Trx,
    a: OrgAccess,
    actor: Actor,
    lot: { lotId: string; warehouseId: string; product: q.LotRow['product']; certificationClass: CertClass },
    resolved: { tickets: ResolvedTicket[]; lots: ResolvedLot[] },
    transferId: string,
    on: string,
  ) {
    const groups = new Map<string, { warehouseId: string; cls: CertClass; grams: number }>();
    const add = (warehouseId: string, cls: CertClass, grams: number) => {
      const key = `${warehouseId}:${cls}`;
      const g = groups.get(key) ?? { warehouseId, cls, grams: 0 };
      g.grams += grams;
      groups.set(key, g);
    };
    for (const t of resolved.tickets)
      add(t.ticket.point_id, t.ticket.certification_class as CertClass, t.grams);
    for (const l of resolved.lots) add(l.warehouseId, l.lot.certification_class, l.grams);
    const base = {
      orgId: a.org.org_id,
      product: lot.product,
      occurredOn: on,
      lotId: lot.lotId,
      transferId,
      recordedAt: clock.now(),
      recordedByLabel: auditActor(actor).label,
    };
    const movements: q.NewStockMovement[] = [];
    for (const g of groups.values()) {
      if (g.warehouseId !== lot.warehouseId) {
        movements.push(
          {
            ...base,
            movementId: ids.next(),
            warehouseId: g.warehouseId,
            certificationClass: g.cls,
            grams: -g.grams,
            kind: 'transfer_out',
          },
          {
            ...base,
            movementId: ids.next(),
            warehouseId: lot.warehouseId,
            certificationClass: g.cls,
            grams: g.grams,
            kind: 'transfer_in',
          },
        );
      }
      if (g.cls !== lot.certificationClass) {
        movements.push(
          {
            ...base,
            movementId: ids.next(),
            warehouseId: lot.warehouseId,
            certificationClass: g.cls,
            grams: -g.grams,
            kind: 'reclass_out',
          },
          {
            ...base,
            movementId: ids.next(),
            warehouseId: lot.warehouseId,
            certificationClass: lot.certificationClass,
            grams: g.grams,
            kind: 'reclass_in',
          },
        );
      }
    }
    await q.insertStockMovements(trx, movements);
  }

  async function insertInputs(
    trx: Trx,
    orgId: string,
    lotId: string,
    resolved: { tickets: ResolvedTicket[]; lots: ResolvedLot[] },
  ) {
    let n = await q.nextInputNo(trx, orgId, lotId);
    await q.insertLotInputs(trx, [
      ...resolved.tickets.map((t) => ({
        org_id: orgId,
        lot_id: lotId,
        input_no: ++n,
        ticket_id: t.ticket.ticket_id,
        source_org_id: null,
        source_lot_id: null,
        milling_id: null,
        grams: t.grams,
      })),
      ...resolved.lots.map((l) => ({
        org_id: orgId,
        lot_id: lotId,
        input_no: ++n,
        ticket_id: null,
        source_org_id: l.lot.org_id,
        source_lot_id: l.lot.lot_id,
        milling_id: null,
        grams: l.grams,
      })),
    ]);
    await q.markConsumed(
      trx,
      resolved.lots.map((l) => ({ orgId: l.lot.org_id, lotId: l.lot.lot_id })),
    );
  }

  async function createLot(actor: Actor, slug: string, input: CreateLotBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'lot.create', body: input, at },
        async () => {
          const resolved = await resolveInputs(trx, orgs, a, input);
          const products = new Set([
            ...resolved.tickets.map((t) =>
              t.ticket.coffee_state === 'dry_parchment'
                ? 'parchment'
                : t.ticket.coffee_state === 'green'
                  ? 'green_export'
                  : t.ticket.coffee_state,
            ),
            ...resolved.lots.map((l) => l.lot.product),
          ]);
          const product =
            input.product ?? (products.size === 1 ? ([...products][0] as q.LotRow['product']) : undefined);
          if (!product || products.size > 1 || !products.has(product))
            throw invalid('lots.mixed_products', [{ path: 'product', code: 'lots.mixed_products' }]);
          const classes = [
            ...resolved.tickets.map((t) => t.ticket.certification_class as CertClass),
            ...resolved.lots.map((l) => l.lot.certification_class),
          ];
          const certificationClass = input.certificationClass ?? commonClass(classes);
          if (!classes.every((c) => classCovers(c, certificationClass)))
            throw invalid('lots.class_not_covered', [
              { path: 'certificationClass', code: 'lots.class_not_covered' },
            ]);
          const missing = await unknownOrigins(trx, members, orgId, resolved);
          const eudr = input.eudr ?? missing.length === 0;
          if (eudr && missing.length > 0) throw invalid('lots.eudr_unknown_origin', missing);
          const places = new Set([
            ...resolved.tickets.map((t) => t.ticket.point_id),
            ...resolved.lots.map((l) => l.warehouseId),
          ]);
          const warehouse = input.warehouse
            ? await warehouseOrThrow(trx, orgId, input.warehouse)
            : places.size === 1
              ? (await q.warehousesByIds(trx, orgId, [...places]))[0]
              : undefined;
          if (!warehouse)
            throw invalid('lots.warehouse_needed', [{ path: 'warehouse', code: 'lots.warehouse_needed' }]);
          const code = input.code ?? (await suggestCode(trx, orgId, warehouse.code, today(a)));
          if (await q.findLotByCode(trx, orgId, code)) throw conflict('lots.lot_code_taken', { code });
          const window = harvestWindow(resolved);
          await q.insertLot(trx, {
            org_id: orgId,
            lot_id: input.id,
            code,
            product,
            certification_class: certificationClass,
            origin: resolved.tickets.length > 0 ? 'tickets' : 'blend',
            eudr,
            warehouse_id: warehouse.warehouse_id,
            status: 'open',
            delivered_to_org_id: null,
            grams_in: 0,
            grams_out: 0,
            harvest_from: window.from,
            harvest_to: window.to,
            note: input.note ?? null,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          await insertInputs(trx, orgId, input.id, resolved);
          await moveInputsToLot(
            trx,
            a,
            actor,
            { lotId: input.id, warehouseId: warehouse.warehouse_id, product, certificationClass },
            resolved,
            input.id,
            today(a),
          );
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'lot.create',
            entityType: 'lot',
            entityId: input.id,
            data: { code, tickets: resolved.tickets.length, lots: resolved.lots.length },
            at,
          });
          return lotDetailIn(trx, a, (await q.findLot(trx, orgId, input.id))!);
        },
      );
      return result;
    });
  }

  /** More tickets or lots into an open lot (same checks as making it). */
  async function addInputs(actor: Actor, slug: string, code: string, input: AddInputsBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'lot.add_inputs', body: { code, ...input }, at },
        async () => {
          const lot = await lotOrThrow(trx, orgId, code, true);
          if (lot.status !== 'open') throw conflict('lots.lot_not_open', { code });
          const resolved = await resolveInputs(trx, orgs, a, input);
          if (lot.eudr) {
            const missing = await unknownOrigins(trx, members, orgId, resolved);
            if (missing.length > 0) throw invalid('lots.eudr_unknown_origin', missing);
          }
          await insertInputs(trx, orgId, lot.lot_id, resolved);
          await moveInputsToLot(
            trx,
            a,
            actor,
            {
              lotId: lot.lot_id,
              warehouseId: lot.warehouse_id,
              product: lot.product,
              certificationClass: lot.certification_class,
            },
            resolved,
            input.id,
            today(a),
          );
          const window = harvestWindow({
            tickets: resolved.tickets,
            lots: [...resolved.lots, { lot, grams: 0, warehouseId: lot.warehouse_id }],
          });
          await q.setLot(trx, orgId, lot.lot_id, { harvest_from: window.from, harvest_to: window.to });
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'lot.add_inputs',
            entityType: 'lot',
            entityId: lot.lot_id,
            data: { tickets: resolved.tickets.length, lots: resolved.lots.length },
            at,
          });
          return lotDetailIn(trx, a, (await q.findLot(trx, orgId, lot.lot_id))!);
        },
      );
      return result;
    });
  }

  async function listLots(actor: Actor, slug: string, query: LotQuery) {
    const a = await access.read(db, actor, slug);
    return lotViews(db, orgs, await q.listLots(db, a.org.org_id, query));
  }

  async function lotDetailIn(exec: Executor, a: OrgAccess, lot: q.LotRow): Promise<LotDetail> {
    const orgId = a.org.org_id;
    const [view] = await lotViews(exec, orgs, [lot]);
    const inputs = await q.inputsOf(exec, lot.org_id, lot.lot_id);
    const tickets = new Map(
      (
        await ticketOrigins(exec, lot.org_id, {
          ticketIds: inputs.flatMap((i) => (i.ticket_id ? [i.ticket_id] : [])),
        })
      ).map((t) => [t.ticket_id, t]),
    );
    // names only for the organization's own people; a central reading under a grant sees numbers
    const own = a.via === 'member' || a.via === 'platform';
    const people = new Map(
      (
        await members.memberRowsByIds(exec, lot.org_id, [
          ...new Set([...tickets.values()].map((t) => t.member_id)),
        ])
      ).map((m) => [m.member_id, m]),
    );
    const sources = await q.lotsByKeys(
      exec,
      inputs.flatMap((i) => (i.source_lot_id ? [{ orgId: i.source_org_id!, lotId: i.source_lot_id }] : [])),
    );
    const sourceViews = new Map((await lotViews(exec, orgs, sources)).map((s) => [s.id, s]));
    const millings = new Map((await q.listMillings(exec, lot.org_id)).map((m) => [m.milling_id, m.code]));
    const outputsToLots = await q.takenBy(exec, lot.org_id, lot.lot_id);
    const orgNames = new Map(
      (await orgs.orgsByIds(exec, [...new Set(outputsToLots.map((o) => o.org_id))])).map((o) => [
        o.org_id,
        o.name,
      ]),
    );
    const draws = await q.drawsOf(exec, lot.org_id, lot.lot_id);
    return {
      ...view!,
      members: new Set([...tickets.values()].map((t) => t.member_id)).size,
      inputs: inputs.map((i) => {
        if (i.ticket_id) {
          const t = tickets.get(i.ticket_id);
          const m = t && people.get(t.member_id);
          return {
            kind: 'ticket' as const,
            label: t ? ticketLabel(t) : '',
            org: null,
            memberNumber: m?.member_number ?? null,
            memberName: m && own ? `${m.given_names} ${m.family_names}` : null,
            date: t?.delivery_date ?? null,
            hasPlots: t ? t.plot_ids.length > 0 : null,
            grams: i.grams,
          };
        }
        if (i.source_lot_id) {
          const s = sourceViews.get(i.source_lot_id);
          return {
            kind: 'lot' as const,
            label: s?.code ?? '',
            org: s && s.org.slug !== a.org.slug ? s.org.name : null,
            memberNumber: null,
            memberName: null,
            date: s?.harvestTo ?? null,
            hasPlots: s?.eudr ?? null,
            grams: i.grams,
          };
        }
        return {
          kind: 'milling' as const,
          label: millings.get(i.milling_id!) ?? '',
          org: null,
          memberNumber: null,
          memberName: null,
          date: null,
          hasPlots: null,
          grams: i.grams,
        };
      }),
      outputs: [
        ...outputsToLots.map((o) => ({
          kind: 'lot' as const,
          label: o.code,
          org: o.org_id === orgId ? null : (orgNames.get(o.org_id) ?? null),
          date: new Date(o.created_at).toISOString().slice(0, 10),
          reason: null,
          grams: o.grams,
        })),
        ...draws.map((d) => ({
          kind: d.kind,
          label: d.milling_code,
          org: null,
          date: d.drawn_on,
          reason: d.reason,
          grams: d.grams,
        })),
      ],
    };
  }

  /** A lot's page: its own organization's, or a cooperative's seen by its central (under the grant, or delivered there). */
  async function getLot(actor: Actor, slug: string, code: string, ownerSlug?: string) {
    if (ownerSlug && ownerSlug !== slug) {
      const a = await access.read(db, actor, slug);
      const owner = await orgs.orgBySlug(db, ownerSlug);
      const lot = owner && (await q.findLotByCode(db, owner.org_id, code));
      if (!lot || lot.delivered_to_org_id !== a.org.org_id) {
        // not delivered here: only under the cooperative's grant
        const b = await access.read(db, actor, ownerSlug);
        return lotDetailIn(db, b, await lotOrThrow(db, b.org.org_id, code));
      }
      return lotDetailIn(db, { ...a, via: 'grantee' }, lot);
    }
    const a = await access.read(db, actor, slug);
    return lotDetailIn(db, a, await lotOrThrow(db, a.org.org_id, code));
  }

  async function closeLot(actor: Actor, slug: string, code: string) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const lot = await lotOrThrow(trx, a.org.org_id, code, true);
      if (lot.status === 'closed') return lotDetailIn(trx, a, lot);
      if (lot.status !== 'open') throw conflict('lots.lot_not_open', { code });
      await q.setLot(trx, a.org.org_id, lot.lot_id, { status: 'closed' });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'lot.close',
        entityType: 'lot',
        entityId: lot.lot_id,
        data: { code },
        at: clock.now(),
      });
      return lotDetailIn(trx, a, (await q.findLot(trx, a.org.org_id, lot.lot_id))!);
    });
  }

  /** A loss (drying, a count) or a sample leaves the lot and the warehouse, with its reason. */
  async function draw(actor: Actor, slug: string, code: string, input: DrawBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'lot.draw', body: { code, ...input }, at },
        async () => {
          const lot = await lotOrThrow(trx, orgId, code, true);
          if (!['open', 'closed'].includes(lot.status)) throw conflict('lots.lot_not_movable', { code });
          const on = input.drawnOn ?? today(a);
          await q.insertLotDraw(trx, {
            orgId,
            lotId: lot.lot_id,
            drawId: input.id,
            kind: input.kind,
            grams: input.grams,
            reason: input.reason,
            drawnOn: on,
            recordedAt: at,
            recordedByLabel: auditActor(actor).label,
          });
          await q.insertStockMovements(trx, [
            {
              orgId,
              movementId: ids.next(),
              warehouseId: lot.warehouse_id,
              product: lot.product,
              certificationClass: lot.certification_class,
              grams: -input.grams,
              kind: input.kind === 'sample' ? 'dispatch' : 'adjustment',
              occurredOn: on,
              lotId: lot.lot_id,
              reason: input.reason,
              recordedAt: at,
              recordedByLabel: auditActor(actor).label,
            },
          ]);
          await q.markConsumed(trx, [{ orgId, lotId: lot.lot_id }]);
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: `lot.${input.kind}`,
            entityType: 'lot',
            entityId: lot.lot_id,
            data: { code, ...input },
            at,
          });
          return lotDetailIn(trx, a, (await q.findLot(trx, orgId, lot.lot_id))!);
        },
      );
      return result;
    });
  }

  /**
   * The cooperative delivers a lot to its central: the lot becomes `delivered` (it still holds its grams,
   * now at the central, for the central's export lots), its coffee leaves the cooperative's warehouse
   * (`delivery_out`) and arrives at the central's (`delivery_in`), both in this transaction.
   */
  async function deliver(actor: Actor, slug: string, code: string, input: DeliverBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const orgId = a.org.org_id;
      const lot = await lotOrThrow(trx, orgId, code, true);
      if (lot.status === 'delivered') throw conflict('lots.lot_already_delivered', { code });
      if (!['open', 'closed'].includes(lot.status) || lot.available_grams <= 0)
        throw conflict('lots.lot_not_movable', { code });
      const central: OrgRow | undefined = await orgs.orgBySlug(trx, input.central);
      if (central?.kind !== 'central')
        throw invalid('lots.not_a_central', [{ path: 'central', code: 'lots.not_a_central' }]);
      const receiving = await q.findWarehouseByCode(trx, central.org_id, input.warehouse);
      if (!receiving)
        throw invalid('lots.warehouse_not_found', [
          { path: 'warehouse', code: 'lots.warehouse_not_found', params: { code: input.warehouse } },
        ]);
      const at = clock.now();
      const on = input.deliveredOn ?? today(a);
      const transferId = ids.next();
      const common = {
        product: lot.product,
        certificationClass: lot.certification_class,
        occurredOn: on,
        lotId: lot.lot_id,
        transferId,
        recordedAt: at,
        recordedByLabel: auditActor(actor).label,
      };
      await q.setLot(trx, orgId, lot.lot_id, { status: 'delivered', delivered_to_org_id: central.org_id });
      await q.insertStockMovements(trx, [
        {
          ...common,
          orgId,
          movementId: ids.next(),
          warehouseId: lot.warehouse_id,
          grams: -lot.available_grams,
          kind: 'delivery_out',
        },
        {
          ...common,
          orgId: central.org_id,
          movementId: ids.next(),
          warehouseId: receiving.warehouse_id,
          grams: lot.available_grams,
          kind: 'delivery_in',
          reason: `${a.org.name}: ${lot.code}`,
        },
      ]);
      for (const auditOrg of [orgId, central.org_id])
        await appendAudit(trx, {
          orgId: auditOrg,
          actor: auditActor(actor),
          action: 'lot.deliver',
          entityType: 'lot',
          entityId: lot.lot_id,
          data: { code, from: a.org.slug, ...input, grams: lot.available_grams },
          at,
        });
      return lotDetailIn(trx, a, (await q.findLot(trx, orgId, lot.lot_id))!);
    });
  }

  /**
   * The central's view across its cooperatives: every lot delivered to it, and every lot of the
   * cooperatives that granted it the `lots` area.
   */
  async function cooperativeLots(actor: Actor, slug: string): Promise<CooperativeLotsView> {
    const a = await orgs.authorize(db, actor, slug, 'lots.read');
    if (a.org.kind !== 'central') throw notFound('lots.not_a_central_view');
    const delivered = await q.lotsDeliveredTo(db, a.org.org_id);
    let granted: OrgRow[] = [];
    try {
      granted = (await orgs.grantorsFor(db, actor, slug, 'lots')).orgs;
    } catch (error) {
      // warehouse staff of the central see what was delivered to it, not the cooperatives' own books
      if (!(error instanceof AppError && error.kind === 'forbidden')) throw error;
    }
    const coopIds = [...new Set([...delivered.map((l) => l.org_id), ...granted.map((g) => g.org_id)])];
    const coops = await orgs.orgsByIds(db, coopIds);
    const grantedIds = new Set(granted.map((g) => g.org_id));
    const result: CooperativeLotsView['cooperatives'] = [];
    for (const coop of coops.sort((x, y) => x.name.localeCompare(y.name, 'es'))) {
      const rows = grantedIds.has(coop.org_id)
        ? await q.listLots(db, coop.org_id, {})
        : delivered.filter((l) => l.org_id === coop.org_id);
      result.push({
        slug: coop.slug,
        name: coop.name,
        granted: grantedIds.has(coop.org_id),
        lots: await lotViews(db, orgs, rows),
      });
    }
    return { cooperatives: result };
  }

  return {
    ticketCandidates,
    suggest,
    createLot,
    addInputs,
    listLots,
    getLot,
    closeLot,
    draw,
    deliver,
    cooperativeLots,
  };
}

export type LotsService = ReturnType<typeof createLotsService>;
