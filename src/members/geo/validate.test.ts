import { describe, expect, it } from 'vitest';
import {
  GEO_ISSUE_CODES,
  type LonLat,
  MAX_POSITIONS,
  truncateCoordinate,
  validatePlotGeometry,
} from '../geo.js';
import {
  closed,
  codes,
  JAEN,
  JAEN_PLOT,
  localPlaneAreaM2,
  only,
  PE,
  point,
  polygon,
  QUILLABAMBA,
  square,
} from './test-helpers.js';

describe('validatePlotGeometry: accepted input', () => {
  it('accepts a 6-decimal point near Jaén and returns it normalised', () => {
    const verdict = validatePlotGeometry(point(-78.806201, -5.708413), PE);
    expect(verdict).toEqual({
      ok: true,
      errors: [],
      warnings: [],
      geometry: point(-78.806201, -5.708413),
      centroid: [-78.806201, -5.708413],
      bbox: [-78.806201, -5.708413, -78.806201, -5.708413],
    });
  });

  it('accepts a surveyed polygon and reports its geodesic area, centroid and bounding box', () => {
    const verdict = validatePlotGeometry(polygon(JAEN_PLOT), { country: 'PE', declaredAreaM2: 12_500 });
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toEqual([]);
    expect(verdict.geometry).toEqual(polygon(JAEN_PLOT));
    expect(Number.isInteger(verdict.areaM2)).toBe(true);
    expect(Math.abs((verdict.areaM2 ?? 0) - localPlaneAreaM2(JAEN_PLOT))).toBeLessThan(2);
    expect(verdict.bbox).toEqual([-78.806545, -5.708413, -78.805287, -5.707402]);
    const [cx = 0, cy = 0] = verdict.centroid ?? [];
    expect(cx).toBeGreaterThan(-78.8066);
    expect(cx).toBeLessThan(-78.8052);
    expect(cy).toBeGreaterThan(-5.7085);
    expect(cy).toBeLessThan(-5.7074);
  });

  it('unwraps a Feature, a one-feature FeatureCollection and a one-part MultiPolygon or MultiPoint', () => {
    const plain = validatePlotGeometry(polygon(JAEN_PLOT), PE);
    const feature = {
      type: 'Feature',
      properties: { ProducerName: 'Rosa Huamán' },
      geometry: polygon(JAEN_PLOT),
    };
    expect(validatePlotGeometry(feature, PE)).toEqual(plain);
    expect(validatePlotGeometry({ type: 'FeatureCollection', features: [feature] }, PE)).toEqual(plain);
    expect(validatePlotGeometry({ type: 'MultiPolygon', coordinates: [[JAEN_PLOT]] }, PE)).toEqual(plain);
    expect(
      validatePlotGeometry({ type: 'MultiPoint', coordinates: [[-78.806201, -5.708413]] }, PE).geometry,
    ).toEqual(point(-78.806201, -5.708413));
  });

  it('reports paths into the input, through the Feature wrapper', () => {
    const feature = { type: 'Feature', properties: {}, geometry: point(-78.806201, 95.5) };
    expect(validatePlotGeometry(feature, PE).errors[0]?.path).toBe('geometry.coordinates');
    const broken = { type: 'Polygon', coordinates: [[-78.8, 'x']] };
    const collection = { type: 'FeatureCollection', features: [{ ...feature, geometry: broken }] };
    expect(validatePlotGeometry(collection, PE).errors[0]?.path).toBe('features.0.geometry.coordinates.0.0');
  });

  it('does not check the country when it has no outline', () => {
    // Jaén is not in Ecuador, but Ayni has no outline of Ecuador: no data is no evidence of an error.
    expect(validatePlotGeometry(point(-78.806201, -5.708413), { country: 'EC' }).ok).toBe(true);
    expect(validatePlotGeometry(point(-78.806201, -5.708413), { country: 'co' }).ok).toBe(false);
  });
});

