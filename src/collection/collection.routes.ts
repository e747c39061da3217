import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import { problemFor } from '../platform/http/problem.js';
import type { HttpServer } from '../platform/http/server.js';
import { type Locale, translate } from '../platform/i18n.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  AssignCashierBody,
  BatchResult,
  CreatePointBody,
  CreateScheduleBody,
  CreateTicketBody,
  DeliverySummary,
  DeliverySummaryParams,
  PointList,
  PointParams,
  PointView,
  PricePreviewBody,
  ReceiptQuery,
  ScheduleList,
  ScheduleView,
  TicketBatchBody,
  TicketList,
  TicketListQuery,
  TicketParams,
  TicketPriceView,
  TicketView,
  VoidTicketBody,
} from './collection.contract.js';
import type { CollectionService } from './collection.service.js';
import { receiptPdf } from './documents/receipt.js';

type Lines = { lines: { code: string; params: Record<string, string> }[] };
const withText = <T extends Lines>(value: T, locale: Locale) => ({
  ...value,
  lines: value.lines.map((l) => ({ code: l.code, message: translate(locale, l.code, l.params) })),
});

/** Thin routes for collection: collection points, price schedules, weigh tickets. */
export function registerCollectionRoutes(app: HttpServer, collection: CollectionService) {
  const tags = ['collection'];

  app.get(
    '/api/v1/orgs/:org/collection-points',
    {
      schema: {
        tags,
        summary: 'Collection points (centros de acopio)',
        params: OrgParams,
        response: { 200: PointList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await collection.listPoints(requireActor(request), request.params.org),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/collection-points',
    {
      schema: {
        tags,
        summary: 'Open a collection point (admin, manager)',
        params: OrgParams,
        body: CreatePointBody,
        response: { 201: PointView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await collection.createPoint(requireActor(request), request.params.org, request.body)),
  );
  app.post(
    '/api/v1/orgs/:org/collection-points/:pointCode/cashiers',
    {
      schema: {
        tags,
        summary: 'Assign a cashier to a point (admin, manager)',
        params: PointParams,
        body: AssignCashierBody,
        response: { 200: PointView, ...problemResponses },
      },
    },
    async (request) => {
      return collection.assignCashier(
        requireActor(request),
        request.params.org,
        request.params.pointCode,
        request.body.email,
      );
    },
  );

  app.get(
    '/api/v1/orgs/:org/price-schedules',
    {
      schema: {
        tags,
        summary: 'Price schedules, newest first',
        params: OrgParams,
        response: { 200: ScheduleList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await collection.listSchedules(requireActor(request), request.params.org),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/price-schedules',
    {
      schema: {
        tags,
        summary: 'Set prices from a date (admin, manager)',
        params: OrgParams,
        body: CreateScheduleBody,
        response: { 201: ScheduleView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await collection.createSchedule(requireActor(request), request.params.org, request.body)),
  );
  app.post(
    '/api/v1/orgs/:org/price-preview',
    {
      schema: {
        operationId: 'previewPrice',
        tags,
        summary: 'What a delivery of a given quality would be paid, line by line',
        params: OrgParams,
        body: PricePreviewBody,
        response: { 200: TicketPriceView, ...problemResponses },
      },
    },
    async (request) =>
      withText(
        await collection.pricePreview(requireActor(request), request.params.org, request.body),
        request.locale,
      ),
  );

  app.get(
    '/api/v1/orgs/:org/tickets',
    {
      schema: {
        tags,
        summary: 'Weigh tickets, newest first',
        params: OrgParams,
        querystring: TicketListQuery,
        response: { 200: TicketList, ...problemResponses },
      },
    },
    async (request) => ({
      items: (await collection.listTickets(requireActor(request), request.params.org, request.query)).map(
        (t) => withText(t, request.locale),
      ),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/tickets',
    {
      schema: {
        tags,
        summary: 'Record a weigh ticket: priced, credited to the member, cash at the desk debited (cashier)',
        params: OrgParams,
        body: CreateTicketBody,
        response: { 201: TicketView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          withText(
            await collection.createTicket(requireActor(request), request.params.org, request.body),
            request.locale,
          ),
        ),
  );
  app.post(
    '/api/v1/orgs/:org/tickets/batch',
    {
      schema: {
        tags,
        summary: 'Up to 500 tickets from a field device, each idempotent by its id',
        params: OrgParams,
        body: TicketBatchBody,
        response: { 200: BatchResult, ...problemResponses },
      },
    },
    async (request) => {
      const inputs = request.body.tickets.map((t, i) => {
        const parsed = CreateTicketBody.safeParse(t);
        return parsed.success ? parsed.data : { invalidAt: i, issues: parsed.error.issues };
      });
      const valid = inputs.filter((t): t is CreateTicketBody => !('invalidAt' in t));
      const results = await collection.createTicketBatch(requireActor(request), request.params.org, valid);
      const byId = new Map(results.map((r) => [r.id, r]));
      return {
        results: inputs.map((t, i) => {
          if ('invalidAt' in t) {
            const id = String((request.body.tickets[i] as { id?: unknown })?.id ?? `#${i}`);
            return {
              id,
              ok: false,
              problem: {
                status: 400,
                code: 'error.invalid_body',
                detail: translate(request.locale, 'error.invalid_body'),
                issues: t.issues.map((x) => ({ path: x.path.join('.'), message: x.message })),
              },
            };
          }
          const r = byId.get(t.id)!;
          return r.ok
            ? { id: r.id, ok: true, ticket: withText(r.ticket!, request.locale) }
            : { id: r.id, ok: false, problem: problemFor(r.error!, request.locale) };
        }),
      };
    },
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/delivery-summary',
    {
      schema: {
        tags,
        summary: 'For the desk: classes the member may deliver into, yearly quota and how much is used',
        params: DeliverySummaryParams,
        response: {
          200: DeliverySummary,
          ...problemResponses,
        },
      },
    },
    async (request) =>
      collection.deliverySummary(requireActor(request), request.params.org, request.params.memberNumber),
  );
  app.get(
    '/api/v1/orgs/:org/tickets/:ticketId',
    {
      schema: {
        tags,
        summary: 'One weigh ticket with its priced breakdown (the receipt)',
        params: TicketParams,
        response: { 200: TicketView, ...problemResponses },
      },
    },
    async (request) =>
      withText(
        await collection.getTicket(requireActor(request), request.params.org, request.params.ticketId),
        request.locale,
      ),
  );
  app.get(
    '/api/v1/orgs/:org/tickets/:ticketId/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'The ticket’s receipt as PDF: 80 mm or 58 mm thermal paper, or A4',
        params: TicketParams,
        querystring: ReceiptQuery,
        response: { 200: fileResponse('The ticket receipt', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const ticket = withText(
        await collection.getTicket(requireActor(request), request.params.org, request.params.ticketId),
        request.locale,
      );
      const pdf = await receiptPdf(ticket, request.query.paper, request.locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="ticket-${ticket.pointCode}-${ticket.number}.pdf"`)
        .send(pdf as never);
    },
  );
  app.post(
    '/api/v1/orgs/:org/tickets/:ticketId/void',
    {
      schema: {
        tags,
        summary: 'Void a ticket with a reason: its number stays, its value is reversed (admin, manager)',
        params: TicketParams,
        body: VoidTicketBody,
        response: { 200: TicketView, ...problemResponses },
      },
    },
    async (request) =>
      withText(
        await collection.voidTicket(
          requireActor(request),
          request.params.org,
          request.params.ticketId,
          request.body.reason,
        ),
        request.locale,
      ),
  );
}
