import type { LedgerService } from '../ledger/index.js';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { ACTIONS, type Actor, actorUserId, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { type Currency, currencyOf, formatMoney, parseMoney } from '../platform/money.js';
import { fromGrams, toGrams } from '../platform/units.js';
import type {
  CreateScheduleBody as CreateScheduleInput,
  CreateTicketBody as CreateTicketInput,
  PriceRuleView,
} from './collection.contract.js';
import * as q from './collection.queries.js';
import { PriceRuleColumn, type StoredPriceRule, TicketPricingColumn } from './collection.tables.js';
import {
  PricingError,
  type PricingRule,
  parsePricePerKg,
  priceWeighTicket,
  type TicketPrice,
} from './pricing.js';

/**
 * Collection (*acopio*): weigh tickets priced by the schedule in force, credited to the member's account
 * and any cash paid at the desk debited, all in the ticket's transaction. Tickets are never edited: a
 * mistake is a void (keeping the number, reversing the value) and a new ticket that replaces it.
 */

/** Decimal text with up to 2 decimals as hundredths: '12.5' → 1250 (basis points for percentages). */
export function hundredths(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
const fromHundredths = (n: number | null) =>
  n === null ? null : `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

/** Certification classes and the certified schemes each one needs (organic: any organic scheme). */
const CLASS_NEEDS: Record<string, ('organic' | 'fairtrade')[]> = {
  conventional: [],
  organic: ['organic'],
  fairtrade: ['fairtrade'],
  organic_fairtrade: ['organic', 'fairtrade'],
};

export function toPricingRule(stored: StoredPriceRule, currency: Currency): PricingRule {
  const y = stored.yieldRule;
  return {
    currency,
    base: { kind: 'fixed', pricePerKg: BigInt(stored.base.pricePerKg) },
    yieldRule:
      y === null
        ? null
        : y.kind === 'points'
          ? {
              kind: 'points',
              referenceBp: y.referenceBp,
              perPointPerKg: BigInt(y.perPointPerKg),
              ...(y.perPointBelowPerKg && { perPointBelowPerKg: BigInt(y.perPointBelowPerKg) }),
            }
          : {
              kind: 'factor',
              baseFactorHundredths: y.baseFactorHundredths,
              ...(y.maxFactorHundredths && { maxFactorHundredths: y.maxFactorHundredths }),
            },
    moisture: stored.moisture,
    certificationPremiums: Object.fromEntries(
      Object.entries(stored.certificationPremiums).map(([k, v]) => [k, BigInt(v)]),
    ),
    cupPremiums: stored.cupPremiums.map((t) => ({
      minScoreHundredths: t.minScoreHundredths,
      premiumPerKg: BigInt(t.premiumPerKg),
    })),
  };
}

export function createCollectionService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: MembersService,
  ledger: LedgerService,
) {
  const { db, clock, ids } = deps;

  async function access(
    exec: Executor,
    actor: Actor,
    slug: string,
    action: 'collection.write' | 'collection.configure',
  ) {
    const a = await orgs.authorize(exec, actor, slug, action);
    if (a.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
    return a;
  }
  const readAccess = (exec: Executor, actor: Actor, slug: string) =>
    orgs.authorizeArea(exec, actor, slug, 'collection', ACTIONS['collection.read']);

  // ---- points ---------------------------------------------------------------------------------------

  async function pointView(
    exec: Executor,
    orgId: string,
    p: Awaited<ReturnType<typeof q.listPoints>>[number],
  ) {
    return {
      id: p.point_id,
      code: p.code,
      name: p.name,
      community: p.community,
      lastTicketNumber: p.last_ticket_number,
      cashiers: (await q.cashiersOf(exec, orgId, p.point_id)).map((c) => c.user_id),
    };
  }

  async function createPoint(
    actor: Actor,
    slug: string,
    input: { id: string; code: string; name: string; community?: string | null | undefined },
  ) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'collection.configure');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'point.create', body: input, at },
        async () => {
          if (await q.findPointByCode(trx, a.org.org_id, input.code))
            throw conflict('collection.point_code_taken', { code: input.code });
          const row = await q.insertPoint(trx, {
            org_id: a.org.org_id,
            point_id: input.id,
            code: input.code,
            name: input.name,
            community: input.community ?? null,
            created_at: at,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'point.create',
            entityType: 'collection_point',
            entityId: row.point_id,
            data: input,
            at,
          });
          return pointView(trx, a.org.org_id, row);
        },
      );
      return result;
    });
  }

  async function listPoints(actor: Actor, slug: string) {
    const a = await readAccess(db, actor, slug);
    return Promise.all((await q.listPoints(db, a.org.org_id)).map((p) => pointView(db, a.org.org_id, p)));
  }

  /** Assigns a cashier (a person with the cashier role here) to a point; once a point has cashiers, only they record there. */
  async function assignCashier(actor: Actor, slug: string, pointCode: string, email: string) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'collection.configure');
      const userId = await orgs.userWithRole(trx, a.org.org_id, email, 'cashier');
      if (!userId)
        throw invalid('collection.not_a_cashier', [{ path: 'email', code: 'collection.not_a_cashier' }]);
      const point = await q.findPointByCode(trx, a.org.org_id, pointCode);
      if (!point) throw notFound('collection.point_not_found', { code: pointCode });
      await q.assignCashier(trx, {
        org_id: a.org.org_id,
        point_id: point.point_id,
        user_id: userId,
        assigned_at: clock.now(),
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'point.assign_cashier',
        entityType: 'collection_point',
        entityId: point.point_id,
        data: { userId },
        at: clock.now(),
      });
      return pointView(trx, a.org.org_id, point);
    });
  }

  // ---- price schedules ------------------------------------------------------------------------------

  function storedRuleOf(input: CreateScheduleInput, currency: Currency): StoredPriceRule {
    const price = (text: string) => parsePricePerKg(text, currency).toString();
    return {
      base: { kind: 'fixed', pricePerKg: price(input.basePricePerKg) },
      yieldRule: !input.yield
        ? null
        : input.yield.kind === 'points'
          ? {
              kind: 'points',
              referenceBp: hundredths(input.yield.referencePercent),
              perPointPerKg: price(input.yield.perPoint),
              ...(input.yield.perPointBelow && { perPointBelowPerKg: price(input.yield.perPointBelow) }),
            }
          : {
              kind: 'factor',
              baseFactorHundredths: hundredths(input.yield.baseFactor),
              ...(input.yield.maxFactor && { maxFactorHundredths: hundredths(input.yield.maxFactor) }),
            },
      moisture: input.moistureReferencePercent
        ? { referenceBp: hundredths(input.moistureReferencePercent) }
        : null,
      certificationPremiums: Object.fromEntries(
        Object.entries(input.certificationPremiums ?? {})
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, price(v!)]),
      ),
      cupPremiums: (input.cupPremiums ?? []).map((t) => ({
        minScoreHundredths: hundredths(t.minScore),
        premiumPerKg: price(t.perKg),
      })),
    };
  }

  async function createSchedule(actor: Actor, slug: string, input: CreateScheduleInput) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'collection.configure');
      const at = clock.now();
      const stored = storedRuleOf(input, currencyOf(a.org.currency));
      // Check the rule once with a neutral ticket so a broken rule is refused now, not at the desk.
      try {
        priceWeighTicket(toPricingRule(stored, currencyOf(a.org.currency)), {
          netGrams: 1000n,
          moistureBp: stored.moisture?.referenceBp ?? 0,
          yieldBp: stored.yieldRule?.kind === 'points' ? stored.yieldRule.referenceBp : 0,
          factorHundredths:
            stored.yieldRule?.kind === 'factor' ? stored.yieldRule.baseFactorHundredths : 9400,
        });
      } catch (error) {
        if (error instanceof PricingError)
          throw invalid(
            error.code,
            error.issues as FieldError[],
            error.params as Record<string, string | number>,
          );
        throw error;
      }
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'schedule.create', body: input, at },
        async () => {
          const row = await q.insertSchedule(trx, {
            org_id: a.org.org_id,
            schedule_id: input.id,
            effective_from: input.effectiveFrom,
            coffee_state: input.coffeeState,
            certification_class: input.certificationClass,
            rule: JSON.stringify(stored),
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'schedule.create',
            entityType: 'price_schedule',
            entityId: row.schedule_id,
            data: input,
            at,
          });
          return {
            id: row.schedule_id,
            effectiveFrom: row.effective_from,
            coffeeState: row.coffee_state,
            certificationClass: row.certification_class,
            rule: row.rule as PriceRuleView, // written by storedRuleOf
            recordedAt: row.recorded_at.toISOString(),
            recordedBy: row.recorded_by_label,
          };
        },
      );
      return result;
    });
  }

  async function listSchedules(actor: Actor, slug: string) {
    const a = await readAccess(db, actor, slug);
    return (await q.listSchedules(db, a.org.org_id)).map((row) => ({
      id: row.schedule_id,
      effectiveFrom: row.effective_from,
      coffeeState: row.coffee_state,
      certificationClass: row.certification_class,
      rule: row.rule as PriceRuleView,
      recordedAt: row.recorded_at.toISOString(),
      recordedBy: row.recorded_by_label,
    }));
  }

  /** The schedule in force and the price it gives; a date with no schedule is refused with a message that says so. */
  async function priceFor(
    exec: Executor,
    a: OrgAccess,
    facts: {
      date: string;
      coffeeState: string;
      certificationClass: string;
      netGrams: bigint;
      moisturePercent?: string | undefined;
      yieldPercent?: string | undefined;
      factor?: string | undefined;
      cupScore?: string | undefined;
    },
  ) {
    const schedule = await q.scheduleOn(
      exec,
      a.org.org_id,
      facts.coffeeState,
      facts.certificationClass,
      facts.date,
    );
    if (!schedule)
      throw invalid('collection.no_schedule', [], {
        date: facts.date,
        coffeeState: facts.coffeeState,
        certificationClass: facts.certificationClass,
      });
    try {
      const price = priceWeighTicket(
        toPricingRule(PriceRuleColumn.parse(schedule.rule), currencyOf(a.org.currency)),
        {
          netGrams: facts.netGrams,
          ...(facts.moisturePercent && { moistureBp: hundredths(facts.moisturePercent) }),
          ...(facts.yieldPercent && { yieldBp: hundredths(facts.yieldPercent) }),
          ...(facts.factor && { factorHundredths: hundredths(facts.factor) }),
          cupScoreHundredths: facts.cupScore ? hundredths(facts.cupScore) : null,
          certifications: CLASS_NEEDS[facts.certificationClass] ?? [],
        },
      );
      return { schedule, price };
    } catch (error) {
      if (error instanceof PricingError)
        throw invalid(
          error.code,
          error.issues.map((i) => ({
            path: i.path.replace(/^ticket\./, ''),
            code: i.code,
            params: i.params,
          })),
          error.params as Record<string, string | number>,
        );
      throw error;
    }
  }

  async function pricePreview(
    actor: Actor,
    slug: string,
    input: {
      date: string;
      netKg: string;
      coffeeState: string;
      certificationClass: string;
      moisturePercent?: string | undefined;
      yieldPercent?: string | undefined;
      factor?: string | undefined;
      cupScore?: string | undefined;
    },
  ) {
    const a = await readAccess(db, actor, slug);
    return priceView((await priceFor(db, a, { ...input, netGrams: toGrams(input.netKg, 'kg') })).price);
  }

  function priceView(price: TicketPrice) {
    return {
      currency: price.currency,
      netKg: fromGrams(price.netGrams, 'kg', 3),
      payableKg: fromGrams(
        BigInt(price.payableGrams.ratio.split('/')[0]!) /
          BigInt(price.payableGrams.ratio.split('/')[1] ?? '1'),
        'kg',
        3,
      ),
      unitPricePerKg: price.unitPricePerKg.decimal,
      value: price.value,
      lines: price.lines,
    };
  }

  // ---- tickets --------------------------------------------------------------------------------------

  async function createTicketIn(trx: Trx, actor: Actor, a: OrgAccess, input: CreateTicketInput) {
    const fields: FieldError[] = [];
    const gross = toGrams(input.grossKg, 'kg');
    const tare = toGrams(input.tareKg, 'kg');
    if (gross <= 0n) fields.push({ path: 'grossKg', code: 'collection.gross_positive' });
    if (tare >= gross) fields.push({ path: 'tareKg', code: 'collection.tare_not_below_gross' });
    for (const [path, value] of [
      ['moisturePercent', input.moisturePercent],
      ['yieldPercent', input.yieldPercent],
      ['cupScore', input.cupScore],
    ] as const) {
      if (value !== undefined && hundredths(value) > 10_000)
        fields.push({ path, code: 'collection.percent_range' });
    }
    if (fields.length) throw invalid('error.invalid_body', fields);

    const point = await q.findPointByCode(trx, a.org.org_id, input.pointCode);
    if (!point)
      throw invalid(
        'collection.point_not_found',
        [{ path: 'pointCode', code: 'collection.point_not_found', params: { code: input.pointCode } }],
        { code: input.pointCode },
      );
    if (
      actor.kind !== 'system' &&
      a.roles.includes('cashier') &&
      !a.roles.some((r) => r === 'admin' || r === 'manager')
    ) {
      const cashiers = (await q.cashiersOf(trx, a.org.org_id, point.point_id)).map((c) => c.user_id);
      if (cashiers.length > 0 && !cashiers.includes(actor.userId))
        throw forbidden('collection.not_your_point');
    }
    const memberId = await members.memberIdOf(trx, a.org.org_id, input.memberNumber);
    const member = (await members.memberRowsByIds(trx, a.org.org_id, [memberId]))[0]!;
    if (member.status !== 'active' && member.status !== 'applicant') {
      throw invalid(
        'collection.member_cannot_deliver',
        [
          {
            path: 'memberNumber',
            code: 'collection.member_cannot_deliver',
            params: { status: member.status },
          },
        ],
        { status: member.status },
      );
    }
    const deliveryDate = todayIn(a.org.time_zone, new Date(input.deliveredAt));
    const held = new Set(
      (await members.certificationsInForce(trx, a.org.org_id, memberId, deliveryDate)).map((c) =>
        c.scheme.startsWith('organic') ? 'organic' : c.scheme,
      ),
    );
    const missing = (CLASS_NEEDS[input.certificationClass] ?? []).filter((need) => !held.has(need));
    if (missing.length)
      throw invalid(
        'collection.not_certified',
        [
          {
            path: 'certificationClass',
            code: 'collection.not_certified',
            params: { missing: missing.join(', ') },
          },
        ],
        { missing: missing.join(', ') },
      );

    const net = gross - tare;
    const { schedule, price } = await priceFor(trx, a, {
      date: deliveryDate,
      coffeeState: input.coffeeState,
      certificationClass: input.certificationClass,
      netGrams: net,
      moisturePercent: input.moisturePercent,
      yieldPercent: input.yieldPercent,
      factor: input.factor,
      cupScore: input.cupScore,
    });
    if (price.valueMinor <= 0n) throw invalid('collection.zero_value');
    const currency = currencyOf(a.org.currency);
    const cash = input.cashPaid ? parseMoney(input.cashPaid, currency) : 0n;
    if (cash > price.valueMinor)
      throw invalid('error.invalid_body', [
        { path: 'cashPaid', code: 'collection.cash_above_value', params: { value: price.value } },
      ]);
    if (input.replacesTicketId && !(await q.findVoid(trx, a.org.org_id, input.replacesTicketId))) {
      throw invalid('error.invalid_body', [
        { path: 'replacesTicketId', code: 'collection.replace_only_voided' },
      ]);
    }

    const number = await q.takeTicketNumber(trx, a.org.org_id, point.point_id);
    await ledger.ensureChartIn(trx, a.org.org_id, a.org.locale);
    const entryId = ids.next();
    const label = `${point.code}-${String(number).padStart(6, '0')}`;
    await ledger.postEntryIn(trx, actor, a.org.org_id, {
      entryId,
      date: deliveryDate,
      description: `Ticket ${label} — ${member.member_number} ${fromGrams(net, 'kg', 1)} kg`,
      currency: a.org.currency,
      source: { type: 'weigh_ticket', id: input.id },
      lines: [
        { account: { purpose: 'coffee_stock' }, amountMinor: Number(price.valueMinor) },
        {
          account: { purpose: 'payable_members' },
          memberId,
          amountMinor: -Number(price.valueMinor),
          memo: `ticket ${label}`,
        },
        ...(cash > 0n
          ? [
              {
                account: { purpose: 'payable_members' },
                memberId,
                amountMinor: Number(cash),
                memo: `cash paid at the desk, ticket ${label}`,
              },
              { account: { purpose: 'cash' }, amountMinor: -Number(cash) },
            ]
          : []),
      ],
    });
    const payable = price.payableGrams.ratio.split('/');
    const row = await q.insertTicket(trx, {
      org_id: a.org.org_id,
      ticket_id: input.id,
      point_id: point.point_id,
      ticket_number: number,
      member_id: memberId,
      delivered_at: new Date(input.deliveredAt),
      delivery_date: deliveryDate,
      coffee_state: input.coffeeState,
      certification_class: input.certificationClass,
      plot_ids: input.plotIds ?? [],
      sacks: input.sacks,
      sack_type: input.sackType ?? null,
      gross_grams: Number(gross),
      tare_grams: Number(tare),
      net_grams: Number(net),
      moisture_bp: input.moisturePercent ? hundredths(input.moisturePercent) : null,
      yield_bp: input.yieldPercent ? hundredths(input.yieldPercent) : null,
      factor_hundredths: input.factor ? hundredths(input.factor) : null,
      defects: input.defects ?? null,
      cup_score_hundredths: input.cupScore ? hundredths(input.cupScore) : null,
      cup_protocol: input.cupProtocol ?? null,
      schedule_id: schedule.schedule_id,
      // whole grams for lists; the exact figure stays in the pricing breakdown
      payable_grams: Number(BigInt(payable[0]!) / BigInt(payable[1] ?? '1')),
      unit_price: price.unitPricePerKg.decimal,
      value_minor: Number(price.valueMinor),
      cash_paid_minor: Number(cash),
      currency: a.org.currency,
      pricing: JSON.stringify({
        ...price,
        netGrams: price.netGrams.toString(),
        valueMinor: price.valueMinor.toString(),
      }),
      entry_id: entryId,
      replaces_ticket_id: input.replacesTicketId ?? null,
      recorded_at: clock.now(),
      recorded_by: actorUserId(actor),
      recorded_by_label: auditActor(actor).label,
    });
    await appendAudit(trx, {
      orgId: a.org.org_id,
      actor: auditActor(actor),
      action: 'ticket.create',
      entityType: 'weigh_ticket',
      entityId: row.ticket_id,
      data: input,
      at: clock.now(),
    });
    return row.ticket_id;
  }

  async function createTicket(actor: Actor, slug: string, input: CreateTicketInput) {
    const ticketId = await inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'collection.write');
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'ticket.create', body: input, at: clock.now() },
        async () => ({ id: await createTicketIn(trx, actor, a, input) }),
      );
      return result.id;
    });
    return getTicket(actor, slug, ticketId);
  }

  /**
   * Up to 500 tickets from a field device, each in its own transaction and idempotent by its id: a
   * resent batch replays what was recorded and records what was not, and one bad ticket does not
   * stop the others.
   */
  async function createTicketBatch(actor: Actor, slug: string, inputs: CreateTicketInput[]) {
    // Who may send a batch at all is answered once, for the whole request.
    await access(db, actor, slug, 'collection.write');
    const results: {
      id: string;
      ok: boolean;
      ticket?: Awaited<ReturnType<typeof getTicket>>;
      error?: AppError;
    }[] = [];
    for (const input of inputs) {
      try {
        results.push({ id: input.id, ok: true, ticket: await createTicket(actor, slug, input) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ id: input.id, ok: false, error });
      }
    }
    return results;
  }

  async function voidTicket(actor: Actor, slug: string, ticketId: string, reason: string) {
    await inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug, 'collection.configure');
      const ticket = await q.findTicket(trx, a.org.org_id, ticketId);
      if (!ticket) throw notFound('collection.ticket_not_found');
      if (await q.findVoid(trx, a.org.org_id, ticketId)) throw conflict('collection.already_voided');
      const at = clock.now();
      const reversal = await ledger.reverseEntryIn(trx, actor, a.org.org_id, ticket.entry_id, {
        date: todayIn(a.org.time_zone, at),
        reason: `Anulación: ${reason}`,
        source: { type: 'weigh_ticket_void', id: ticketId },
      });
      await q.insertVoid(trx, {
        org_id: a.org.org_id,
        ticket_id: ticketId,
        reason,
        reversal_entry_id: reversal,
        voided_at: at,
        voided_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'ticket.void',
        entityType: 'weigh_ticket',
        entityId: ticketId,
        data: { reason },
        at,
      });
    });
    return getTicket(actor, slug, ticketId);
  }

  /**
   * Tickets with their member's number and names, which the members domain reads (one query for all the
   * rows) rather than collection joining the members table.
   */
  async function withMembers<T extends { member_id: string }>(exec: Executor, orgId: string, rows: T[]) {
    const people = new Map(
      (await members.memberRowsByIds(exec, orgId, [...new Set(rows.map((r) => r.member_id))])).map((m) => [
        m.member_id,
        m,
      ]),
    );
    return rows.flatMap((row) => {
      const m = people.get(row.member_id);
      return m
        ? [
            {
              ...row,
              member_number: m.member_number,
              given_names: m.given_names,
              family_names: m.family_names,
            },
          ]
        : [];
    });
  }

  function ticketView(
    t: NonNullable<Awaited<ReturnType<typeof q.findTicket>>> & {
      member_number: string;
      given_names: string;
      family_names: string;
    },
  ) {
    const currency = currencyOf(t.currency);
    const pricing = TicketPricingColumn.parse(t.pricing);
    return {
      id: t.ticket_id,
      pointCode: t.point_code,
      number: t.ticket_number,
      memberNumber: t.member_number,
      memberName: `${t.given_names} ${t.family_names}`,
      deliveredAt: t.delivered_at.toISOString(),
      deliveryDate: t.delivery_date,
      coffeeState: t.coffee_state,
      certificationClass: t.certification_class,
      sacks: t.sacks,
      sackType: t.sack_type,
      grossKg: fromGrams(BigInt(t.gross_grams), 'kg', 3),
      tareKg: fromGrams(BigInt(t.tare_grams), 'kg', 3),
      netKg: fromGrams(BigInt(t.net_grams), 'kg', 3),
      moisturePercent: fromHundredths(t.moisture_bp),
      yieldPercent: fromHundredths(t.yield_bp),
      factor: fromHundredths(t.factor_hundredths),
      cupScore: fromHundredths(t.cup_score_hundredths),
      currency: t.currency,
      payableKg: fromGrams(BigInt(t.payable_grams), 'kg', 3),
      unitPricePerKg: t.unit_price,
      value: formatMoney(BigInt(t.value_minor), currency),
      cashPaid: formatMoney(BigInt(t.cash_paid_minor), currency),
      lines: pricing.lines,
      voided: t.void_reason && t.voided_at ? { reason: t.void_reason, at: t.voided_at.toISOString() } : null,
      replacesTicketId: t.replaces_ticket_id,
      recordedBy: t.recorded_by_label,
    };
  }

  async function getTicket(actor: Actor, slug: string, ticketId: string) {
    const a = await readAccess(db, actor, slug);
    const found = await q.findTicket(db, a.org.org_id, ticketId);
    const [ticket] = found ? await withMembers(db, a.org.org_id, [found]) : [];
    if (!ticket) throw notFound('collection.ticket_not_found');
    // the receipt shows the cooperative and the local time of the desk
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: a.org.time_zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(ticket.delivered_at)
      .replace(',', '');
    return { ...ticketView(ticket), organization: a.org.name, deliveredAtLocal: local };
  }

  /** For other domains' services, after they authorized the caller: a member's tickets in a period. */
  async function ticketsOfMember(orgId: string, memberId: string, from: string, to: string) {
    return (
      await withMembers(db, orgId, await q.listTickets(db, orgId, { limit: 1000, memberId, from, to }))
    ).map(ticketView);
  }

  async function listTickets(
    actor: Actor,
    slug: string,
    filter: {
      pointCode?: string | undefined;
      memberNumber?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      limit: number;
    },
  ) {
    const a = await readAccess(db, actor, slug);
    const point = filter.pointCode ? await q.findPointByCode(db, a.org.org_id, filter.pointCode) : undefined;
    const memberId = filter.memberNumber
      ? await members.memberIdOf(db, a.org.org_id, filter.memberNumber)
      : undefined;
    const rows = await q.listTickets(db, a.org.org_id, {
      limit: filter.limit,
      ...(point && { pointId: point.point_id }),
      ...(memberId && { memberId }),
      ...(filter.from && { from: filter.from }),
      ...(filter.to && { to: filter.to }),
    });
    return (await withMembers(db, a.org.org_id, rows)).map(ticketView);
  }

  /**
   * What the desk shows when a member arrives: the classes they may deliver into today, their yearly
   * quota (the plots' production estimate) and how much of it this calendar year's tickets used.
   */
  async function deliverySummary(actor: Actor, slug: string, memberNumber: string) {
    const a = await readAccess(db, actor, slug);
    const memberId = await members.memberIdOf(db, a.org.org_id, memberNumber);
    const member = (await members.memberRowsByIds(db, a.org.org_id, [memberId]))[0]!;
    const today = todayIn(a.org.time_zone, clock.now());
    const held = new Set(
      (await members.certificationsInForce(db, a.org.org_id, memberId, today)).map((c) =>
        c.scheme.startsWith('organic') ? 'organic' : c.scheme,
      ),
    );
    const classes = Object.entries(CLASS_NEEDS)
      .filter(([, needs]) => needs.every((n) => held.has(n)))
      .map(([k]) => k);
    const quota = await members.yearlyEstimateGrams(db, a.org.org_id, memberId);
    const delivered = await q.deliveredGrams(db, a.org.org_id, memberId, `${today.slice(0, 4)}-01-01`, today);
    return {
      memberNumber,
      name: `${member.given_names} ${member.family_names}`,
      status: member.status,
      canDeliver: member.status === 'active' || member.status === 'applicant',
      certificationClasses: classes,
      year: Number(today.slice(0, 4)),
      quotaKg: fromGrams(BigInt(quota), 'kg', 1),
      deliveredKg: fromGrams(BigInt(delivered), 'kg', 1),
      quotaUsedBp: quota > 0 ? Math.round((delivered * 10_000) / quota) : null,
    };
  }

  return {
    ticketsOfMember,
    deliverySummary,
    createPoint,
    listPoints,
    assignCashier,
    createSchedule,
    listSchedules,
    pricePreview,
    createTicket,
    createTicketBatch,
    voidTicket,
    getTicket,
    listTickets,
  };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
