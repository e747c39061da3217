import { formatPricePerKg, parsePricePerKg } from '../collection/index.js';
import { findLot, lotsByIds } from '../lots/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor, listAllOrgs } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney, parseMoney } from '../platform/money.js';
import { MASS_UNIT_MILLIGRAMS } from '../platform/units.js';
import { formatCents, parseCentsPerLb, perKgToPerLb, perLbToPerKg } from './price.js';
import type {
  AllocateBody,
  ContractSummary,
  ContractView,
  CreateBuyerBody,
  CreateContractBody,
  FixBody,
} from './sales.contract.js';
import * as q from './sales.queries.js';

/**
 * Buyers, contracts, price fixations and allocations of lots (issue 12, item 5; ADR 0054). Every command is
 * one transaction; the database keeps the invariants (fixations within the quantity, allocations within
 * what a lot holds and of a class the contract accepts), and the service says the same first, in words.
 */

const USD = currencyOf('USD');
const KG = { code: 'kg', minorUnits: 3 };
export const kgText = (grams: number | bigint) => formatMoney(BigInt(grams), KG);
export const gramsOf = (kg: string) => Number(parseMoney(kg, KG));
export const usdPerLb = (units: number | bigint) => formatPricePerKg(BigInt(units), USD);

type Access = OrgAccess;
type ContractRow = NonNullable<Awaited<ReturnType<typeof q.findContract>>>;

