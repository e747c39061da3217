import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHIRINOS,
  offset,
  type Position2,
  plot,
  point,
  polygon,
  producer,
  ringAround,
  shipment,
} from './fixtures.js';
import { buildEudrPackage } from './package.js';
import type { EudrPackage, EudrPackageInput, EudrPlotInput } from './types.js';
import { checkEudrGeoJson } from './validate.js';

/**
 * Properties of the builder, checked against the independent checker (validate.ts) and against the input:
 * what goes in a file is valid, nothing is lost or doubled by the split, the mass adds up to the gram, and the
 * coordinates are the input's, longitude first, truncated to 6 decimals.
 */

type Kind =
  | 'polygon'
  | 'point'
  | 'none'
  | 'big_point'
  | 'point_no_area'
  | 'bow_tie'
  | 'hole'
  | 'swapped'
  | 'noisy_polygon';

const KINDS: [number, Kind][] = [
  [8, 'polygon'],
  [6, 'point'],
  [3, 'noisy_polygon'],
  [1, 'none'],
  [1, 'big_point'],
  [1, 'point_no_area'],
  [1, 'bow_tie'],
  [1, 'hole'],
  [1, 'swapped'],
];

interface PlotSpec {
  kind: Kind;
  east: number;
  north: number;
  radii: number[];
  declaredAreaM2: number | null;
  place: [district: string | null, region: string | null];
}

const plotSpec: fc.Arbitrary<PlotSpec> = fc.record({
  kind: fc.oneof(...KINDS.map(([weight, kind]) => ({ weight, arbitrary: fc.constant(kind) }))),
  // a square of 3 km around Chirinos: plots of 50–150 m overlap now and then
  east: fc.integer({ min: -1_500, max: 1_500 }),
  north: fc.integer({ min: -1_500, max: 1_500 }),
  radii: fc.array(fc.integer({ min: 30, max: 150 }), { minLength: 3, maxLength: 12 }),
  declaredAreaM2: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: null }),
  place: fc.constantFrom<[string | null, string | null]>(
    ['Chirinos', 'Cajamarca'],
    [null, 'Cajamarca'],
    [null, null],
    ['San José de Lourdes', 'Cajamarca'],
  ),
});

function plotOf(id: string, spec: PlotSpec): EudrPlotInput {
  const centre = offset(CHIRINOS, spec.east, spec.north);
  const ring = ringAround(centre, spec.radii);
  const [district, region] = spec.place;
  const base = { name: `Parcela ${id}`, declaredAreaM2: spec.declaredAreaM2, district, region };
  switch (spec.kind) {
    case 'polygon':
      return plot(id, polygon(ring), base);
    case 'noisy_polygon':
      // altitude, 9 decimals, clockwise: what a GPS app exports
      return plot(
        id,
        polygon([...ring].reverse().map(([lon, lat]) => [lon, lat, 1650] as unknown as Position2)),
        base,
      );
    case 'point':
      return plot(id, point(centre), {
        ...base,
        declaredAreaM2: Math.min(spec.declaredAreaM2 ?? 5_000, 40_000),
      });
    case 'none':
      return plot(id, null, base);
    case 'big_point':
      return plot(id, point(centre), { ...base, declaredAreaM2: 40_001 + (spec.declaredAreaM2 ?? 0) });
    case 'point_no_area':
      return plot(id, point(centre), { ...base, declaredAreaM2: null });
    case 'bow_tie': {
      const [a, b, c, d] = ringAround(centre, [100, 100, 100, 100]) as Position2[];
      return plot(
        id,
        polygon([a as Position2, c as Position2, b as Position2, d as Position2, a as Position2]),
        base,
      );
    }
    case 'hole':
      return plot(
        id,
        { type: 'Polygon', coordinates: [ring, ringAround(centre, [10, 10, 10]).reverse()] },
        base,
      );
    case 'swapped':
      return plot(id, polygon(ring.map(([lon, lat]) => [lat, lon] as Position2)), base);
  }
}

