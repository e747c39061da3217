import { ticketOrigins } from '../collection/index.js';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { classCovers, commonClass } from './lot-inputs.js';
import type { CreateMillingBody, MillingOutputBody, MillingView } from './lots.contract.js';
import * as q from './lots.queries.js';
import { suggestCode } from './lots.service.js';
import { computeOutturn, type OutturnLot } from './outturn.js';
import { lotsAccess, warehouseOrThrow } from './stock.service.js';

/**
 * Dry milling (*trilla*): an order at a mill takes parchment lots (draws of kind `milling`, stock
 * `processing_out`), gives output lots of green export grade, second grade, rejects and husk (lot inputs
 * from the order, stock `processing_in`), and is finished with its loss: inputs = outputs + loss, to the
 * gram (CHECK milling_mass_balance). Its outturn is compared with the yields measured at intake.
 */

type MillingRow = NonNullable<Awaited<ReturnType<typeof q.findMillingByCode>>>;

export function createMillingService(deps: ServiceDeps, orgs: OrgsService, members: MembersService) {
  const { db, clock, ids } = deps;
  const access = lotsAccess(orgs);
  const today = (a: OrgAccess) => todayIn(a.org.time_zone, clock.now());

  async function orderOrThrow(exec: Executor, orgId: string, code: string, lock = false) {
    const m = await q.findMillingByCode(exec, orgId, code, lock);
    if (!m) throw notFound('lots.milling_not_found', { code });
    return m;
  }

  /** Each input lot's tickets with their grams in this milling and the yields measured at intake. */
  async function outturnOf(exec: Executor, a: OrgAccess, m: MillingRow) {
    const draws = await q.millingDraws(exec, m.org_id, m.milling_id);
    const outputs = await q.millingOutputs(exec, m.org_id, m.milling_id);
    const fractions = await q.ticketFractions(
      exec,
      draws.map((d) => ({ orgId: m.org_id, lotId: d.lot_id })),
    );
    const ticketsByOrg = new Map<string, string[]>();
    for (const f of fractions)
      ticketsByOrg.set(f.org_id, [...(ticketsByOrg.get(f.org_id) ?? []), f.ticket_id]);
    const tickets = new Map<string, { memberKey: string; memberLabel: string; yieldBp: number | null }>();
    const orgNames = new Map(
      (await orgs.orgsByIds(exec, [...ticketsByOrg.keys()])).map((o) => [o.org_id, o.name]),
    );
    for (const [orgId, ticketIds] of ticketsByOrg) {
      const origins = await ticketOrigins(exec, orgId, { ticketIds });
      const people = new Map(
        (await members.memberRowsByIds(exec, orgId, [...new Set(origins.map((t) => t.member_id))])).map(
          (p) => [p.member_id, p],
        ),
      );
      for (const t of origins) {
        const p = people.get(t.member_id);
        const own = orgId === a.org.org_id && a.via !== 'grantee';
        tickets.set(t.ticket_id, {
          memberKey: `${orgId}:${t.member_id}`,
          memberLabel: own
            ? `${p?.member_number ?? ''} ${p ? `${p.given_names} ${p.family_names}` : ''}`.trim()
            : `${orgNames.get(orgId) ?? ''} · ${p?.member_number ?? ''}`,
          yieldBp: t.yield_bp,
        });
      }
    }
    const lots: OutturnLot[] = draws.map((d) => ({
      key: d.lot_id,
      label: d.code,
      grams: d.grams,
      tickets: fractions
        .filter((f) => f.root_lot_id === d.lot_id)
        .flatMap((f) => {
          const t = tickets.get(f.ticket_id);
          if (!t) return [];
          // a ticket's grams in this milling: its share of the lot times the grams drawn (exact to the gram is not needed for a yield)
          return [{ ...t, grams: Math.round(Number(f.fraction) * d.grams) }];
        }),
    }));
    return {
      draws,
      outputs,
      outturn: computeOutturn({
        parchmentGrams: m.grams_in,
        greenExportGrams: outputs
          .filter((o) => o.product === 'green_export')
          .reduce((s, o) => s + o.grams, 0),
        lots,
      }),
    };
  }

  async function view(exec: Executor, a: OrgAccess, m: MillingRow): Promise<MillingView> {
    const [w] = await q.warehousesByIds(exec, m.org_id, [m.warehouse_id]);
    const client = m.client_org_id ? (await orgs.orgsByIds(exec, [m.client_org_id]))[0]?.name : m.client_name;
    const { draws, outputs, outturn } = await outturnOf(exec, a, m);
    return {
      ...summary(m, w),
      client: client ?? null,
      inputs: draws.map((d) => ({ lotCode: d.code, grams: d.grams })),
      outputs: outputs.map((o) => ({ lotCode: o.code, product: o.product, grams: o.grams })),
      outturn,
    };
  }

  function summary(m: MillingRow, w: { code: string; name: string } | undefined) {
    return {
      id: m.milling_id,
      code: m.code,
      warehouseCode: w?.code ?? '',
      warehouseName: w?.name ?? '',
      client: m.client_name,
      status: m.status,
      milledOn: m.milled_on,
      gramsIn: m.grams_in,
      gramsOut: m.grams_out,
      lossGrams: m.loss_grams,
    };
  }

  async function createOrder(actor: Actor, slug: string, input: CreateMillingBody) {
    return inTransaction(db, async (trx: Trx) => {
      const a = await access.mill(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'milling.create', body: input, at },
        async () => {
          const mill = await warehouseOrThrow(trx, orgId, input.warehouse);
          if (mill.kind !== 'mill')
            throw invalid('lots.not_a_mill', [
              { path: 'warehouse', code: 'lots.not_a_mill', params: { code: mill.code } },
            ]);
          let clientOrgId: string | null = null;
          if (input.clientOrg) {
            const client = await orgs.orgBySlug(trx, input.clientOrg);
            if (!client || client.org_id === orgId)
              throw invalid('lots.client_not_found', [{ path: 'clientOrg', code: 'lots.client_not_found' }]);
            clientOrgId = client.org_id;
          }
          const code = input.code ?? (await suggestCode(trx, orgId, 'TR', today(a), true));
          if (await q.findMillingByCode(trx, orgId, code))
            throw conflict('lots.milling_code_taken', { code });
          const errors: FieldError[] = [];
          const lots: { lot: q.LotRow; grams: number }[] = [];
          for (const [i, l] of input.lots.entries()) {
            const found = await q.findLotByCode(trx, orgId, l.code);
            const lot = found && (await q.findLot(trx, orgId, found.lot_id, true));
            const grams = l.grams ?? lot?.available_grams ?? 0;
            if (!lot)
              errors.push({ path: `lots.${i}`, code: 'lots.lot_not_found', params: { code: l.code } });
            else if (lot.product !== 'parchment')
              errors.push({ path: `lots.${i}`, code: 'lots.mill_takes_parchment', params: { code: l.code } });
            else if (!['open', 'closed'].includes(lot.status) || grams <= 0 || grams > lot.available_grams)
              errors.push({
                path: `lots.${i}`,
                code: 'lots.lot_used_up',
                params: { code: l.code, kg: (lot.available_grams / 1000).toFixed(1) },
              });
            else lots.push({ lot, grams });
          }
          if (errors.length > 0) throw invalid('lots.inputs_invalid', errors);
          await q.insertMilling(trx, {
            org_id: orgId,
            milling_id: input.id,
            code,
            warehouse_id: mill.warehouse_id,
            client_org_id: clientOrgId,
            client_name: input.clientName ?? null,
            status: 'open',
            milled_on: null,
            grams_in: 0,
            grams_out: 0,
            loss_grams: null,
            note: input.note ?? null,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          const on = today(a);
          for (const { lot, grams } of lots)
            await q.insertLotDraw(trx, {
              orgId,
              lotId: lot.lot_id,
              drawId: ids.next(),
              kind: 'milling',
              grams,
              millingId: input.id,
              drawnOn: on,
              recordedAt: at,
              recordedByLabel: auditActor(actor).label,
            });
          await q.insertStockMovements(
            trx,
            lots.map(({ lot, grams }) => ({
              orgId,
              movementId: ids.next(),
              warehouseId: lot.warehouse_id,
              product: lot.product,
              certificationClass: lot.certification_class,
              grams: -grams,
              kind: 'processing_out' as const,
              occurredOn: on,
              lotId: lot.lot_id,
              millingId: input.id,
              recordedAt: at,
              recordedByLabel: auditActor(actor).label,
            })),
          );
          await q.markConsumed(
            trx,
            lots.map((l) => ({ orgId, lotId: l.lot.lot_id })),
          );
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'milling.create',
            entityType: 'milling_order',
            entityId: input.id,
            data: { code, lots: input.lots },
            at,
          });
          return view(trx, a, (await q.findMillingByCode(trx, orgId, code))!);
        },
      );
      return result;
    });
  }

  /** An output lot of the order (green export grade, second grade, rejects or husk) at the mill. */
  async function addOutput(actor: Actor, slug: string, code: string, input: MillingOutputBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.mill(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'milling.output', body: { code, ...input }, at },
        async () => {
          const m = await orderOrThrow(trx, orgId, code, true);
          if (m.status === 'done') throw conflict('lots.milling_done', { code });
          const draws = await q.millingDraws(trx, orgId, m.milling_id);
          const classes = draws.map((d) => d.certification_class);
          const certificationClass = input.certificationClass ?? commonClass(classes);
          if (!classes.every((c) => classCovers(c, certificationClass)))
            throw invalid('lots.class_not_covered', [
              { path: 'certificationClass', code: 'lots.class_not_covered' },
            ]);
          const inputLots = await q.lotsByIds(
            trx,
            orgId,
            draws.map((d) => d.lot_id),
          );
          const dates = inputLots
            .flatMap((l) => [l.harvest_from, l.harvest_to])
            .filter((d): d is string => !!d)
            .sort();
          const [mill] = await q.warehousesByIds(trx, orgId, [m.warehouse_id]);
          const lotCode = input.code ?? (await suggestCode(trx, orgId, mill?.code ?? 'MILL', today(a)));
          if (await q.findLotByCode(trx, orgId, lotCode))
            throw conflict('lots.lot_code_taken', { code: lotCode });
          await q.insertLot(trx, {
            org_id: orgId,
            lot_id: input.id,
            code: lotCode,
            product: input.product,
            certification_class: certificationClass,
            origin: 'milling',
            eudr: draws.length > 0 && draws.every((d) => d.eudr),
            warehouse_id: m.warehouse_id,
            status: 'open',
            delivered_to_org_id: null,
            grams_in: 0,
            grams_out: 0,
            harvest_from: dates[0] ?? null,
            harvest_to: dates.at(-1) ?? null,
            note: null,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          await q.insertLotInputs(trx, [
            {
              org_id: orgId,
              lot_id: input.id,
              input_no: 1,
              ticket_id: null,
              source_org_id: null,
              source_lot_id: null,
              milling_id: m.milling_id,
              grams: input.grams,
            },
          ]);
          await q.insertStockMovements(trx, [
            {
              orgId,
              movementId: ids.next(),
              warehouseId: m.warehouse_id,
              product: input.product,
              certificationClass,
              grams: input.grams,
              kind: 'processing_in',
              occurredOn: today(a),
              lotId: input.id,
              millingId: m.milling_id,
              recordedAt: at,
              recordedByLabel: auditActor(actor).label,
            },
          ]);
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'milling.output',
            entityType: 'milling_order',
            entityId: m.milling_id,
            data: { code, lot: lotCode, product: input.product, grams: input.grams },
            at,
          });
          return view(trx, a, (await q.findMillingByCode(trx, orgId, code))!);
        },
      );
      return result;
    });
  }

  /** Finished: what went in and did not come out is the loss, to the gram. */
  async function finish(actor: Actor, slug: string, code: string, input: { milledOn?: string | undefined }) {
    return inTransaction(db, async (trx) => {
      const a = await access.mill(trx, actor, slug);
      const orgId = a.org.org_id;
      const m = await orderOrThrow(trx, orgId, code, true);
      if (m.status === 'done') return view(trx, a, m);
      if (m.grams_out === 0) throw conflict('lots.milling_no_output', { code });
      await q.finishMilling(trx, orgId, m.milling_id, input.milledOn ?? today(a));
      await appendAudit(trx, {
        orgId,
        actor: auditActor(actor),
        action: 'milling.finish',
        entityType: 'milling_order',
        entityId: m.milling_id,
        data: { code, loss: m.grams_in - m.grams_out },
        at: clock.now(),
      });
      return view(trx, a, (await q.findMillingByCode(trx, orgId, code))!);
    });
  }

  async function getOrder(actor: Actor, slug: string, code: string) {
    const a = await access.read(db, actor, slug);
    return view(db, a, await orderOrThrow(db, a.org.org_id, code));
  }

  async function listOrders(actor: Actor, slug: string) {
    const a = await access.read(db, actor, slug);
    const rows = await q.listMillings(db, a.org.org_id);
    const warehouses = new Map(
      (await q.warehousesByIds(db, a.org.org_id, [...new Set(rows.map((r) => r.warehouse_id))])).map((w) => [
        w.warehouse_id,
        w,
      ]),
    );
    return rows.map((r) => summary(r, warehouses.get(r.warehouse_id)));
  }

  return { createOrder, addOutput, finish, getOrder, listOrders };
}

export type MillingService = ReturnType<typeof createMillingService>;
