import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit.js';
import { createTestContext, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const json = (res: { body: string }) => JSON.parse(res.body);
const slugs = (res: { body: string }) => (json(res).items as { slug: string }[]).map((o) => o.slug).sort();

describe('who sees which organization', () => {
  it('the platform administrator sees the eleven demo organizations', async () => {
    const s = await signIn(ctx.http, 'admin@ayni.example');
    const res = await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: s.headers });
    expect(slugs(res)).toEqual(
      [
        'cafe-selva-norte',
        'cecafe',
        'cedros',
        'cocla',
        'demo-roasters',
        'el-milagro',
        'gallito-de-las-rocas',
        'jumarp',
        'origin-coffee',
        'selva-andina',
        'union-y-fe',
      ].sort(),
    );
    expect(json(res).items.every((o: { access: string }) => o.access === 'platform')).toBe(true);
  });

  it('a cooperative manager sees only their cooperative, and JUMARP is a 404 everywhere', async () => {
    const s = await signIn(ctx.http, 'manager@cedros.example');
    expect(slugs(await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: s.headers }))).toEqual([
      'cedros',
    ]);
    const cedros = json(
      await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs/cedros', headers: s.headers }),
    );
    expect(cedros).toMatchObject({
      slug: 'cedros',
      kind: 'cooperative',
      country: 'PE',
      currency: 'PEN',
      timeZone: 'America/Lima',
      myRoles: ['manager'],
    });
    for (const url of [
      '/api/v1/orgs/jumarp',
      '/api/v1/orgs/jumarp/users',
      '/api/v1/orgs/jumarp/grants',
      '/api/v1/orgs/jumarp/audit',
      '/api/v1/orgs/jumarp/tokens',
    ]) {
      const res = await ctx.http.inject({ method: 'GET', url, headers: s.headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('JUMARP —');
    }
    // An organization that does not exist and one that is not yours answer the same.
    const ghost = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/orgs/no-such-coop',
      headers: s.headers,
    });
    expect(json(ghost).code).toBe(
      json(await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs/jumarp', headers: s.headers })).code,
    );
  });

  it('a central sees the cooperatives that granted it data, with the areas, and nothing once revoked', async () => {
    const central = await signIn(ctx.http, 'manager@cocla.example');
    const list = await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: central.headers });
    expect(slugs(list)).toEqual(['cocla', 'el-milagro', 'gallito-de-las-rocas', 'union-y-fe']);
    const milagro = json(list).items.find((o: { slug: string }) => o.slug === 'el-milagro');
    expect(milagro).toMatchObject({
      access: 'grantee',
      myRoles: [],
      grantedAreas: ['accounts', 'collection', 'governance', 'lots', 'members'],
    });

    // The program sees the northern cooperatives, and JUMARP only through its grant.
    const program = await signIn(ctx.http, 'viewer@cafe-selva-norte.example');
    expect(
      slugs(await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: program.headers })),
    ).toContain('jumarp');

    const coopAdmin = await signIn(ctx.http, 'admin@el-milagro.example');
    const grants = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/el-milagro/grants',
        headers: coopAdmin.headers,
      }),
    );
    expect(grants.given).toHaveLength(5);
    expect(grants.given[0]).toMatchObject({
      grantorSlug: 'el-milagro',
      granteeSlug: 'cocla',
      grantedByEmail: 'admin@el-milagro.example',
      revokedAt: null,
    });
    for (const grant of grants.given) {
      const res = await ctx.http.inject({
        method: 'POST',
        url: `/api/v1/orgs/el-milagro/grants/${grant.id}/revoke`,
        headers: coopAdmin.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(json(res).revokedAt).not.toBeNull();
    }
    expect(
      slugs(await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs', headers: central.headers })),
    ).not.toContain('el-milagro');
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs/el-milagro', headers: central.headers }))
        .statusCode,
    ).toBe(404);

    // Consent again: the central sees it again; the record keeps both grants.
    const again = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/el-milagro/grants',
      headers: coopAdmin.headers,
      payload: { id: '01900000-0000-7000-8000-00000000b001', granteeSlug: 'cocla', area: 'members' },
    });
    expect(again.statusCode).toBe(201);
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs/el-milagro', headers: central.headers }))
        .statusCode,
    ).toBe(200);
    const history = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/el-milagro/grants',
        headers: coopAdmin.headers,
      }),
    );
    expect(history.given).toHaveLength(6);
  });

  it('only a cooperative grants, and only to a central or program', async () => {
    const buyerAdmin = await signIn(ctx.http, 'admin@cedros.example');
    const toBuyer = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/cedros/grants',
      headers: buyerAdmin.headers,
      payload: { id: '01900000-0000-7000-8000-00000000b002', granteeSlug: 'demo-roasters', area: 'members' },
    });
    expect(toBuyer.statusCode).toBe(400);
    expect(json(toBuyer).errors[0].path).toBe('granteeSlug');
  });
});