describe('validatePlotGeometry: errors', () => {
  it('geo.not_geojson: anything that is not a GeoJSON object', () => {
    for (const input of [
      null,
      undefined,
      42,
      'POINT(-78.8 -5.71)',
      [JAEN],
      { coordinates: JAEN },
      { type: 'Punto' },
    ]) {
      const verdict = validatePlotGeometry(input, PE);
      expect(verdict.ok).toBe(false);
      expect(codes(verdict.errors)).toEqual(['geo.not_geojson']);
      expect(verdict.geometry).toBeUndefined();
    }
    expect(validatePlotGeometry({ type: 'Polygon', coordinates: 'x' }, PE).errors[0]).toEqual({
      code: 'geo.not_geojson',
      path: 'coordinates',
    });
  });

  it('geo.empty_geometry: a Feature without geometry or an empty collection', () => {
    const cases: [unknown, string][] = [
      [{ type: 'Feature', properties: {}, geometry: null }, 'geometry'],
      [{ type: 'FeatureCollection', features: [] }, 'features'],
      [{ type: 'Polygon', coordinates: [] }, 'coordinates'],
      [{ type: 'MultiPolygon', coordinates: [] }, 'coordinates'],
    ];
    for (const [input, path] of cases) {
      expect(validatePlotGeometry(input, PE).errors).toEqual([{ code: 'geo.empty_geometry', path }]);
    }
  });

  it('geo.type_not_allowed: lines and geometry collections', () => {
    const line = { type: 'LineString', coordinates: [JAEN, QUILLABAMBA] };
    expect(validatePlotGeometry(line, PE).errors).toEqual([
      { code: 'geo.type_not_allowed', path: 'type', params: { type: 'LineString' } },
    ]);
    const collection = { type: 'GeometryCollection', geometries: [point(...JAEN)] };
    expect(codes(validatePlotGeometry(collection, PE).errors)).toEqual(['geo.type_not_allowed']);
  });

  it('geo.multiple_plots: one polygon is one plot', () => {
    const other = JAEN_PLOT.map(([lon, lat]): LonLat => [lon + 0.01, lat]);
    expect(
      validatePlotGeometry({ type: 'MultiPolygon', coordinates: [[JAEN_PLOT], [other]] }, PE).errors,
    ).toEqual([{ code: 'geo.multiple_plots', path: 'coordinates', params: { count: 2 } }]);
    const features = [JAEN_PLOT, other, other].map((ring) => ({
      type: 'Feature',
      properties: {},
      geometry: polygon(ring),
    }));
    expect(validatePlotGeometry({ type: 'FeatureCollection', features }, PE).errors).toEqual([
      { code: 'geo.multiple_plots', path: 'features', params: { count: 3 } },
    ]);
  });

  it('geo.invalid_position: strings, nested arrays, missing values', () => {
    // "Area": "3" style mistakes: text where numbers belong.
    expect(
      validatePlotGeometry({ type: 'Point', coordinates: ['-78.806201', '-5.708413'] }, PE).errors,
    ).toEqual([{ code: 'geo.invalid_position', path: 'coordinates' }]);
    // TRACES: a point's coordinates are an array, not an array of arrays.
    expect(codes(validatePlotGeometry({ type: 'Point', coordinates: [JAEN] }, PE).errors)).toEqual([
      'geo.invalid_position',
    ]);
    expect(codes(validatePlotGeometry({ type: 'Point', coordinates: [-78.8] }, PE).errors)).toEqual([
      'geo.invalid_position',
    ]);
    // A polygon missing one level of brackets.
    const flat = validatePlotGeometry({ type: 'Polygon', coordinates: JAEN_PLOT }, PE);
    expect(flat.errors[0]).toEqual({ code: 'geo.invalid_position', path: 'coordinates.0.0' });
    const broken = [...JAEN_PLOT];
    broken[2] = [Number.NaN, -5.7] as LonLat;
    expect(validatePlotGeometry(polygon(broken), PE).errors).toEqual([
      { code: 'geo.invalid_position', path: 'coordinates.0.2' },
    ]);
  });

  it('geo.too_many_positions: the O(n²) checks are bounded', () => {
    const ring = Array.from({ length: MAX_POSITIONS + 1 }, (_, i): LonLat => [-78.8 + i * 1e-6, -5.71]);
    expect(validatePlotGeometry(polygon(ring), PE).errors).toEqual([
      {
        code: 'geo.too_many_positions',
        path: 'coordinates',
        params: { count: MAX_POSITIONS + 1, max: MAX_POSITIONS },
      },
    ]);
  });

  it('geo.coordinate_out_of_range: with a hint when swapping would fit', () => {
    const swapped = validatePlotGeometry(point(-5.708413, -178.806201), PE);
    expect(swapped.errors).toEqual([
      {
        code: 'geo.coordinate_out_of_range',
        path: 'coordinates',
        params: { lon: -5.708413, lat: -178.806201, hint: 'swapped' },
      },
    ]);
    const hopeless = validatePlotGeometry(point(-278.8, -95.7), PE);
    expect(hopeless.errors).toEqual([
      { code: 'geo.coordinate_out_of_range', path: 'coordinates', params: { lon: -278.8, lat: -95.7 } },
    ]);
    const ring = [...JAEN_PLOT];
    ring[3] = [-78.806163, -95.707402];
    expect(validatePlotGeometry(polygon(ring), PE).errors.map((e) => e.path)).toEqual(['coordinates.0.3']);
  });

  it('geo.too_few_positions: fewer than 3 distinct corners, also after truncation', () => {
    const line = closed([-78.806201, -5.708413], [-78.805312, -5.708391]);
    expect(validatePlotGeometry(polygon(line), PE).errors).toEqual([
      { code: 'geo.too_few_positions', path: 'coordinates.0', params: { count: 2, min: 3 } },
    ]);
    // Three corners that differ only in the 7th decimal are one point to TRACES.
    const blur = closed([-78.8062011, -5.7084131], [-78.8062012, -5.7084132], [-78.8062013, -5.7084133]);
    expect(validatePlotGeometry(polygon(blur), PE).errors).toEqual([
      { code: 'geo.too_few_positions', path: 'coordinates.0', params: { count: 1, min: 3 } },
    ]);
  });

  it('geo.has_holes: no doughnuts', () => {
    const hole = closed([-78.806, -5.7081], [-78.806, -5.7078], [-78.8057, -5.7078], [-78.8057, -5.7081]);
    const verdict = validatePlotGeometry(polygon(JAEN_PLOT, hole), PE);
    expect(verdict.errors).toEqual([{ code: 'geo.has_holes', path: 'coordinates.1', params: { count: 1 } }]);
    expect(verdict.geometry?.coordinates).toHaveLength(2);
  });

  describe('geo.self_intersection', () => {
    it('finds the crossing of a bow-tie and says where', () => {
      const bowTie = closed([-78.8, -5.71], [-78.799, -5.709], [-78.799, -5.71], [-78.8, -5.709]);
      const verdict = validatePlotGeometry(polygon(bowTie), PE);
      expect(verdict.errors).toEqual([
        {
          code: 'geo.self_intersection',
          path: 'coordinates.0.0',
          params: { where: '-78.799500, -5.709500' },
        },
      ]);
      expect(verdict.areaM2).toBeUndefined();
      expect(verdict.geometry).toBeDefined();
    });

    it('finds a spike that returns along itself', () => {
      // ... → (-78.8055, -5.7080) → out to (-78.8040, -5.7080) → back to (-78.8050, -5.7080) → ...
      const spike = closed(
        [-78.806, -5.7085],
        [-78.805, -5.7085],
        [-78.8055, -5.708],
        [-78.804, -5.708],
        [-78.805, -5.708],
        [-78.806, -5.7075],
      );
      // Two findings: the tip where it folds back, and the base where the return lands on the way out.
      expect(validatePlotGeometry(polygon(spike), PE).errors).toEqual([
        {
          code: 'geo.self_intersection',
          path: 'coordinates.0.3',
          params: { where: '-78.804000, -5.708000' },
        },
        {
          code: 'geo.self_intersection',
          path: 'coordinates.0.2',
          params: { where: '-78.805000, -5.708000' },
        },
      ]);
    });

    it('finds non-adjacent edges that only touch, and a corner visited twice', () => {
      // Vertex 3 sits exactly on edge 0–1: the ring pinches into two lobes.
      const pinched = closed(
        [-78.806, -5.7085],
        [-78.804, -5.7085],
        [-78.804, -5.7075],
        [-78.805, -5.7085],
        [-78.806, -5.7075],
      );
      expect(validatePlotGeometry(polygon(pinched), PE).errors).toEqual([
        {
          code: 'geo.self_intersection',
          path: 'coordinates.0.0',
          params: { where: '-78.805000, -5.708500' },
        },
      ]);
      // A figure of eight through a corner used twice (TRACES: duplicate vertices).
      const eight = closed(
        [-78.806, -5.7085],
        [-78.805, -5.708],
        [-78.804, -5.7085],
        [-78.804, -5.7075],
        [-78.805, -5.708],
        [-78.806, -5.7075],
      );
      expect(codes(validatePlotGeometry(polygon(eight), PE).errors)).toEqual(['geo.self_intersection']);
    });

    it('finds collinear edges that overlap', () => {
      const overlapping = closed(
        [-78.806, -5.7085],
        [-78.804, -5.7085],
        [-78.804, -5.7075],
        [-78.8045, -5.7075],
        [-78.8045, -5.7085],
        [-78.805, -5.7085],
        [-78.806, -5.7075],
      );
      expect(codes(validatePlotGeometry(polygon(overlapping), PE).errors)).toContain('geo.self_intersection');
    });

    it('accepts concave plots and straight-through vertices', () => {
      const ell = closed(
        [-78.806, -5.7085],
        [-78.805, -5.7085],
        [-78.804, -5.7085], // collinear: not a spike
        [-78.804, -5.708],
        [-78.805, -5.708],
        [-78.805, -5.7075],
        [-78.806, -5.7075],
      );
      expect(validatePlotGeometry(polygon(ell), PE).errors).toEqual([]);
    });

    it('reports a messy track at most 20 times', () => {
      // A zig-zag walked back over itself crosses many times.
      const zigzag: LonLat[] = [];
      for (let i = 0; i < 60; i++) zigzag.push([-78.806 + i * 1e-4, i % 2 === 0 ? -5.7085 : -5.7075]);
      for (let i = 59; i >= 0; i--) zigzag.push([-78.806 + i * 1e-4 + 5e-5, i % 2 === 0 ? -5.7075 : -5.7085]);
      const errors = validatePlotGeometry(polygon(closed(...zigzag)), PE).errors;
      expect(errors.length).toBe(20);
      expect(new Set(errors.map((e) => e.params?.where)).size).toBe(20);
    });
  });

  it('geo.area_too_small: under the 0.0001 ha the EU Information System accepts', () => {
    const speck = closed([-78.806201, -5.708413], [-78.8062, -5.708413], [-78.806201, -5.708412]);
    expect(validatePlotGeometry(polygon(speck), PE).errors).toEqual([
      { code: 'geo.area_too_small', path: 'coordinates', params: { min: 1 } },
    ]);
  });

  describe('geo.outside_country', () => {
    it('refuses a Peruvian plot declared in Colombia, without a hint', () => {
      expect(validatePlotGeometry(point(-78.806201, -5.708413), { country: 'CO' }).errors).toEqual([
        { code: 'geo.outside_country', path: 'coordinates', params: { country: 'CO' } },
      ]);
    });

    it('hints at latitude and longitude swapped, the common spreadsheet error', () => {
      const swapped = JAEN_PLOT.map(([lon, lat]): LonLat => [lat, lon]);
      const verdict = validatePlotGeometry(polygon(swapped), PE);
      expect(verdict.errors).toEqual([
        { code: 'geo.outside_country', path: 'coordinates.0.0', params: { country: 'PE', hint: 'swapped' } },
      ]);
      const quillabamba = validatePlotGeometry(point(-12.861234, -72.691234), PE);
      expect(quillabamba.errors[0]?.params).toEqual({ country: 'PE', hint: 'swapped' });
    });

    it('hints at a missing minus sign', () => {
      expect(validatePlotGeometry(point(78.806201, -5.708413), PE).errors[0]?.params).toEqual({
        country: 'PE',
        hint: 'sign',
      });
      // Huila is north of the equator; a stray minus puts it in Ecuador or Peru.
      expect(validatePlotGeometry(point(-76.051234, -1.851234), { country: 'CO' }).errors[0]?.params).toEqual(
        {
          country: 'CO',
          hint: 'sign',
        },
      );
    });

    it('points at the one corner typed wrong', () => {
      const typo = [...JAEN_PLOT];
      typo[2] = [-7.805287, -5.707488];
      const error = only(validatePlotGeometry(polygon(typo), PE), 'geo.outside_country');
      expect(error).toEqual({
        code: 'geo.outside_country',
        path: 'coordinates.0.2',
        params: { country: 'PE' },
      });
    });
  });

  it('geo.polygon_required_over_4ha: a point may stand for at most 4 ha', () => {
    const big = validatePlotGeometry(point(-78.806201, -5.708413), { country: 'PE', declaredAreaM2: 52_500 });
    expect(big.errors).toEqual([
      {
        code: 'geo.polygon_required_over_4ha',
        path: 'coordinates',
        params: { declared: '5.25', max: '4.00' },
      },
    ]);
    expect(
      validatePlotGeometry(point(-78.806201, -5.708413), { country: 'PE', declaredAreaM2: 40_000 }).ok,
    ).toBe(true);
    expect(
      validatePlotGeometry(point(-78.806201, -5.708413), { country: 'PE', declaredAreaM2: null }).ok,
    ).toBe(true);
    // A polygon of any size is fine.
    const fiveHa = square(QUILLABAMBA, 224);
    expect(validatePlotGeometry(polygon(fiveHa), { country: 'PE', declaredAreaM2: 50_000 }).ok).toBe(true);
  });
});

