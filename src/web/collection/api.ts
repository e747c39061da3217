import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePointBody,
  CreateScheduleBody,
  CreateTicketBody,
  DeliverySummary,
  PointList,
  PointView,
  PricePreviewBody,
  ScheduleList,
  ScheduleView,
  TicketList,
  TicketPriceView,
  TicketView,
} from '../../collection/collection.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { Role } from '../../shared/enums.js';
import { api } from '../api/client.js';
import { collectionPath } from '../app/router.js';
import { withSavedCopy } from '../session/offline.js';

/** Request bodies as the web app builds them (before the server's defaults and trimming). */
export type PricePreviewInput = z.input<typeof PricePreviewBody>;
export type TicketInput = z.input<typeof CreateTicketBody>;
export type ScheduleInput = z.input<typeof CreateScheduleBody>;

/** The tickets list's filters, as the screen holds them (empty text: no filter). */
export interface TicketFilters {
  pointCode: string;
  memberNumber: string;
  from: string;
  to: string;
}

const orgBase = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;

export const collectionKeys = {
  points: (slug: string) => ['orgs', slug, 'collection-points'] as const,
  summary: (slug: string, n: string) => ['orgs', slug, 'members', 'one', n, 'delivery-summary'] as const,
  preview: (slug: string, input: PricePreviewInput | null) => ['orgs', slug, 'price-preview', input] as const,
  tickets: (slug: string) => ['orgs', slug, 'tickets'] as const,
  ticketList: (slug: string, f: TicketFilters) => ['orgs', slug, 'tickets', 'list', f] as const,
  ticket: (slug: string, id: string) => ['orgs', slug, 'tickets', 'one', id] as const,
};

export function useCollectionPoints(slug: string) {
  return useQuery({
    queryKey: collectionKeys.points(slug),
    // Kept on the device (without who may use them) so the desk opens offline.
    queryFn: () =>
      withSavedCopy(
        `collection-points.${slug}`,
        () => api<PointList>('GET', `${orgBase(slug)}/collection-points`),
        { keep: ({ items }) => ({ items: items.map((p) => ({ ...p, cashiers: [] })) }) },
      ),
  });
}

export function useDeliverySummary(slug: string, memberNumber: string | null) {
  return useQuery({
    queryKey: collectionKeys.summary(slug, memberNumber ?? ''),
    queryFn: () =>
      api<DeliverySummary>(
        'GET',
        `${orgBase(slug)}/members/${encodeURIComponent(memberNumber ?? '')}/delivery-summary`,
      ),
    enabled: memberNumber !== null,
    staleTime: 0,
  });
}

/** The live price of what is being typed; null input = nothing to price yet. */
export function usePricePreview(slug: string, input: PricePreviewInput | null) {
  return useQuery({
    queryKey: collectionKeys.preview(slug, input),
    queryFn: () => api<TicketPriceView>('POST', `${orgBase(slug)}/price-preview`, input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

export function useCreateTicket(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TicketInput) => api<TicketView>('POST', `${orgBase(slug)}/tickets`, input),
    onSuccess: (ticket) => {
      client.setQueryData(collectionKeys.ticket(slug, ticket.id), ticket);
      void client.invalidateQueries({ queryKey: collectionKeys.tickets(slug) });
      void client.invalidateQueries({ queryKey: collectionKeys.points(slug) });
      void client.invalidateQueries({ queryKey: collectionKeys.summary(slug, ticket.memberNumber) });
    },
  });
}

export function ticketListQuery(f: TicketFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    const v = value.trim();
    if (v) params.set(key, v);
  }
  params.set('limit', '200');
  return params.toString();
}

