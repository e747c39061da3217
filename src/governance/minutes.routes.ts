import { z } from 'zod';
import { requireActor } from '../orgs/index.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.contract.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { minutesPdf } from './documents/minutes-pdf.js';
import type { MinutesService } from './minutes.service.js';

type MinutesView = Awaited<ReturnType<MinutesService['minutesView']>>;

const AssemblyParams = z.strictObject({ org: Slug, assemblyId: z.uuid() });

export const Minutes = z.object({
  assemblyId: z.uuid(),
  status: z.enum(['none', 'draft', 'approved', 'signed']),
  body: z.string(),
  version: z.number(),
  bookNumber: z.number().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signBy: z.string(),
  designated: z.array(z.object({ memberNumber: z.string(), name: z.string() })),
  required: z.object({ president: z.number(), secretary: z.number(), designated: z.number() }),
  signatures: z.array(
    z.object({
      role: z.string(),
      seq: z.number(),
      name: z.string(),
      method: z.string(),
      signedAt: z.string(),
      recordedBy: z.string(),
    }),
  ),
  versions: z.array(z.object({ version: z.number(), savedAt: z.string(), savedBy: z.string() })),
});

const Indicator = z.object({
  code: z.string(),
  status: z.enum(['ok', 'warn', 'bad', 'pending', 'na']),
  value: z.union([z.number(), z.string()]).nullable(),
  target: z.union([z.number(), z.string()]).nullable(),
  detail: z.record(z.string(), z.union([z.number(), z.string()]).nullable()),
});

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
        body: z.strictObject({ body: z.string().min(1).max(200_000), baseVersion: z.number().int().min(0) }),
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
        body: z
          .strictObject({
            designatedMemberNumbers: z.array(z.string().trim().min(1).max(30)).max(9).default([]),
          })
          .nullish(), // a POST without a body approves with nobody designated
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
        body: z.strictObject({
          role: z.enum(['president', 'secretary', 'designated']),
          signerName: z.string().trim().min(1).max(200).optional(),
          memberNumber: z.string().trim().min(1).max(30).optional(),
        }),
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
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                periodEnd: z.string(),
                filedOn: z.string(),
                title: z.string(),
                summary: z.string(),
              }),
            ),
          }),
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
        body: z.strictObject({
          id: ClientId,
          periodEnd: z.iso.date(),
          filedOn: z.iso.date(),
          title: z.string().trim().min(1).max(200),
          summary: z.string().max(20_000).optional(),
        }),
        response: {
          201: z.object({ id: z.uuid(), periodEnd: z.string(), filedOn: z.string(), title: z.string() }),
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
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: {
          200: z.object({
            year: z.number(),
            asOf: z.string(),
            cooperatives: z.array(
              z.object({
                slug: z.string(),
                name: z.string(),
                year: z.number(),
                indicators: z.array(Indicator),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => minutes.scorecard(requireActor(request), request.params.org, request.query.year),
  );
}
