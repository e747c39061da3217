import { describe, expect, it } from 'vitest';
import { describeEudrProblem } from './describe.js';
import {
  CHIRINOS,
  exampleShipment,
  offset,
  type Position2,
  plot,
  point,
  polygon,
  producer,
  ringAround,
  shipment,
} from './fixtures.js';
import { basisPointShares, buildEudrPackage } from './package.js';
import type { EudrPackage, EudrPackageInput, EudrProblem } from './types.js';
import { checkEudrGeoJson } from './validate.js';

/** A plot of about 3 ha in Chirinos, `east`/`north` metres from the centre. */
const hexagon = (east = 0, north = 0) =>
  polygon(ringAround(offset(CHIRINOS, east, north), [100, 100, 100, 100, 100, 100]));

function features(pkg: EudrPackage) {
  return pkg.files.flatMap(
    (file) =>
      (
        JSON.parse(file.text) as {
          features: { properties: Record<string, unknown>; geometry: { type: string } }[];
        }
      ).features,
  );
}

const codes = (pkg: EudrPackage) =>
  pkg.problems.map((p) => [p.plot?.plotId ?? p.member?.memberNumber ?? '', p.code]);

function only(pkg: EudrPackage, code: EudrProblem['code']): EudrProblem {
  const found = pkg.problems.filter((p) => p.code === code);
  expect(found).toHaveLength(1);
  return found[0] as EudrProblem;
}

function expectFilesValid(pkg: EudrPackage) {
  for (const file of pkg.files) expect(checkEudrGeoJson(file.text).issues).toEqual([]);
}

describe('an EUDR package with nothing wrong', () => {
  const input = shipment([
    producer('0002', 'Rosa Huamán', 40_000n, [
      plot('a', hexagon(), { name: 'El Mirador', declaredAreaM2: 26_000 }),
      plot('b', point(offset(CHIRINOS, 500, 0)), { name: 'La Quebrada', declaredAreaM2: 12_345 }),
    ]),
    producer('0001', 'Juan Tineo', 29_000n, [plot('c', hexagon(-600, 0), { district: null, region: null })]),
  ]);
  const pkg = buildEudrPackage(input);

  it('is complete, in one file that passes the checker, in member-number order', () => {
    expect(pkg.problems).toEqual([]);
    expect(pkg.complete).toBe(true);
    expect(pkg.files.map((f) => f.name)).toEqual(['EMB-2026-014.geojson']);
    expect(pkg.files[0]?.plotIds).toEqual(['c', 'a', 'b']);
    expect(pkg.files[0]?.bytes).toBe(Buffer.byteLength(pkg.files[0]?.text ?? ''));
    expectFilesValid(pkg);
  });

  it('carries exactly ProducerName, ProducerCountry, ProductionPlace, and Area on points only', () => {
    expect(features(pkg).map((f) => f.properties)).toEqual([
      { ProducerName: 'Juan Tineo', ProducerCountry: 'PE', ProductionPlace: 'Parcela c' },
      {
        ProducerName: 'Rosa Huamán',
        ProducerCountry: 'PE',
        ProductionPlace: 'El Mirador, Chirinos, Cajamarca',
      },
      {
        ProducerName: 'Rosa Huamán',
        ProducerCountry: 'PE',
        ProductionPlace: 'La Quebrada, Chirinos, Cajamarca',
        Area: 1.2345,
      },
    ]);
  });

  it('gives the DDS fields: IMPORT, exact kilograms, one commodity per file, base64 geometry per producer', () => {
    expect(pkg.dds).toMatchObject({
      internalReferenceNumber: 'EMB-2026-014',
      activityType: 'IMPORT',
      countryOfProduction: 'PE',
      harvestStartDate: '2026-04-01',
      harvestEndDate: '2026-09-30',
      netWeight: '69.000',
    });
    const [commodity] = pkg.dds.commodities;
    expect(commodity?.descriptors).toEqual({
      descriptionOfGoods: 'Café verde arábica lavado, Perú, 275 sacos de 69 kg',
      goodsMeasure: { netWeight: '69.000' },
    });
    expect(commodity?.hsHeading).toBe('090111');
    expect(commodity?.producers.map(({ geometryGeojson, ...rest }) => rest)).toEqual([
      {
        country: 'PE',
        name: 'Juan Tineo',
        memberNumber: '0001',
        plotCount: 1,
        netWeight: '29.000',
        shareBasisPoints: 4203,
      },
      {
        country: 'PE',
        name: 'Rosa Huamán',
        memberNumber: '0002',
        plotCount: 2,
        netWeight: '40.000',
        shareBasisPoints: 5797,
      },
    ]);
    const rosa = JSON.parse(
      Buffer.from(commodity?.producers[1]?.geometryGeojson ?? '', 'base64').toString('utf8'),
    );
    expect(rosa.features).toEqual(features(pkg).slice(1));
    expect(checkEudrGeoJson(rosa).ok).toBe(true);
  });

  it('sums up: plots, polygons and points, area, mass with complete geolocation', () => {
    expect(pkg.summary).toMatchObject({
      producers: 2,
      producersIncluded: 2,
      plots: 3,
      plotsIncluded: 3,
      polygons: 2,
      points: 1,
      netWeightKg: '69.000',
      completeKg: '69.000',
      completeShareBasisPoints: 10_000,
      files: 1,
    });
    // two hexagons of radius 100 m (2.598 ha each, give or take the truncation of their corners to 0.1 m)
    // and a point declared at 1.2345 ha
    expect(Number(pkg.summary.areaHa)).toBeCloseTo(2 * 2.598 + 1.2345, 1);
  });

  it('normalises the stored geometry: 6 decimals, longitude first, closed counter-clockwise rings', () => {
    const clockwise = [...(ringAround(CHIRINOS, [100, 100, 100, 100]) as Position2[])].reverse();
    const noisy = clockwise.map(([lon, lat]) => [lon + 1e-9, lat - 3e-9, 2100]);
    const one = buildEudrPackage(
      shipment([producer('0001', 'Ana', 1n, [plot('x', polygon(noisy as Position2[]))])]),
    );
    expect(one.problems).toEqual([]);
    const [feature] = features(one) as unknown as { geometry: { coordinates: number[][][] } }[];
    const ring = feature?.geometry.coordinates[0] ?? [];
    for (const position of ring) {
      expect(position).toHaveLength(2);
      for (const n of position) expect(Number(n.toFixed(6))).toBe(n);
    }
    expect(ring[0]?.[0]).toBeLessThan(-78); // longitude first
    expectFilesValid(one);
  });

  it('is the same, byte for byte, whatever order the producers and plots come in', () => {
    const shuffled: EudrPackageInput = {
      ...input,
      producers: [...input.producers].reverse().map((p) => ({ ...p, plots: [...p.plots].reverse() })),
    };
    expect(buildEudrPackage(shuffled)).toEqual(pkg);
  });
});

