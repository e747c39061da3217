import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness/context.js';
import { factories, testId } from '../../test/harness/factories.js';
import { createApp } from '../app.js';
import { systemActor } from '../orgs/index.js';
import { SteppingClock } from '../platform/clock.js';
import type { DatabaseHandle } from '../platform/db/connect.js';
import { inTransaction } from '../platform/db/transaction.js';
import { sequentialIds } from '../platform/ids.js';
import { formatMoney } from '../platform/money.js';
import * as q from './ledger.queries.js';

let handle: DatabaseHandle;
let services: Awaited<ReturnType<typeof createApp>>['services'];
let orgId: string;
let memberIds: string[];
const actor = systemActor('test');

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ services } = await createApp({
    db: handle.db,
    clock: new SteppingClock('2026-03-05T12:00:00Z'),
    ids: sequentialIds(9),
  }));
  const make = factories(services);
  const coop = await make.cooperative({ slug: 'ledger-coop', roles: [] });
  orgId = coop.id;
  memberIds = (await make.members(coop, 5)).map((m) => m.id);
  await inTransaction(handle.db, (trx) => services.ledger.ensureChartIn(trx, orgId, 'es'));
});
afterAll(() => handle.close());

let n = 0;
const entryId = () => testId(`ledger-entry:${++n}`);

describe('the ledger', () => {
  it('posts a balanced entry and keeps balances in the same transaction', async () => {
    const id = entryId();
    await inTransaction(handle.db, (trx) =>
      services.ledger.postEntryIn(trx, actor, orgId, {
        entryId: id,
        date: '2026-03-01',
        description: 'Ticket 000001',
        currency: 'PEN',
        source: { type: 'test', id: '1' },
        lines: [
          { account: { purpose: 'coffee_stock' }, amountMinor: 287_550 },
          { account: { purpose: 'payable_members' }, memberId: memberIds[0]!, amountMinor: -287_550 },
        ],
      }),
    );
    const statement = await services.ledger.statementFor(
      handle.db,
      orgId,
      'PEN',
      memberIds[0]!,
      'payable_members',
    );
    expect(statement.balance).toBe('2875.50');
    expect(statement.lines[0]).toMatchObject({
      description: 'Ticket 000001',
      amount: '2875.50',
      balance: '2875.50',
    });
  });

  it('the database refuses an unbalanced entry at commit (SQLSTATE 23514), whatever the service checks', async () => {
    const id = entryId();
    const attempt = handle.db.transaction().execute(async (trx) => {
      await q.insertEntry(trx, {
        org_id: orgId,
        entry_id: id,
        entry_date: '2026-03-01',
        description: 'x',
        currency: 'PEN',
        source_type: 't',
        source_id: 't',
        reverses_entry_id: null,
        recorded_at: new Date(),
        recorded_by_label: 't',
      });
      const accounts = await q.accountsOf(trx, orgId);
      await q.insertLines(trx, [
        {
          org_id: orgId,
          entry_id: id,
          line_no: 1,
          account_id: accounts.find((a) => a.purpose === 'cash')!.account_id,
          member_id: null,
          amount_minor: 100,
          memo: null,
        },
      ]);
    });
    await expect(attempt).rejects.toMatchObject({ code: '23514' });
    expect(await q.findEntry(handle.db, orgId, id)).toBeUndefined();
  });

  it('refuses a member line without its member, and lines of a posted entry cannot change', async () => {
    await expect(
      inTransaction(handle.db, (trx) =>
        services.ledger.postEntryIn(trx, actor, orgId, {
          entryId: entryId(),
          date: '2026-03-01',
          description: 'x',
          currency: 'PEN',
          source: { type: 'test', id: '2' },
          lines: [
            { account: { purpose: 'cash' }, amountMinor: 100 },
            { account: { purpose: 'payable_members' }, amountMinor: -100 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ kind: 'invalid', code: 'db.check_violation' });
    await expect(
      sql`UPDATE journal_lines SET amount_minor = 1 WHERE org_id = ${orgId}`.execute(handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM journal_entries WHERE org_id = ${orgId}`.execute(handle.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('a correction is a reversal, at most once', async () => {
    const id = entryId();
    await inTransaction(handle.db, (trx) =>
      services.ledger.postEntryIn(trx, actor, orgId, {
        entryId: id,
        date: '2026-03-02',
        description: 'Ticket 000002',
        currency: 'PEN',
        source: { type: 'test', id: '3' },
        lines: [
          { account: { purpose: 'coffee_stock' }, amountMinor: 10_000 },
          { account: { purpose: 'payable_members' }, memberId: memberIds[1]!, amountMinor: -10_000 },
        ],
      }),
    );
    await inTransaction(handle.db, (trx) =>
      services.ledger.reverseEntryIn(trx, actor, orgId, id, {
        date: '2026-03-02',
        reason: 'Anulado',
        source: { type: 'test', id: '3v' },
      }),
    );
    const statement = await services.ledger.statementFor(
      handle.db,
      orgId,
      'PEN',
      memberIds[1]!,
      'payable_members',
    );
    expect(statement.balance).toBe('0.00');
    expect(statement.lines.map((l) => l.amount)).toEqual(['100.00', '-100.00']);
    await expect(
      inTransaction(handle.db, (trx) =>
        services.ledger.reverseEntryIn(trx, actor, orgId, id, {
          date: '2026-03-02',
          reason: 'x',
          source: { type: 'test', id: 'y' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'ledger.already_reversed' });
  });

  it('property: any balanced entries keep the trial balance at zero, and each statement equals the sum of the member’s lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            member: fc.integer({ min: 0, max: 4 }),
            amount: fc.integer({ min: 1, max: 5_000_000 }),
            cash: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (postings) => {
          await inTransaction(handle.db, async (trx) => {
            for (const p of postings) {
              await services.ledger.postEntryIn(trx, actor, orgId, {
                entryId: entryId(),
                date: '2026-03-03',
                description: 'property',
                currency: 'PEN',
                source: { type: 'property', id: String(n) },
                lines: [
                  { account: { purpose: p.cash ? 'cash' : 'coffee_stock' }, amountMinor: p.amount },
                  {
                    account: { purpose: 'payable_members' },
                    memberId: memberIds[p.member]!,
                    amountMinor: -p.amount,
                  },
                ],
              });
            }
          });
          const trial = await q.trialBalance(handle.db, orgId);
          expect(trial.reduce((s, r) => s + Number(r.balance_minor), 0)).toBe(0);
          for (const memberId of memberIds) {
            const { rows } = await sql<{
              total: string | null;
            }>`SELECT sum(l.amount_minor)::text AS total FROM journal_lines l
                 JOIN ledger_accounts a ON a.org_id = l.org_id AND a.account_id = l.account_id
                WHERE l.org_id = ${orgId} AND l.member_id = ${memberId} AND a.purpose = 'payable_members'`.execute(
              handle.db,
            );
            const statement = await services.ledger.statementFor(
              handle.db,
              orgId,
              'PEN',
              memberId,
              'payable_members',
            );
            const expected = -BigInt(rows[0]?.total ?? '0');
            expect(statement.balance).toBe(formatMoney(expected, { code: 'PEN', minorUnits: 2 }));
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
