import { certificationsInForce, memberIdOf, memberRowsByIds, yearlyEstimateGrams } from '../members/index.js';
import type { Actor, OrgAccess } from '../orgs/index.js';
import { actorUserId, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney, parseMoney } from '../platform/money.js';
import { fromGrams, toGrams } from '../platform/units.js';
import { accessTo, type CollectionDeps, readAccess } from './access.js';
import type { CreateTicketBody as CreateTicketInput } from './collection.contract.js';
import * as q from './collection.queries.js';
import { TicketPricingColumn } from './collection.tables.js';
import type { TicketPrice } from './pricing.js';
import { CLASS_NEEDS, hundredths, priceFor } from './schedules.service.js';

/**
 * Weigh tickets (*acopio*): priced by the schedule in force, credited to the member's account and any
 * cash paid at the desk debited, all in the ticket's transaction. Tickets are never edited: a mistake
 * is a void (keeping the number, reversing the value) and a new ticket that replaces it.
 */

const fromHundredths = (n: number | null) =>
  n === null ? null : `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

type Point = NonNullable<Awaited<ReturnType<typeof q.findPointByCode>>>;

/** Gross above zero, tare below gross, percentages at most 100: the weights in grams, or field errors. */
function checkWeights(input: CreateTicketInput) {
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
  return { gross, tare };
}

/** The point named on the ticket; a cashier (not also admin or manager) records only at their own points. */
async function pointOfDesk(trx: Trx, actor: Actor, a: OrgAccess, pointCode: string): Promise<Point> {
  const point = await q.findPointByCode(trx, a.org.org_id, pointCode);
  if (!point)
    throw invalid(
      'collection.point_not_found',
      [{ path: 'pointCode', code: 'collection.point_not_found', params: { code: pointCode } }],
      { code: pointCode },
    );
  if (
    actor.kind !== 'system' &&
    a.roles.includes('cashier') &&
    !a.roles.some((r) => r === 'admin' || r === 'manager')
  ) {
    const cashiers = (await q.cashiersOf(trx, a.org.org_id, point.point_id)).map((c) => c.user_id);
    if (cashiers.length > 0 && !cashiers.includes(actor.userId)) throw forbidden('collection.not_your_point');
  }
  return point;
}

/** The certified schemes a member holds on a date, organic in any form counted as organic. */
async function schemesHeld(exec: Executor, orgId: string, memberId: string, date: string) {
  return new Set(
    (await certificationsInForce(exec, orgId, memberId, date)).map((c) =>
      c.scheme.startsWith('organic') ? 'organic' : c.scheme,
    ),
  );
}

/** The member delivering: active or applicant, and certified for the ticket's class on the delivery date. */
async function deliveringMember(trx: Trx, a: OrgAccess, input: CreateTicketInput, deliveryDate: string) {
  const memberId = await memberIdOf(trx, a.org.org_id, input.memberNumber);
  const member = (await memberRowsByIds(trx, a.org.org_id, [memberId]))[0]!;
  if (member.status !== 'active' && member.status !== 'applicant') {
    throw invalid(
      'collection.member_cannot_deliver',
      [{ path: 'memberNumber', code: 'collection.member_cannot_deliver', params: { status: member.status } }],
      { status: member.status },
    );
  }
  const held = await schemesHeld(trx, a.org.org_id, memberId, deliveryDate);
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
  return { memberId, member };
}

/** Cash paid at the desk, at most the ticket's value; a replacement only for a voided ticket. */
async function checkPayment(trx: Trx, a: OrgAccess, input: CreateTicketInput, price: TicketPrice) {
  if (price.valueMinor <= 0n) throw invalid('collection.zero_value');
  const cash = input.cashPaid ? parseMoney(input.cashPaid, currencyOf(a.org.currency)) : 0n;
  if (cash > price.valueMinor)
    throw invalid('error.invalid_body', [
      { path: 'cashPaid', code: 'collection.cash_above_value', params: { value: price.value } },
    ]);
  if (input.replacesTicketId && !(await q.findVoid(trx, a.org.org_id, input.replacesTicketId))) {
    throw invalid('error.invalid_body', [
      { path: 'replacesTicketId', code: 'collection.replace_only_voided' },
    ]);
  }
  return cash;
}

/**
 * The ticket's journal entry: coffee stock against what the cooperative owes the member, and the cash
 * paid at the desk against that debt. Returns the entry's id.
 */
async function postTicketEntry(
  deps: CollectionDeps,
  trx: Trx,
  actor: Actor,
  a: OrgAccess,
  ticket: { id: string; label: string; date: string; memberId: string; memberNumber: string; net: bigint },
  price: TicketPrice,
  cash: bigint,
) {
  await deps.ledger.ensureChartIn(trx, a.org.org_id, a.org.locale);
  const entryId = deps.ids.next();
  const { label, memberId } = ticket;
  await deps.ledger.postEntryIn(trx, actor, a.org.org_id, {
    entryId,
    date: ticket.date,
    description: `Ticket ${label} — ${ticket.memberNumber} ${fromGrams(ticket.net, 'kg', 1)} kg`,
    currency: a.org.currency,
    source: { type: 'weigh_ticket', id: ticket.id },
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
  return entryId;
}

/** The analysis as stored: percentages and factor in hundredths, null where not measured. */
const analysisColumns = (input: CreateTicketInput) => ({
  moisture_bp: input.moisturePercent ? hundredths(input.moisturePercent) : null,
  yield_bp: input.yieldPercent ? hundredths(input.yieldPercent) : null,
  factor_hundredths: input.factor ? hundredths(input.factor) : null,
  defects: input.defects ?? null,
  cup_score_hundredths: input.cupScore ? hundredths(input.cupScore) : null,
  cup_protocol: input.cupProtocol ?? null,
});

/** The price as stored: whole payable grams for lists, the exact breakdown as JSON (bigints as text). */
function priceColumns(price: TicketPrice, cash: bigint, currency: string) {
  const payable = price.payableGrams.ratio.split('/');
  return {
    // whole grams for lists; the exact figure stays in the pricing breakdown
    payable_grams: Number(BigInt(payable[0]!) / BigInt(payable[1] ?? '1')),
    unit_price: price.unitPricePerKg.decimal,
    value_minor: Number(price.valueMinor),
    cash_paid_minor: Number(cash),
    currency,
    pricing: JSON.stringify({
      ...price,
      netGrams: price.netGrams.toString(),
      valueMinor: price.valueMinor.toString(),
    }),
  };
}

/** Records one ticket inside an open transaction: checks, prices, numbers, posts and audits it. */
async function createTicketIn(
  deps: CollectionDeps,
  trx: Trx,
  actor: Actor,
  a: OrgAccess,
  input: CreateTicketInput,
) {
  const { gross, tare } = checkWeights(input);
  const point = await pointOfDesk(trx, actor, a, input.pointCode);
  const deliveryDate = todayIn(a.org.time_zone, new Date(input.deliveredAt));
  const { memberId, member } = await deliveringMember(trx, a, input, deliveryDate);
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
  const cash = await checkPayment(trx, a, input, price);
  const number = await q.takeTicketNumber(trx, a.org.org_id, point.point_id);
  const label = `${point.code}-${String(number).padStart(6, '0')}`;
  const entryId = await postTicketEntry(
    deps,
    trx,
    actor,
    a,
    { id: input.id, label, date: deliveryDate, memberId, memberNumber: member.member_number, net },
    price,
    cash,
  );
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
    ...analysisColumns(input),
    schedule_id: schedule.schedule_id,
    ...priceColumns(price, cash, a.org.currency),
    entry_id: entryId,
    replaces_ticket_id: input.replacesTicketId ?? null,
    recorded_at: deps.clock.now(),
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
    at: deps.clock.now(),
  });
  return row.ticket_id;
}

export async function createTicket(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  input: CreateTicketInput,
) {
  const ticketId = await inTransaction(deps.db, async (trx) => {
    const a = await accessTo(deps, trx, actor, slug, 'collection.write');
    const { result } = await idempotentCreate(
      trx,
      { orgId: a.org.org_id, id: input.id, operation: 'ticket.create', body: input, at: deps.clock.now() },
      async () => ({ id: await createTicketIn(deps, trx, actor, a, input) }),
    );
    return result.id;
  });
  return getTicket(deps, actor, slug, ticketId);
}

/**
 * Up to 500 tickets from a field device, each in its own transaction and idempotent by its id: a
 * resent batch replays what was recorded and records what was not, and one bad ticket does not
 * stop the others.
 */
export async function createTicketBatch(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  inputs: CreateTicketInput[],
) {
  // Who may send a batch at all is answered once, for the whole request.
  await accessTo(deps, deps.db, actor, slug, 'collection.write');
  const results: {
    id: string;
    ok: boolean;
    ticket?: Awaited<ReturnType<typeof getTicket>>;
    error?: AppError;
  }[] = [];
  for (const input of inputs) {
    try {
      results.push({ id: input.id, ok: true, ticket: await createTicket(deps, actor, slug, input) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id: input.id, ok: false, error });
    }
  }
  return results;
}

export async function voidTicket(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  ticketId: string,
  reason: string,
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await accessTo(deps, trx, actor, slug, 'collection.configure');
    const ticket = await q.findTicket(trx, a.org.org_id, ticketId);
    if (!ticket) throw notFound('collection.ticket_not_found');
    if (await q.findVoid(trx, a.org.org_id, ticketId)) throw conflict('collection.already_voided');
    const at = deps.clock.now();
    const reversal = await deps.ledger.reverseEntryIn(trx, actor, a.org.org_id, ticket.entry_id, {
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
  return getTicket(deps, actor, slug, ticketId);
}

/**
 * Tickets with their member's number and names, which the members domain reads (one query for all the
 * rows) rather than collection joining the members table.
 */
async function withMembers<T extends { member_id: string }>(exec: Executor, orgId: string, rows: T[]) {
  const people = new Map(
    (await memberRowsByIds(exec, orgId, [...new Set(rows.map((r) => r.member_id))])).map((m) => [
      m.member_id,
      m,
    ]),
  );
  return rows.flatMap((row) => {
    const m = people.get(row.member_id);
    return m
      ? [{ ...row, member_number: m.member_number, given_names: m.given_names, family_names: m.family_names }]
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

/** One ticket as its receipt shows it: with the cooperative and the local time of the desk. */
export async function getTicket(deps: CollectionDeps, actor: Actor, slug: string, ticketId: string) {
  const { db } = deps;
  const a = await readAccess(deps, db, actor, slug);
  const found = await q.findTicket(db, a.org.org_id, ticketId);
  const [ticket] = found ? await withMembers(db, a.org.org_id, [found]) : [];
  if (!ticket) throw notFound('collection.ticket_not_found');
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
export async function ticketsOfMember(
  deps: CollectionDeps,
  orgId: string,
  memberId: string,
  from: string,
  to: string,
) {
  const { db } = deps;
  return (
    await withMembers(db, orgId, await q.listTickets(db, orgId, { limit: 1000, memberId, from, to }))
  ).map(ticketView);
}

export async function listTickets(
  deps: CollectionDeps,
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
  const { db } = deps;
  const a = await readAccess(deps, db, actor, slug);
  const point = filter.pointCode ? await q.findPointByCode(db, a.org.org_id, filter.pointCode) : undefined;
  const memberId = filter.memberNumber ? await memberIdOf(db, a.org.org_id, filter.memberNumber) : undefined;
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
export async function deliverySummary(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
) {
  const { db } = deps;
  const a = await readAccess(deps, db, actor, slug);
  const memberId = await memberIdOf(db, a.org.org_id, memberNumber);
  const member = (await memberRowsByIds(db, a.org.org_id, [memberId]))[0]!;
  const today = todayIn(a.org.time_zone, deps.clock.now());
  const held = await schemesHeld(db, a.org.org_id, memberId, today);
  const classes = Object.entries(CLASS_NEEDS)
    .filter(([, needs]) => needs.every((n) => held.has(n)))
    .map(([k]) => k);
  const quota = await yearlyEstimateGrams(db, a.org.org_id, memberId);
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
