import { describe, expect, it } from 'vitest';
import { CHIRINOS, offset, plot, point, polygon, producer, ringAround, shipment } from './fixtures.js';
import { EUDR_LIMITS } from './limits.js';
import { buildEudrPackage } from './package.js';
import type { EudrPackageInput } from './types.js';
import { checkEudrGeoJson } from './validate.js';

/**
 * The information system's own limits, at full size: 1,000 producers and 25 MB per file. Big inputs made
 * cheaply: one point per producer, and for the bytes a long ProductionPlace rather than long polygons (whose
 * validation would take the time, not the split).
 */

/** `count` producers with one point each, 30 m apart on a grid in Chirinos. */
function pointProducers(count: number, place: string | null = null) {
  return Array.from({ length: count }, (_, i) =>
    producer(String(i).padStart(5, '0'), `Socio ${i}`, 1_000n + BigInt(i), [
      plot(`p${i}`, point(offset(CHIRINOS, 30 * (i % 60), 30 * Math.floor(i / 60))), {
        declaredAreaM2: 5_000,
        region: place,
      }),
    ]),
  );
}

describe('the information system’s limits, at full size', () => {
  it('at most 1,000 producers per file', () => {
    const input = shipment(pointProducers(2_500));
    const pkg = buildEudrPackage(input);
    expect(pkg.problems).toEqual([]);
    expect(pkg.files.map((f) => f.memberIds.length)).toEqual([1_000, 1_000, 500]);
    expect(pkg.dds.commodities.map((c) => c.producers.length)).toEqual([1_000, 1_000, 500]);
    for (const file of pkg.files) {
      expect(checkEudrGeoJson(file.text)).toMatchObject({ ok: true, producers: file.memberIds.length });
    }
    const tooMany = JSON.parse(pkg.files[0]?.text ?? '');
    tooMany.features.push({
      ...tooMany.features[0],
      properties: { ...tooMany.features[0].properties, ProducerName: 'Otro' },
    });
    expect(checkEudrGeoJson(tooMany).issues.map((i) => i.rule)).toEqual(['eudr.check.too_many_producers']);
  });

  it('at most 25 MB per file', () => {
    // ~40 KB per producer: 800 producers make ~32 MB, more than one file holds, fewer than 1,000 producers.
    const input = shipment(pointProducers(800, `Cajamarca ${'·'.repeat(20_000)}`));
    const pkg = buildEudrPackage(input);
    // 32 MB is more than one DDS takes, too: the importer is told
    expect(pkg.problems.map((p) => p.code)).toEqual(['eudr.needs_several_dds']);
    expect(pkg.files).toHaveLength(2);
    expect(pkg.files.reduce((n, f) => n + f.plotIds.length, 0)).toBe(800);
    const [first, second] = pkg.files;
    expect(first?.bytes).toBeLessThanOrEqual(EUDR_LIMITS.maxFileBytes);
    // full: the next producer would not have fitted
    expect((first?.bytes ?? 0) + (second?.bytes ?? 0) / (second?.plotIds.length ?? 1)).toBeGreaterThan(
      EUDR_LIMITS.maxFileBytes,
    );
    for (const file of pkg.files) expect(checkEudrGeoJson(file.text)).toMatchObject({ ok: true });
    expect(
      checkEudrGeoJson(first?.text, { maxFileBytes: (first?.bytes ?? 0) - 1 }).issues.map((i) => i.rule),
    ).toEqual(['eudr.check.file_too_large']);
  });
});

describe('the cost of the checks', () => {
  /** Coordinates as the members domain stores them: on the 6-decimal grid. */
  const stored = (geometry: { type: string; coordinates: unknown }) => ({
    type: geometry.type,
    coordinates: JSON.parse(JSON.stringify(geometry.coordinates), (_, v) =>
      typeof v === 'number' ? Number(v.toFixed(6)) : v,
    ),
  });

  /** 1,000 producers with ~2 plots each (polygons of 5–12 corners, and points) over 25 km², as stored. */
  function contract(): EudrPackageInput {
    return shipment(
      Array.from({ length: 1_000 }, (_, i) => {
        const at = offset(CHIRINOS, 160 * (i % 32), 160 * Math.floor(i / 32));
        const corners = 5 + (i % 8);
        return producer(String(i).padStart(4, '0'), `Socio ${i}`, 69_000n, [
          plot(
            `${i}-a`,
            stored(
              polygon(
                ringAround(
                  at,
                  Array.from({ length: corners }, (_, k) => 50 + ((i + k) % 5) * 5),
                ),
              ),
            ),
          ),
          ...(i % 3 === 0
            ? []
            : [plot(`${i}-b`, stored(point(offset(at, 0, 75))), { declaredAreaM2: 5_000 })]),
        ]);
      }),
    );
  }

  /** The same plots as one FeatureCollection, serialized with no check at all: the baseline. */
  function bare(input: EudrPackageInput): string {
    return JSON.stringify({
      type: 'FeatureCollection',
      features: input.producers.flatMap((p) =>
        p.plots.map((q) => ({
          type: 'Feature',
          properties: { ProducerName: p.displayName, ProducerCountry: p.country, ProductionPlace: q.name },
          geometry: q.geometry,
        })),
      ),
    });
  }

  function median(run: () => void, times = 5): number {
    const took: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      run();
      took.push(performance.now() - started);
    }
    return took.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
  }

  it('builds the package of 1,000 producers and their plots (timing logged, not asserted)', () => {
    const input = contract();
    const plots = input.producers.reduce((n, p) => n + p.plots.length, 0);
    const pkg = buildEudrPackage(input); // warm-up, and the figures below
    // 1 % of points end both coordinates in 0 by chance and read as low precision (members/geo.ts)
    expect(pkg.problems.filter((p) => p.code !== 'eudr.low_precision')).toEqual([]);
    expect(pkg.summary).toMatchObject({ producers: 1_000, plotsIncluded: plots, files: 1 });
    // Warm both up first: the first runs measure the JIT, not the code.
    for (let i = 0; i < 6; i++) {
      buildEudrPackage(input);
      bare(input);
      checkEudrGeoJson(pkg.files[0]?.text);
    }
    const build = median(() => buildEudrPackage(input), 9);
    const baseline = median(() => bare(input), 15);
    const check = median(() => checkEudrGeoJson(pkg.files[0]?.text), 5);
    console.log(
      `EUDR package: 1,000 producers, ${plots} plots (${pkg.summary.polygons} polygons, ${pkg.summary.points} points), ` +
        `${(pkg.summary.bytes / 1e6).toFixed(2)} MB: built in ${build.toFixed(0)} ms; bare JSON.stringify of the same ` +
        `plots ${baseline.toFixed(1)} ms (ratio ${(build / baseline).toFixed(1)}×); checker ${check.toFixed(0)} ms`,
    );
  });
});
