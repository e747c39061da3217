import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/orgs/actor.js';
import { createTestContext, signIn, type TestContext } from '../harness/context.js';
import type { TestOrg } from '../harness/factories.js';

/**
 * The consent mechanism later modules call: `authorizeArea` lets a central or program read exactly the
 * areas a cooperative granted, and a cooperative's own people read by role.
 */
let ctx: TestContext;
const actors = new Map<string, Actor>();
let central: TestOrg;
let program: TestOrg;
/** Shares collection and accounts with the central. */
let south: TestOrg;
/** Shares training with the program, nothing with the central. */
let north: TestOrg;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { make } = ctx;
  central = await make.organization({ kind: 'central', slug: 'central', roles: ['manager'] });
  program = await make.organization({ kind: 'program', slug: 'program', roles: ['viewer'] });
  south = await make.cooperative({ slug: 'south', roles: ['admin', 'cashier'] });
  north = await make.cooperative({ slug: 'north', roles: ['admin', 'manager'] });
  await make.grant(south, central, ['collection', 'accounts']);
  await make.grant(north, program, ['training']);
  admin = (await make.platformAdmin()).email;
  // Each person as the API sees them after signing in.
  for (const email of [
    central.staff.manager!.email,
    program.staff.viewer!.email,
    south.staff.cashier!.email,
    north.staff.manager!.email,
    admin,
  ]) {
    const session = await signIn(ctx.http, email);
    const secret = session.cookie.split('=')[1]!;
    actors.set(email, (await ctx.services.auth.actorFromSession(secret))!);
  }
});
afterAll(() => ctx.close());

const read = (
  email: string,
  { slug }: TestOrg,
  area: Parameters<TestContext['services']['orgs']['authorizeArea']>[3],
) => ctx.services.orgs.authorizeArea(ctx.db, actors.get(email)!, slug, area, ['manager', 'accountant']);

describe('data areas', () => {
  it('a central reads only the areas granted to it', async () => {
    const manager = central.staff.manager!.email;
    await expect(read(manager, south, 'collection')).resolves.toMatchObject({
      via: 'grantee',
      areas: ['accounts', 'collection'],
    });
    await expect(read(manager, south, 'training')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(read(manager, north, 'members')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a program reads training from the cooperative that granted it, and nothing else there', async () => {
    const viewer = program.staff.viewer!.email;
    await expect(read(viewer, north, 'training')).resolves.toMatchObject({
      via: 'grantee',
      areas: ['training'],
    });
    await expect(read(viewer, north, 'members')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(read(viewer, south, 'training')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a cooperative’s own people read by the roles the module allows', async () => {
    await expect(read(north.staff.manager!.email, north, 'accounts')).resolves.toMatchObject({
      via: 'member',
      roles: ['manager'],
    });
    await expect(read(south.staff.cashier!.email, south, 'accounts')).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(read(admin, south, 'accounts')).resolves.toMatchObject({ via: 'platform' });
  });
});