export function useTickets(slug: string, filters: TicketFilters, enabled = true) {
  return useQuery({
    enabled,
    queryKey: collectionKeys.ticketList(slug, filters),
    queryFn: () => api<TicketList>('GET', `${orgBase(slug)}/tickets?${ticketListQuery(filters)}`),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** One ticket; `null` asks for nothing (the desk without a ticket to replace). */
export function useTicket(slug: string, id: string | null) {
  return useQuery({
    queryKey: collectionKeys.ticket(slug, id ?? ''),
    queryFn: () => api<TicketView>('GET', `${orgBase(slug)}/tickets/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useVoidTicket(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<TicketView>('POST', `${orgBase(slug)}/tickets/${encodeURIComponent(id)}/void`, { reason }),
    onSuccess: (ticket) => {
      client.setQueryData(collectionKeys.ticket(slug, ticket.id), ticket);
      void client.invalidateQueries({ queryKey: collectionKeys.tickets(slug) });
    },
  });
}

// ---- who may do what (src/orgs/permissions.ts decides; these only shape the screens) ----------

const DESK_ROLES: readonly Role[] = ['admin', 'manager', 'cashier'];
const MANAGE_ROLES: readonly Role[] = ['admin', 'manager'];
const READ_ROLES: readonly Role[] = [
  'admin',
  'manager',
  'cashier',
  'accountant',
  'board',
  'oversight',
  'viewer',
];

type OrgAccess = Pick<Org, 'access' | 'myRoles' | 'grantedAreas'>;

export function canUseDesk(org: OrgAccess): boolean {
  if (org.access === 'platform') return true;
  return org.access === 'member' && org.myRoles.some((r) => DESK_ROLES.includes(r));
}

export function canManageCollection(org: OrgAccess): boolean {
  if (org.access === 'platform') return true;
  return org.access === 'member' && org.myRoles.some((r) => MANAGE_ROLES.includes(r));
}

export function canReadTickets(org: OrgAccess): boolean {
  if (org.access === 'platform') return true;
  if (org.access === 'grantee') return org.grantedAreas?.includes('collection') ?? false;
  return org.myRoles.some((r) => READ_ROLES.includes(r));
}

// ---- small helpers --------------------------------------------------------------------------------

/** Now as ISO 8601 with the device's UTC offset: "2026-11-29T09:41:00-05:00". */
export function nowWithOffset(date = new Date()): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Gross − tare with three decimals, computed on integer grams; null when either is not a number. */
export function netKg(gross: string | null, tare: string | null): string | null {
  if (gross === null || tare === null || gross === '' || tare === '') return null;
  const grams = (v: string) => Math.round(Number(v) * 1000);
  const g = grams(gross);
  const t = grams(tare || '0');
  if (!Number.isFinite(g) || !Number.isFinite(t)) return null;
  const n = g - t;
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  return `${sign}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

const POINT_KEY = 'ayni.collection.point';

export function storedPoint(slug: string): string | null {
  try {
    return window.localStorage.getItem(`${POINT_KEY}.${slug}`);
  } catch {
    return null;
  }
}

export function storePoint(slug: string, code: string): void {
  try {
    window.localStorage.setItem(`${POINT_KEY}.${slug}`, code);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/** Where the cashier records the replacement of a voided ticket: the desk, prefilled from it. */
export function replacementPath(slug: string, ticketId: string): string {
  return `${collectionPath(slug)}?replaces=${encodeURIComponent(ticketId)}`;
}

/** Ticket numbers as the ledger writes them: "HUA-000042". */
export function ticketNumber(n: number): string {
  return String(n).padStart(6, '0');
}

// ---- configuration (managers) --------------------------------------------------------------------

export function useSchedules(slug: string) {
  return useQuery({
    queryKey: ['orgs', slug, 'price-schedules'],
    queryFn: () => api<ScheduleList>('GET', `${orgBase(slug)}/price-schedules`),
  });
}

export function useCreatePoint(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreatePointBody>) =>
      api<PointView>('POST', `${orgBase(slug)}/collection-points`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: collectionKeys.points(slug) }),
  });
}

export function useCreateSchedule(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) =>
      api<ScheduleView>('POST', `${orgBase(slug)}/price-schedules`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'price-schedules'] });
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'price-preview'] });
    },
  });
}