describe('validatePlotGeometry: warnings and normalisation', () => {
  it('geo.ring_not_closed: closes the ring and says so', () => {
    const open = JAEN_PLOT.slice(0, -1);
    const verdict = validatePlotGeometry(polygon(open), PE);
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toEqual([{ code: 'geo.ring_not_closed', path: 'coordinates.0' }]);
    expect(verdict.geometry).toEqual(polygon(JAEN_PLOT));
  });

  it('geo.duplicate_consecutive_points: removes repeats, also those made by truncation', () => {
    const ring = [...JAEN_PLOT];
    ring.splice(2, 0, [-78.8053124, -5.7083919]); // equals corner 1 after truncation
    ring.splice(4, 0, [-78.805287, -5.707488]); // corner 2 typed twice
    ring.push(ring[0] as LonLat); // closing point repeated
    const verdict = validatePlotGeometry(polygon(ring), PE);
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toEqual([
      { code: 'geo.duplicate_consecutive_points', path: 'coordinates.0.2', params: { count: 3 } },
    ]);
    expect(verdict.geometry).toEqual(polygon(JAEN_PLOT));
  });

  it('geo.low_precision: only when no coordinate has 6 decimals', () => {
    const rounded = JAEN_PLOT.map(([lon, lat]): LonLat => [Number(lon.toFixed(4)), Number(lat.toFixed(4))]);
    expect(validatePlotGeometry(polygon(rounded), PE).warnings).toEqual([
      { code: 'geo.low_precision', path: 'coordinates', params: { decimals: 4, min: 6 } },
    ]);
    expect(validatePlotGeometry(point(-78.8062, -5.7084), PE).warnings[0]?.params).toEqual({
      decimals: 4,
      min: 6,
    });
    // -78.806200 arrives as -78.8062 (JSON drops trailing zeros); other corners show the survey had 6.
    const someZeros = [...JAEN_PLOT];
    someZeros[1] = [-78.8053, -5.7084];
    expect(validatePlotGeometry(polygon(someZeros), PE).warnings).toEqual([]);
  });

  it('geo.area_mismatch: declared vs mapped area more than 20 % apart', () => {
    const hectare = square(JAEN, 100);
    const verdict = validatePlotGeometry(polygon(hectare), { country: 'PE', declaredAreaM2: 15_000 });
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toEqual([
      { code: 'geo.area_mismatch', path: 'coordinates', params: { declared: '1.50', computed: '1.00' } },
    ]);
    expect(
      validatePlotGeometry(polygon(hectare), { country: 'PE', declaredAreaM2: 11_900 }).warnings,
    ).toEqual([]);
    expect(
      validatePlotGeometry(polygon(hectare), { country: 'PE', declaredAreaM2: 7_900 }).warnings,
    ).toHaveLength(1);
    // 20 % of the mapped area, not of the declared one: 12,400 is 24 % over 10,000 (but 19 % of 12,400).
    expect(
      validatePlotGeometry(polygon(hectare), { country: 'PE', declaredAreaM2: 12_400 }).warnings,
    ).toHaveLength(1);
  });

  it('truncates to 6 decimals (as TRACES does), never rounds, and drops altitude', () => {
    expect(truncateCoordinate(-78.8012349)).toBe(-78.801234);
    expect(truncateCoordinate(-5.7099999)).toBe(-5.709999);
    expect(truncateCoordinate(-78.8)).toBe(-78.8); // binary -78.79999999999999715… is not cut to -78.799999
    expect(truncateCoordinate(0.0000009)).toBe(0);
    expect(truncateCoordinate(-0.0000009)).toBe(0);
    expect(truncateCoordinate(1.5e-6)).toBe(0.000001);
    const verdict = validatePlotGeometry({ type: 'Point', coordinates: [-78.8062019, -5.7084139, 1450] }, PE);
    expect(verdict.geometry).toEqual(point(-78.806201, -5.708413));
  });

  it('turns the outer ring counter-clockwise (RFC 7946), keeping the first corner first', () => {
    const [v0, v1, v2, v3, v4] = JAEN_PLOT as [LonLat, LonLat, LonLat, LonLat, LonLat];
    const verdict = validatePlotGeometry(polygon([v2, v1, v0, v4, v3, v2]), PE);
    expect(verdict.geometry).toEqual(polygon([v2, v3, v4, v0, v1, v2]));
    expect(verdict.areaM2).toBe(validatePlotGeometry(polygon(JAEN_PLOT), PE).areaM2);
  });

  it('every code it returns is listed in GEO_ISSUE_CODES', () => {
    const seen = [
      validatePlotGeometry(null, PE),
      validatePlotGeometry(point(-5.708413, -78.806201), PE),
      validatePlotGeometry(polygon(JAEN_PLOT.slice(0, -1).map(([x, y]): LonLat => [x, y])), PE),
    ].flatMap((v) => [...v.errors, ...v.warnings]);
    for (const issue of seen) expect(GEO_ISSUE_CODES).toContain(issue.code);
  });
});
