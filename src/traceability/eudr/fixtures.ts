/**
 * Plots laid out in metres and a small shipment, for tests, the demo and the bench: an EUDR package needs
 * believable geometry (plots of a few hectares in Jaén, Cajamarca) without a database. Pure code.
 */
import type { EudrPackageInput, EudrPlotInput, EudrProducerInput } from './types.js';

/** [longitude, latitude] in degrees. */
export type Position2 = [lon: number, lat: number];

/** Chirinos, San Ignacio (Cajamarca, Peru): coffee country, well inside the outline. */
export const CHIRINOS: Position2 = [-78.894213, -5.305127];

const A = 6_378_137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;

/** The position `east` and `north` metres from `origin` (local tangent plane; fine below 10 km). */
export function offset([lon, lat]: Position2, east: number, north: number): Position2 {
  const s = Math.sin(lat * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const meridional = (A * (1 - E2)) / (w * w * w);
  const primeVertical = A / w;
  return [lon + east / (primeVertical * Math.cos(lat * RAD)) / RAD, lat + north / meridional / RAD];
}

/**
 * A closed, counter-clockwise polygon ring around `centre`: `radii.length` vertices at equal angles, each at
 * its own distance (metres). Star-shaped around the centre, so it never crosses itself.
 */
export function ringAround(centre: Position2, radii: readonly number[], turn = 0): Position2[] {
  const ring = radii.map((radius, i) => {
    const angle = turn + (2 * Math.PI * i) / radii.length;
    return offset(centre, radius * Math.cos(angle), radius * Math.sin(angle));
  });
  return [...ring, ring[0] as Position2];
}

export const polygon = (ring: Position2[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
export const point = (at: Position2) => ({ type: 'Point' as const, coordinates: at });

/** A plot with the usual defaults (Chirinos, San Ignacio, Cajamarca). */
export function plot(plotId: string, geometry: unknown, extra: Partial<EudrPlotInput> = {}): EudrPlotInput {
  return {
    plotId,
    name: `Parcela ${plotId}`,
    geometry,
    declaredAreaM2: null,
    computedAreaM2: null,
    region: 'Cajamarca',
    district: 'Chirinos',
    ...extra,
  };
}

export function producer(
  memberNumber: string,
  displayName: string,
  massGrams: bigint,
  plots: EudrPlotInput[],
  extra: Partial<EudrProducerInput> = {},
): EudrProducerInput {
  return {
    memberId: `m-${memberNumber}`,
    memberNumber,
    displayName,
    country: 'PE',
    massGrams,
    plots,
    ...extra,
  };
}

/** A shipment's identity with no producers yet: 275 bags of 69 kg, a season in Cajamarca. */
export function shipment(
  producers: EudrProducerInput[],
  extra: Partial<EudrPackageInput> = {},
): EudrPackageInput {
  return {
    reference: 'EMB-2026-014',
    descriptionOfGoods: 'Café verde arábica lavado, Perú, 275 sacos de 69 kg',
    hsHeading: '090111',
    netMassGrams: producers.reduce((sum, p) => sum + p.massGrams, 0n),
    countryOfProduction: 'PE',
    harvestStart: '2026-04-01',
    harvestEnd: '2026-09-30',
    producers,
    ...extra,
  };
}

/**
 * A shipment of five members in Chirinos: three plots mapped well (two polygons, one point), one point of a
 * plot declared at 6.5 ha (needs a polygon), one plot never mapped, and two neighbours whose polygons overlap.
 */
export function exampleShipment(): EudrPackageInput {
  const north = offset(CHIRINOS, 0, 600);
  return shipment([
    producer('0007', 'Rosa Huamán Céspedes', 5_520_000n, [
      plot('p-0007-1', polygon(ringAround(CHIRINOS, [90, 110, 100, 95, 120, 105])), {
        name: 'El Mirador',
        declaredAreaM2: 30_000,
      }),
      plot('p-0007-2', point(offset(CHIRINOS, 400, -300)), { name: 'La Quebrada', declaredAreaM2: 8_000 }),
    ]),
    producer('0012', 'Juan Carlos Tineo Ruiz', 4_140_000n, [
      plot('p-0012-1', polygon(ringAround(offset(CHIRINOS, -500, 0), [80, 80, 80, 80, 80])), {
        name: 'Santa Rosa',
        declaredAreaM2: 16_000,
      }),
    ]),
    producer('0031', 'María Elena Chinguel', 2_760_000n, [
      plot('p-0031-1', point(offset(CHIRINOS, 900, 200)), { name: 'Los Naranjos', declaredAreaM2: 65_000 }),
      plot('p-0031-2', null, { name: 'El Huabo' }),
    ]),
    producer('0044', 'Segundo Alberca Neira', 3_450_000n, [
      plot('p-0044-1', polygon(ringAround(north, [120, 120, 120, 120, 120, 120])), {
        name: 'Alto Perú',
        declaredAreaM2: 45_000,
      }),
    ]),
    producer('0058', 'Teodora Guevara Vásquez', 3_105_000n, [
      plot('p-0058-1', polygon(ringAround(offset(north, 150, 0), [100, 100, 100, 100])), {
        name: 'Lindero Alto',
        declaredAreaM2: 20_000,
      }),
    ]),
  ]);
}
