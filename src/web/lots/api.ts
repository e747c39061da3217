import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CooperativeLotsView,
  CountBody,
  CountList,
  CountView,
  CreateLotBody,
  CreateMillingBody,
  DeliverBody,
  DrawBody,
  LotDetail,
  LotList,
  MillingList,
  MillingOutputBody,
  MillingView,
  MovementList,
  StockView,
  TicketCandidateList,
  TransferBody,
  WarehouseList,
} from '../../lots/lots.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { Role } from '../../shared/enums.js';
import { api } from '../api/client.js';

/** The lots module's server state: warehouses, stock, lots, counts, milling. */

const base = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;
const qs = (params: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const lotsKeys = {
  all: (slug: string) => ['orgs', slug, 'lots-module'] as const,
};

const READ: readonly Role[] = [
  'admin',
  'manager',
  'accountant',
  'board',
  'oversight',
  'viewer',
  'warehouse',
  'lab',
];
const WRITE: readonly Role[] = ['admin', 'manager', 'warehouse'];
const ADJUST: readonly Role[] = ['admin', 'manager'];

export const canReadLots = (org: Org) =>
  org.access === 'platform' ||
  (org.access === 'grantee'
    ? (org.grantedAreas?.includes('lots') ?? false)
    : org.myRoles.some((r) => READ.includes(r)));
export const canWriteLots = (org: Org) =>
  org.access === 'platform' || org.myRoles.some((r) => WRITE.includes(r));
export const canAdjust = (org: Org) =>
  org.access === 'platform' || org.myRoles.some((r) => ADJUST.includes(r));

export function useWarehouses(slug: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'warehouses'],
    queryFn: () => api<z.infer<typeof WarehouseList>>('GET', `${base(slug)}/warehouses`),
  });
}
export function useStock(slug: string, on: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'stock', on],
    queryFn: () => api<z.infer<typeof StockView>>('GET', `${base(slug)}/stock${qs({ on })}`),
  });
}
export function useMovements(slug: string, filter: { warehouse?: string; kind?: string; lot?: string }) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'movements', filter],
    queryFn: () =>
      api<z.infer<typeof MovementList>>(
        'GET',
        `${base(slug)}/stock/movements${qs({ ...filter, limit: '50' })}`,
      ),
  });
}
export function useLots(slug: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'lots'],
    queryFn: () => api<z.infer<typeof LotList>>('GET', `${base(slug)}/lots`),
  });
}
export function useLot(slug: string, code: string, owner?: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'lot', code, owner],
    queryFn: () => api<LotDetail>('GET', `${base(slug)}/lots/${encodeURIComponent(code)}${qs({ owner })}`),
  });
}
export function useCandidates(
  slug: string,
  filter: { point?: string; from?: string; to?: string },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'candidates', filter],
    queryFn: () =>
      api<z.infer<typeof TicketCandidateList>>('GET', `${base(slug)}/lots/ticket-candidates${qs(filter)}`),
    enabled,
  });
}
export function useCounts(slug: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'counts'],
    queryFn: () => api<z.infer<typeof CountList>>('GET', `${base(slug)}/stock/counts`),
  });
}
export function useMillings(slug: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'millings'],
    queryFn: () => api<z.infer<typeof MillingList>>('GET', `${base(slug)}/milling-orders`),
  });
}
export function useMilling(slug: string, code: string) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'milling', code],
    queryFn: () => api<MillingView>('GET', `${base(slug)}/milling-orders/${encodeURIComponent(code)}`),
  });
}
export function useCooperativeLots(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...lotsKeys.all(slug), 'cooperatives'],
    queryFn: () => api<CooperativeLotsView>('GET', `${base(slug)}/lots/cooperatives`),
    enabled,
  });
}

/** A write of this module; everything the module shows is read again after it. */
function useWrite<I, O>(slug: string, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: lotsKeys.all(slug) }),
  });
}
export const useCreateLot = (slug: string) =>
  useWrite(slug, (input: z.input<typeof CreateLotBody>) =>
    api<LotDetail>('POST', `${base(slug)}/lots`, input),
  );
export const useTransfer = (slug: string) =>
  useWrite(slug, (input: z.input<typeof TransferBody>) =>
    api<unknown>('POST', `${base(slug)}/stock/transfers`, input),
  );
export const useRecordCount = (slug: string) =>
  useWrite(slug, (input: z.input<typeof CountBody>) =>
    api<CountView>('POST', `${base(slug)}/stock/counts`, input),
  );
export const useApproveCount = (slug: string) =>
  useWrite(slug, (id: string) => api<CountView>('POST', `${base(slug)}/stock/counts/${id}/approve`, {}));
export const useLotAction = (slug: string, code: string) =>
  useWrite(
    slug,
    (
      a:
        | { kind: 'close' }
        | { kind: 'draw'; body: z.input<typeof DrawBody> }
        | { kind: 'deliver'; body: DeliverBody },
    ) =>
      a.kind === 'close'
        ? api<LotDetail>('POST', `${base(slug)}/lots/${encodeURIComponent(code)}/close`, {})
        : api<LotDetail>(
            'POST',
            `${base(slug)}/lots/${encodeURIComponent(code)}/${a.kind === 'draw' ? 'draws' : 'deliver'}`,
            a.body,
          ),
  );
export const useCreateMilling = (slug: string) =>
  useWrite(slug, (input: z.input<typeof CreateMillingBody>) =>
    api<MillingView>('POST', `${base(slug)}/milling-orders`, input),
  );
export const useMillingAction = (slug: string, code: string) =>
  useWrite(slug, (a: { kind: 'output'; body: z.input<typeof MillingOutputBody> } | { kind: 'finish' }) =>
    api<MillingView>(
      'POST',
      `${base(slug)}/milling-orders/${encodeURIComponent(code)}/${a.kind === 'output' ? 'outputs' : 'finish'}`,
      a.kind === 'output' ? a.body : {},
    ),
  );

/** Grams as kilograms for people (one decimal). */
export function kg(locale: string, grams: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    grams / 1000,
  );
}
/** Kilograms typed by a person ("1234,5" or "1234.5") as grams; null when it is not a number. */
export function gramsOf(text: string): number | null {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,3})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 1000);
}
