import type { DemoPart } from '../demo/demo.js';
import { prng } from '../demo/random.js';
import { demoId, systemActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { addDays, todayIn } from '../platform/dates.js';
import { inTransaction } from '../platform/db/transaction.js';
import { validatePlotGeometry } from './geo.js';
import * as q from './members.queries.js';
import { normalizeForSearch } from './members.service.js';
import { plotFlags } from './plots.service.js';

/**
 * Demo members: about 5,000 fictitious people across the eight demo cooperatives, with plots as points
 * and polygons around each cooperative's district, certifications and internal inspections. Written in
 * bulk (one audit event per cooperative) so the first start stays quick.
 */

const FEMALE = [
  'María',
  'Rosa',
  'Juana',
  'Carmen',
  'Elena',
  'Lucía',
  'Marleni',
  'Yolanda',
  'Nélida',
  'Flor',
  'Gladys',
  'Sonia',
  'Hilda',
  'Irma',
  'Edith',
  'Luz',
  'Rocío',
  'Maribel',
  'Teodora',
  'Felícita',
];
const MALE = [
  'José',
  'Juan',
  'Luis',
  'Carlos',
  'Segundo',
  'Manuel',
  'Wilmer',
  'Edilberto',
  'Santos',
  'Eladio',
  'Hermógenes',
  'Víctor',
  'Teófilo',
  'Julio',
  'Alcides',
  'Néstor',
  'Aurelio',
  'Fortunato',
  'Isidro',
  'Walter',
];
const FAMILY = [
  'Quispe',
  'Huamán',
  'Mamani',
  'Flores',
  'Chávez',
  'Ramírez',
  'Torres',
  'Sánchez',
  'Díaz',
  'Vásquez',
  'Fernández',
  'Cruz',
  'Rojas',
  'Guevara',
  'Tineo',
  'Delgado',
  'Campos',
  'Córdova',
  'Condori',
  'Puma',
  'Yupanqui',
  'Huillca',
  'Ccorimanya',
  'Alarcón',
  'Carrasco',
  'Paucar',
  'Cabrera',
  'Herrera',
  'Villanueva',
  'Nuñez',
];
const VARIETIES = [
  'Typica',
  'Caturra',
  'Catimor',
  'Bourbon',
  'Pache',
  'Geisha',
  'Marsellesa',
  'Costa Rica 95',
  'Catuaí',
];

interface DemoCoop {
  slug: string;
  members: number;
  center: [number, number];
  communities: string[];
}

export const DEMO_COOPS: DemoCoop[] = [
  {
    slug: 'cecafe',
    members: 640,
    center: [-78.81, -5.71],
    communities: ['Shumba Alto', 'La Cascarilla', 'Santa Rosa', 'Fila Alta', 'San Agustín', 'El Huayco'],
  },
  {
    slug: 'cedros',
    members: 310,
    center: [-78.9, -5.61],
    communities: ['Huabal', 'La Palma', 'Nuevo Progreso', 'El Triunfo', 'Alto Tabaconas'],
  },
  {
    slug: 'el-milagro',
    members: 720,
    center: [-72.58, -12.77],
    communities: ['Echarati', 'Koribeni', 'Kiteni', 'Palma Real', 'Chahuares', 'Ivochote'],
  },
  {
    slug: 'gallito-de-las-rocas',
    members: 480,
    center: [-72.55, -13.0],
    communities: ['Huyro', 'Amaybamba', 'Santa María', 'Incatambo', 'Alfamayo'],
  },
  {
    slug: 'union-y-fe',
    members: 560,
    center: [-72.66, -12.96],
    communities: ['Maranura', 'Chaupimayo', 'Sicre', 'Pintobamba', 'Ccochapampa'],
  },
  {
    slug: 'jumarp',
    members: 780,
    center: [-78.92, -5.1],
    communities: [
      'San José de Lourdes',
      'Nueva Esperanza',
      'Estrella del Oriente',
      'Chaupe',
      'Flor de la Frontera',
      'Las Pirias',
    ],
  },
  {
    slug: 'selva-andina',
    members: 620,
    center: [-79.09, -5.64],
    communities: ['Chontalí', 'Pampa Hermosa', 'El Paraíso', 'Nuevo Mundo', 'La Lima'],
  },
  {
    slug: 'origin-coffee',
    members: 890,
    center: [-78.42, -6.09],
    communities: ['Lonya Grande', 'Nuevo Paraíso', 'Alto Perú', 'Ocalli', 'Cumba', 'Miraflores'],
  },
];

/** A rough pentagon of about `areaM2` around a centre; ~111 320 m per degree, shrunk by cos(lat) in longitude. */
function polygonAround(
  [lon, lat]: [number, number],
  areaM2: number,
  rand: ReturnType<typeof prng>,
): [number, number][] {
  const radius = Math.sqrt(areaM2 / (2.5 * Math.sin((2 * Math.PI) / 5)));
  const ring: [number, number][] = [];
  for (let i = 0; i < 5; i++) {
    const angle = (i * 2 * Math.PI) / 5 + rand.next() * 0.3;
    const r = radius * (0.9 + rand.next() * 0.2);
    const dLat = (r * Math.sin(angle)) / 111_320;
    const dLon = (r * Math.cos(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
    ring.push([Number((lon + dLon).toFixed(6)), Number((lat + dLat).toFixed(6))]);
  }
  ring.push(ring[0]!);
  return ring;
}

export const membersDemo: DemoPart = {
  name: 'members, plots, certifications and inspections (about 5,000 fictitious members)',
  async load(ctx) {
    const { db, clock } = ctx.services.deps;
    const actor = systemActor('demo');
    for (const [coopIndex, coop] of DEMO_COOPS.entries()) {
      const orgId = ctx.orgIds.get(coop.slug)!;
      const rand = prng(1000 + coopIndex);
      const today = todayIn('America/Lima', clock.now());
      const thisYear = Number(today.slice(0, 4));
      const at = clock.now();
      const members: Parameters<typeof q.insertMembersBulk>[1] = [];
      const changes: Parameters<typeof q.insertStatusChangesBulk>[1] = [];
      const plots: Parameters<typeof q.insertPlotsBulk>[1] = [];
      const certs: Parameters<typeof q.insertCertificationsBulk>[1] = [];
      const inspections: Parameters<typeof q.insertInspectionsBulk>[1] = [];
      const gridSide = Math.ceil(Math.sqrt(coop.members * 3));

      for (let i = 1; i <= coop.members; i++) {
        const memberId = demoId(`member:${coop.slug}:${i}`);
        const memberNumber = String(i).padStart(4, '0');
        const female = rand.chance(0.27);
        const givenNames = rand.pick(female ? FEMALE : MALE);
        const familyNames = `${rand.pick(FAMILY)} ${rand.pick(FAMILY)}`;
        const age = rand.int(19, 82);
        const birthDate = `${thisYear - age}-${String(rand.int(1, 12)).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`;
        const joinYear = Math.max(thisYear - age + 18, rand.int(1995, thisYear));
        const joinDate = `${joinYear}-${String(rand.int(1, 12)).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`;
        // Member 0001 is the one the demo member user signs in as: in good standing, so they can vote.
        const linked = i === 1;
        const safeJoin = linked
          ? `${Math.max(thisYear - age + 18, thisYear - 8)}-03-15`
          : joinDate > today
            ? addDays(today, -30)
            : joinDate;
        const roll = rand.next();
        const recent = !linked && safeJoin > addDays(today, -120);
        const status = linked
          ? 'active'
          : recent
            ? 'applicant'
            : roll < 0.86
              ? 'active'
              : roll < 0.9
                ? 'suspended'
                : roll < 0.99
                  ? 'withdrawn'
                  : 'deceased';
        const nationalId = String(40_000_000 + coopIndex * 1_000_000 + i * 37).padStart(8, '0');
        const community = rand.pick(coop.communities);
        const subscribed = 50_000;
        members.push({
          org_id: orgId,
          member_id: memberId,
          member_number: memberNumber,
          given_names: givenNames,
          family_names: familyNames,
          national_id_type: 'dni',
          national_id: nationalId,
          sex: female ? 'female' : 'male',
          birth_date: birthDate,
          phone: `9${String(rand.int(10_000_000, 99_999_999))}`,
          region: coop.center[0] < -75 ? (coop.slug === 'origin-coffee' ? 'Amazonas' : 'Cajamarca') : 'Cusco',
          province: null,
          district: null,
          community,
          household_size: rand.int(1, 8),
          join_date: safeJoin,
          status,
          currency: 'PEN',
          entry_fee_minor: 5_000,
          share_capital_subscribed_minor: subscribed,
          share_capital_paid_minor: rand.chance(0.85) || linked ? subscribed : rand.int(0, 50) * 500,
          payment_method: rand.chance(0.6) ? 'cash' : rand.chance(0.5) ? 'bank' : 'mobile_wallet',
          bank_name: null,
          bank_account: null,
          wallet_phone: null,
          user_id: null,
          search_text: normalizeForSearch(memberNumber, givenNames, familyNames, nationalId),
          created_at: at,
          updated_at: at,
        });
        const change = (from: string | null, to: string, date: string, reason: string) =>
          changes.push({
            org_id: orgId,
            change_id: demoId(`change:${coop.slug}:${i}:${to}`),
            member_id: memberId,
            from_status: from as never,
            to_status: to as never,
            effective_date: date > today ? today : date,
            reason,
            recorded_at: at,
            recorded_by_label: 'demo',
            recorded_by: null,
          });
        change(null, 'applicant', safeJoin, 'Solicitud de ingreso (demo)');
        if (status !== 'applicant') {
          change(
            'applicant',
            'active',
            addDays(safeJoin, 90),
            'Aprobado por el consejo de administración (demo)',
          );
          if (status !== 'active')
            change(
              'active',
              status,
              addDays(today, -rand.int(30, 900)),
              status === 'deceased'
                ? 'Fallecimiento (demo)'
                : status === 'suspended'
                  ? 'Falta de entregas (demo)'
                  : 'Renuncia voluntaria (demo)',
            );
        }

        // Plots on a grid around the district so demo plots never overlap: ~450 m between cells.
        const plotCount = rand.int(1, 3);
        for (let p = 0; p < plotCount; p++) {
          const cell = (i - 1) * 3 + p;
          const centre: [number, number] = [
            coop.center[0] + ((cell % gridSide) - gridSide / 2) * 0.004,
            coop.center[1] + (Math.floor(cell / gridSide) - gridSide / 2) * 0.004,
          ];
          // Smallholders: most plots under 2.5 ha, a few above 4 ha (REFERENCE.md §7, Cenagro 2012)
          const sizeRoll = rand.next();
          const areaM2 =
            sizeRoll < 0.5
              ? rand.int(30, 100) * 100
              : sizeRoll < 0.85
                ? rand.int(100, 250) * 100
                : sizeRoll < 0.97
                  ? rand.int(250, 450) * 100
                  : rand.int(450, 900) * 100;
          const polygon = areaM2 > 40_000 || rand.chance(0.4);
          const geometry = polygon
            ? { type: 'Polygon', coordinates: [polygonAround(centre, areaM2, rand)] }
            : { type: 'Point', coordinates: [Number(centre[0].toFixed(6)), Number(centre[1].toFixed(6))] };
          const verdict = validatePlotGeometry(geometry, { country: 'PE', declaredAreaM2: areaM2 });
          if (!verdict.ok || !verdict.geometry || !verdict.bbox)
            throw new Error(`demo plot invalid: ${JSON.stringify(verdict.errors)}`);
          plots.push({
            org_id: orgId,
            plot_id: demoId(`plot:${coop.slug}:${i}:${p}`),
            member_id: memberId,
            name: p === 0 ? 'Parcela principal' : `Parcela ${p + 1}`,
            declared_area_m2: areaM2,
            geometry: JSON.stringify(verdict.geometry),
            geometry_type: verdict.geometry.type as 'Point' | 'Polygon',
            computed_area_m2: verdict.areaM2 ?? null,
            centroid_lon: verdict.centroid?.[0] ?? null,
            centroid_lat: verdict.centroid?.[1] ?? null,
            min_lon: verdict.bbox[0],
            min_lat: verdict.bbox[1],
            max_lon: verdict.bbox[2],
            max_lat: verdict.bbox[3],
            altitude_m: rand.int(1100, 2100),
            coffee_area_m2: Math.round(areaM2 * (0.6 + rand.next() * 0.35)),
            varieties: [rand.pick(VARIETIES), rand.pick(VARIETIES)].filter(
              (v, k, all) => all.indexOf(v) === k,
            ),
            tree_count: Math.round((areaM2 / 10_000) * rand.int(2500, 5000)),
            planting_year: rand.int(1995, thisYear - 2),
            shade: rand.pick(['full_sun', 'shade', 'agroforestry'] as const),
            tenure: rand.pick(['owned', 'owned', 'owned', 'family', 'communal', 'rented'] as const),
            yearly_estimate_grams: Math.round((areaM2 / 10_000) * rand.int(500, 900)) * 1000,
            flags: plotFlags(verdict.warnings).sort(),
            created_at: at,
            updated_at: at,
          });
        }

        if (status === 'active' || status === 'suspended') {
          if (rand.chance(0.9)) {
            certs.push({
              org_id: orgId,
              certification_id: demoId(`cert:${coop.slug}:${i}:ft`),
              member_id: memberId,
              plot_id: null,
              scheme: 'fairtrade',
              status: 'certified',
              conversion_year: null,
              valid_from: '2024-01-01',
              valid_until: '2027-12-31',
              certificate_ref: `FLO-${coop.slug.toUpperCase()}`,
              created_at: at,
              updated_at: at,
            });
          }
          if (rand.chance(0.6)) {
            const converting = rand.chance(0.15);
            certs.push({
              org_id: orgId,
              certification_id: demoId(`cert:${coop.slug}:${i}:eu`),
              member_id: memberId,
              plot_id: null,
              scheme: 'organic_eu',
              status: status === 'suspended' ? 'suspended' : converting ? 'in_conversion' : 'certified',
              conversion_year: status !== 'suspended' && converting ? rand.int(1, 3) : null,
              valid_from: '2025-01-01',
              valid_until: '2026-12-31',
              certificate_ref: null,
              created_at: at,
              updated_at: at,
            });
            if (rand.chance(0.5)) {
              certs.push({
                org_id: orgId,
                certification_id: demoId(`cert:${coop.slug}:${i}:usda`),
                member_id: memberId,
                plot_id: null,
                scheme: 'organic_usda',
                status: 'certified',
                conversion_year: null,
                valid_from: '2025-01-01',
                valid_until: '2026-12-31',
                certificate_ref: null,
                created_at: at,
                updated_at: at,
              });
            }
            // Inspected 9 to 15 months ago: some are due again.
            const inspectedOn = addDays(today, -rand.int(270, 460));
            const outcome = rand.next();
            inspections.push({
              org_id: orgId,
              inspection_id: demoId(`inspection:${coop.slug}:${i}`),
              member_id: memberId,
              inspected_on: inspectedOn,
              inspector: rand.pick([
                'Ing. Elmer Tocto (demo)',
                'Téc. Rosa Luna (demo)',
                'Téc. Hugo Cusi (demo)',
              ]),
              result: outcome < 0.9 ? 'approved' : outcome < 0.98 ? 'approved_with_conditions' : 'rejected',
              non_conformities: JSON.stringify(
                outcome < 0.9
                  ? []
                  : [
                      {
                        code: 'ORG-4.2',
                        description: 'Envases de agroquímicos en la parcela vecina sin barrera',
                        severity: outcome < 0.98 ? 'minor' : 'major',
                      },
                    ],
              ),
              sanctions: outcome < 0.98 ? null : 'Suspensión de la venta como orgánico por una campaña',
              recorded_at: at,
            });
          }
        }
      }

      await inTransaction(db, async (trx) => {
        await q.insertMembersBulk(trx, members);
        await q.insertStatusChangesBulk(trx, changes);
        await q.insertPlotsBulk(trx, plots);
        await q.insertCertificationsBulk(trx, certs);
        await q.insertInspectionsBulk(trx, inspections);
        await q.insertStandingRule(trx, {
          org_id: orgId,
          rule_id: demoId(`rule:${coop.slug}`),
          effective_from: '2020-01-01',
          min_months_since_joining: 3,
          min_share_capital_paid_bp: 2000,
          exclude_rejected_inspection: false,
          recorded_at: at,
          recorded_by_label: 'demo',
        });
        const memberUser = ctx.userIds.get(`member@${coop.slug}.example`);
        if (memberUser) await q.linkMemberUser(trx, orgId, '0001', memberUser);
        await appendAudit(trx, {
          orgId,
          actor: { userId: null, label: actor.kind === 'system' ? actor.label : 'demo' },
          action: 'demo.members',
          entityType: 'member',
          entityId: `${members.length}`,
          data: {
            members: members.length,
            plots: plots.length,
            certifications: certs.length,
            inspections: inspections.length,
          },
          at,
        });
      });
      ctx.progress(`demo: ${coop.slug}: ${members.length} members, ${plots.length} plots`);
    }
  },
};
