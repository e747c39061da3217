import type { DemoPart } from '../demo/demo.js';
import { demoId, systemActor } from '../orgs/index.js';
import { inTransaction } from '../platform/db/transaction.js';

/**
 * Each demo cooperative gets its chart of accounts and the opening balance of every member's paid share
 * capital (cash in, capital owed to the member), so statements and the trial balance start from what
 * the register says members have paid.
 */
export const ledgerDemo: DemoPart = {
  name: 'chart of accounts and opening share-capital balances',
  async load(ctx) {
    const { db } = ctx.services.deps;
    const actor = systemActor('demo');
    for (const [slug, orgId] of ctx.orgIds) {
      const org = await db
        .selectFrom('organizations')
        .select(['kind', 'currency'])
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
      if (org.kind !== 'cooperative') continue;
      const members = await db
        .selectFrom('members')
        .select(['member_id', 'member_number', 'share_capital_paid_minor'])
        .where('org_id', '=', orgId)
        .where('share_capital_paid_minor', '>', 0)
        .orderBy('member_number')
        .execute();
      await inTransaction(db, async (trx) => {
        await ctx.services.ledger.ensureChartIn(trx, orgId, 'es');
        await ctx.services.ledger.bulkPostIn(
          trx,
          actor,
          orgId,
          members.map((m) => ({
            entryId: demoId(`opening:${slug}:${m.member_number}`),
            date: '2025-12-31',
            description: `Saldo inicial de aportaciones — socio ${m.member_number}`,
            currency: org.currency,
            source: { type: 'opening_balance', id: m.member_number },
            lines: [
              { account: { purpose: 'cash' }, amountMinor: m.share_capital_paid_minor },
              {
                account: { purpose: 'share_capital' },
                memberId: m.member_id,
                amountMinor: -m.share_capital_paid_minor,
              },
            ],
          })),
          'demo:opening-balances',
        );
      });
    }
  },
};
