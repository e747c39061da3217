import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/orgs/actor.js';
import { createTestContext, signIn, type TestContext } from '../harness/context.js';

/**
 * The consent mechanism later modules call: `authorizeArea` lets a central or program read exactly the
 * areas a cooperative granted, and a cooperative's own people read by role.
 */
let ctx: TestContext;
const actors = new Map<string, Actor>();

beforeAll(async () => {
  ctx = await createTestContext();
  for (const email of [
    'manager@cocla.example',
    'viewer@cafe-selva-norte.example',
    'cashier@el-milagro.example',
    'manager@cedros.example',
    'admin@ayni.example',
  ]) {
    const session = await signIn(ctx.http, email);
    const secret = session.cookie.split('=')[1]!;
    actors.set(email, (await ctx.services.auth.actorFromSession(secret))!);
  }
});
afterAll(() => ctx.close());

const read = (
  email: string,
  slug: string,
  area: Parameters<TestContext['services']['orgs']['authorizeArea']>[3],
) => ctx.services.orgs.authorizeArea(ctx.db, actors.get(email)!, slug, area, ['manager', 'accountant']);

describe('data areas', () => {
  it('a central reads only the areas granted to it', async () => {
    await expect(read('manager@cocla.example', 'el-milagro', 'collection')).resolves.toMatchObject({
      via: 'grantee',
    });
    await expect(read('manager@cocla.example', 'el-milagro', 'training')).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(read('manager@cocla.example', 'cedros', 'members')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('a program reads training from Unión y Fe, which granted it, and nothing else there', async () => {
    await expect(read('viewer@cafe-selva-norte.example', 'union-y-fe', 'training')).resolves.toMatchObject({
      via: 'grantee',
      areas: ['training'],
    });
    await expect(read('viewer@cafe-selva-norte.example', 'union-y-fe', 'members')).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('a cooperative’s own people read by the roles the module allows', async () => {
    await expect(read('manager@cedros.example', 'cedros', 'accounts')).resolves.toMatchObject({
      via: 'member',
      roles: ['manager'],
    });
    await expect(read('cashier@el-milagro.example', 'el-milagro', 'accounts')).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(read('admin@ayni.example', 'jumarp', 'accounts')).resolves.toMatchObject({
      via: 'platform',
    });
  });
});
