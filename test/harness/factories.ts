import { createHash } from 'node:crypto';
import type { Services } from '../../src/app.js';
import { type Actor, personActor, systemActor } from '../../src/orgs/actor.js';
import { type DataArea, type OrgKind, ROLES_BY_KIND, type Role } from '../../src/orgs/permissions.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { DEMO_PASSWORD } from './constants.js';

/**
 * Factories: the organizations, people, members, collection points, prices and weigh tickets a test
 * needs, made through the real services (so every rule and audit event applies) with ids derived from
 * names, so a test says what it builds instead of leaning on the demo's names and hand-picked id ranges.
 *
 * @example
 * const make = factories(ctx.services); // or `ctx.make`, from createTestContext
 * const coop = await make.cooperative({ slug: 'ledger-coop', roles: ['manager', 'cashier'] });
 * const [ana] = await make.members(coop, 1);
 * const point = await make.collectionPoint(coop);
 * await make.priceSchedule(coop);
 * const ticket = await make.weighTicket(coop, { point, member: ana! });
 * const manager = await signIn(ctx.http, coop.staff.manager!.email);
 *
 * The test database is a copy of the demo template, so the demo is still there: factory slugs and emails
 * (`<role>@<slug>.test`) never collide with it.
 */

/**
 * A stable UUIDv7 for the test record named `name`: the same name gives the same id in every run and
 * on both engines, and a new name never collides with the demo's or the services' ids.
 * @example testId('member:ledger-coop:0001')
 */
export function testId(name: string): string {
  const digest = createHash('sha256').update(`ayni-test:${name}`).digest();
  return uuidv7(Date.UTC(2025, 5, 1), digest.subarray(0, 10));
}

export interface StaffUser {
  userId: string;
  email: string;
  role: Role;
  /** The person acting outside a web session, for calling services directly. */
  actor: Actor;
}

export interface TestOrg {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  currency: string;
  /** One user per role asked for, with the password `DEMO_PASSWORD` (so `signIn` works unchanged). */
  staff: Partial<Record<Role, StaffUser>>;
  /** The actor of the staff user with `role`; throws if the organization was made without one. */
  as(role: Role): Actor;
}

export interface TestMember {
  id: string;
  memberNumber: string;
  givenNames: string;
  familyNames: string;
  status: string;
}

export interface TestPoint {
  id: string;
  code: string;
  name: string;
}

type MemberInput = Parameters<Services['members']['createMember']>[2];
type ScheduleInput = Parameters<Services['collection']['createSchedule']>[2];
type TicketInput = Parameters<Services['collection']['createTicket']>[2];
export type TestTicket = Awaited<ReturnType<Services['collection']['createTicket']>>;

export interface OrganizationOptions {
  /** Unique in the database; defaults to `<kind>-<n>` in the order this factory made them. */
  slug?: string;
  kind?: OrgKind;
  name?: string;
  country?: string;
  locale?: 'es' | 'en';
  /** Staff to create, one user per role (default: every role of the kind but `member`). */
  roles?: readonly Role[];
}

/** Given and family names, picked by index so members read like people in failure messages. */
const GIVEN = ['Ana', 'Bruno', 'Carmen', 'Dionisio', 'Elena', 'Fausto', 'Gloria', 'Hugo', 'Inés', 'Julián'];
const FAMILY = ['Quispe Mamani', 'Huamán Torres', 'Flores Ccori', 'Rojas Salas', 'Chávez Vilca'];

