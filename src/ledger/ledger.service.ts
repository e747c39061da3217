import type { MembersService } from '../members/index.js';
import type { OrgsService } from '../orgs/index.js';
import { ACTIONS, type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import type { Executor, Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { currencyOf, formatMoney } from '../platform/money.js';
import { COOPERATIVE_CHART } from './chart.js';
import * as q from './ledger.queries.js';

/**
 * The double-entry ledger. Entries are append-only and balance (the database refuses an unbalanced one
 * at commit); a correction is a reversal linked to the entry it undoes. Balances are kept by the
 * database in the same transaction as the lines. Other domains post through `postEntryIn`, inside
 * their own transaction, so a ticket and its posting are one write.
 */

export interface PostingLine {
  /** The account by its purpose in the chart (`payable_members`) or by id. */
  account: { purpose: string } | { accountId: string };
  memberId?: string | null;
  /** Debit positive, credit negative, in minor units. */
  amountMinor: number;
  memo?: string | null;
}

export interface NewEntry {
  entryId: string;
  date: string;
  description: string;
  currency: string;
  source: { type: string; id: string };
  reversesEntryId?: string;
  lines: PostingLine[];
}

export function createLedgerService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: Pick<MembersService, 'memberIdOf' | 'memberNumbersByIds'>,
) {
  const { db, clock, ids } = deps;

  /** Gives a cooperative its starting chart of accounts, once; safe to call again. */
  async function ensureChartIn(trx: Trx, orgId: string, locale: 'es' | 'en') {
    const existing = await q.accountsOf(trx, orgId);
    if (existing.length > 0) return existing;
    await q.insertAccounts(
      trx,
      COOPERATIVE_CHART.map((a) => ({
        org_id: orgId,
        account_id: ids.next(),
        code: a.code,
        name: locale === 'es' ? a.nameEs : a.nameEn,
        kind: a.kind,
        member_subledger: a.memberSubledger ?? false,
        purpose: a.purpose,
        created_at: clock.now(),
      })),
    );
    return q.accountsOf(trx, orgId);
  }

  /**
   * The chart, plus any of the starting chart's accounts with these purposes that an older chart lacks
   * (a cooperative whose chart predates them, e.g. sales' receivable from buyers and Fairtrade Premium
   * fund). An account is added only if its code is free; otherwise posting names the missing purpose.
   */
  async function ensureAccountsIn(trx: Trx, orgId: string, locale: 'es' | 'en', purposes: readonly string[]) {
    const existing = await ensureChartIn(trx, orgId, locale);
    const missing = COOPERATIVE_CHART.filter(
      (a) =>
        purposes.includes(a.purpose) && !existing.some((e) => e.purpose === a.purpose || e.code === a.code),
    );
    if (missing.length === 0) return existing;
    await q.insertAccounts(
      trx,
      missing.map((a) => ({
        org_id: orgId,
        account_id: ids.next(),
        code: a.code,
        name: locale === 'es' ? a.nameEs : a.nameEn,
        kind: a.kind,
        member_subledger: a.memberSubledger ?? false,
        purpose: a.purpose,
        created_at: clock.now(),
      })),
    );
    return q.accountsOf(trx, orgId);
  }

  /**
   * Posts one entry inside the caller's transaction. Checked here for a clear message (lines ≥ 2, no
   * zero amounts, sum zero); checked again by the database at commit whatever the caller does.
   */
  async function postEntryIn(trx: Trx, actor: Actor, orgId: string, entry: NewEntry) {
    if (entry.lines.length < 2) throw invalid('ledger.too_few_lines');
    const sum = entry.lines.reduce((total, line) => total + BigInt(line.amountMinor), 0n);
    if (sum !== 0n)
      throw invalid('ledger.unbalanced', [], { difference: formatMoney(sum, currencyOf(entry.currency)) });
    if (entry.lines.some((l) => !Number.isSafeInteger(l.amountMinor) || l.amountMinor === 0))
      throw invalid('ledger.zero_line');
    const accounts = await q.accountsOf(trx, orgId);
    const byPurpose = new Map(accounts.filter((a) => a.purpose).map((a) => [a.purpose!, a]));
    const byId = new Map(accounts.map((a) => [a.account_id, a]));
    const at = clock.now();
    const label = auditActor(actor).label;
    await q.insertEntry(trx, {
      org_id: orgId,
      entry_id: entry.entryId,
      entry_date: entry.date,
      description: entry.description,
      currency: entry.currency,
      source_type: entry.source.type,
      source_id: entry.source.id,
      reverses_entry_id: entry.reversesEntryId ?? null,
      recorded_at: at,
      recorded_by_label: label,
    });
    await q.insertLines(
      trx,
      entry.lines.map((line, index) => {
        const account =
          'purpose' in line.account ? byPurpose.get(line.account.purpose) : byId.get(line.account.accountId);
        if (!account) throw invalid('ledger.unknown_account', [], { account: JSON.stringify(line.account) });
        return {
          org_id: orgId,
          entry_id: entry.entryId,
          line_no: index + 1,
          account_id: account.account_id,
          member_id: line.memberId ?? null,
          amount_minor: line.amountMinor,
          memo: line.memo ?? null,
        };
      }),
    );
    await appendAudit(trx, {
      orgId,
      actor: auditActor(actor),
      action: entry.reversesEntryId ? 'ledger.reverse' : 'ledger.post',
      entityType: 'journal_entry',
      entityId: entry.entryId,
      data: entry,
      at,
    });
    return entry.entryId;
  }

  /**
   * Many entries at once with multi-row inserts and one audit event (opening balances, the demo). The
   * database still checks that every entry balances at commit.
   */
  async function bulkPostIn(trx: Trx, actor: Actor, orgId: string, entries: NewEntry[], source: string) {
    if (entries.length === 0) return;
    const accounts = await q.accountsOf(trx, orgId);
    const byPurpose = new Map(accounts.filter((a) => a.purpose).map((a) => [a.purpose!, a.account_id]));
    const at = clock.now();
    const label = auditActor(actor).label;
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500);
      await trx
        .insertInto('journal_entries')
        .values(
          chunk.map((e) => ({
            org_id: orgId,
            entry_id: e.entryId,
            entry_date: e.date,
            description: e.description,
            currency: e.currency,
            source_type: e.source.type,
            source_id: e.source.id,
            reverses_entry_id: null,
            recorded_at: at,
            recorded_by_label: label,
          })),
        )
        .execute();
      await q.insertLines(
        trx,
        chunk.flatMap((e) =>
          e.lines.map((line, index) => ({
            org_id: orgId,
            entry_id: e.entryId,
            line_no: index + 1,
            account_id:
              'purpose' in line.account ? byPurpose.get(line.account.purpose)! : line.account.accountId,
            member_id: line.memberId ?? null,
            amount_minor: line.amountMinor,
            memo: line.memo ?? null,
          })),
        ),
      );
    }
    await appendAudit(trx, {
      orgId,
      actor: auditActor(actor),
      action: 'ledger.bulk_post',
      entityType: 'journal_entry',
      entityId: source,
      data: entries,
      at,
    });
  }

  /** The mirror image of an entry, linked to it; an entry is reversed at most once. */
  async function reverseEntryIn(
    trx: Trx,
    actor: Actor,
    orgId: string,
    entryId: string,
    input: { date: string; reason: string; source: { type: string; id: string } },
  ) {
    const original = await q.findEntry(trx, orgId, entryId);
    if (!original) throw notFound('ledger.entry_not_found');
    if (await q.findReversal(trx, orgId, entryId)) throw new AppError('conflict', 'ledger.already_reversed');
    const lines = await q.linesOf(trx, orgId, entryId);
    const reversalId = ids.next();
    await postEntryIn(trx, actor, orgId, {
      entryId: reversalId,
      date: input.date,
      description: `${input.reason} — ${original.description}`,
      currency: original.currency,
      source: input.source,
      reversesEntryId: entryId,
      lines: lines.map((l) => ({
        account: { accountId: l.account_id },
        memberId: l.member_id,
        amountMinor: -l.amount_minor,
        memo: l.memo,
      })),
    });
    return reversalId;
  }

  async function readAccess(exec: Executor, actor: Actor, slug: string) {
    return orgs.authorizeArea(exec, actor, slug, 'accounts', ACTIONS['accounts.read']);
  }

  async function trialBalance(actor: Actor, slug: string) {
    const access = await readAccess(db, actor, slug);
    const rows = await q.trialBalance(db, access.org.org_id);
    const currency = currencyOf(access.org.currency);
    const accounts = rows.map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.kind,
      debit: r.balance_minor > 0 ? formatMoney(BigInt(r.balance_minor), currency) : '0.00',
      credit: r.balance_minor < 0 ? formatMoney(BigInt(-r.balance_minor), currency) : '0.00',
      balanceMinor: Number(r.balance_minor),
      lines: Number(r.lines),
    }));
    const total = rows.reduce((s, r) => s + BigInt(r.balance_minor), 0n);
    return { currency: access.org.currency, accounts, balanced: total === 0n };
  }

  /**
   * A member's statement on one of their accounts (deliveries payable by default): every line with its
   * running balance, so the member can check each figure. Positive balances are what the cooperative
   * owes the member on a liability account.
   */
  async function statementFor(
    exec: Executor,
    orgId: string,
    currency: string,
    memberId: string,
    purpose: string,
  ) {
    const account = (await q.accountsOf(exec, orgId)).find((a) => a.purpose === purpose);
    if (!account) return { currency, account: purpose, lines: [], balance: '0.00' };
    // credit-normal accounts (liability, equity, income) show credits as increases
    const sign = account.kind === 'asset' || account.kind === 'expense' ? 1n : -1n;
    let running = 0n;
    const lines = (await q.memberStatementLines(exec, orgId, memberId, account.account_id)).map((l) => {
      const amount = BigInt(l.amount_minor) * sign;
      running += amount;
      return {
        entryId: l.entry_id,
        date: l.entry_date,
        description: l.description,
        source: { type: l.source_type, id: l.source_id },
        reversal: l.reverses_entry_id !== null,
        amount: formatMoney(amount, currencyOf(currency)),
        balance: formatMoney(running, currencyOf(currency)),
      };
    });
    return { currency, account: purpose, lines, balance: formatMoney(running, currencyOf(currency)) };
  }

  /** A member's own statement: the caller already proved, through members.ownMember, that it is theirs. */
  async function ownStatement(actor: Actor, slug: string, memberId: string, purpose = 'payable_members') {
    const access = await orgs.resolve(db, actor, slug);
    return statementFor(db, access.org.org_id, access.org.currency, memberId, purpose);
  }

  async function memberStatement(
    actor: Actor,
    slug: string,
    memberNumber: string,
    purpose = 'payable_members',
  ) {
    const access = await readAccess(db, actor, slug);
    const memberId = await members.memberIdOf(db, access.org.org_id, memberNumber);
    return {
      ...(await statementFor(db, access.org.org_id, access.org.currency, memberId, purpose)),
      organization: access.org.name,
    };
  }

  /**
   * The ledger as an hledger journal: one transaction per entry, accounts named `kind:code name` and,
   * on member accounts, `:member number`. `hledger -f FILE balance` must agree with Ayni to the cent.
   */
  async function exportHledger(orgId: string): Promise<string> {
    const rows = await q.allEntriesWithLines(db, orgId);
    const numbers = await members.memberNumbersByIds(
      db,
      orgId,
      rows.flatMap((row) => (row.member_id === null ? [] : [row.member_id])),
    );
    const out: string[] = [];
    let current = '';
    for (const row of rows) {
      if (row.entry_id !== current) {
        current = row.entry_id;
        out.push(
          '',
          `${row.entry_date} ${row.description.replace(/\s+/g, ' ').replace(/;/g, ',')}  ; entry:${row.entry_id}`,
        );
      }
      const name = `${row.kind}:${row.code} ${row.name.replace(/\s+/g, ' ').replace(/[:;]/g, '-')}${row.member_id && numbers.has(row.member_id) ? `:${numbers.get(row.member_id)}` : ''}`;
      out.push(
        `    ${name}  ${formatMoney(BigInt(row.amount_minor), currencyOf(row.currency))} ${row.currency}`,
      );
    }
    return `; Ayni ledger export (hledger journal)\n${out.join('\n')}\n`;
  }

  /**
   * For other domains' services, after they authorized the caller: the members' balances on the account
   * with this purpose, by sign (settlement deducts what members owe; payments pays what they are owed).
   */
  function memberBalancesIn(exec: Executor, orgId: string, purpose: string, side: 'debit' | 'credit') {
    return q.memberBalancesByPurpose(exec, orgId, purpose, side);
  }

  return {
    memberBalancesIn,
    ensureChartIn,
    ensureAccountsIn,
    postEntryIn,
    bulkPostIn,
    reverseEntryIn,
    trialBalance,
    memberStatement,
    ownStatement,
    statementFor,
    exportHledger,
    readAccess,
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
