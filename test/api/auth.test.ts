import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const json = (res: { body: string }) => JSON.parse(res.body);

describe('sign-in', () => {
  it('signs in with email and password, sets an httpOnly SameSite cookie, and /me answers', async () => {
    const res = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'Manager@Cedros.example', password: 'ayni-demo' },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/ayni_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = json(res);
    expect(body.user.email).toBe('manager@cedros.example');
    expect(body.user.memberships).toEqual([
      expect.objectContaining({ orgSlug: 'cedros', orgKind: 'cooperative', roles: ['manager'] }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'ayni_session')!.value;
    const me = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `ayni_session=${cookie}` },
    });
    expect(me.statusCode).toBe(200);
    expect(json(me).csrfToken).toBe(body.csrfToken);
  });

  it('refuses a wrong password with the same message as an unknown email, in the caller’s language', async () => {
    const wrong = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'accept-language': 'en' },
      payload: { email: 'cashier@jumarp.example', password: 'nope-nope' },
    });
    const unknown = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'accept-language': 'en' },
      payload: { email: 'nobody@jumarp.example', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json(wrong).detail).toBe('Wrong email or password.');
    expect(json(unknown).detail).toBe(json(wrong).detail);
    const es = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'cashier@jumarp.example', password: 'nope-nope' },
    });
    expect(json(es).detail).toBe('Correo o contraseña incorrectos.');
  });

  it('limits failed attempts per email with 429 and Retry-After, and lets the person in once the window passes', async () => {
    const attempt = (password: string) =>
      ctx.http.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'board@cecafe.example', password },
      });
    for (let i = 0; i < 10; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const limited = await attempt('ayni-demo');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    ctx.clock.advance(16 * 60_000);
    expect((await attempt('ayni-demo')).statusCode).toBe(200);
  });

  it('answers 401 without a session and when the session has expired', async () => {
    expect((await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(401);
    const s = await signIn(ctx.http, 'viewer@cedros.example');
    ctx.clock.advance(13 * 3_600_000);
    const res = await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('auth.session_expired');
  });
});

describe('CSRF and sign-out', () => {
  it('refuses a cookie-session write without the CSRF header', async () => {
    const s = await signIn(ctx.http, 'admin@cedros.example');
    const res = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(json(res).code).toBe('error.csrf');
    const ok = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).locale).toBe('en');
  });

  it('signs out one session, and everywhere', async () => {
    const a = await signIn(ctx.http, 'accountant@cedros.example');
    const b = await signIn(ctx.http, 'accountant@cedros.example');
    const c = await signIn(ctx.http, 'accountant@cedros.example');
    expect(
      (await ctx.http.inject({ method: 'DELETE', url: '/api/v1/session', headers: a.headers })).statusCode,
    ).toBe(204);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(401);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await ctx.http.inject({ method: 'DELETE', url: '/api/v1/sessions', headers: b.headers })).statusCode,
    ).toBe(204);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(401);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c.cookie } })).statusCode,
    ).toBe(401);
  });

  it('changes the password, ends the other sessions and keeps this one', async () => {
    const here = await signIn(ctx.http, 'oversight@cedros.example');
    const elsewhere = await signIn(ctx.http, 'oversight@cedros.example');
    const wrong = await ctx.http.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: here.headers,
      payload: { currentPassword: 'not-it-at-all', newPassword: 'a-new-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).errors[0].path).toBe('currentPassword');
    const ok = await ctx.http.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: here.headers,
      payload: { currentPassword: 'ayni-demo', newPassword: 'a-new-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: here.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: elsewhere.cookie } }))
        .statusCode,
    ).toBe(401);
    await expect(signIn(ctx.http, 'oversight@cedros.example')).rejects.toThrow(/401/);
    await signIn(ctx.http, 'oversight@cedros.example', 'a-new-password');
  });
});

describe('API tokens', () => {
  it('act in one organization with one role, need no CSRF header, and stop working when revoked', async () => {
    const admin = await signIn(ctx.http, 'admin@jumarp.example');
    const id = '01900000-0000-7000-8000-00000000a001';
    const created = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/jumarp/tokens',
      headers: admin.headers,
      payload: { id, name: 'scale sync', role: 'admin' },
    });
    expect(created.statusCode).toBe(201);
    const secret = json(created).secret as string;
    expect(secret).toMatch(/^ayni_/);

    const replay = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/jumarp/tokens',
      headers: admin.headers,
      payload: { id, name: 'scale sync', role: 'admin' },
    });
    expect(replay.statusCode).toBe(201);
    expect(json(replay).secret).toBeNull();
    expect(json(replay).id).toBe(id);

    const bearer = { authorization: `Bearer ${secret}` };
    const orgs = await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: bearer });
    expect(json(orgs).items.map((o: { slug: string }) => o.slug)).toEqual(['jumarp']);
    const patch = await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/jumarp',
      headers: bearer,
      payload: { district: 'Namballe' },
    });
    expect(patch.statusCode).toBe(200);

    const revoke = await ctx.http.inject({
      method: 'POST',
      url: `/api/v1/orgs/jumarp/tokens/${id}/revoke`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(json(after).code).toBe('auth.token_revoked');
  });

  it('cannot carry a role its owner does not hold', async () => {
    const admin = await signIn(ctx.http, 'admin@jumarp.example');
    const res = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/jumarp/tokens',
      headers: admin.headers,
      payload: { id: '01900000-0000-7000-8000-00000000a002', name: 'x', role: 'cashier' },
    });
    expect(res.statusCode).toBe(403);
  });
});
