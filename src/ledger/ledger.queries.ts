import { sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';

/** The only place that builds SQL for the ledger. */

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export function accountsOf(db: Executor, orgId: string) {
  return db.selectFrom('ledger_accounts').selectAll().where('org_id', '=', orgId).orderBy('code').execute();
}

export function insertAccounts(
  db: Executor,
  rows: {
    org_id: string;
    account_id: string;
    code: string;
    name: string;
    kind: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
    member_subledger: boolean;
    purpose: string | null;
    created_at: Date;
  }[],
) {
  return db
    .insertInto('ledger_accounts')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function insertEntry(
  db: Executor,
  row: {
    org_id: string;
    entry_id: string;
    entry_date: string;
    description: string;
    currency: string;
    source_type: string;
    source_id: string;
    reverses_entry_id: string | null;
    recorded_at: Date;
    recorded_by_label: string;
  },
) {
  return db.insertInto('journal_entries').values(row).execute();
}

export function insertLines(
  db: Executor,
  rows: {
    org_id: string;
    entry_id: string;
    line_no: number;
    account_id: string;
    member_id: string | null;
    amount_minor: number;
    memo: string | null;
  }[],
) {
  return db.insertInto('journal_lines').values(rows).execute();
}

export function findEntry(db: Executor, orgId: string, entryId: string) {
  return db
    .selectFrom('journal_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
}

export function linesOf(db: Executor, orgId: string, entryId: string) {
  return db
    .selectFrom('journal_lines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('entry_id', '=', entryId)
    .orderBy('line_no')
    .execute();
}

export function findReversal(db: Executor, orgId: string, entryId: string) {
  return db
    .selectFrom('journal_entries')
    .select('entry_id')
    .where('org_id', '=', orgId)
    .where('reverses_entry_id', '=', entryId)
    .executeTakeFirst();
}

/** Account balances (members summed) for the trial balance. */
export function trialBalance(db: Executor, orgId: string) {
  return db
    .selectFrom('ledger_accounts as a')
    .leftJoin('ledger_balances as b', (j) =>
      j.onRef('b.org_id', '=', 'a.org_id').onRef('b.account_id', '=', 'a.account_id'),
    )
    .select([
      'a.account_id',
      'a.code',
      'a.name',
      'a.kind',
      sql<number>`coalesce(sum(b.balance_minor), 0)::bigint`.as('balance_minor'),
      sql<number>`coalesce(sum(b.lines), 0)::bigint`.as('lines'),
    ])
    .where('a.org_id', '=', orgId)
    .groupBy(['a.account_id', 'a.code', 'a.name', 'a.kind'])
    .orderBy('a.code')
    .execute();
}

export function memberBalances(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('ledger_balances as b')
    .innerJoin('ledger_accounts as a', (j) =>
      j.onRef('a.org_id', '=', 'b.org_id').onRef('a.account_id', '=', 'b.account_id'),
    )
    .select(['a.code', 'a.name', 'a.purpose', 'a.kind', 'b.balance_minor'])
    .where('b.org_id', '=', orgId)
    .where('b.member_key', '=', memberId)
    .orderBy('a.code')
    .execute();
}

/** A member's lines on one account, oldest first, with the entries they belong to: the statement. */
/**
 * The members' balances on the account with this purpose, by sign: `debit` (> 0: what members owe the
 * cooperative, on `receivable_members`) or `credit` (< 0: what it owes them, on `payable_members`).
 * `member_key` is the member's id (the nil UUID for lines about no member).
 */
export function memberBalancesByPurpose(
  db: Executor,
  orgId: string,
  purpose: string,
  side: 'debit' | 'credit',
) {
  return db
    .selectFrom('ledger_balances as b')
    .innerJoin('ledger_accounts as a', (j) =>
      j.onRef('a.org_id', '=', 'b.org_id').onRef('a.account_id', '=', 'b.account_id'),
    )
    .select(['b.member_key', 'b.balance_minor'])
    .where('b.org_id', '=', orgId)
    .where('a.purpose', '=', purpose)
    .where('b.balance_minor', side === 'debit' ? '>' : '<', 0)
    .execute();
}

export function memberStatementLines(db: Executor, orgId: string, memberId: string, accountId: string) {
  return db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.entry_id', '=', 'l.entry_id'),
    )
    .select([
      'e.entry_id',
      'e.entry_date',
      'e.description',
      'e.source_type',
      'e.source_id',
      'e.reverses_entry_id',
      'e.recorded_at',
      'l.line_no',
      'l.amount_minor',
      'l.memo',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.member_id', '=', memberId)
    .where('l.account_id', '=', accountId)
    .orderBy('e.entry_date')
    .orderBy('e.recorded_at')
    .orderBy('l.entry_id')
    .orderBy('l.line_no')
    .execute();
}

/** Every entry with its lines in date order, for the hledger journal (member numbers: the members domain's). */
export function allEntriesWithLines(db: Executor, orgId: string) {
  return db
    .selectFrom('journal_entries as e')
    .innerJoin('journal_lines as l', (j) =>
      j.onRef('l.org_id', '=', 'e.org_id').onRef('l.entry_id', '=', 'e.entry_id'),
    )
    .innerJoin('ledger_accounts as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.account_id', '=', 'l.account_id'),
    )
    .select([
      'e.entry_id',
      'e.entry_date',
      'e.description',
      'e.currency',
      'e.recorded_at',
      'l.line_no',
      'l.amount_minor',
      'a.code',
      'a.kind',
      'a.name',
      'l.member_id',
    ])
    .where('e.org_id', '=', orgId)
    .orderBy('e.entry_date')
    .orderBy('e.recorded_at')
    .orderBy('e.entry_id')
    .orderBy('l.line_no')
    .execute();
}
