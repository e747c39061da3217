import { describe, expect, it } from 'vitest';
import { describeEudrCheckIssue } from './describe.js';
import { checkEudrGeoJson, EUDR_CHECK_RULES, type EudrCheckRule } from './validate.js';

// A square of about 1.2 ha in Chirinos (Cajamarca), counter-clockwise, on the 6-decimal grid.
const SQUARE = [
  [-78.894213, -5.305127],
  [-78.893213, -5.305127],
  [-78.893213, -5.304127],
  [-78.894213, -5.304127],
  [-78.894213, -5.305127],
];
const PROPERTIES = {
  ProducerName: 'Rosa Huamán',
  ProducerCountry: 'PE',
  ProductionPlace: 'El Mirador, Chirinos',
};

const polygonFeature = (rings: unknown = [SQUARE], properties: unknown = PROPERTIES) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: rings },
});
const pointFeature = (
  properties: unknown = { ...PROPERTIES, Area: 1.5 },
  coordinates: unknown = [-78.89, -5.3],
) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const rules = (file: unknown, options = {}) =>
  checkEudrGeoJson(file, options).issues.map((issue) => issue.rule);

describe('the EUDR GeoJSON checker', () => {
  it('passes a file to the rules, given as text or parsed', () => {
    const file = collection(polygonFeature(), pointFeature());
    const parsed = checkEudrGeoJson(file);
    expect(parsed).toEqual({
      ok: true,
      issues: [],
      features: 2,
      producers: 1,
      bytes: JSON.stringify(file).length + 2,
    });
    expect(checkEudrGeoJson(JSON.stringify(file, null, 2)).ok).toBe(true);
    // every geometry type the EC accepts
    expect(
      rules(
        collection(
          {
            type: 'Feature',
            properties: { ...PROPERTIES, Area: 2 },
            geometry: { type: 'MultiPoint', coordinates: [[-78.89, -5.3]] },
          },
          {
            type: 'Feature',
            properties: PROPERTIES,
            geometry: { type: 'MultiPolygon', coordinates: [[SQUARE]] },
          },
          {
            type: 'Feature',
            properties: PROPERTIES,
            geometry: {
              type: 'GeometryCollection',
              geometries: [{ type: 'Polygon', coordinates: [SQUARE] }],
            },
          },
        ),
      ),
    ).toEqual([]);
  });

  const cases: [EudrCheckRule, string, unknown][] = [
    ['eudr.check.not_json', 'text that is not JSON', '{"type":"FeatureCollection",'],
    ['eudr.check.not_feature_collection', 'a bare Feature', polygonFeature()],
    [
      'eudr.check.crs_not_allowed',
      'a crs member',
      { ...collection(polygonFeature()), crs: { type: 'name' } },
    ],
    ['eudr.check.no_features', 'no features', collection()],
    [
      'eudr.check.not_feature',
      'a geometry where a Feature goes',
      collection({ type: 'Polygon', coordinates: [SQUARE] }),
    ],
    [
      'eudr.check.geometry_missing',
      'a Feature without geometry',
      collection({ type: 'Feature', properties: PROPERTIES, geometry: null }),
    ],
    [
      'eudr.check.geometry_type_not_allowed',
      'a LineString',
      collection({
        type: 'Feature',
        properties: PROPERTIES,
        geometry: { type: 'LineString', coordinates: SQUARE },
      }),
    ],
    [
      'eudr.check.geometry_malformed',
      'a point as an array of arrays',
      collection(pointFeature(undefined, [[-78.89, -5.3]])),
    ],
    [
      'eudr.check.coordinate_out_of_range',
      'a latitude of -95',
      collection(pointFeature(undefined, [-78.89, -95])),
    ],
    [
      'eudr.check.too_many_decimals',
      'seven decimals',
      collection(pointFeature(undefined, [-78.8901234, -5.3])),
    ],
    [
      'eudr.check.outside_country_box',
      'latitude and longitude swapped',
      collection(pointFeature(undefined, [-5.3, -78.89])),
    ],
    [
      'eudr.check.ring_too_short',
      'a ring of three positions',
      collection(polygonFeature([[SQUARE[0], SQUARE[1], SQUARE[0]]])),
    ],
    ['eudr.check.ring_not_closed', 'an open ring', collection(polygonFeature([SQUARE.slice(0, 4)]))],
    [
      'eudr.check.polygon_has_holes',
      'a hole',
      collection(
        polygonFeature([
          [
            [-78.9, -5.31],
            [-78.88, -5.31],
            [-78.88, -5.29],
            [-78.9, -5.29],
            [-78.9, -5.31],
          ],
          [...SQUARE].reverse(),
        ]),
      ),
    ],
    [
      'eudr.check.duplicate_vertex',
      'a vertex repeated',
      collection(polygonFeature([[...SQUARE.slice(0, 2), SQUARE[1], ...SQUARE.slice(2)]])),
    ],
    [
      'eudr.check.self_crossing',
      'a bow tie',
      collection(polygonFeature([[SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3], SQUARE[0]]])),
    ],
    [
      'eudr.check.zero_area',
      'points on a line',
      collection(
        polygonFeature([
          [
            [-78.894213, -5.305127],
            [-78.893213, -5.305127],
            [-78.892213, -5.305127],
            [-78.894213, -5.305127],
          ],
        ]),
      ),
    ],
    [
      'eudr.check.clockwise_ring',
      'a clockwise outer ring',
      collection(polygonFeature([[...SQUARE].reverse()])),
    ],
    ['eudr.check.properties_missing', 'no properties', collection(polygonFeature(undefined, null))],
    [
      'eudr.check.producer_name_missing',
      'a blank ProducerName',
      collection(polygonFeature(undefined, { ...PROPERTIES, ProducerName: ' ' })),
    ],
    [
      'eudr.check.producer_country_invalid',
      'ProducerCountry UK',
      collection(polygonFeature(undefined, { ...PROPERTIES, ProducerCountry: 'UK' })),
    ],
    [
      'eudr.check.production_place_invalid',
      'an empty ProductionPlace',
      collection(polygonFeature(undefined, { ...PROPERTIES, ProductionPlace: '' })),
    ],
    [
      'eudr.check.property_wrong_case',
      'productionplace in lower case',
      collection(
        polygonFeature(undefined, {
          ProducerName: 'Rosa',
          ProducerCountry: 'PE',
          productionplace: 'Chirinos',
        }),
      ),
    ],
    [
      'eudr.check.property_unknown',
      'a member id',
      collection(polygonFeature(undefined, { ...PROPERTIES, memberId: '0007' })),
    ],
    ['eudr.check.area_missing', 'a point without Area', collection(pointFeature(PROPERTIES))],
    ['eudr.check.area_not_number', 'Area as text', collection(pointFeature({ ...PROPERTIES, Area: '3' }))],
    [
      'eudr.check.area_out_of_range',
      'a point of 4.5 ha',
      collection(pointFeature({ ...PROPERTIES, Area: 4.5 })),
    ],
  ];

  it.each(cases)('%s: %s', (rule, _, file) => {
    const result = checkEudrGeoJson(file);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.rule)).toEqual([rule]);
  });

  it('has an example above for every rule but the two limits, which follow', () => {
    const covered = new Set(cases.map(([rule]) => rule));
    expect(EUDR_CHECK_RULES.filter((rule) => !covered.has(rule))).toEqual([
      'eudr.check.file_too_large',
      'eudr.check.too_many_producers',
    ]);
  });

  it('counts producers by name and country, and checks the limits', () => {
    const file = collection(
      polygonFeature(),
      pointFeature(),
      pointFeature({ ...PROPERTIES, ProducerName: 'Juan Tineo', Area: 1 }),
      pointFeature({ ...PROPERTIES, ProducerCountry: 'CO', Area: 1 }, [-76.05, 1.85]),
    );
    const text = JSON.stringify(file);
    const bytes = Buffer.byteLength(text);
    expect(checkEudrGeoJson(text)).toMatchObject({ ok: true, producers: 3, bytes });
    expect(checkEudrGeoJson(text, { maxProducers: 2 }).issues).toEqual([
      { rule: 'eudr.check.too_many_producers', path: 'features', params: { count: 3, max: 2 } },
    ]);
    expect(checkEudrGeoJson(text, { maxFileBytes: bytes - 1 }).issues).toEqual([
      { rule: 'eudr.check.file_too_large', path: '', params: { bytes, max: bytes - 1 } },
    ]);
    expect(checkEudrGeoJson(text, { maxFileBytes: bytes }).ok).toBe(true);
  });

  it('counts bytes as UTF-8', () => {
    const text = JSON.stringify(
      collection(polygonFeature(undefined, { ...PROPERTIES, ProducerName: 'Ñuñez' })),
    );
    expect(checkEudrGeoJson(text).bytes).toBe(text.length + 2);
  });

  it('reports every rule a feature breaks, with paths into the file', () => {
    const result = checkEudrGeoJson(
      collection(polygonFeature(), {
        type: 'Feature',
        properties: { producerName: 'Rosa', Area: '2' },
        geometry: { type: 'Point', coordinates: [-78.8901234, -5.3] },
      }),
    );
    expect(result.issues).toEqual([
      {
        rule: 'eudr.check.too_many_decimals',
        path: 'features.1.geometry.coordinates',
        params: { lon: -78.8901234, lat: -5.3 },
      },
      {
        rule: 'eudr.check.property_wrong_case',
        path: 'features.1.properties.producerName',
        params: { key: 'producerName', expected: 'ProducerName' },
      },
      { rule: 'eudr.check.producer_name_missing', path: 'features.1.properties.ProducerName' },
      {
        rule: 'eudr.check.producer_country_invalid',
        path: 'features.1.properties.ProducerCountry',
        params: { value: 'undefined' },
      },
      { rule: 'eudr.check.area_not_number', path: 'features.1.properties.Area', params: { value: '"2"' } },
    ]);
    expect(result.producers).toBe(1);
  });

  it('finds crossings and touches in long rings, and sides that fold back', () => {
    // A star of 2,000 vertices: simple. Then one vertex pulled across the centre: crossings appear.
    const star = Array.from({ length: 2_000 }, (_, i) => {
      const angle = (2 * Math.PI * i) / 2_000;
      const r = i % 2 === 0 ? 0.004 : 0.003;
      return [
        Number((-78.89 + r * Math.cos(angle)).toFixed(6)),
        Number((-5.3 + r * Math.sin(angle)).toFixed(6)),
      ];
    });
    const closed = [...star, star[0]];
    expect(rules(collection(polygonFeature([closed])))).toEqual([]);
    const pulled = closed.map((p, i) => (i === 500 ? [-78.89, -5.305] : p));
    expect(rules(collection(polygonFeature([pulled])))).toContain('eudr.check.self_crossing');
    // a spike: out along a line and straight back
    const spike = [SQUARE[0], SQUARE[1], [-78.892213, -5.305127], SQUARE[1], SQUARE[2], SQUARE[3], SQUARE[0]];
    expect(new Set(rules(collection(polygonFeature([spike]))))).toEqual(
      new Set(['eudr.check.duplicate_vertex', 'eudr.check.self_crossing']),
    );
    // a vertex touching another side
    const touch = [SQUARE[0], SQUARE[1], SQUARE[2], [-78.893713, -5.305127], SQUARE[3], SQUARE[0]];
    expect(new Set(rules(collection(polygonFeature([touch]))))).toEqual(
      new Set(['eudr.check.self_crossing']),
    );
  });

  it('rounds to 6 decimals before it compares vertices, as the EC describes', () => {
    const near = [SQUARE[0], SQUARE[1], [-78.8932134, -5.3051274], ...SQUARE.slice(2)];
    expect(rules(collection(polygonFeature([near])))).toEqual([
      'eudr.check.too_many_decimals',
      'eudr.check.duplicate_vertex',
    ]);
  });

  it('describes every issue in both languages without a code or a placeholder left', () => {
    const issue = checkEudrGeoJson(collection(pointFeature({ ...PROPERTIES, Area: 4.5 }))).issues[0];
    expect(describeEudrCheckIssue(issue!, 'es')).toBe(
      'Area 4.5 ha está fuera de lo permitido para un punto (0.0001 a 4 ha).',
    );
    expect(describeEudrCheckIssue(issue!, 'en')).toBe(
      'Area 4.5 ha is outside what a point may have (0.0001 to 4 ha).',
    );
    for (const [, , file] of cases) {
      for (const found of checkEudrGeoJson(file).issues) {
        for (const locale of ['es', 'en'] as const)
          expect(describeEudrCheckIssue(found, locale)).not.toMatch(/[{}]|eudr\./);
      }
    }
  });
});