describe('plots that would make the package invalid are left out and listed, with the member to visit', () => {
  it('a producer with no plot, and a plot with no geometry', () => {
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana', 10n, []),
        producer('0002', 'Beto', 10n, [plot('a', null), plot('b', hexagon())]),
      ]),
    );
    expect(codes(pkg)).toEqual([
      ['0001', 'eudr.producer_without_plots'],
      ['a', 'eudr.plot_without_geometry'],
    ]);
    expect(only(pkg, 'eudr.producer_without_plots').member).toEqual({
      memberId: 'm-0001',
      memberNumber: '0001',
      name: 'Ana',
    });
    expect(pkg.complete).toBe(false);
    expect(pkg.files[0]?.plotIds).toEqual(['b']);
    expect(pkg.producers.map((p) => p.complete)).toEqual([false, false]);
    expect(pkg.summary).toMatchObject({
      completeKg: '0.000',
      completeShareBasisPoints: 0,
      producersIncluded: 1,
    });
  });

  it('a point for a plot over 4 ha needs a polygon; exactly 4 ha is still a point', () => {
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana', 10n, [
          plot('big', point(CHIRINOS), { declaredAreaM2: 40_001 }),
          plot('four', point(offset(CHIRINOS, 300, 0)), { declaredAreaM2: 40_000 }),
          plot('measured', point(offset(CHIRINOS, 600, 0)), { computedAreaM2: 52_000 }),
        ]),
      ]),
    );
    expect(codes(pkg)).toEqual([
      ['big', 'eudr.point_needs_polygon'],
      ['measured', 'eudr.point_needs_polygon'],
    ]);
    expect(pkg.problems[0]?.params).toEqual({ declared: '4.00', max: '4.00' });
    expect(features(pkg).map((f) => f.properties.Area)).toEqual([4]);
    expectFilesValid(pkg);
  });

  it('a point with no area is left out (TRACES would assume 4 ha)', () => {
    const pkg = buildEudrPackage(shipment([producer('0001', 'Ana', 10n, [plot('a', point(CHIRINOS))])]));
    expect(codes(pkg)).toEqual([['a', 'eudr.point_without_area']]);
    expect(pkg.files).toEqual([]);
    expect(pkg.dds.commodities).toEqual([]);
  });

  it.each([
    [
      'a self-crossing ring (a bow tie)',
      polygon([
        offset(CHIRINOS, 0, 0),
        offset(CHIRINOS, 200, 200),
        offset(CHIRINOS, 200, 0),
        offset(CHIRINOS, 0, 200),
        offset(CHIRINOS, 0, 0),
      ]),
      'geo.self_intersection',
    ],
    [
      'a hole',
      {
        type: 'Polygon',
        coordinates: [
          ringAround(CHIRINOS, [200, 200, 200, 200]),
          ringAround(CHIRINOS, [50, 50, 50, 50]).reverse(),
        ],
      },
      'geo.has_holes',
    ],
    ['too few positions', polygon([CHIRINOS, offset(CHIRINOS, 100, 0), CHIRINOS]), 'geo.too_few_positions'],
    [
      'latitude and longitude swapped (out of the country)',
      polygon(ringAround(CHIRINOS, [100, 100, 100, 100]).map(([lon, lat]) => [lat, lon] as Position2)),
      'geo.outside_country',
    ],
    [
      'a line',
      { type: 'LineString', coordinates: [CHIRINOS, offset(CHIRINOS, 10, 10)] },
      'geo.type_not_allowed',
    ],
    [
      'a vertex repeated further on',
      polygon([
        CHIRINOS,
        offset(CHIRINOS, 100, 0),
        offset(CHIRINOS, 100, 100),
        CHIRINOS,
        offset(CHIRINOS, 0, 100),
        offset(CHIRINOS, -100, 100),
        CHIRINOS,
      ]),
      'geo.self_intersection',
    ],
  ])('an invalid polygon: %s', (_, geometry, cause) => {
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana', 10n, [
          plot('bad', geometry, { declaredAreaM2: 10_000 }),
          plot('ok', hexagon(0, 900)),
        ]),
      ]),
    );
    const problem = only(pkg, 'eudr.geometry_invalid');
    expect(problem).toMatchObject({ severity: 'left_out', plot: { plotId: 'bad' }, cause: { code: cause } });
    expect(pkg.files[0]?.plotIds).toEqual(['ok']);
    expectFilesValid(pkg);
    expect(describeEudrProblem(problem, 'es')).toMatch(/^La geometría de la parcela no es válida: \S/);
  });

  it('names the likely cause of a plot outside the country', () => {
    const swapped = polygon(
      ringAround(CHIRINOS, [100, 100, 100, 100]).map(([lon, lat]) => [lat, lon] as Position2),
    );
    const pkg = buildEudrPackage(shipment([producer('0001', 'Ana', 10n, [plot('a', swapped)])]));
    const text = describeEudrProblem(only(pkg, 'eudr.geometry_invalid'), 'en');
    expect(text).toContain('falls outside the declared country (PE)');
    expect(text).toContain('Are latitude and longitude swapped?');
  });

  it('vertices that become one after truncation to 6 decimals are merged, not refused', () => {
    const ring = ringAround(CHIRINOS, [100, 100, 100, 100]);
    const [start, ...rest] = ring as [Position2, ...Position2[]];
    // On the grid, and a twin 0.4 and 0.3 micro-degrees further from zero: the same after truncation.
    const first: Position2 = [Math.trunc(start[0] * 1e6) / 1e6, Math.trunc(start[1] * 1e6) / 1e6];
    const twin: Position2 = [first[0] - 4e-7, first[1] - 3e-7];
    rest[rest.length - 1] = first;
    const pkg = buildEudrPackage(
      shipment([producer('0001', 'Ana', 10n, [plot('a', polygon([first, twin, ...rest]))])]),
    );
    expect(pkg.problems).toEqual([]);
    const [feature] = features(pkg) as unknown as { geometry: { coordinates: number[][][] } }[];
    expect(feature?.geometry.coordinates[0]).toHaveLength(5);
    expectFilesValid(pkg);
  });

  it('overlapping plots of different producers are both left out, each naming the other', () => {
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana Tello', 10n, [plot('a', hexagon(0, 0), { name: 'Alto' })]),
        producer('0002', 'Beto Ruiz', 10n, [
          plot('b', hexagon(150, 0), { name: 'Bajo' }),
          plot('c', hexagon(0, 900)),
        ]),
      ]),
    );
    expect(codes(pkg)).toEqual([
      ['a', 'eudr.plots_overlap'],
      ['b', 'eudr.plots_overlap'],
    ]);
    expect(pkg.problems[0]?.params).toEqual({
      otherPlot: 'Bajo',
      otherMemberNumber: '0002',
      otherMember: 'Beto Ruiz',
    });
    expect(describeEudrProblem(pkg.problems[1] as EudrProblem, 'es')).toBe(
      'Se superpone con la parcela «Alto» del socio 0001 Ana Tello: hay que revisar los linderos de ambas.',
    );
    expect(pkg.files[0]?.plotIds).toEqual(['c']);
  });

  it('a point inside another producer’s polygon overlaps it; neighbours that only touch do not', () => {
    // Two squares of about 1.2 ha sharing an edge exactly: corners built on the micro-degree grid.
    const square = (westMicro: number): Position2[] =>
      [
        [westMicro, -5_305_127],
        [westMicro + 1_000, -5_305_127],
        [westMicro + 1_000, -5_304_127],
        [westMicro, -5_304_127],
        [westMicro, -5_305_127],
      ].map(([x = 0, y = 0]) => [x / 1e6, y / 1e6] as Position2);
    const left = polygon(square(-78_894_213));
    const right = polygon(square(-78_893_213));
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana', 10n, [plot('left', left)]),
        producer('0002', 'Beto', 10n, [plot('right', right)]),
        producer('0003', 'Carla', 10n, [
          plot('inside', point([-78.893713, -5.304627]), { declaredAreaM2: 5_000 }),
        ]),
      ]),
    );
    expect(codes(pkg)).toEqual([
      ['left', 'eudr.plots_overlap'],
      ['inside', 'eudr.plots_overlap'],
    ]);
    expect(pkg.files[0]?.plotIds).toEqual(['right']);
  });

  it('overlapping plots of one producer stay in, to review', () => {
    const pkg = buildEudrPackage(
      shipment([producer('0001', 'Ana', 10n, [plot('a', hexagon(0, 0)), plot('b', hexagon(100, 0))])]),
    );
    expect(codes(pkg)).toEqual([
      ['a', 'eudr.plots_overlap_same_producer'],
      ['b', 'eudr.plots_overlap_same_producer'],
    ]);
    expect(pkg.complete).toBe(true);
    expect(pkg.files[0]?.plotIds).toEqual(['a', 'b']);
  });

  it('an area that does not match the map, or coordinates with few decimals, stay in to review', () => {
    const coarse = polygon(
      ringAround(offset(CHIRINOS, 0, 900), [100, 100, 100, 100]).map(
        ([lon, lat]) => [Number(lon.toFixed(4)), Number(lat.toFixed(4))] as Position2,
      ),
    );
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana', 10n, [
          plot('a', hexagon(), { declaredAreaM2: 50_000 }),
          plot('b', coarse, { name: 'Z' }),
        ]),
      ]),
    );
    expect(codes(pkg)).toEqual([
      ['a', 'eudr.area_mismatch'],
      ['b', 'eudr.low_precision'],
    ]);
    expect(pkg.problems[0]?.params).toEqual({ declared: '5.00', computed: '2.60' });
    expect(pkg.complete).toBe(true);
    expect(pkg.files[0]?.plotIds).toEqual(['a', 'b']);
  });

  it('a producer whose country is not an ISO code is left out; another country than the shipment’s is reviewed', () => {
    const pkg = buildEudrPackage(
      shipment([
        producer('0001', 'Ana', 10n, [plot('a', hexagon())], { country: 'PER' }),
        producer('0002', 'Beto', 10n, [plot('b', polygon(ringAround([-76.05, 1.85], [100, 100, 100])))], {
          country: 'CO',
        }),
      ]),
    );
    expect(codes(pkg)).toEqual([
      ['0001', 'eudr.producer_country_invalid'],
      ['0002', 'eudr.producer_country_differs'],
    ]);
    expect(features(pkg).map((f) => f.properties.ProducerCountry)).toEqual(['CO']);
  });
});

