import { requireActor } from '../orgs/index.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  CreateSettlementBody,
  SettlementList,
  SettlementParams,
  SettlementPreview,
  SettlementTicketList,
  SettlementTicketsQuery,
} from './settlement.contract.js';
import type { SettlementService } from './settlement.service.js';

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
          200: SettlementList,
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
        response: { 201: SettlementPreview, ...problemResponses },
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
        response: { 200: SettlementPreview, ...problemResponses },
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
        querystring: SettlementTicketsQuery,
        response: {
          200: SettlementTicketList,
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
        response: { 200: SettlementPreview, ...problemResponses },
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
        response: { 200: SettlementPreview, ...problemResponses },
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
        response: { 200: SettlementPreview, ...problemResponses },
      },
    },
    async (request) =>
      settlements.post(requireActor(request), request.params.org, request.params.settlementId),
  );
}
