import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

/**
 * The served OpenAPI document is a contract other programs build on: what Redocly's recommended
 * rules check that matters most (operationIds, success responses), checked here without Redocly,
 * plus what a client generator needs (every `$ref` resolves, errors are the one `Problem`).
 * The full lint, on a running server: `npx --yes @redocly/cli@latest lint
 * http://localhost:8080/api/v1/openapi.json` (no error; the recommended rules' one warning left is
 * that /healthz and /api/v1/config have no 4xx answer, which they do not).
 */

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  responses: Record<string, Json>;
}

let ctx: TestContext;
let admin: Session;
let doc: {
  openapi: string;
  servers?: unknown[];
  info: { license?: Json };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};
let body: string;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signIn(ctx.http, 'admin@cedros.example');
  const res = await ctx.http.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  body = res.body;
  doc = res.json();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) operations.push({ method, path, op });
  }
});
afterAll(() => ctx.close());

function resolve(ref: string): Json | undefined {
  const [hash, components, kind, name] = ref.split('/');
  if (hash !== '#' || components !== 'components' || !kind || !name) return undefined;
  return (doc.components as unknown as Record<string, Record<string, Json>>)[kind]?.[name];
}

function refsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.push(v);
      else refsIn(v, into);
    }
  }
  return into;
}

describe('the OpenAPI document', () => {
  it('documents every API route the server has', () => {
    const documented = new Set(
      operations.map(({ method, path }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = ctx.http.routeList.filter(
      (r) => (r.includes(' /api/v1/') || r.endsWith(' /healthz')) && !r.endsWith('/openapi.json'),
    );
    expect(served.length).toBeGreaterThan(100);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    expect(operations.length).toBe(served.length);
  });

  it('gives every operation a unique, camelCase operationId', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(operations.filter(({ op }) => !op.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id ?? ''))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // The derived and the explicit names are stable: clients call them.
    const byRoute = new Map(operations.map(({ method, path, op }) => [`${method} ${path}`, op.operationId]));
    expect(byRoute.get('get /api/v1/orgs/{org}/members')).toBe('listMembers');
    expect(byRoute.get('post /api/v1/orgs/{org}/members')).toBe('createMember');
    expect(byRoute.get('get /api/v1/orgs/{org}/members/{memberNumber}/card.pdf')).toBe('getMemberCardPdf');
    expect(byRoute.get('post /api/v1/orgs/{org}/tickets/{ticketId}/void')).toBe('voidTicket');
    expect(byRoute.get('post /api/v1/orgs/{org}/members/{memberNumber}/status')).toBe('changeMemberStatus');
  });

  it('gives every operation a success response, with a body schema or none for 204', () => {
    const without = operations.filter(({ op }) => !Object.keys(op.responses).some((s) => /^2/.test(s)));
    expect(without.map((o) => `${o.method} ${o.path}`)).toEqual([]);
    for (const { method, path, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2/.test(status)) continue;
        const where = `${method} ${path} ${status}`;
        expect(response.description, where).toEqual(expect.any(String));
        const content = response.content as Record<string, { schema?: Json }> | undefined;
        if (status === '204') expect(content, where).toBeUndefined();
        else {
          expect(Object.keys(content ?? {}).length, where).toBeGreaterThan(0);
          for (const media of Object.values(content ?? {})) expect(media.schema, where).toBeDefined();
        }
      }
    }
  });

  it('documents files under their media types', () => {
    const media = (path: string) =>
      Object.keys((doc.paths[path]?.get?.responses['200']?.content as Json | undefined) ?? {});
    expect(media('/api/v1/orgs/{org}/members/{memberNumber}/card.pdf')).toEqual(['application/pdf']);
    expect(media('/api/v1/orgs/{org}/members/export')).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
    expect(media('/api/v1/orgs/{org}/payment-batches/{batchId}/bank-file.csv')).toEqual(['text/csv']);
    expect(media('/api/v1/orgs/{org}/members/{memberNumber}/slip.html')).toEqual(['text/html']);
  });

  it('answers every error with the one Problem schema, as problem+json', () => {
    let errors = 0;
    for (const { method, path, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        errors++;
        const where = `${method} ${path} ${status}`;
        expect(response.$ref, where).toMatch(/^#\/components\/responses\//);
        const shared = resolve(response.$ref as string);
        expect(shared?.content, where).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
    expect(errors).toBeGreaterThan(500);
  });

  it('describes the problem bodies the server really sends', async () => {
    const res = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/orgs/cedros/members/NO-SUCH-MEMBER',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(404);
    const problem = res.json() as Json;
    const schema = doc.components.schemas.Problem as { properties: Json; required: string[] };
    expect(Object.keys(problem).filter((k) => !(k in schema.properties))).toEqual([]);
    expect(schema.required.filter((k) => !(k in problem))).toEqual([]);
  });

  it('names the shared schemas as components and resolves every $ref', () => {
    for (const name of [
      'Problem',
      'Member',
      'MemberDetail',
      'Plot',
      'Ticket',
      'Settlement',
      'Assembly',
      'Election',
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(500);
    expect([...new Set(refs)].filter((ref) => resolve(ref) === undefined)).toEqual([]);
    // Every component is used: nothing dead is shipped.
    const used = new Set(refs);
    for (const kind of ['schemas', 'responses'] as const)
      for (const name of Object.keys(doc.components[kind]))
        expect(used.has(`#/components/${kind}/${name}`), `${kind}/${name}`).toBe(true);
  });

  it('stays small, declares where it is served and under which licence', () => {
    // 665 KB for 118 operations (5.6 KB each) when every operation repeated its error and view schemas
    // inline; 192 KB (1.6 KB each) once they were components; 359 KB for 173 (2.1 KB each) with the value
    // chain's views, not yet named as components. The budget grows with the operations, not per operation.
    expect(body.length / operations.length).toBeLessThan(2_200);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(doc.info.license).toMatchObject({ identifier: 'AGPL-3.0-or-later' });
  });
});
