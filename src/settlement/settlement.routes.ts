import { z } from 'zod';
import { requireActor } from '../orgs/auth.plugin.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.schema.js';
import type { HttpServer } from '../platform/http/server.js';
import { registerMessages } from '../platform/i18n.js';
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
const Preview = z.object({
  id: z.uuid(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(['draft', 'approved', 'posted']),
  currency: z.string(),
  approvals: z.array(z.object({ userId: z.uuid(), role: z.string(), at: z.string() })),
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
      payableKg: z.string(),
      gross: z.string(),
      byClass: z.array(
        z.object({ certificationClass: z.string(), payableKg: z.string(), amount: z.string() }),
      ),
      deductions: z.array(z.object({ code: z.string(), requested: z.string(), taken: z.string() })),
      net: z.string(),
      floorApplied: z.boolean(),
      outlier: z.boolean(),
      posted: z.boolean(),
    }),
  ),
});

registerMessages('es', {
  'settlement.not_found': 'No se encontró la liquidación.',
  'settlement.period_order': 'El periodo termina antes de empezar.',
  'settlement.already_posted': 'La liquidación ya fue contabilizada; ya no cambia.',
  'settlement.not_approved':
    'La liquidación necesita la aprobación de un gerente y de un contador antes de contabilizarse.',
  'settlement.same_person':
    'Usted ya aprobó esta liquidación: la segunda aprobación debe darla otra persona.',
  'settlement.role_already_approved':
    'Ya aprobó alguien con su rol; falta la aprobación del otro rol (gerente o contador).',
  'settlement.person_must_approve': 'Una liquidación la aprueban personas, no tokens ni procesos.',
});
registerMessages('en', {
  'settlement.not_found': 'The settlement was not found.',
  'settlement.period_order': 'The period ends before it starts.',
  'settlement.already_posted': 'The settlement has been posted; it no longer changes.',
  'settlement.not_approved':
    'The settlement needs the approval of a manager and of an accountant before posting.',
  'settlement.same_person':
    'You already approved this settlement: the second approval must come from someone else.',
  'settlement.role_already_approved':
    'Someone with your role already approved; the other role (manager or accountant) must approve.',
  'settlement.person_must_approve': 'Settlements are approved by people, not by tokens or processes.',
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