export function factories(services: Services) {
  const system = systemActor('test factory');
  const made = new Map<OrgKind, number>();
  const memberCount = new Map<string, number>();
  const ticketCount = new Map<string, number>();

  function nextSlug(kind: OrgKind) {
    const n = (made.get(kind) ?? 0) + 1;
    made.set(kind, n);
    return `${kind}-${n}`;
  }

  /** An organization with one staff user per role; the platform creates it, as `ayni org create` does. */
  async function organization(options: OrganizationOptions = {}): Promise<TestOrg> {
    const kind = options.kind ?? 'cooperative';
    const slug = options.slug ?? nextSlug(kind);
    const org = await services.orgs.createOrg(system, {
      id: testId(`org:${slug}`),
      slug,
      name: options.name ?? `Test ${kind} ${slug}`,
      kind,
      country: options.country ?? 'PE',
      ...(options.locale && { locale: options.locale }),
    });
    const roles = options.roles ?? ROLES_BY_KIND[kind].filter((r) => r !== 'member');
    // argon2 runs on the thread pool: the staff's passwords are hashed side by side.
    const users = await Promise.all(
      roles.map(async (role): Promise<StaffUser> => {
        const email = `${role}@${slug}.test`;
        const { userId } = await services.orgs.addUserRole(system, slug, {
          email,
          role,
          displayName: `${role} ${slug} (test)`,
          password: DEMO_PASSWORD,
        });
        return { userId, email, role, actor: personActor(userId, email) };
      }),
    );
    const staff = Object.fromEntries(users.map((u) => [u.role, u])) as TestOrg['staff'];
    return {
      id: org.id,
      slug,
      name: org.name,
      kind,
      currency: org.currency,
      staff,
      as(role) {
        const user = staff[role];
        if (!user) throw new Error(`${slug} was made without a ${role}: pass roles: ['${role}', …]`);
        return user.actor;
      },
    };
  }

  /** A cooperative: the organization that has members, collection and accounts. */
  const cooperative = (options: Omit<OrganizationOptions, 'kind'> = {}) =>
    organization({ ...options, kind: 'cooperative' });

  /** A member, numbered 0001, 0002… in the order made in this organization; active unless said. */
  async function member(org: TestOrg, overrides: Partial<MemberInput> = {}): Promise<TestMember> {
    const n = (memberCount.get(org.slug) ?? 0) + 1;
    memberCount.set(org.slug, n);
    const memberNumber = overrides.memberNumber ?? String(n).padStart(4, '0');
    const created = await services.members.createMember(system, org.slug, {
      id: testId(`member:${org.slug}:${memberNumber}`),
      memberNumber,
      status: 'active',
      givenNames: GIVEN[(n - 1) % GIVEN.length]!,
      familyNames: FAMILY[(n - 1) % FAMILY.length]!,
      joinDate: '2020-01-15',
      ...overrides,
    });
    return {
      id: created.id,
      memberNumber: created.memberNumber,
      givenNames: created.givenNames,
      familyNames: created.familyNames,
      status: created.status,
    };
  }

  /** `count` members, one after the other (numbers in order). */
  async function members(org: TestOrg, count: number, overrides: Partial<MemberInput> = {}) {
    const list: TestMember[] = [];
    for (let i = 0; i < count; i++) list.push(await member(org, overrides));
    return list;
  }

  /** A collection point; its cashiers (by role) are assigned to it when the organization has one. */
  async function collectionPoint(
    org: TestOrg,
    options: { code?: string; name?: string; assignCashier?: boolean } = {},
  ): Promise<TestPoint> {
    const code = options.code ?? 'CEN';
    const name = options.name ?? `Centro de acopio ${code} (test)`;
    const point = await services.collection.createPoint(system, org.slug, {
      id: testId(`point:${org.slug}:${code}`),
      code,
      name,
    });
    const cashier = org.staff.cashier;
    if (cashier && options.assignCashier !== false)
      await services.collection.assignCashier(system, org.slug, code, cashier.email);
    return { id: point.id, code: point.code, name: point.name };
  }

  /**
   * A price schedule: by default dry parchment, conventional, S/ 10.00 per kg from 2026-01-01 with
   * moisture referred to 12 % and no yield, cup or certification terms, so values are easy to check.
   */
  async function priceSchedule(org: TestOrg, overrides: Partial<ScheduleInput> = {}) {
    const input: ScheduleInput = {
      id: '',
      effectiveFrom: '2026-01-01',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
      basePricePerKg: '10.00',
      moistureReferencePercent: '12',
      ...overrides,
    };
    input.id =
      overrides.id ??
      testId(`schedule:${org.slug}:${input.coffeeState}:${input.certificationClass}:${input.effectiveFrom}`);
    return services.collection.createSchedule(system, org.slug, input);
  }

  /**
   * A weigh ticket recorded at the desk (priced, posted to the member's account), by the cashier when
   * the organization has one. By default 2 sacks, 92 kg gross, 1.5 kg tare, 12 % moisture, delivered
   * now by the test clock.
   */
  async function weighTicket(
    org: TestOrg,
    ticket: { point: TestPoint; member: TestMember } & Partial<TicketInput>,
  ): Promise<TestTicket> {
    const { point, member: who, ...overrides } = ticket;
    const n = (ticketCount.get(org.slug) ?? 0) + 1;
    ticketCount.set(org.slug, n);
    return services.collection.createTicket(org.staff.cashier?.actor ?? system, org.slug, {
      id: testId(`ticket:${org.slug}:${n}`),
      pointCode: point.code,
      memberNumber: who.memberNumber,
      deliveredAt: services.deps.clock.now().toISOString(),
      sacks: 2,
      grossKg: '92.000',
      tareKg: '1.500',
      moisturePercent: '12',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
      ...overrides,
    });
  }

  /** The grantor's admin shares `areas` with the grantee (a central or a program). */
  async function grant(grantor: TestOrg, grantee: TestOrg, areas: readonly DataArea[]) {
    for (const area of areas)
      await services.orgs.createGrant(grantor.as('admin'), grantor.slug, {
        id: testId(`grant:${grantor.slug}:${grantee.slug}:${area}`),
        granteeSlug: grantee.slug,
        area,
      });
  }

  /** A platform administrator (not a member of any organization). */
  async function platformAdmin(email = 'platform-admin@ayni.test'): Promise<StaffUser & { role: 'admin' }> {
    const { userId } = await services.orgs.createUser(system, {
      email,
      displayName: 'Platform administrator (test)',
      password: DEMO_PASSWORD,
      isPlatformAdmin: true,
    });
    return {
      userId,
      email,
      role: 'admin',
      actor: { kind: 'user', userId, email, isPlatformAdmin: true },
    };
  }

  return {
    organization,
    cooperative,
    member,
    members,
    collectionPoint,
    priceSchedule,
    weighTicket,
    grant,
    platformAdmin,
  };
}

export type Factories = ReturnType<typeof factories>;
