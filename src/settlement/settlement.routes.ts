import { z } from 'zod';
import { requireActor } from '../orgs/index.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.contract.js';
import type { HttpServer } from '../platform/http/server.js';
import type { SettlementService } from './settlement.service.js';

const Price = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/);
const Money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);
const CreateSettlementBody = z.strictObject({
  id: ClientId,
  name: z.string().trim().min(1).max(200),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  pricePerKgByClass: z.strictObject({
    conventional: Price.optional(),
    organic: Price.optional(),
    fairtrade: Price.optional(),
    organic_fairtrade: Price.optional(),
  }),
  /**
   * How `pricePerKgByClass` is read: `second_payment`, an extra amount per kg on top of what each ticket
   * was credited; `final_price`, the season's final price per kg less what each ticket was credited.
   */
  priceMode: z.enum(['second_payment', 'final_price']).default('second_payment'),
  shareCapitalPerQuintal: Money.optional(),
  deductOwed: z.boolean().default(true),
  floorPercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/)
    .default('50'),
  services: z
    .array(
      z.strictObject({
        memberNumber: z.string().trim().min(1).max(30),
        code: z.string().trim().min(1).max(40),
        amount: Money,
      }),
    )
    .max(100_000)
    .optional(),
});
const SettlementParams = z.strictObject({ org: Slug, settlementId: z.uuid() });
export const Preview = z.object({
  id: z.uuid(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(['draft', 'approved', 'posted']),
  currency: z.string(),
  priceMode: z.enum(['second_payment', 'final_price']),
  pricePerKgByClass: z.record(z.string(), z.string()),
  approvals: z.array(z.object({ userId: z.uuid(), role: z.string(), at: z.string() })),
  /** How many tickets the settlement takes: the period's, in the classes it prices, not voided or settled before. */
  tickets: z.number(),
  /** The period's tickets other settlements already settled, left out of this one. */
  settledElsewhere: z.array(z.object({ settlementId: z.uuid(), name: z.string(), tickets: z.number() })),
  /** Tickets voided or settled elsewhere since the draft was computed: approval and posting wait for a recompute. */
  staleTickets: z.array(
    z.object({ ticket: z.string(), reason: z.enum(['voided', 'settled']), settledBy: z.string().nullable() }),
  ),
  totals: z.object({
    members: z.number(),
    payableKg: z.string(),
    gross: z.string(),
    deducted: z.string(),
    net: z.string(),
    byDeduction: z.record(z.string(), z.string()),
  }),
  members: z.array(
    z.object({
      memberNumber: z.string(),
      memberName: z.string(),
      tickets: z.number(),
      payableKg: z.string(),
      gross: z.string(),
      byClass: z.array(
        z.object({
          certificationClass: z.string(),
          payableKg: z.string(),
          pricePerKg: z.string(),
          /** payable kg × price per kg */
          valueAtPrice: z.string(),
          /** subtracted with a final price: what the tickets were credited at delivery */
          alreadyCredited: z.string(),
          amount: z.string(),
        }),
      ),
      deductions: z.array(z.object({ code: z.string(), requested: z.string(), taken: z.string() })),
      net: z.string(),
      floorApplied: z.boolean(),
      outlier: z.boolean(),
      posted: z.boolean(),
    }),
  ),
});

/** Settlements (liquidación): draft with preview, two approvals, atomic posting. */
export function registerSettlementRoutes(app: HttpServer, settlements: SettlementService) {
  const tags = ['settlements'];
  const base = '/api/v1/orgs/:org/settlements';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Settlements',
        params: OrgParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                periodFrom: z.string(),
                periodTo: z.string(),
                status: z.string(),
                postedAt: z.string().nullable(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: await settlements.list(requireActor(request), request.params.org),
    }),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Draft a settlement for a period: computed per member, shown as a preview (manager, accountant)',
        params: OrgParams,
        body: CreateSettlementBody,
        response: { 201: Preview, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await settlements.createDraft(requireActor(request), request.params.org, {
          ...request.body,
          pricePerKgByClass: Object.fromEntries(
            Object.entries(request.body.pricePerKgByClass).filter(([, v]) => v !== undefined),
          ) as Record<string, string>,
        }),
      ),
  );
  app.get(
    `${base}/:settlementId`,
    {
      schema: {
        tags,
        summary: 'The preview: totals, every member, outliers',
        params: SettlementParams,
        response: { 200: Preview, ...problemResponses },
      },
    },
    async (request) =>
      settlements.preview(requireActor(request), request.params.org, request.params.settlementId),
  );
  app.get(
    `${base}/:settlementId/tickets`,
    {
      schema: {
        tags,
        summary: 'The tickets the settlement takes (all, or one member’s)',
        params: SettlementParams,
        querystring: z.strictObject({ member: z.string().trim().min(1).max(30).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                ticketId: z.uuid(),
                ticket: z.string(),
                memberNumber: z.string(),
                deliveryDate: z.string(),
                certificationClass: z.string(),
                payableKg: z.string(),
                creditedAtDelivery: z.string(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      settlements.tickets(
        requireActor(request),
        request.params.org,
        request.params.settlementId,
        request.query.member,
      ),
  );
  app.post(
    `${base}/:settlementId/recompute`,
    {
      schema: {
        tags,
        summary: 'Recompute the draft from the tickets as they are now (approvals are withdrawn)',
        params: SettlementParams,
        response: { 200: Preview, ...problemResponses },
      },
    },
    async (request) =>
      settlements.recompute(requireActor(request), request.params.org, request.params.settlementId),
  );
  app.post(
    `${base}/:settlementId/approve`,
    {
      schema: {
        tags,
        summary: 'Approve (a manager and an accountant, two different people)',
        params: SettlementParams,
        response: { 200: Preview, ...problemResponses },
      },
    },
    async (request) =>
      settlements.approve(requireActor(request), request.params.org, request.params.settlementId),
  );
  app.post(
    `${base}/:settlementId/post`,
    {
      schema: {
        tags,
        summary: 'Post to the ledger: all members or none; safe to repeat',
        params: SettlementParams,
        response: { 200: Preview, ...problemResponses },
      },
    },
    async (request) =>
      settlements.post(requireActor(request), request.params.org, request.params.settlementId),
  );
}
