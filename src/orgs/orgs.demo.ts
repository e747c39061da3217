import { createHash } from 'node:crypto';
import type { DemoPart } from '../demo/demo.js';
import { uuidv7 } from '../platform/ids.js';
import { personActor, systemActor } from './actor.js';
import type { CreateOrgInput } from './orgs.service.js';
import { type DataArea, ROLES_BY_KIND } from './permissions.js';

/**
 * Demo organizations: the central COCLA (Quillabamba), eight cooperatives placed in Peru's north
 * (Jaén, San Ignacio, Amazonas) and south (La Convención, Cusco), a program that follows them and one
 * buyer. Names of real organizations are used as labels only; every person and number is fictitious.
 */

type DemoOrg = Omit<CreateOrgInput, 'id' | 'isDemo'>;

const pe = { country: 'PE', locale: 'es' as const };

export const DEMO_ORGS: DemoOrg[] = [
  {
    slug: 'cocla',
    name: 'COCLA — Central de Cooperativas Agrarias Cafetaleras (demo)',
    kind: 'central',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cusco',
    province: 'La Convención',
    district: 'Santa Ana',
  },
  {
    slug: 'cecafe',
    name: 'Cooperativa Agraria Cafetalera CECAFE (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cajamarca',
    province: 'Jaén',
    district: 'Jaén',
  },
  {
    slug: 'cedros',
    name: 'CEDROS — Cooperativa de Servicios Múltiples Cedros Café (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cajamarca',
    province: 'Jaén',
    district: 'Huabal',
  },
  {
    slug: 'el-milagro',
    name: 'Cooperativa Agraria Cafetalera El Milagro (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cusco',
    province: 'La Convención',
    district: 'Echarati',
  },
  {
    slug: 'gallito-de-las-rocas',
    name: 'Cooperativa Agraria Gallito de las Rocas (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cusco',
    province: 'La Convención',
    district: 'Huayopata',
  },
  {
    slug: 'union-y-fe',
    name: 'Cooperativa Agraria Cafetalera Unión y Fe (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cusco',
    province: 'La Convención',
    district: 'Maranura',
  },
  {
    slug: 'jumarp',
    name: 'JUMARP — Cooperativa Agraria Cafetalera (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cajamarca',
    province: 'San Ignacio',
    district: 'San José de Lourdes',
  },
  {
    slug: 'selva-andina',
    name: 'Cooperativa Agraria Selva Andina (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'qq-pe',
    region: 'Cajamarca',
    province: 'Jaén',
    district: 'Chontalí',
  },
  {
    slug: 'origin-coffee',
    name: 'Cooperativa Origin Coffee (demo)',
    kind: 'cooperative',
    ...pe,
    displayMassUnit: 'kg',
    region: 'Amazonas',
    province: 'Utcubamba',
    district: 'Lonya Grande',
  },
  {
    slug: 'cafe-selva-norte',
    name: 'Programa Café Selva Norte (demo)',
    kind: 'program',
    ...pe,
    displayMassUnit: 'kg',
    region: 'Cajamarca',
    province: 'Jaén',
    district: 'Jaén',
  },
  {
    slug: 'demo-roasters',
    name: 'Demo Roasters GmbH (demo buyer)',
    kind: 'buyer',
    country: 'DE',
    locale: 'en',
    displayMassUnit: 'bag-69',
    region: 'Hamburg',
    province: null,
    district: null,
  },
];

const SOUTH = ['el-milagro', 'gallito-de-las-rocas', 'union-y-fe'];
const NORTH = ['cecafe', 'cedros', 'jumarp', 'selva-andina', 'origin-coffee'];

/** Who shares what with whom: COCLA's member cooperatives with COCLA, the northern ones with the program. */
export const DEMO_GRANTS: { grantor: string; grantee: string; areas: DataArea[] }[] = [
  ...SOUTH.map((grantor) => ({
    grantor,
    grantee: 'cocla',
    areas: ['members', 'collection', 'accounts', 'governance', 'lots'] as DataArea[],
  })),
  ...NORTH.map((grantor) => ({
    grantor,
    grantee: 'cafe-selva-norte',
    areas: ['members', 'governance', 'training'] as DataArea[],
  })),
  { grantor: 'union-y-fe', grantee: 'cafe-selva-norte', areas: ['training'] },
];

/** Stable ids for demo records, so a demo loaded twice on two machines has the same ids. */
export function demoId(name: string): string {
  const digest = createHash('sha256').update(`ayni-demo:${name}`).digest();
  return uuidv7(Date.UTC(2025, 0, 1), digest.subarray(0, 10));
}

export const orgsDemo: DemoPart = {
  name: 'organizations, people and data-sharing consents',
  async load(ctx) {
    const { orgs } = ctx.services;
    const system = systemActor('demo');
    for (const org of DEMO_ORGS) {
      const created = await orgs.createOrg(system, { ...org, id: demoId(`org:${org.slug}`), isDemo: true });
      ctx.orgIds.set(org.slug, created.id);
    }
    await orgs.createUser(system, {
      email: 'admin@ayni.example',
      displayName: 'Administración de la plataforma (demo)',
      password: ctx.password,
      isPlatformAdmin: true,
    });

    const people = DEMO_ORGS.flatMap((org) =>
      ROLES_BY_KIND[org.kind].map((role) => ({ slug: org.slug, role })),
    );
    ctx.progress(`demo: ${people.length} demo users (password ${ctx.password})`);
    // argon2 runs on the thread pool: hash a few at a time rather than one by one.
    for (let i = 0; i < people.length; i += 8) {
      await Promise.all(
        people.slice(i, i + 8).map(async ({ slug, role }) => {
          const email = `${role}@${slug}.example`;
          const result = await orgs.addUserRole(system, slug, {
            email,
            role,
            displayName: `${role} ${slug} (demo)`,
            password: ctx.password,
          });
          ctx.userIds.set(email, result.userId);
        }),
      );
    }

    for (const grant of DEMO_GRANTS) {
      const adminEmail = `admin@${grant.grantor}.example`;
      const actor = personActor(ctx.userIds.get(adminEmail)!, adminEmail);
      for (const area of grant.areas) {
        await orgs.createGrant(actor, grant.grantor, {
          id: demoId(`grant:${grant.grantor}:${grant.grantee}:${area}`),
          granteeSlug: grant.grantee,
          area,
        });
      }
    }
  },
};
