import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

/** Whatever a client sends, the answer is a clear 4xx problem+json: never a 500, never a stack trace. */

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext({ bodyLimit: 64 * 1024 });
  admin = await signIn(ctx.http, 'admin@cedros.example');
});
afterAll(() => ctx.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
    code: expect.any(String),
  });
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  return body as { code: string; detail: string; errors?: { path: string; code: string; message: string }[] };
}

describe('bad input', () => {
  it('malformed JSON → 400', async () => {
    const res = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/cedros',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(expectProblem(res, 400).code).toBe('error.invalid_json');
  });

  it('wrong types and unknown fields → 400 with one message per field, in English when asked', async () => {
    const res = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/cedros',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { name: 42, locale: 'fr', colour: 'red' },
    });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'name', code: 'field.invalid_type', message: 'Expected string.' },
        {
          path: 'locale',
          code: 'field.invalid_value',
          message: 'Value not allowed. Allowed values: es, en.',
        },
        { path: 'colour', code: 'field.unrecognized_key', message: 'Unknown field.' },
      ]),
    );
  });

  it('an oversized body → 400 naming the limit', async () => {
    const res = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/cedros',
      headers: admin.headers,
      payload: { name: 'x'.repeat(100_000) },
    });
    const body = expectProblem(res, 400);
    expect(body.code).toBe('error.body_too_large');
    expect(body.detail).toContain('65536');
  });

  it('a body that is not JSON → 400; an empty JSON body → 400', async () => {
    const text = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/cedros',
      headers: { ...admin.headers, 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    const empty = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/cedros',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '',
    });
    expectProblem(empty, 400);
  });

  it('bad path and query parameters → 400, unknown routes → 404 JSON', async () => {
    expectProblem(
      await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs/NOT%20A%20SLUG', headers: admin.headers }),
      400,
    );
    expectProblem(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/cedros/audit?limit=-3',
        headers: admin.headers,
      }),
      400,
    );
    expectProblem(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/cedros/audit?limit=abc',
        headers: admin.headers,
      }),
      400,
    );
    expectProblem(
      await ctx.http.inject({
        method: 'DELETE',
        url: '/api/v1/orgs/cedros/users/not-a-uuid/roles/admin',
        headers: admin.headers,
      }),
      400,
    );
    const missing = expectProblem(
      await ctx.http.inject({ method: 'GET', url: '/api/v1/no/such/thing', headers: admin.headers }),
      404,
    );
    expect(missing.code).toBe('error.route_not_found');
    expectProblem(
      await ctx.http.inject({ method: 'PUT', url: '/api/v1/orgs', headers: admin.headers, payload: {} }),
      404,
    );
  });

  it('never answers 500 to a barrage of odd bodies', async () => {
    const bodies: unknown[] = [
      null,
      [],
      'text',
      12,
      true,
      { name: null },
      { name: '' },
      { name: ' ' },
      { name: 'é'.repeat(201) },
      { __proto__: { admin: true } },
      { constructor: { prototype: { x: 1 } } },
      { timeZone: 'Mars/Olympus' },
      { displayMassUnit: 'stone' },
    ];
    for (const payload of bodies) {
      const res = await ctx.http.inject({
        method: 'PATCH',
        url: '/api/v1/orgs/cedros',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(res.statusCode, `${JSON.stringify(payload)} → ${res.body}`).toBeLessThan(500);
    }
  });

  it('sign-in with a malformed email or missing password → 400 field errors', async () => {
    const res = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'not-an-email' },
    });
    const body = expectProblem(res, 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('healthz answers ok, and the OpenAPI document is 3.1 and lists the routes', async () => {
    const health = await ctx.http.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const doc = (await ctx.http.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/session', '/api/v1/orgs', '/api/v1/orgs/{org}/audit']),
    );
    expect((await ctx.http.inject({ method: 'GET', url: '/api/v1/config' })).json()).toEqual({
      mapTilesUrl: null,
    });
    const docs = await ctx.http.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
