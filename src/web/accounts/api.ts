import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Statement, TrialBalance } from '../../ledger/ledger.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { CreateBatchBody, MarkPaidResponse, PaymentBatch } from '../../payments/payments.contract.js';
import type {
  CreateSettlementBody,
  SettlementList,
  SettlementPreview,
  SettlementTicketList,
} from '../../settlement/settlement.contract.js';
import type { Role, StatementAccount } from '../../shared/enums.js';
import { api } from '../api/client.js';

const orgBase = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;

export function useTrialBalance(slug: string) {
  return useQuery({
    queryKey: ['orgs', slug, 'ledger', 'trial-balance'],
    queryFn: () => api<TrialBalance>('GET', `${orgBase(slug)}/ledger/trial-balance`),
    staleTime: 10_000,
  });
}

/** A member's statement (memberNumber given) or the signed-in member's own (memberNumber null). */
export function useStatement(slug: string, memberNumber: string | null, account: StatementAccount) {
  const path =
    memberNumber === null
      ? `${orgBase(slug)}/me/statement?account=${account}`
      : `${orgBase(slug)}/members/${encodeURIComponent(memberNumber)}/statement?account=${account}`;
  return useQuery({
    queryKey: ['orgs', slug, 'statement', memberNumber ?? 'me', account],
    queryFn: () => api<Statement>('GET', path),
    staleTime: 10_000,
  });
}

const READ_ROLES: readonly Role[] = ['admin', 'manager', 'accountant', 'board', 'oversight', 'viewer'];

export function canReadAccounts(org: Pick<Org, 'access' | 'myRoles' | 'grantedAreas'>): boolean {
  if (org.access === 'platform') return true;
  if (org.access === 'grantee') return org.grantedAreas?.includes('accounts') ?? false;
  return org.myRoles.some((r) => READ_ROLES.includes(r));
}

// ---- settlements and payments ---------------------------------------------------------------------

/** Request bodies as the web app builds them (before the server's defaults and trimming). */
export type SettlementInput = z.input<typeof CreateSettlementBody>;

export const accountKeys = {
  settlements: (slug: string) => ['orgs', slug, 'settlements'] as const,
  settlement: (slug: string, id: string) => ['orgs', slug, 'settlements', id] as const,
  batch: (slug: string, id: string) => ['orgs', slug, 'payment-batches', id] as const,
};

export function useSettlements(slug: string) {
  return useQuery({
    queryKey: accountKeys.settlements(slug),
    queryFn: () => api<SettlementList>('GET', `${orgBase(slug)}/settlements`),
    staleTime: 10_000,
  });
}

export function useSettlement(slug: string, id: string) {
  return useQuery({
    queryKey: accountKeys.settlement(slug, id),
    queryFn: () => api<SettlementPreview>('GET', `${orgBase(slug)}/settlements/${encodeURIComponent(id)}`),
  });
}

export function useCreateSettlement(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SettlementInput) =>
      api<SettlementPreview>('POST', `${orgBase(slug)}/settlements`, input),
    onSuccess: (s) => {
      client.setQueryData(accountKeys.settlement(slug, s.id), s);
      void client.invalidateQueries({ queryKey: accountKeys.settlements(slug) });
    },
  });
}

/** The tickets a settlement takes of one member: loaded when a person opens that member's detail. */
export function useSettlementTickets(slug: string, id: string, memberNumber: string | null) {
  return useQuery({
    queryKey: [...accountKeys.settlement(slug, id), 'tickets', memberNumber],
    queryFn: () =>
      api<SettlementTicketList>(
        'GET',
        `${orgBase(slug)}/settlements/${encodeURIComponent(id)}/tickets?member=${encodeURIComponent(memberNumber ?? '')}`,
      ),
    enabled: memberNumber !== null,
    staleTime: 10_000,
  });
}

/** approve, post or recompute a settlement. */
export function useSettlementAction(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'approve' | 'post' | 'recompute') =>
      api<SettlementPreview>('POST', `${orgBase(slug)}/settlements/${encodeURIComponent(id)}/${action}`),
    onSuccess: (s) => {
      client.setQueryData(accountKeys.settlement(slug, id), s);
      void client.invalidateQueries({ queryKey: accountKeys.settlements(slug) });
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'ledger'] });
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'statement'] });
    },
  });
}

export function useCreateBatch(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateBatchBody>) =>
      api<PaymentBatch>('POST', `${orgBase(slug)}/payment-batches`, input),
    onSuccess: (b) => client.setQueryData(accountKeys.batch(slug, b.id), b),
  });
}

export function usePaymentBatch(slug: string, id: string) {
  return useQuery({
    queryKey: accountKeys.batch(slug, id),
    queryFn: () => api<PaymentBatch>('GET', `${orgBase(slug)}/payment-batches/${encodeURIComponent(id)}`),
  });
}

export function useMarkPaid(slug: string, batchId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      paymentId,
      reference,
      paidOn,
    }: {
      paymentId: string;
      reference: string;
      paidOn: string;
    }) =>
      api<MarkPaidResponse>('POST', `${orgBase(slug)}/payments/${encodeURIComponent(paymentId)}/paid`, {
        reference,
        paidOn,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: accountKeys.batch(slug, batchId) });
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'ledger'] });
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'statement'] });
    },
  });
}

const PREPARE_ROLES: readonly Role[] = ['admin', 'manager', 'accountant'];
const APPROVE_ROLES: readonly Role[] = ['manager', 'accountant'];

export function canPrepareSettlements(org: Pick<Org, 'access' | 'myRoles'>): boolean {
  if (org.access === 'platform') return true;
  return org.access === 'member' && org.myRoles.some((r) => PREPARE_ROLES.includes(r));
}

export function canApproveSettlements(org: Pick<Org, 'access' | 'myRoles'>): boolean {
  return org.access === 'member' && org.myRoles.some((r) => APPROVE_ROLES.includes(r));
}

export function slipPath(slug: string, memberNumber: string, settlementId: string): string {
  return `${orgBase(slug)}/members/${encodeURIComponent(memberNumber)}/slip.html?settlementId=${encodeURIComponent(settlementId)}`;
}

export function bankFilePath(slug: string, batchId: string): string {
  return `${orgBase(slug)}/payment-batches/${encodeURIComponent(batchId)}/bank-file.csv`;
}
