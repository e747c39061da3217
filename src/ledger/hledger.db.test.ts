import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness/context.js';
import { type Factories, factories, type TestOrg, testId } from '../../test/harness/factories.js';
import { createApp } from '../app.js';
import { systemActor } from '../orgs/index.js';
import { SteppingClock } from '../platform/clock.js';
import type { DatabaseHandle } from '../platform/db/connect.js';
import { inTransaction } from '../platform/db/transaction.js';
import { sequentialIds } from '../platform/ids.js';

/** hledger, an independent double-entry tool, must read Ayni's journal and agree with its balances. */
const HLEDGER = ['/usr/bin/hledger', '/usr/local/bin/hledger'].find((p) => existsSync(p));
if (!HLEDGER)
  console.warn('[ayni tests] no hledger (apt-get install hledger): the hledger comparison is skipped');

describe.skipIf(!HLEDGER)('hledger export', () => {
  let handle: DatabaseHandle;
  let services: Awaited<ReturnType<typeof createApp>>['services'];
  let orgId: string;
  let coop: TestOrg;
  let make: Factories;
  let dir: string;

  beforeAll(async () => {
    handle = await openTestDatabase();
    ({ services } = await createApp({
      db: handle.db,
      clock: new SteppingClock('2026-03-05T12:00:00Z'),
      ids: sequentialIds(11),
    }));
    make = factories(services);
    coop = await make.cooperative({ slug: 'hledger-coop', roles: ['cashier'] });
    orgId = coop.id;
    // A morning at the desk: tickets priced and posted by the real collection service, some with cash.
    const point = await make.collectionPoint(coop);
    await make.priceSchedule(coop, { basePricePerKg: '11.80' });
    for (const [i, member] of (await make.members(coop, 4)).entries())
      await make.weighTicket(coop, {
        point,
        member,
        grossKg: `${60 + i * 7}.250`,
        cashPaid: i % 2 ? '100.00' : '0',
      });
    dir = mkdtempSync(join(tmpdir(), 'ayni-hledger-'));
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hledger reads the journal and its balances equal the trial balance to the cent', async () => {
    const members = await make.members(coop, 20);
    const actor = systemActor('test');
    let n = 0;
    const id = () => testId(`hledger-entry:${++n}`);
    const entries: string[] = [];
    await inTransaction(handle.db, async (trx) => {
      await services.ledger.ensureChartIn(trx, orgId, 'es');
      for (const [i, m] of members.entries()) {
        const amount = 123_45 + i * 10_001;
        const entryId = id();
        entries.push(entryId);
        await services.ledger.postEntryIn(trx, actor, orgId, {
          entryId,
          date: `2026-03-0${1 + (i % 5)}`,
          description: `Ticket ${i}; pergamino seco`,
          currency: 'PEN',
          source: { type: 'test', id: String(i) },
          lines: [
            { account: { purpose: 'coffee_stock' }, amountMinor: amount },
            { account: { purpose: 'payable_members' }, memberId: m.id, amountMinor: -amount },
          ],
        });
        if (i % 3 === 0) {
          await services.ledger.postEntryIn(trx, actor, orgId, {
            entryId: id(),
            date: `2026-03-0${1 + (i % 5)}`,
            description: `Adelanto en caja ${i}`,
            currency: 'PEN',
            source: { type: 'test', id: `cash${i}` },
            lines: [
              { account: { purpose: 'payable_members' }, memberId: m.id, amountMinor: 5_000 },
              { account: { purpose: 'cash' }, amountMinor: -5_000 },
            ],
          });
        }
      }
      await services.ledger.reverseEntryIn(trx, actor, orgId, entries[4]!, {
        date: '2026-03-06',
        reason: 'Anulación',
        source: { type: 'test', id: 'void' },
      });
    });

    const file = join(dir, 'ayni.journal');
    writeFileSync(file, await services.ledger.exportHledger(orgId));
    const csv = execFileSync(HLEDGER!, ['-f', file, 'balance', '--flat', '--no-total', '-O', 'csv'], {
      encoding: 'utf8',
    });
    const hledger = new Map<string, string>();
    for (const line of csv.trim().split('\n').slice(1)) {
      const [account, balance] = line.split('","').map((c) => c.replace(/^"|"$/g, ''));
      hledger.set(account!, balance!);
    }
    // Per account code, members summed: what the trial balance shows.
    const byCode = new Map<string, bigint>();
    for (const [account, balance] of hledger) {
      const code = account.split(':')[1]!.split(' ')[0]!;
      const cents = BigInt(balance.replace(/[^0-9-]/g, ''));
      byCode.set(code, (byCode.get(code) ?? 0n) + cents);
    }
    const trial = await services.ledger.trialBalance(systemActor('test'), coop.slug);
    expect(trial.balanced).toBe(true);
    const nonZero = trial.accounts.filter((a) => a.balanceMinor !== 0);
    expect(nonZero.length).toBeGreaterThan(1);
    for (const account of nonZero)
      expect(byCode.get(account.code), account.code).toBe(BigInt(account.balanceMinor));
    expect([...byCode.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
  });
});
