import { requireActor } from '../orgs/auth.plugin.js';
import type { HttpServer } from '../platform/http/server.js';
import { registerMessages } from '../platform/i18n.js';
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
  'settlement.stale_tickets':
    'Desde que se calculó este borrador, {count} ticket(s) se anularon o se liquidaron en otra liquidación ({tickets}). Recalcule el borrador: los dejará fuera.',
  'db.constraint.settled_tickets_pkey':
    'Un ticket de esta liquidación ya fue liquidado en otra liquidación contabilizada: un ticket se liquida una sola vez. Recalcule el borrador.',
  'db.constraint.voided_ticket_not_settled':
    'Un ticket anulado no se liquida. Recalcule el borrador: lo dejará fuera.',
  'db.constraint.settled_ticket_not_voided':
    'Este ticket ya fue liquidado en una liquidación contabilizada y no se puede anular. Corrija la diferencia con un ajuste en la cuenta del socio.',
  'db.constraint.settlement_tickets_frozen': 'Los tickets de una liquidación contabilizada ya no cambian.',
  'db.constraint.settlement_stays_posted': 'Una liquidación contabilizada sigue contabilizada.',
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
  'settlement.stale_tickets':
    'Since this draft was computed, {count} ticket(s) were voided or settled by another settlement ({tickets}). Recompute the draft: it will leave them out.',
  'db.constraint.settled_tickets_pkey':
    'A ticket of this settlement was already settled by another posted settlement: a ticket is settled once. Recompute the draft.',
  'db.constraint.voided_ticket_not_settled':
    'A voided ticket is not settled. Recompute the draft: it will leave it out.',
  'db.constraint.settled_ticket_not_voided':
    'This ticket was settled by a posted settlement and cannot be voided. Correct the difference with an adjustment on the member’s account.',
  'db.constraint.settlement_tickets_frozen': 'The tickets of a posted settlement no longer change.',
  'db.constraint.settlement_stays_posted': 'A posted settlement stays posted.',
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