describe('the shipment’s own fields', () => {
  const one = [producer('0001', 'Ana', 69_000n, [plot('a', hexagon())])];

  it.each<[string, Partial<EudrPackageInput>, EudrProblem['code'], Record<string, string | number>]>([
    ['a reference over 35 characters', { reference: 'R'.repeat(36) }, 'eudr.reference_invalid', { max: 35 }],
    [
      'an empty description',
      { descriptionOfGoods: '  ' },
      'eudr.description_invalid',
      { length: 0, max: 150 },
    ],
    [
      'a description over 150 characters',
      { descriptionOfGoods: 'é'.repeat(151) },
      'eudr.description_invalid',
      { length: 151, max: 150 },
    ],
    ['tea instead of coffee', { hsHeading: '0902' }, 'eudr.hs_heading_not_coffee', { hsHeading: '0902' }],
    ['a heading of 5 digits', { hsHeading: '09011' }, 'eudr.hs_heading_not_coffee', { hsHeading: '09011' }],
    [
      'a country that is not ISO',
      { countryOfProduction: 'Peru' },
      'eudr.country_invalid',
      { country: 'Peru' },
    ],
    [
      'harvest dates the wrong way round',
      { harvestStart: '2026-09-30', harvestEnd: '2026-04-01' },
      'eudr.harvest_dates_invalid',
      { start: '2026-09-30', end: '2026-04-01' },
    ],
    [
      'a date that does not exist',
      { harvestEnd: '2026-02-30' },
      'eudr.harvest_dates_invalid',
      { start: '2026-04-01', end: '2026-02-30' },
    ],
    [
      'a mass the producers do not add up to',
      { netMassGrams: 69_001n },
      'eudr.mass_not_accounted',
      { producersKg: '69.000', netKg: '69.001' },
    ],
  ])('%s blocks the statement', (_, change, code, params) => {
    const pkg = buildEudrPackage(shipment(one, change));
    expect(pkg.problems).toEqual([{ code, severity: 'blocking', member: null, plot: null, params }]);
    expect(pkg.complete).toBe(false);
    expect(pkg.files).toHaveLength(1); // the geolocation is still good
  });

  it('no producers, no mass', () => {
    const pkg = buildEudrPackage(shipment([], { netMassGrams: 0n }));
    expect(codes(pkg)).toEqual([
      ['', 'eudr.net_mass_invalid'],
      ['', 'eudr.no_producers'],
    ]);
    expect(pkg.files).toEqual([]);
    expect(pkg.summary.completeShareBasisPoints).toBe(0);
  });

  it('refuses input no caller should build', () => {
    expect(() => buildEudrPackage(shipment([...one, ...one]))).toThrow(RangeError);
    expect(() =>
      buildEudrPackage(shipment([one[0]!, producer('0002', 'Beto', 1n, [plot('a', null)])])),
    ).toThrow(/plot a is listed twice/);
    expect(() => buildEudrPackage(shipment([producer('0001', 'Ana', 0n, [])]))).toThrow(/positive/);
  });
});

