import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { minutesPdf } from './documents/minutes-pdf.js';
import {
  ApproveMinutesBody,
  AssemblyParams,
  FiledOversightReport,
  FileOversightReportBody,
  Minutes,
  OversightReportList,
  SaveMinutesBody,
  Scorecard,
  ScorecardQuery,
  SignMinutesBody,
} from './governance.contract.js';
import type { MinutesService } from './minutes.service.js';

type MinutesView = Awaited<ReturnType<MinutesService['minutesView']>>;

export function registerMinutesRoutes(app: HttpServer, minutes: MinutesService) {
  const tags = ['governance'];
  const view = (m: MinutesView) => {
    const { record: _record, ...rest } = m;
    return rest;
  };
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId/minutes',
    {
      schema: {
        tags,
        summary: 'The minutes: saved text and status, or the draft written from the assembly’s record',
        params: AssemblyParams,
        response: { 200: Minutes, ...problemResponses },
      },
    },
    async (request) =>
      view(
        await minutes.minutesView(
          requireActor(request),
          request.params.org,
          request.params.assemblyId,
          request.locale,
        ),
      ),
  );
  app.put(
    '/api/v1/orgs/:org/assemblies/:assemblyId/minutes',
    {
      schema: {
        tags,
        summary: 'Save the secretary’s text as a new version (refused if someone saved meanwhile)',
        params: AssemblyParams,
        body: SaveMinutesBody,
        response: { 200: Minutes, ...problemResponses },
      },
    },
    async (request) =>
      view(
        await minutes.saveMinutes(
          requireActor(request),
          request.params.org,
          request.params.assemblyId,
          request.body,
          request.locale,
        ),
      ),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/minutes/approve',
    {
      schema: {
        tags,
        summary:
          'Approve the minutes: they get the next number of the book and can no longer be edited; the assembly’s designated signers are named here',
        params: AssemblyParams,
        body: ApproveMinutesBody,
        response: { 200: Minutes, ...problemResponses },
      },
    },
    async (request) =>
      view(
        await minutes.approveMinutes(
          requireActor(request),
          request.params.org,
          request.params.assemblyId,
          request.locale,
          request.body?.designatedMemberNumbers ?? [],
        ),
      ),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/minutes/signatures',
    {
      schema: {
        operationId: 'signAssemblyMinutes',
        tags,
        summary:
          'Sign the minutes in Ayni (the signer, as a member), or record a signature made in the book (secretary)',
        params: AssemblyParams,
        body: SignMinutesBody,
        response: { 200: Minutes, ...problemResponses },
      },
    },
    async (request) =>
      view(
        await minutes.signMinutes(
          requireActor(request),
          request.params.org,
          request.params.assemblyId,
          request.body,
          request.locale,
        ),
      ),
  );
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId/minutes.pdf',
    {
      schema: {
        tags,
        summary: 'The minutes as PDF: numbered and signed once approved, marked as a draft before',
        params: AssemblyParams,
        response: { 200: fileResponse('The minutes', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const m = await minutes.minutesView(
        requireActor(request),
        request.params.org,
        request.params.assemblyId,
        request.locale,
      );
      const name = m.bookNumber ? `acta-${m.bookNumber}.pdf` : 'acta-borrador.pdf';
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .send((await minutesPdf(m, request.locale)) as never);
    },
  );
  app.get(
    '/api/v1/orgs/:org/oversight-reports',
    {
      schema: {
        tags,
        summary: 'The oversight council’s reports',
        params: OrgParams,
        response: {
          200: OversightReportList,
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: await minutes.listOversightReports(requireActor(request), request.params.org),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/oversight-reports',
    {
      schema: {
        tags,
        summary: 'Record a report the oversight council filed',
        params: OrgParams,
        body: FileOversightReportBody,
        response: {
          201: FiledOversightReport,
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await minutes.fileOversightReport(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    '/api/v1/orgs/:org/governance/scorecard',
    {
      schema: {
        tags,
        summary:
          'Governance scorecard of a cooperative, or of the cooperatives that granted it to a central or program',
        params: OrgParams,
        querystring: ScorecardQuery,
        response: {
          200: Scorecard,
          ...problemResponses,
        },
      },
    },
    async (request) => minutes.scorecard(requireActor(request), request.params.org, request.query.year),
  );
}
