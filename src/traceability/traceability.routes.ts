import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { problemResponses } from '../shared/contract.js';
import { traceReportPdf } from './documents/trace-report.pdf.js';
import type { TraceService } from './trace.service.js';
import {
  LotTraceParams,
  LotTraceView,
  MemberLotsView,
  MemberTraceParams,
  MemberTraceQuery,
} from './traceability.contract.js';

/** Thin routes of the trace: a lot down to its members and plots, a member up to every lot. */
export function registerTraceRoutes(app: HttpServer, trace: TraceService) {
  const tags = ['traceability'];

  app.get(
    '/api/v1/orgs/:org/lots/:code/trace',
    {
      schema: {
        tags,
        summary: 'The trace of a lot: its lots, tickets, members and plots with the share of each by mass',
        params: LotTraceParams,
        response: { 200: LotTraceView, ...problemResponses },
      },
    },
    async (request) => trace.traceLot(requireActor(request), request.params.org, request.params.code),
  );
  app.get(
    '/api/v1/orgs/:org/lots/:code/trace.pdf',
    {
      schema: {
        tags,
        summary: 'The printable traceability report of a lot',
        params: LotTraceParams,
        response: { 200: fileResponse('The traceability report', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { view, today } = await trace.traceReport(
        requireActor(request),
        request.params.org,
        request.params.code,
      );
      const pdf = await traceReportPdf(view, request.locale, today);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="trazabilidad-${view.lot.code}.pdf"`)
        .send(pdf as never);
    },
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/lots',
    {
      schema: {
        tags,
        summary: 'Where a member’s coffee went (or one plot’s): every lot, with the kilograms from them',
        params: MemberTraceParams,
        querystring: MemberTraceQuery,
        response: { 200: MemberLotsView, ...problemResponses },
      },
    },
    async (request) =>
      trace.memberLots(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
        request.query.plot,
      ),
  );
}