describe('producers as the information system counts them', () => {
  it('two members with the same name get their member numbers, so TRACES does not merge them', () => {
    const pkg = buildEudrPackage(
      shipment([
        producer('0010', 'Juan Pérez Rojas', 1n, [plot('a', hexagon())]),
        producer('0011', 'juan  pérez rojas ', 1n, [plot('b', hexagon(0, 900))]),
        producer(
          '0012',
          'Juan Pérez Rojas',
          1n,
          [plot('c', polygon(ringAround([-76.05, 1.85], [90, 90, 90])))],
          {
            country: 'CO',
          },
        ),
      ]),
    );
    expect(features(pkg).map((f) => f.properties.ProducerName)).toEqual([
      'Juan Pérez Rojas (0010)',
      'juan pérez rojas (0011)',
      'Juan Pérez Rojas',
    ]);
    expect(checkEudrGeoJson(pkg.files[0]?.text).producers).toBe(3);
  });

  it('splits by producers per file, keeps a producer’s plots together, and names the parts', () => {
    const producers = ['0001', '0002', '0003', '0004', '0005'].map((n, i) =>
      producer(n, `Socio ${n}`, 1n, [
        plot(`${n}-a`, hexagon(0, 900 * i)),
        plot(`${n}-b`, hexagon(400, 900 * i)),
      ]),
    );
    const pkg = buildEudrPackage(shipment(producers, { reference: 'EMB 2026/014' }), {
      limits: { maxProducersPerFile: 2 },
    });
    expect(pkg.files.map((f) => [f.name, f.memberIds])).toEqual([
      ['EMB-2026-014-1-of-3.geojson', ['m-0001', 'm-0002']],
      ['EMB-2026-014-2-of-3.geojson', ['m-0003', 'm-0004']],
      ['EMB-2026-014-3-of-3.geojson', ['m-0005']],
    ]);
    expect(pkg.dds.commodities.map((c) => [c.geolocationFile, c.descriptors.goodsMeasure.netWeight])).toEqual(
      [
        ['EMB-2026-014-1-of-3.geojson', '0.002'],
        ['EMB-2026-014-2-of-3.geojson', '0.002'],
        ['EMB-2026-014-3-of-3.geojson', '0.001'],
      ],
    );
    for (const file of pkg.files) expect(checkEudrGeoJson(file.text, { maxProducers: 2 }).ok).toBe(true);
  });

  it('splits by bytes, and leaves out a producer too large for any file', () => {
    const small = producer('0001', 'Ana', 1n, [plot('a', hexagon())]);
    const alone = buildEudrPackage(shipment([small])).files[0]?.bytes ?? 0;
    const many = producer('0002', 'Beto', 1n, [
      plot('b1', hexagon(0, 900)),
      plot('b2', hexagon(0, 1800)),
      plot('b3', hexagon(0, 2700)),
    ]);
    const pkg = buildEudrPackage(
      shipment([small, many, producer('0003', 'Carla', 1n, [plot('c', hexagon(0, 3600))])]),
      {
        limits: { maxFileBytes: alone + 150 },
      },
    );
    expect(codes(pkg)).toEqual([['0002', 'eudr.producer_too_large']]);
    expect(pkg.files.map((f) => f.plotIds)).toEqual([['a'], ['c']]);
    for (const file of pkg.files) expect(file.bytes).toBeLessThanOrEqual(alone + 150);
  });

  it('says when the package needs more than one DDS (over 100 commodities)', () => {
    const producers = Array.from({ length: 101 }, (_, i) =>
      producer(String(i).padStart(4, '0'), `Socio ${i}`, 1n, [
        plot(`p${i}`, point(offset(CHIRINOS, 0, 300 * i)), { declaredAreaM2: 5_000 }),
      ]),
    );
    const pkg = buildEudrPackage(shipment(producers), { limits: { maxProducersPerFile: 1 } });
    expect(pkg.files).toHaveLength(101);
    const problem = only(pkg, 'eudr.needs_several_dds');
    expect(problem).toMatchObject({ severity: 'review', params: { producers: 101, files: 101 } });
    expect(pkg.complete).toBe(true);
  });

  it('cannot be asked for limits above the information system’s', () => {
    const producers = Array.from({ length: 1_001 }, (_, i) =>
      producer(String(i).padStart(4, '0'), `Socio ${i}`, 1n, [
        plot(`p${i}`, point(offset(CHIRINOS, 30 * (i % 40), 30 * Math.floor(i / 40))), {
          declaredAreaM2: 5_000,
        }),
      ]),
    );
    const pkg = buildEudrPackage(shipment(producers), { limits: { maxProducersPerFile: 5_000 } });
    expect(pkg.files.map((f) => f.memberIds.length)).toEqual([1_000, 1]);
  });
});

describe('shares of the mass', () => {
  it('add up to exactly 10,000 basis points, the largest remainders rounded up', () => {
    expect(basisPointShares([1n, 1n, 1n])).toEqual([3334, 3333, 3333]);
    expect(basisPointShares([2n, 1n])).toEqual([6667, 3333]);
    expect(basisPointShares([0n, 0n])).toEqual([0, 0]);
    expect(basisPointShares([])).toEqual([]);
  });

  it('the example shipment: 275 bags of 69 kg, half of it with complete geolocation', () => {
    const pkg = buildEudrPackage(exampleShipment());
    expect(pkg.summary).toMatchObject({
      netWeightKg: '18975.000',
      completeKg: '9660.000',
      completeShareBasisPoints: 5090,
    });
    expect(pkg.producers.reduce((sum, p) => sum + p.shareBasisPoints, 0)).toBe(10_000);
  });
});
