import type { CollectionService } from '../collection/index.js';
import type { LedgerService } from '../ledger/index.js';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney } from '../platform/money.js';
import type { SettlementService } from '../settlement/index.js';
import * as q from './payments.queries.js';

/**
 * Paying members what the cooperative owes them: a batch takes each member's payable balance at that
 * moment (one pending payment per member at most, so nothing is paid twice), a CSV goes to the bank,
 * and marking a payment paid with its reference posts it to the ledger.
 */

export function createPaymentsService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: MembersService,
  ledger: LedgerService,
  others: { collection: CollectionService; settlements: SettlementService },
) {
  const { db, clock, ids } = deps;

  const access = async (exec: Executor, actor: Actor, slug: string) => {
    const a = await orgs.authorize(exec, actor, slug, 'payments.manage');
    if (a.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
    return a;
  };

  /** Member numbers compared as the database's ORDER BY compared them (codepoint order). */
  const byNumber = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  /**
   * Members the cooperative owes money to (a credit balance on the payable account) by member number:
   * the balances are the ledger's to read, the numbers the members domain's.
   */
  async function membersOwed(exec: Executor, orgId: string) {
    const balances = await ledger.memberBalancesIn(exec, orgId, 'payable_members', 'credit');
    const numbers = await members.memberNumbersByIds(
      exec,
      orgId,
      balances.map((b) => b.member_key),
    );
    return balances
      .flatMap((b) => {
        const number = numbers.get(b.member_key);
        return number === undefined
          ? []
          : [{ member_id: b.member_key, member_number: number, balance_minor: b.balance_minor }];
      })
      .sort((x, y) => byNumber(x.member_number, y.member_number));
  }

  /** A batch's payments by member number, with the members' names and bank details (the members domain's). */
  async function paymentsOfBatch(exec: Executor, orgId: string, batchId: string) {
    const payments = await q.paymentsOfBatch(exec, orgId, batchId);
    const people = new Map(
      (
        await members.memberRowsByIds(
          exec,
          orgId,
          payments.map((p) => p.member_id),
        )
      ).map((m) => [m.member_id, m]),
    );
    return payments
      .flatMap((p) => {
        const m = people.get(p.member_id);
        return m
          ? [
              {
                ...p,
                member_number: m.member_number,
                given_names: m.given_names,
                family_names: m.family_names,
                national_id: m.national_id,
                bank_name: m.bank_name,
                bank_account: m.bank_account,
                wallet_phone: m.wallet_phone,
              },
            ]
          : [];
      })
      .sort((x, y) => byNumber(x.member_number, y.member_number));
  }

  async function createBatch(
    actor: Actor,
    slug: string,
    input: {
      id: string;
      method: 'cash' | 'bank' | 'mobile_wallet';
      memberNumbers?: string[] | undefined;
      note?: string | null | undefined;
    },
  ) {
    const batchId = await inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'payment_batch.create', body: input, at },
        async () => {
          const pending = new Set((await q.pendingMemberIds(trx, a.org.org_id)).map((p) => p.member_id));
          const only = input.memberNumbers ? new Set(input.memberNumbers) : undefined;
          const owed = (await membersOwed(trx, a.org.org_id)).filter(
            (m) => !pending.has(m.member_id) && (!only || only.has(m.member_number)),
          );
          if (owed.length === 0) throw invalid('payments.nothing_to_pay');
          await q.insertBatch(trx, {
            org_id: a.org.org_id,
            batch_id: input.id,
            method: input.method,
            note: input.note ?? null,
            currency: a.org.currency,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          await q.insertPayments(
            trx,
            owed.map((m) => ({
              org_id: a.org.org_id,
              payment_id: ids.next(),
              batch_id: input.id,
              member_id: m.member_id,
              amount_minor: -m.balance_minor,
              status: 'pending' as const,
            })),
          );
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'payment_batch.create',
            entityType: 'payment_batch',
            entityId: input.id,
            data: { ...input, payments: owed.length },
            at,
          });
          return { id: input.id };
        },
      );
      return result.id;
    });
    return getBatch(actor, slug, batchId);
  }

  async function getBatch(actor: Actor, slug: string, batchId: string) {
    const a = await access(db, actor, slug);
    const batch = await q.findBatch(db, a.org.org_id, batchId);
    if (!batch) throw notFound('payments.batch_not_found');
    const currency = currencyOf(batch.currency);
    const payments = await paymentsOfBatch(db, a.org.org_id, batchId);
    return {
      id: batch.batch_id,
      method: batch.method,
      note: batch.note,
      currency: batch.currency,
      createdAt: batch.created_at.toISOString(),
      total: formatMoney(
        payments.reduce((s, p) => s + BigInt(p.amount_minor), 0n),
        currency,
      ),
      payments: payments.map((p) => ({
        id: p.payment_id,
        memberNumber: p.member_number,
        memberName: `${p.given_names} ${p.family_names}`,
        nationalId: p.national_id,
        bankName: p.bank_name,
        bankAccount: p.bank_account,
        walletPhone: p.wallet_phone,
        amount: formatMoney(BigInt(p.amount_minor), currency),
        status: p.status,
        reference: p.reference,
        paidOn: p.paid_on,
      })),
    };
  }

  /** Marks one payment paid: the member's payable balance goes down, cash or bank goes down, once. */
  async function markPaid(
    actor: Actor,
    slug: string,
    paymentId: string,
    input: { reference: string; paidOn: string },
  ) {
    return inTransaction(db, async (trx) => {
      const a = await access(trx, actor, slug);
      const payment = await q.findPayment(trx, a.org.org_id, paymentId, true);
      if (!payment) throw notFound('payments.not_found');
      if (payment.status === 'paid') {
        if (payment.reference === input.reference)
          return { id: paymentId, status: 'paid' as const, reference: payment.reference };
        throw conflict('payments.already_paid', { reference: payment.reference ?? '' });
      }
      const batch = (await q.findBatch(trx, a.org.org_id, payment.batch_id))!;
      const entryId = ids.next();
      await ledger.postEntryIn(trx, actor, a.org.org_id, {
        entryId,
        date: input.paidOn,
        description: `Pago ${batch.method === 'cash' ? 'en efectivo' : 'por transferencia'} — ref. ${input.reference}`,
        currency: batch.currency,
        source: { type: 'payment', id: paymentId },
        lines: [
          {
            account: { purpose: 'payable_members' },
            memberId: payment.member_id,
            amountMinor: payment.amount_minor,
            memo: input.reference,
          },
          {
            account: { purpose: batch.method === 'cash' ? 'cash' : 'bank' },
            amountMinor: -payment.amount_minor,
            memo: input.reference,
          },
        ],
      });
      const at = clock.now();
      await q.markPaid(trx, a.org.org_id, paymentId, {
        reference: input.reference,
        paid_on: input.paidOn,
        entry_id: entryId,
        marked_at: at,
        marked_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'payment.paid',
        entityType: 'payment',
        entityId: paymentId,
        data: input,
        at,
      });
      return { id: paymentId, status: 'paid' as const, reference: input.reference };
    });
  }

  /** The bank file: one row per pending payment with the member's account, amounts with a decimal point. */
  async function bankFile(actor: Actor, slug: string, batchId: string) {
    const batch = await getBatch(actor, slug, batchId);
    return {
      headers: [
        'member_number',
        'name',
        'national_id',
        'bank',
        'account',
        'wallet_phone',
        'amount',
        'currency',
      ],
      rows: batch.payments
        .filter((p) => p.status === 'pending')
        .map((p) => [
          p.memberNumber,
          p.memberName,
          p.nationalId,
          p.bankName,
          p.bankAccount,
          p.walletPhone,
          p.amount,
          batch.currency,
        ]),
    };
  }

  /**
   * The payment slip of one member for one settlement: every ticket the settlement took with its quality,
   * price and value, the settlement's extra price and each deduction, the payments made and the balance
   * — every figure a member needs to check what they were paid.
   */
  async function slip(actor: Actor, slug: string, memberNumber: string, settlementId: string) {
    return slipOf(await access(db, actor, slug), memberNumber, settlementId);
  }

  /** A member's own slip: the same document, for the signed-in member only. */
  async function ownSlip(actor: Actor, slug: string, settlementId: string) {
    const own = await members.ownMember(actor, slug);
    const a = await orgs.resolve(db, actor, slug);
    return slipOf(a, own.member.memberNumber, settlementId);
  }

  async function slipOf(a: OrgAccess, memberNumber: string, settlementId: string) {
    const settlement = await others.settlements.previewOf(a.org.org_id, settlementId);
    const line = settlement.members.find((m) => m.memberNumber === memberNumber);
    if (!line) throw notFound('payments.member_not_in_settlement', { memberNumber });
    const memberId = await members.memberIdOf(db, a.org.org_id, memberNumber);
    const tickets = await others.collection.ticketsOfMember(
      a.org.org_id,
      memberId,
      settlement.periodFrom,
      settlement.periodTo,
    );
    const taken = await others.settlements.takenTicketIdsOf(a.org.org_id, settlementId, memberId);
    const statement = await ledger.statementFor(
      db,
      a.org.org_id,
      a.org.currency,
      memberId,
      'payable_members',
    );
    const currency = currencyOf(a.org.currency);
    const payments = (await q.paymentsOfMember(db, a.org.org_id, memberId)).map((p) => ({
      amount: formatMoney(BigInt(p.amount_minor), currency),
      status: p.status,
      reference: p.reference,
      paidOn: p.paid_on,
    }));
    return {
      organization: { name: a.org.name, slug: a.org.slug },
      member: { memberNumber, name: line.memberName },
      settlement: {
        id: settlement.id,
        name: settlement.name,
        periodFrom: settlement.periodFrom,
        periodTo: settlement.periodTo,
        status: settlement.status,
      },
      currency: a.org.currency,
      tickets: tickets
        .filter((t) => taken.has(t.id))
        .map((t) => ({
          number: `${t.pointCode}-${String(t.number).padStart(6, '0')}`,
          date: t.deliveryDate,
          coffeeState: t.coffeeState,
          certificationClass: t.certificationClass,
          netKg: t.netKg,
          moisturePercent: t.moisturePercent,
          yieldPercent: t.yieldPercent,
          payableKg: t.payableKg,
          unitPricePerKg: t.unitPricePerKg,
          value: t.value,
          cashPaid: t.cashPaid,
        })),
      settlementLine: line,
      payments,
      balance: statement.balance,
    };
  }

  return { createBatch, getBatch, markPaid, bankFile, slip, ownSlip };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
