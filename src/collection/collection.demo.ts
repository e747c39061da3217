import type { DemoPart } from '../demo/demo.js';
import { prng } from '../demo/random.js';
import type { NewEntry } from '../ledger/index.js';
import { demoId, systemActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { addDays, todayIn } from '../platform/dates.js';
import { inTransaction } from '../platform/db/transaction.js';
import { fromGrams } from '../platform/units.js';
import { PriceRuleColumn } from './collection.tables.js';
import { priceWeighTicket } from './pricing.js';
import { toPricingRule } from './schedules.service.js';

/**
 * A harvest season for two demo cooperatives: 6–10 deliveries per active member over the last six
 * months, priced by the demo schedule with the same pricing code as the desk, some cash paid at the
 * desk; then a settlement posted and paid in Gallito de las Rocas and one left in draft in Selva
 * Andina. Tickets are written in bulk (one audit event per cooperative) so the first start stays quick.
 */

/**
 * The seasons: a full one in Gallito de las Rocas and Selva Andina, a smaller one in El Milagro (the
 * second southern cooperative whose lots go to COCLA). Tickets carry their member's plots, so EUDR lots
 * can be made; two tickets per cooperative have none (the members to visit before an EUDR shipment).
 */
const SEASONS = [
  { slug: 'gallito-de-las-rocas', members: Number.POSITIVE_INFINITY, deliveries: [6, 5], settle: true },
  { slug: 'selva-andina', members: Number.POSITIVE_INFINITY, deliveries: [6, 5], settle: true },
  { slug: 'el-milagro', members: 120, deliveries: [2, 3], settle: false },
] as const;
/** Ticket numbers recorded without a plot (the member said which plot later; a visit is due). */
export const DEMO_TICKETS_WITHOUT_PLOT = [2, 3];

export const collectionDemo: DemoPart = {
  name: 'a harvest season of tickets, a settlement posted and paid, another in draft',
  async load(ctx) {
    const { services } = ctx;
    const { db, clock } = services.deps;
    const actor = systemActor('demo');
    const today = todayIn('America/Lima', clock.now());
    for (const [index, season] of SEASONS.entries()) {
      const slug = season.slug;
      const orgId = ctx.orgIds.get(slug)!;
      const random = prng(5000 + index).next;
      const pointId = demoId(`point:${slug}`);
      await services.collection.createPoint(actor, slug, {
        id: pointId,
        code: 'CEN',
        name: 'Centro de acopio central (demo)',
      });
      const scheduleInput = {
        id: demoId(`schedule:${slug}`),
        effectiveFrom: addDays(today, -365),
        coffeeState: 'dry_parchment' as const,
        certificationClass: 'conventional' as const,
        basePricePerKg: '11.80',
        moistureReferencePercent: '12',
        yield: { kind: 'points' as const, referencePercent: '78', perPoint: '0.10' },
        cupPremiums: [{ minScore: '83', perKg: '0.30' }],
      };
      await services.collection.createSchedule(actor, slug, scheduleInput);
      const schedule = await db
        .selectFrom('price_schedules')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('schedule_id', '=', scheduleInput.id)
        .executeTakeFirstOrThrow();
      const rule = toPricingRule(PriceRuleColumn.parse(schedule.rule), { code: 'PEN', minorUnits: 2 });
      const members = await db
        .selectFrom('members')
        .select(['member_id', 'member_number'])
        .where('org_id', '=', orgId)
        .where('status', '=', 'active')
        .orderBy('member_number')
        .limit(Number.isFinite(season.members) ? season.members : 100_000)
        .execute();
      const plotsOf = new Map<string, string[]>();
      for (const p of await db
        .selectFrom('plots')
        .select(['member_id', 'plot_id'])
        .where('org_id', '=', orgId)
        .orderBy('plot_id')
        .execute())
        plotsOf.set(p.member_id, [...(plotsOf.get(p.member_id) ?? []), p.plot_id]);

      const tickets: Record<string, unknown>[] = [];
      const entries: NewEntry[] = [];
      let number = 0;
      const seasonStart = addDays(today, -180);
      for (const member of members) {
        const deliveries = season.deliveries[0] + Math.floor(random() * season.deliveries[1]);
        for (let d = 0; d < deliveries; d++) {
          number++;
          const date = addDays(seasonStart, Math.floor(((d + random()) * 170) / deliveries));
          const netGrams = BigInt(Math.round(120_000 + random() * 180_000));
          const moisture = 1100 + Math.floor(random() * 250);
          const yieldBp = 7400 + Math.floor(random() * 900);
          const cup = random() < 0.2 ? 8100 + Math.floor(random() * 500) : null;
          const price = priceWeighTicket(rule, {
            netGrams,
            moistureBp: moisture,
            yieldBp,
            cupScoreHundredths: cup,
            certifications: [],
          });
          const value = Number(price.valueMinor);
          const cash = random() < 0.5 ? Math.floor((value * 0.6) / 1000) * 1000 : 0;
          const ticketId = demoId(`ticket:${slug}:${number}`);
          const entryId = demoId(`ticket-entry:${slug}:${number}`);
          const label = `CEN-${String(number).padStart(6, '0')}`;
          entries.push({
            entryId,
            date,
            description: `Ticket ${label} — ${member.member_number} ${fromGrams(netGrams, 'kg', 1)} kg`,
            currency: 'PEN',
            source: { type: 'weigh_ticket', id: ticketId },
            lines: [
              { account: { purpose: 'coffee_stock' }, amountMinor: value },
              {
                account: { purpose: 'payable_members' },
                memberId: member.member_id,
                amountMinor: -value,
                memo: `ticket ${label}`,
              },
              ...(cash > 0
                ? [
                    {
                      account: { purpose: 'payable_members' },
                      memberId: member.member_id,
                      amountMinor: cash,
                      memo: `cash paid at the desk, ticket ${label}`,
                    },
                    { account: { purpose: 'cash' }, amountMinor: -cash },
                  ]
                : []),
            ],
          });
          const [num, den = '1'] = price.payableGrams.ratio.split('/');
          tickets.push({
            org_id: orgId,
            ticket_id: ticketId,
            point_id: pointId,
            ticket_number: number,
            member_id: member.member_id,
            delivered_at: new Date(`${date}T14:00:00Z`),
            delivery_date: date,
            coffee_state: 'dry_parchment',
            certification_class: 'conventional',
            plot_ids: DEMO_TICKETS_WITHOUT_PLOT.includes(number) ? [] : (plotsOf.get(member.member_id) ?? []),
            sacks: Math.max(1, Math.round(Number(netGrams) / 46_000)),
            sack_type: 'yute',
            gross_grams: Number(netGrams) + 1_500,
            tare_grams: 1_500,
            net_grams: Number(netGrams),
            moisture_bp: moisture,
            yield_bp: yieldBp,
            factor_hundredths: null,
            defects: null,
            cup_score_hundredths: cup,
            cup_protocol: cup ? 'sca2004' : null,
            schedule_id: schedule.schedule_id,
            payable_grams: Number(BigInt(num!) / BigInt(den)),
            unit_price: price.unitPricePerKg.decimal,
            value_minor: value,
            cash_paid_minor: cash,
            currency: 'PEN',
            pricing: JSON.stringify({
              ...price,
              netGrams: price.netGrams.toString(),
              valueMinor: price.valueMinor.toString(),
            }),
            entry_id: entryId,
            replaces_ticket_id: null,
            recorded_at: clock.now(),
            recorded_by: null,
            recorded_by_label: 'demo',
          });
        }
      }
      await inTransaction(db, async (trx) => {
        await services.ledger.bulkPostIn(trx, actor, orgId, entries, `demo:season:${slug}`);
        for (let i = 0; i < tickets.length; i += 500)
          await trx
            .insertInto('weigh_tickets')
            .values(tickets.slice(i, i + 500) as never)
            .execute();
        await trx
          .updateTable('collection_points')
          .set({ last_ticket_number: number })
          .where('org_id', '=', orgId)
          .where('point_id', '=', pointId)
          .execute();
        await appendAudit(trx, {
          orgId,
          actor: { userId: null, label: 'demo' },
          action: 'demo.tickets',
          entityType: 'weigh_ticket',
          entityId: String(tickets.length),
          data: { tickets: tickets.length },
          at: clock.now(),
        });
      });
      ctx.progress(`demo: ${slug}: ${tickets.length} weigh tickets`);

      if (!season.settle) continue;
      // The second payment: drafted by the manager, approved by manager and accountant, posted, paid.
      const settlementId = demoId(`settlement:${slug}`);
      await services.settlements.createDraft(actor, slug, {
        id: settlementId,
        name: 'Reintegro de la campaña (demo)',
        periodFrom: seasonStart,
        periodTo: addDays(today, -10),
        pricePerKgByClass: { conventional: '1.20' },
        shareCapitalPerQuintal: '5.00',
        deductOwed: true,
        floorPercent: '50',
      });
      if (index === 0) {
        for (const role of ['manager', 'accountant'] as const) {
          const email = `${role}@${slug}.example`;
          await services.settlements.approve(
            { kind: 'user', userId: ctx.userIds.get(email)!, email, isPlatformAdmin: false },
            slug,
            settlementId,
          );
        }
        await services.settlements.post(actor, slug, settlementId);
        const batch = await services.payments.createBatch(actor, slug, {
          id: demoId(`batch:${slug}`),
          method: 'bank',
          note: 'Pago del reintegro (demo)',
        });
        for (const [i, payment] of batch.payments.entries()) {
          await services.payments.markPaid(actor, slug, payment.id, {
            reference: `BN-${String(i + 1).padStart(6, '0')}`,
            paidOn: addDays(today, -5),
          });
        }
        ctx.progress(`demo: ${slug}: settlement posted, ${batch.payments.length} payments made`);
      }
    }
  },
};
