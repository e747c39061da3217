import type { Actor, OrgAccess } from '../orgs/index.js';
import { auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import { type FieldError, invalid } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { type Currency, currencyOf } from '../platform/money.js';
import { fromGrams, toGrams } from '../platform/units.js';
import { accessTo, type CollectionDeps, readAccess } from './access.js';
import type { CreateScheduleBody as CreateScheduleInput, PriceRuleView } from './collection.contract.js';
import * as q from './collection.queries.js';
import { PriceRuleColumn, type StoredPriceRule } from './collection.tables.js';
import {
  PricingError,
  type PricingRule,
  parsePricePerKg,
  priceWeighTicket,
  type TicketPrice,
} from './pricing.js';

/**
 * Price schedules: effective-dated rules per coffee state and certification class, stored with exact
 * prices as text, and the price a ticket gets from the schedule in force on its delivery date.
 */

/** Decimal text with up to 2 decimals as hundredths: '12.5' → 1250 (basis points for percentages). */
export function hundredths(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Certification classes and the certified schemes each one needs (organic: any organic scheme). */
export const CLASS_NEEDS: Record<string, ('organic' | 'fairtrade')[]> = {
  conventional: [],
  organic: ['organic'],
  fairtrade: ['fairtrade'],
  organic_fairtrade: ['organic', 'fairtrade'],
};

/** The stored rule (prices as text) as pricing.ts's rule (prices as bigints). */
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

/** Prices a neutral ticket with the rule, so a broken rule is refused now, not at the desk. */
function checkOnNeutralTicket(stored: StoredPriceRule, currency: Currency) {
  try {
    priceWeighTicket(toPricingRule(stored, currency), {
      netGrams: 1000n,
      moistureBp: stored.moisture?.referenceBp ?? 0,
      yieldBp: stored.yieldRule?.kind === 'points' ? stored.yieldRule.referenceBp : 0,
      factorHundredths: stored.yieldRule?.kind === 'factor' ? stored.yieldRule.baseFactorHundredths : 9400,
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
}

function scheduleView(row: Awaited<ReturnType<typeof q.listSchedules>>[number]) {
  return {
    id: row.schedule_id,
    effectiveFrom: row.effective_from,
    coffeeState: row.coffee_state,
    certificationClass: row.certification_class,
    rule: row.rule as PriceRuleView, // written by storedRuleOf
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by_label,
  };
}

export async function createSchedule(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  input: CreateScheduleInput,
) {
  return inTransaction(deps.db, async (trx) => {
    const a = await accessTo(deps, trx, actor, slug, 'collection.configure');
    const at = deps.clock.now();
    const stored = storedRuleOf(input, currencyOf(a.org.currency));
    checkOnNeutralTicket(stored, currencyOf(a.org.currency));
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
        return scheduleView(row);
      },
    );
    return result;
  });
}

export async function listSchedules(deps: CollectionDeps, actor: Actor, slug: string) {
  const a = await readAccess(deps, deps.db, actor, slug);
  return (await q.listSchedules(deps.db, a.org.org_id)).map(scheduleView);
}

/** What a price depends on: the delivery date, the coffee and its analysis. */
export interface PriceFacts {
  date: string;
  coffeeState: string;
  certificationClass: string;
  netGrams: bigint;
  moisturePercent?: string | undefined;
  yieldPercent?: string | undefined;
  factor?: string | undefined;
  cupScore?: string | undefined;
}

/** The schedule in force and the price it gives; a date with no schedule is refused with a message that says so. */
export async function priceFor(exec: Executor, a: OrgAccess, facts: PriceFacts) {
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
        error.issues.map((i) => ({ path: i.path.replace(/^ticket\./, ''), code: i.code, params: i.params })),
        error.params as Record<string, string | number>,
      );
    throw error;
  }
}

function priceView(price: TicketPrice) {
  return {
    currency: price.currency,
    netKg: fromGrams(price.netGrams, 'kg', 3),
    payableKg: fromGrams(
      BigInt(price.payableGrams.ratio.split('/')[0]!) / BigInt(price.payableGrams.ratio.split('/')[1] ?? '1'),
      'kg',
      3,
    ),
    unitPricePerKg: price.unitPricePerKg.decimal,
    value: price.value,
    lines: price.lines,
  };
}

/** The price the desk shows before a ticket is recorded. */
export async function pricePreview(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  input: Omit<PriceFacts, 'netGrams'> & { netKg: string },
) {
  const a = await readAccess(deps, deps.db, actor, slug);
  return priceView((await priceFor(deps.db, a, { ...input, netGrams: toGrams(input.netKg, 'kg') })).price);
}