const NAMES = ['Rosa Huamán Céspedes', 'Juan Tineo', 'juan  tineo', 'Ana Ñañez', 'Teodora Guevara'];

const shipmentArbitrary = fc
  .array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      country: fc.oneof({ weight: 12, arbitrary: fc.constant('PE') }, fc.constant('CO'), fc.constant('XX')),
      grams: fc.bigInt({ min: 1n, max: 5_000_000n }),
      plots: fc.array(plotSpec, { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((producers) =>
    shipment(
      producers.map((p, i) => {
        const number = String(100 + i * 7).padStart(4, '0');
        return producer(
          number,
          p.name,
          p.grams,
          p.plots.map((spec, k) => plotOf(`${number}-${k}`, spec)),
          { country: p.country },
        );
      }),
    ),
  );

const limitsArbitrary = fc.record({
  maxProducersPerFile: fc.integer({ min: 1, max: 6 }),
  maxFileBytes: fc.integer({ min: 600, max: 8_000 }),
});

/** Kilograms as exact decimal text back to grams. */
const grams = (kg: string): bigint => {
  const [whole = '0', fraction = ''] = kg.split('.');
  return BigInt(whole) * 1_000n + BigInt(fraction.padEnd(3, '0'));
};

const RUNS = { numRuns: 150 };

describe('the EUDR package builder (properties)', () => {
  it('every file it emits passes the checker, within the limits it was given', () => {
    fc.assert(
      fc.property(shipmentArbitrary, limitsArbitrary, (input, limits) => {
        const pkg = buildEudrPackage(input, { limits });
        for (const file of pkg.files) {
          const result = checkEudrGeoJson(file.text, {
            maxFileBytes: limits.maxFileBytes,
            maxProducers: limits.maxProducersPerFile,
          });
          expect(result.issues).toEqual([]);
          expect(result.features).toBe(file.plotIds.length);
          expect(result.producers).toBe(file.memberIds.length);
          expect(file.bytes).toBe(Buffer.byteLength(file.text));
        }
        for (const producer of pkg.dds.commodities.flatMap((c) => c.producers)) {
          const own = Buffer.from(producer.geometryGeojson, 'base64').toString('utf8');
          expect(checkEudrGeoJson(own).ok).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('splitting never loses or duplicates a plot: each is in one file or listed as left out', () => {
    fc.assert(
      fc.property(shipmentArbitrary, limitsArbitrary, (input, limits) => {
        const pkg = buildEudrPackage(input, { limits });
        const inFiles = pkg.files.flatMap((file) => file.plotIds);
        expect(new Set(inFiles).size).toBe(inFiles.length);
        const leftOutPlots = new Set(
          pkg.problems.filter((p) => p.severity === 'left_out' && p.plot).map((p) => p.plot?.plotId),
        );
        const leftOutProducers = new Set(
          pkg.problems.filter((p) => p.severity === 'left_out' && !p.plot).map((p) => p.member?.memberId),
        );
        for (const producer of input.producers) {
          const file = pkg.files.findIndex((f) => f.memberIds.includes(producer.memberId));
          for (const { plotId } of producer.plots) {
            const included = inFiles.includes(plotId);
            const listed = leftOutPlots.has(plotId) || leftOutProducers.has(producer.memberId);
            expect(included !== listed, `plot ${plotId}: in a file ${included}, listed ${listed}`).toBe(true);
            // a producer's plots all sit in the producer's one file
            if (included) expect(pkg.files[file]?.plotIds).toContain(plotId);
          }
          expect(pkg.files.filter((f) => f.memberIds.includes(producer.memberId)).length).toBeLessThanOrEqual(
            1,
          );
        }
        expect(pkg.complete).toBe(pkg.problems.every((p) => p.severity === 'review'));
      }),
      RUNS,
    );
  });

  it('the mass adds up to the gram, and the shares to 10,000 basis points', () => {
    fc.assert(
      fc.property(shipmentArbitrary, limitsArbitrary, (input, limits) => {
        const pkg = buildEudrPackage(input, { limits });
        const total = input.producers.reduce((sum, p) => sum + p.massGrams, 0n);
        expect(grams(pkg.dds.netWeight)).toBe(input.netMassGrams);
        const inCommodities = pkg.dds.commodities.reduce(
          (sum, c) => sum + grams(c.descriptors.goodsMeasure.netWeight),
          0n,
        );
        const perProducer = pkg.dds.commodities
          .flatMap((c) => c.producers)
          .reduce((sum, p) => sum + grams(p.netWeight), 0n);
        expect(perProducer).toBe(inCommodities);
        const outside = input.producers
          .filter((p) => !pkg.files.some((f) => f.memberIds.includes(p.memberId)))
          .reduce((sum, p) => sum + p.massGrams, 0n);
        expect(inCommodities + outside).toBe(total);
        expect(pkg.producers.reduce((sum, p) => sum + p.shareBasisPoints, 0)).toBe(10_000);
        const complete = pkg.producers
          .filter((p) => p.complete)
          .reduce((sum, p) => sum + grams(p.massKg), 0n);
        expect(grams(pkg.summary.completeKg)).toBe(complete);
        expect(pkg.summary.completeShareBasisPoints).toBe(Number((complete * 10_000n) / total));
      }),
      RUNS,
    );
  });

  it('coordinates are the input’s, longitude first, truncated (not rounded) to at most 6 decimals', () => {
    fc.assert(
      fc.property(shipmentArbitrary, (input) => {
        const pkg = buildEudrPackage(input);
        const byId = new Map(input.producers.flatMap((p) => p.plots.map((q) => [q.plotId, q] as const)));
        for (const file of pkg.files) {
          const { features } = JSON.parse(file.text) as {
            features: { geometry: { type: string; coordinates: unknown } }[];
          };
          features.forEach((feature, i) => {
            const source = byId.get(file.plotIds[i] as string)?.geometry as { coordinates: unknown };
            const given = (source.coordinates as unknown[]).flat(2) as number[];
            const out = [feature.geometry.coordinates].flat(3) as number[];
            for (let k = 0; k < out.length; k += 2) {
              const [lon, lat] = [out[k] as number, out[k + 1] as number];
              for (const n of [lon, lat]) expect(Number(n.toFixed(6))).toBe(n);
              // some input position, read as [lon, lat, altitude?], is this one truncated toward zero
              const stride = given.length % 3 === 0 && given[2] === 1650 ? 3 : 2;
              let found = false;
              for (let m = 0; m < given.length && !found; m += stride) {
                const [x, y] = [given[m] as number, given[m + 1] as number];
                found =
                  Math.abs(x - lon) < 1.000001e-6 &&
                  Math.abs(y - lat) < 1.000001e-6 &&
                  Math.abs(lon) <= Math.abs(x) + 1e-12 &&
                  Math.abs(lat) <= Math.abs(y) + 1e-12;
              }
              expect(found, `${lon}, ${lat} of plot ${file.plotIds[i]}`).toBe(true);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('the same shipment gives the same package, whatever the order of its producers and plots', () => {
    fc.assert(
      fc.property(shipmentArbitrary, limitsArbitrary, fc.nat(), (input, limits, seed) => {
        const shuffle = <T>(items: readonly T[]): T[] =>
          items
            .map((item, i) => ({ item, key: (i * 2_654_435_761 + seed) % 4_294_967_296 }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const shuffled: EudrPackageInput = {
          ...input,
          producers: shuffle(input.producers).map((p) => ({ ...p, plots: shuffle(p.plots) })),
        };
        const a: EudrPackage = buildEudrPackage(input, { limits });
        expect(buildEudrPackage(shuffled, { limits })).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });
});