export function createSalesService(deps: ServiceDeps, orgs: OrgsService) {
  const { db, clock } = deps;

  /** Sales is a cooperative's or a central's: they sell the coffee. */
  async function access(exec: Executor, actor: Actor, slug: string, action: 'sales.read' | 'sales.manage') {
    const a = await orgs.authorize(exec, actor, slug, action);
    if (a.org.kind !== 'cooperative' && a.org.kind !== 'central')
      throw notFound('sales.not_a_seller', { slug });
    return a;
  }

  // ---- buyers -------------------------------------------------------------------------------------

  const buyerView = (b: Awaited<ReturnType<typeof q.listBuyers>>[number]) => ({
    id: b.buyer_id,
    name: b.name,
    country: b.country,
    contact: b.contact,
    inAyni: b.buyer_org_id !== null,
  });

  async function createBuyer(actor: Actor, slug: string, input: CreateBuyerBody) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'sales.manage');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'sales.buyer.create', body: input, at },
        async () => {
          let buyerOrgId: string | null = null;
          let name = input.name ?? null;
          if (input.buyerOrg) {
            const buyer = (await listAllOrgs(trx)).find((o) => o.slug === input.buyerOrg);
            if (buyer?.kind !== 'buyer')
              throw invalid(
                'sales.buyer_org_unknown',
                [{ path: 'buyerOrg', code: 'sales.buyer_org_unknown' }],
                {
                  slug: input.buyerOrg,
                },
              );
            buyerOrgId = buyer.org_id;
            name = name ?? buyer.name;
          }
          if (!name)
            throw invalid('sales.buyer_name_required', [{ path: 'name', code: 'sales.buyer_name_required' }]);
          const row = await q.insertBuyer(trx, {
            org_id: a.org.org_id,
            buyer_id: input.id,
            buyer_org_id: buyerOrgId,
            name,
            country: input.country,
            contact: input.contact ?? null,
            created_at: at,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'sales.buyer.create',
            entityType: 'sales_buyer',
            entityId: input.id,
            data: input,
            at,
          });
          return buyerView(row);
        },
      );
      return result;
    });
  }

  async function listBuyers(actor: Actor, slug: string) {
    const a = await access(db, actor, slug, 'sales.read');
    return (await q.listBuyers(db, a.org.org_id)).map(buyerView);
  }

  // ---- contracts ----------------------------------------------------------------------------------

  function quantityOf(input: CreateContractBody['quantity']) {
    if (input.unit === 'kg') return { grams: gramsOf(input.kg), unit: 'kg', bags: null };
    const perBag = Number(MASS_UNIT_MILLIGRAMS[input.unit] / 1000n);
    return { grams: input.bags * perBag, unit: input.unit, bags: input.bags };
  }

  async function createContract(actor: Actor, slug: string, input: CreateContractBody) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'sales.manage');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'sales.contract.create', body: input, at },
        async () => {
          if (!(await q.findBuyer(trx, a.org.org_id, input.buyerId)))
            throw invalid('sales.buyer_not_found', [{ path: 'buyerId', code: 'sales.buyer_not_found' }]);
          if (await q.findContractByNumber(trx, a.org.org_id, input.number))
            throw conflict('sales.contract_number_taken', { number: input.number });
          if (input.shipmentFrom > input.shipmentTo)
            throw invalid('sales.shipment_period', [{ path: 'shipmentTo', code: 'sales.shipment_period' }]);
          const quantity = quantityOf(input.quantity);
          const fairtrade =
            input.certificationClass === 'fairtrade' || input.certificationClass === 'organic_fairtrade';
          const terms = fairtrade ? await q.fairtradeTermsOn(trx, input.contractDate) : undefined;
          if (fairtrade && !terms)
            throw invalid('sales.no_fairtrade_terms', [], { date: input.contractDate });
          const price = input.price;
          await q.insertContract(trx, {
            org_id: a.org.org_id,
            contract_id: input.id,
            number: input.number,
            buyer_id: input.buyerId,
            contract_date: input.contractDate,
            quantity_grams: quantity.grams,
            quantity_unit: quantity.unit,
            quantity_bags: quantity.bags,
            product: input.product,
            certification_class: input.certificationClass,
            grade: input.grade ?? null,
            min_cup_score_hundredths: input.minCupScore
              ? Number(parseMoney(input.minCupScore, { code: 'pt', minorUnits: 2 }))
              : null,
            max_moisture_bp: input.maxMoisturePercent
              ? Number(parseMoney(input.maxMoisturePercent, { code: '%', minorUnits: 2 }))
              : null,
            min_screen: input.minScreen ?? null,
            max_defects: input.maxDefects ?? null,
            currency: 'USD',
            price_kind: price.kind,
            price_basis: price.kind === 'fixed' ? price.basis : 'lb',
            fixed_price: price.kind === 'fixed' ? Number(parsePricePerKg(price.usd, USD)) : null,
            differential_per_lb:
              price.kind === 'differential' ? Number(parseCentsPerLb(price.differentialCents)) : null,
            futures_month: price.kind === 'differential' ? price.futuresMonth : null,
            fairtrade_terms_from: terms?.effective_from ?? null,
            ft_minimum_per_lb: terms?.minimum_per_lb ?? null,
            ft_premium_per_lb: terms?.premium_per_lb ?? null,
            ft_organic_differential_per_lb: terms?.organic_differential_per_lb ?? null,
            incoterm: input.incoterm,
            incoterm_place: input.incotermPlace,
            shipment_from: input.shipmentFrom,
            shipment_to: input.shipmentTo,
            note: input.note ?? null,
            signed_at: null,
            signed_by_label: null,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'sales.contract.create',
            entityType: 'sales_contract',
            entityId: input.id,
            data: input,
            at,
          });
          return contractView(trx, a, input.id);
        },
      );
      return result;
    });
  }

  async function contractRow(
    exec: Executor,
    a: Access,
    contractId: string,
    lock = false,
  ): Promise<ContractRow> {
    const row = await q.findContract(exec, a.org.org_id, contractId, lock);
    if (!row) throw notFound('sales.contract_not_found');
    return row;
  }

  function priceStatus(
    c: { price_kind: string; quantity_grams: number },
    fixedGrams: number,
  ): ContractSummary['priceStatus'] {
    if (c.price_kind === 'fixed') return 'fixed';
    if (fixedGrams === 0) return 'unfixed';
    return fixedGrams >= c.quantity_grams ? 'wholly_fixed' : 'partly_fixed';
  }

  async function listContracts(actor: Actor, slug: string): Promise<ContractSummary[]> {
    const a = await access(db, actor, slug, 'sales.read');
    return (await q.listContracts(db, a.org.org_id)).map((c) => ({
      id: c.contract_id,
      number: c.number,
      buyer: c.buyer_name,
      buyerCountry: c.buyer_country,
      contractDate: c.contract_date,
      status: c.status,
      product: c.product,
      certificationClass: c.certification_class,
      quantityKg: kgText(c.quantity_grams),
      quantityUnit: c.quantity_unit,
      quantityBags: c.quantity_bags,
      allocatedKg: kgText(Number(c.allocated_grams ?? 0)),
      shippedKg: kgText(Number(c.shipped_grams ?? 0)),
      priceKind: c.price_kind,
      priceStatus: priceStatus(c, Number(c.fixed_grams ?? 0)),
      fixedKg: kgText(Number(c.fixed_grams ?? 0)),
      shipmentFrom: c.shipment_from,
      shipmentTo: c.shipment_to,
    }));
  }

  async function contractView(exec: Executor, a: Access, contractId: string): Promise<ContractView> {
    const c = await contractRow(exec, a, contractId);
    const buyer = (await q.findBuyer(exec, a.org.org_id, c.buyer_id))!;
    const fixations = await q.fixationsOf(exec, a.org.org_id, contractId);
    const allocations = await q.allocationsOf(exec, a.org.org_id, contractId);
    const shipments = await q.shipmentsOf(exec, a.org.org_id, contractId);
    const lotIds = [
      ...new Set([
        ...allocations.map((x) => x.lot_id),
        ...fixations.flatMap((f) => (f.lot_id ? [f.lot_id] : [])),
      ]),
    ];
    const codes = new Map((await lotsByIds(exec, a.org.org_id, lotIds)).map((l) => [l.lot_id, l.code]));
    const fixedGrams = fixations.reduce((s, f) => s + f.grams, 0);
    const allocated = allocations.reduce((s, x) => s + x.grams, 0);
    const shipped = allocations.reduce((s, x) => s + x.shipped_grams, 0);
    const other =
      c.fixed_price === null
        ? null
        : c.price_basis === 'lb'
          ? perLbToPerKg(BigInt(c.fixed_price))
          : perKgToPerLb(BigInt(c.fixed_price));
    return {
      id: c.contract_id,
      number: c.number,
      buyerId: c.buyer_id,
      buyer: buyer.name,
      buyerCountry: buyer.country,
      contractDate: c.contract_date,
      status: c.status,
      product: c.product,
      certificationClass: c.certification_class,
      quantityKg: kgText(c.quantity_grams),
      quantityUnit: c.quantity_unit,
      quantityBags: c.quantity_bags,
      allocatedKg: kgText(allocated),
      shippedKg: kgText(shipped),
      priceKind: c.price_kind,
      priceStatus: priceStatus(c, fixedGrams),
      fixedKg: kgText(fixedGrams),
      shipmentFrom: c.shipment_from,
      shipmentTo: c.shipment_to,
      grade: c.grade,
      minCupScore:
        c.min_cup_score_hundredths === null
          ? null
          : formatMoney(BigInt(c.min_cup_score_hundredths), { code: 'pt', minorUnits: 2 }),
      maxMoisturePercent:
        c.max_moisture_bp === null
          ? null
          : formatMoney(BigInt(c.max_moisture_bp), { code: '%', minorUnits: 2 }),
      minScreen: c.min_screen,
      maxDefects: c.max_defects,
      currency: c.currency,
      priceBasis: c.price_basis,
      fixedPrice: c.fixed_price === null ? null : usdPerLb(c.fixed_price),
      fixedPriceOtherBasis: other === null ? null : usdPerLb(other),
      differentialCents: c.differential_per_lb === null ? null : formatCents(BigInt(c.differential_per_lb)),
      futuresMonth: c.futures_month,
      fairtrade:
        c.fairtrade_terms_from === null
          ? null
          : {
              termsFrom: c.fairtrade_terms_from,
              minimumUsdPerLb: usdPerLb(c.ft_minimum_per_lb!),
              premiumUsdPerLb: usdPerLb(c.ft_premium_per_lb!),
              organicDifferentialUsdPerLb:
                c.certification_class === 'organic_fairtrade'
                  ? usdPerLb(c.ft_organic_differential_per_lb!)
                  : null,
            },
      incoterm: c.incoterm,
      incotermPlace: c.incoterm_place,
      note: c.note,
      signedAt: c.signed_at === null ? null : new Date(c.signed_at).toISOString(),
      fixations: fixations.map((f) => ({
        id: f.fixation_id,
        fixedOn: f.fixed_on,
        levelCents: formatCents(BigInt(f.level_per_lb)),
        priceUsdPerLb: usdPerLb(BigInt(f.level_per_lb) + BigInt(c.differential_per_lb ?? 0)),
        kg: kgText(f.grams),
        bags: f.bags,
        lotCode: f.lot_id ? (codes.get(f.lot_id) ?? null) : null,
      })),
      allocations: allocations.map((x) => ({
        lotId: x.lot_id,
        lotCode: codes.get(x.lot_id) ?? '?',
        kg: kgText(x.grams),
        shippedKg: kgText(x.shipped_grams),
      })),
      shipments: shipments.map((s) => ({
        id: s.shipment_id,
        icoMark: s.ico_mark,
        status: s.status,
        kg: kgText(s.net_grams),
      })),
    };
  }

  async function getContract(actor: Actor, slug: string, contractId: string) {
    const a = await access(db, actor, slug, 'sales.read');
    return contractView(db, a, contractId);
  }

  /** Signing binds the cooperative: only those who manage sales may (a viewer reads). */
  async function signContract(actor: Actor, slug: string, contractId: string) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'sales.manage');
      const c = await contractRow(trx, a, contractId, true);
      if (c.status === 'cancelled') throw conflict('sales.contract_cancelled', { number: c.number });
      if (c.status === 'draft') {
        const at = clock.now();
        await q.signContract(trx, a.org.org_id, contractId, at, auditActor(actor).label);
        await appendAudit(trx, {
          orgId: a.org.org_id,
          actor: auditActor(actor),
          action: 'sales.contract.sign',
          entityType: 'sales_contract',
          entityId: contractId,
          data: { number: c.number },
          at,
        });
      }
      return contractView(trx, a, contractId);
    });
  }

  // ---- fixations ----------------------------------------------------------------------------------

  async function fix(actor: Actor, slug: string, contractId: string, input: FixBody) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'sales.manage');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'sales.fix', body: { contractId, ...input }, at },
        async () => {
          const c = await contractRow(trx, a, contractId, true);
          if (c.price_kind !== 'differential') throw conflict('sales.fix_fixed_price', { number: c.number });
          if (c.status === 'cancelled') throw conflict('sales.contract_cancelled', { number: c.number });
          let grams: number;
          if (input.kg !== undefined) grams = gramsOf(input.kg);
          else if (input.bags !== undefined && c.quantity_unit.startsWith('bag-'))
            grams = input.bags * Number(MASS_UNIT_MILLIGRAMS[c.quantity_unit as 'bag-69'] / 1000n);
          else throw invalid('sales.fix_quantity', [{ path: 'kg', code: 'sales.fix_quantity' }]);
          if (grams <= 0) throw invalid('sales.fix_quantity', [{ path: 'kg', code: 'sales.fix_quantity' }]);
          const fixed = (await q.fixationsOf(trx, a.org.org_id, contractId)).reduce((s, f) => s + f.grams, 0);
          if (fixed + grams > c.quantity_grams)
            throw conflict('sales.fix_beyond_quantity', {
              number: c.number,
              kg: kgText(grams),
              left: kgText(c.quantity_grams - fixed),
            });
          if (input.lotId && !(await findLot(trx, a.org.org_id, input.lotId)))
            throw invalid('sales.lot_not_found', [{ path: 'lotId', code: 'sales.lot_not_found' }]);
          await q.insertFixation(trx, {
            org_id: a.org.org_id,
            fixation_id: input.id,
            contract_id: contractId,
            fixed_on: input.fixedOn,
            level_per_lb: Number(parseCentsPerLb(input.levelCents)),
            grams,
            bags: input.bags ?? null,
            lot_id: input.lotId ?? null,
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'sales.fix',
            entityType: 'sales_contract',
            entityId: contractId,
            data: input,
            at,
          });
          return contractView(trx, a, contractId);
        },
      );
      return result;
    });
  }

  // ---- allocations --------------------------------------------------------------------------------

  /** Allocates grams of lots to a contract, all or none; the database checks the same at the write. */
  async function allocate(actor: Actor, slug: string, contractId: string, input: AllocateBody) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'sales.manage');
      const c = await contractRow(trx, a, contractId, true);
      if (c.status === 'cancelled') throw conflict('sales.contract_cancelled', { number: c.number });
      const at = clock.now();
      const wanted = new Map<string, number>();
      for (const line of input.lots) wanted.set(line.lotId, (wanted.get(line.lotId) ?? 0) + gramsOf(line.kg));
      const held = new Map(
        (await q.heldByLot(trx, a.org.org_id, [...wanted.keys()])).map((h) => [h.lot_id, Number(h.held)]),
      );
      for (const [lotId, grams] of wanted) {
        const lot = await findLot(trx, a.org.org_id, lotId, true);
        if (!lot) throw invalid('sales.lot_not_found', [{ path: 'lots', code: 'sales.lot_not_found' }]);
        if (grams <= 0)
          throw invalid('sales.allocation_positive', [{ path: 'lots', code: 'sales.allocation_positive' }]);
        if (lot.product !== c.product || !classCovers(lot.certification_class, c.certification_class))
          throw conflict('sales.allocation_class', {
            lot: lot.code,
            lotClass: lot.certification_class,
            number: c.number,
          });
        const left = lot.available_grams - (held.get(lotId) ?? 0);
        if (grams > left)
          throw conflict('sales.allocation_beyond_lot', {
            lot: lot.code,
            kg: kgText(grams),
            left: kgText(Math.max(0, left)),
          });
        await q.addAllocation(trx, {
          org_id: a.org.org_id,
          contract_id: contractId,
          lot_id: lotId,
          grams,
          allocated_at: at,
          allocated_by_label: auditActor(actor).label,
        });
      }
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'sales.allocate',
        entityType: 'sales_contract',
        entityId: contractId,
        data: input,
        at,
      });
      return contractView(trx, a, contractId);
    });
  }

  /** Lots that could go to this contract, with what is left of each after other contracts' holds. */
  async function availableLots(actor: Actor, slug: string, contractId: string) {
    const a = await access(db, actor, slug, 'sales.read');
    const c = await contractRow(db, a, contractId);
    const ids = (await q.lotIdsWithGrams(db, a.org.org_id, c.product)).map((r) => r.lot_id);
    const lots = (await lotsByIds(db, a.org.org_id, ids)).filter((l) =>
      classCovers(l.certification_class, c.certification_class),
    );
    const held = new Map((await q.heldByLot(db, a.org.org_id, ids)).map((h) => [h.lot_id, Number(h.held)]));
    const here = new Map(
      (await q.allocationsOf(db, a.org.org_id, contractId)).map((x) => [x.lot_id, x.grams - x.shipped_grams]),
    );
    return lots
      .map((l) => ({
        lotId: l.lot_id,
        code: l.code,
        product: l.product,
        certificationClass: l.certification_class,
        availableKg: kgText(Math.max(0, l.available_grams - (held.get(l.lot_id) ?? 0))),
        allocatedHereKg: kgText(here.get(l.lot_id) ?? 0),
      }))
      .sort((x, y) => x.code.localeCompare(y.code));
  }

  return {
    access,
    contractRow,
    contractView,
    createBuyer,
    listBuyers,
    createContract,
    listContracts,
    getContract,
    signContract,
    fix,
    allocate,
    availableLots,
  };
}

/** The lots' rule (migrations/0013 class_covers): a lot may be sold as its class or any class it covers. */
export function classCovers(lotClass: string, contractClass: string): boolean {
  return (
    contractClass === 'conventional' ||
    lotClass === contractClass ||
    (lotClass === 'organic_fairtrade' && (contractClass === 'organic' || contractClass === 'fairtrade'))
  );
}

export type SalesService = ReturnType<typeof createSalesService>;
export type { Trx };