describe('idempotent creates', () => {
  const body = {
    id: '01900000-0000-7000-8000-00000000c001',
    slug: 'la-florida',
    name: 'Cooperativa La Florida',
    kind: 'cooperative',
    country: 'PE',
  };

  it('the same id and body give the first result; another body with that id is a 409', async () => {
    const admin = await signIn(ctx.http, 'admin@ayni.example');
    const first = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const again = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: body,
    });
    expect(again.statusCode).toBe(201);
    expect(json(again)).toEqual(json(first));
    const other = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { ...body, name: 'Otra' },
    });
    expect(other.statusCode).toBe(409);
    expect(json(other).code).toBe('idempotency.mismatch');
    const count = await ctx.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('slug', '=', 'la-florida')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const otherId = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { ...body, id: '01900000-0000-7000-8000-00000000c002' },
    });
    expect(otherId.statusCode).toBe(409);
    expect(json(otherId).code).toBe('org.slug_taken');
  });

  it('concurrent repeats of one create write it once', async () => {
    const admin = await signIn(ctx.http, 'admin@ayni.example');
    const payload = { ...body, id: '01900000-0000-7000-8000-00000000c003', slug: 'san-juan' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        ctx.http.inject({ method: 'POST', url: '/api/v1/orgs', headers: admin.headers, payload }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const events = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', payload.id)
      .execute();
    expect(events).toEqual([{ action: 'org.create' }]);
  });
});

describe('people and roles', () => {
  it('an admin gives a role to a new person, who can then sign in; a role that does not fit the kind is refused', async () => {
    const admin = await signIn(ctx.http, 'admin@selva-andina.example');
    const add = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/selva-andina/users',
      headers: admin.headers,
      payload: { email: 'Rosa.Quispe@selva-andina.example', role: 'cashier', password: 'caja-2026-norte' },
    });
    expect(add.statusCode).toBe(201);
    expect(json(add)).toMatchObject({
      email: 'rosa.quispe@selva-andina.example',
      createdUser: true,
      addedRole: true,
    });
    const same = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/selva-andina/users',
      headers: admin.headers,
      payload: { email: 'rosa.quispe@selva-andina.example', role: 'cashier' },
    });
    expect(same.statusCode).toBe(200);
    expect(json(same).addedRole).toBe(false);
    await signIn(ctx.http, 'rosa.quispe@selva-andina.example', 'caja-2026-norte');

    const buyerAdmin = await signIn(ctx.http, 'admin@demo-roasters.example');
    const misfit = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/demo-roasters/users',
      headers: { ...buyerAdmin.headers, 'accept-language': 'en' },
      payload: { email: 'x@demo-roasters.example', role: 'cashier', password: 'long-enough-1' },
    });
    expect(misfit.statusCode).toBe(400);
    expect(json(misfit).detail).toContain('cashier');
  });

  it('the last admin of an organization cannot be removed', async () => {
    const admin = await signIn(ctx.http, 'admin@origin-coffee.example');
    const me = json(await ctx.http.inject({ method: 'GET', url: '/api/v1/me', headers: admin.headers }));
    const res = await ctx.http.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/origin-coffee/users/${me.id}/roles/admin`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(json(res).code).toBe('org.last_admin');
  });
});

describe('audit trail', () => {
  it('records every write with actor, and the chain verifies; a tampered event is named', async () => {
    const admin = await signIn(ctx.http, 'admin@union-y-fe.example');
    await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/union-y-fe',
      headers: admin.headers,
      payload: { district: 'Santa Teresa' },
    });
    const oversight = await signIn(ctx.http, 'oversight@union-y-fe.example');
    const page = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/audit?limit=3',
        headers: oversight.headers,
      }),
    );
    expect(page.items[0]).toMatchObject({
      action: 'org.update',
      actor: 'admin@union-y-fe.example',
      entityType: 'organization',
    });
    const verdict = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/audit/verify',
        headers: oversight.headers,
      }),
    );
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.events).toBeGreaterThan(5);

    const cashier = await signIn(ctx.http, 'cashier@union-y-fe.example');
    expect(
      (
        await ctx.http.inject({
          method: 'GET',
          url: '/api/v1/orgs/union-y-fe/audit',
          headers: cashier.headers,
        })
      ).statusCode,
    ).toBe(403);

    // The database refuses to change an event…
    const orgId = (
      await ctx.db
        .selectFrom('organizations')
        .select('org_id')
        .where('slug', '=', 'union-y-fe')
        .executeTakeFirstOrThrow()
    ).org_id;
    await expect(
      sql`UPDATE audit_events SET action = 'x' WHERE org_id = ${orgId} AND seq = 3`.execute(ctx.db),
    ).rejects.toThrow(/append-only/);
    // …and someone who bypasses it (a superuser disabling the trigger) is caught by the chain.
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(ctx.db);
    await sql`UPDATE audit_events SET actor_label = 'someone else' WHERE org_id = ${orgId} AND seq = 3`.execute(
      ctx.db,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(ctx.db);
    expect(await verifyAuditChain(ctx.db, orgId)).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'hash_mismatch' },
    });
  });
});
