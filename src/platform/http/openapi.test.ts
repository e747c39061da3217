import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fileResponse, operationIdFor } from './openapi.js';
import { Problem } from './problem.js';
import { createHttpServer, type HttpServer } from './server.js';

describe('operationIdFor', () => {
  it.each([
    ['GET', '/api/v1/orgs', 'listOrgs'],
    ['POST', '/api/v1/orgs', 'createOrg'],
    ['GET', '/api/v1/orgs/:org', 'getOrg'],
    ['PATCH', '/api/v1/orgs/:org', 'updateOrg'],
    ['GET', '/api/v1/orgs/:org/members', 'listMembers'],
    ['POST', '/api/v1/orgs/:org/members', 'createMember'],
    ['GET', '/api/v1/orgs/:org/members/:memberNumber', 'getMember'],
    ['GET', '/api/v1/orgs/:org/members/:memberNumber/card.pdf', 'getMemberCardPdf'],
    ['GET', '/api/v1/orgs/:org/members/:memberNumber/plots', 'listMemberPlots'],
    ['POST', '/api/v1/orgs/:org/members/:memberNumber/plots', 'createMemberPlot'],
    ['POST', '/api/v1/orgs/:org/tickets/:ticketId/void', 'voidTicket'],
    ['POST', '/api/v1/orgs/:org/tickets/batch', 'batchTickets'],
    ['POST', '/api/v1/orgs/:org/assemblies/:assemblyId/proxies', 'createAssemblyProxy'],
    ['POST', '/api/v1/orgs/:org/payment-batches', 'createPaymentBatch'],
    ['GET', '/api/v1/orgs/:org/payment-batches/:batchId/bank-file.csv', 'getPaymentBatchBankFileCsv'],
    ['GET', '/api/v1/orgs/:org/assemblies/:assemblyId/minutes', 'getAssemblyMinutes'],
    ['PUT', '/api/v1/orgs/:org/assemblies/:assemblyId/minutes', 'replaceAssemblyMinutes'],
    ['GET', '/api/v1/orgs/:org/me/member', 'getMyMember'],
    ['GET', '/api/v1/me', 'getMe'],
    ['POST', '/api/v1/session', 'createSession'],
    ['DELETE', '/api/v1/orgs/:org/users/:userId/roles/:role', 'deleteUserRole'],
    ['GET', '/healthz', 'getHealthz'],
  ])('%s %s → %s', (method, url, id) => {
    expect(operationIdFor(method, url)).toBe(id);
  });

  it('reads OpenAPI-style parameters the same as Fastify ones', () => {
    expect(operationIdFor('GET', '/api/v1/orgs/{org}/plots/{plotId}')).toBe('getPlot');
  });
});

describe('the OpenAPI edge', () => {
  let app: HttpServer | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function server() {
    app = await createHttpServer({ bodyLimit: 1024, logger: false, version: '0.0.0' });
    return app;
  }

  it('refuses two routes with the same operationId when they are registered', async () => {
    const http = await server();
    http.get('/api/v1/things', { schema: { response: { 200: z.object({}) } } }, async () => ({}));
    expect(() =>
      http.get(
        '/api/v1/other',
        { schema: { operationId: 'listThings', response: { 200: z.object({}) } } },
        async () => ({}),
      ),
    ).toThrow(/operationId "listThings" of GET \/api\/v1\/other is already used by GET \/api\/v1\/things/);
  });

  it('documents a file, an explicit id and the shared problem responses', async () => {
    const http = await server();
    http.get(
      '/api/v1/things/:id/sheet.pdf',
      {
        schema: {
          params: z.strictObject({ id: z.uuid() }),
          response: { 200: fileResponse('The sheet', 'pdf', 'csv'), 404: Problem, 429: Problem },
        },
      },
      async (_request, reply) => reply.type('application/pdf').send(Buffer.from('%PDF')),
    );
    http.post(
      '/api/v1/things/:id/touch',
      {
        schema: {
          operationId: 'touchThing',
          params: z.strictObject({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (_request, reply) => reply.status(204).send(null),
    );
    await http.ready();
    const doc = (await http.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const sheet = doc.paths['/api/v1/things/{id}/sheet.pdf'].get;
    expect(sheet.operationId).toBe('getThingSheetPdf');
    expect(sheet.responses['200']).toEqual({
      description: 'The sheet',
      content: {
        'application/pdf': {
          schema: { type: 'string', format: 'binary', contentMediaType: 'application/pdf' },
        },
        'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv' } },
      },
    });
    expect(sheet.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(doc.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
    expect(doc.components.responses.NotFound.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(sheet.parameters[0].schema).toEqual({ $ref: '#/components/schemas/Uuid' });
    expect(doc.components.schemas.Uuid).toMatchObject({ type: 'string', format: 'uuid' });
    expect(doc.paths['/api/v1/things/{id}/touch'].post.operationId).toBe('touchThing');
    // Unused error responses are not shipped.
    expect(Object.keys(doc.components.responses).sort()).toEqual(['NotFound', 'TooManyRequests']);
    // The file is still sent as it is: documenting it changed nothing on the wire.
    const res = await http.inject({
      method: 'GET',
      url: '/api/v1/things/0b7a3c52-6d1e-4e7a-9a55-3f2f3b1c9d10/sheet.pdf',
    });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body).toBe('%PDF');
  });
});
