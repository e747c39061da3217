import fc from 'fast-check';
import type { Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import outlinesJson from '../shared/country-outlines.json' with { type: 'json' };
import {
  bboxesIntersect,
  bboxOf,
  GEO_ISSUE_CODES,
  type GeoIssue,
  type GeometryVerdict,
  geodesicAreaM2,
  insideCountry,
  type LonLat,
  MAX_POSITIONS,
  pointInPolygon,
  polygonsOverlap,
  truncateCoordinate,
  validatePlotGeometry,
} from './geo.js';

// Places where Ayni's cooperatives grow coffee.
const JAEN: LonLat = [-78.8, -5.71]; // Cajamarca, Peru
const QUILLABAMBA: LonLat = [-72.69, -12.86]; // La Convención, Cusco, Peru
const PITALITO: LonLat = [-76.05, 1.85]; // Huila, Colombia

const PE = { country: 'PE' };

// WGS84 radii of curvature, to lay plots out in metres independently of the code under test.
const A = 6_378_137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;

/** The position `east` and `north` metres from `origin` (local tangent plane; exact enough below 10 km). */
function offset([lon, lat]: LonLat, east: number, north: number): LonLat {
  const s = Math.sin(lat * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const meridional = (A * (1 - E2)) / (w * w * w);
  const primeVertical = A / w;
  return [lon + east / (primeVertical * Math.cos(lat * RAD)) / RAD, lat + north / meridional / RAD];
}

/** Shoelace area in a local tangent plane at the first vertex: an independent oracle for small plots. */
function localPlaneAreaM2(ring: LonLat[]): number {
  const [lon0, lat0] = ring[0] as LonLat;
  const s = Math.sin(lat0 * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const xy = ring.map(([lon, lat]) => [
    (lon - lon0) * RAD * (A / w) * Math.cos(lat0 * RAD),
    (lat - lat0) * RAD * ((A * (1 - E2)) / (w * w * w)),
  ]);
  let twice = 0;
  for (let i = 0; i + 1 < xy.length; i++) {
    const [x0 = 0, y0 = 0] = xy[i] ?? [];
    const [x1 = 0, y1 = 0] = xy[i + 1] ?? [];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice / 2);
}

/** A closed ring through `corners` given in metres from `origin`. */
function ringFromMetres(origin: LonLat, corners: [number, number][]): LonLat[] {
  const ring = corners.map(([e, n]) => offset(origin, e, n));
  return [...ring, ring[0] as LonLat];
}

/** A square of `side` metres, its south-west corner at `origin`, counter-clockwise, closed. */
function square(origin: LonLat, side: number): LonLat[] {
  return ringFromMetres(origin, [
    [0, 0],
    [side, 0],
    [side, side],
    [0, side],
  ]);
}

/** A ring with 6-decimal coordinates written out by hand, closed. */
function closed(...ring: LonLat[]): LonLat[] {
  return [...ring, ring[0] as LonLat];
}

const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
const codes = (issues: GeoIssue[]) => issues.map((issue) => issue.code);
const only = (verdict: GeometryVerdict, code: string) => verdict.errors.find((e) => e.code === code);

// A 6-decimal, 1.26 ha plot near Jaén, as a surveyor's GPS would give it.
const JAEN_PLOT = closed(
  [-78.806201, -5.708413],
  [-78.805312, -5.708391],
  [-78.805287, -5.707488],
  [-78.806163, -5.707402],
  [-78.806545, -5.707904],
);

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

  it('truncates any coordinate as its decimal digits say, on the grid, next to it, or off it', () => {
    // Next to the grid: 92.38257899999999 is one step below 92.382579, and × 10⁶ rounds to 92382579 exactly.
    expect(truncateCoordinate(92.38257899999999)).toBe(92.382578);
    expect(truncateCoordinate(-0.8955649999999999)).toBe(-0.895564);
    expect(truncateCoordinate(56.677702000000004)).toBe(56.677702);
    const bits = new Float64Array(1);
    const steps = new BigInt64Array(bits.buffer);
    const nextTo = (value: number, step: number) => {
      bits[0] = value;
      steps[0] = (steps[0] as bigint) + BigInt(step);
      return bits[0] as number;
    };
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 12 });
    const coordinate = fc.oneof(
      // as typed: up to 12 decimals
      fc
        .tuple(fc.boolean(), fc.integer({ min: 0, max: 180 }), digits)
        .map(([negative, whole, fraction]) => Number(`${negative ? '-' : ''}${whole}.${fraction}0`)),
      // on the grid, and the doubles either side of a grid value
      fc
        .tuple(fc.integer({ min: -180_000_000, max: 180_000_000 }), fc.integer({ min: -2, max: 2 }))
        .map(([micro, step]) => nextTo(micro / 1_000_000, step)),
    );
    fc.assert(
      fc.property(coordinate, (value) => {
        // Oracle: cut the shortest decimal text of the number (what a person or a file would have written).
        const text = String(Math.abs(value));
        fc.pre(!text.includes('e'));
        const [whole = '0', fraction = ''] = text.split('.');
        expect(Math.abs(truncateCoordinate(value))).toBe(
          Number(`${whole}.${fraction.slice(0, 6).padEnd(6, '0')}`),
        );
      }),
      { numRuns: 3_000 },
    );
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

describe('geodesicAreaM2', () => {
  it('gives 12,308 km² for a 1° × 1° cell at the equator, as integrating the ellipsoid does', () => {
    const area = geodesicAreaM2([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(Math.round(area / 1e6)).toBe(12_308);
    // Independent check: Simpson's rule over the WGS84 area element a²(1−e²)cosφ / (1−e² sin²φ)² dφ dλ.
    const element = (phi: number) => (A * A * (1 - E2) * Math.cos(phi)) / (1 - E2 * Math.sin(phi) ** 2) ** 2;
    const steps = 1000;
    const h = RAD / steps;
    let sum = 0;
    for (let i = 0; i <= steps; i++)
      sum += element(i * h) * (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2);
    expect(Math.abs(area - (RAD * sum * h) / 3)).toBeLessThan(1);
  });

  it('gives an eighth of the WGS84 surface (510,065,621.724 km²) for an octant', () => {
    const octant = geodesicAreaM2([
      [0, 0],
      [90, 0],
      [90, 90],
      [0, 90],
    ]);
    expect(Math.abs(octant / (510_065_621.724e6 / 8) - 1)).toBeLessThan(1e-9);
  });

  it('gives 1 ha within 0.5 % for a 100 m × 100 m square near Jaén and Quillabamba', () => {
    for (const origin of [JAEN, QUILLABAMBA, PITALITO]) {
      expect(Math.abs(geodesicAreaM2(square(origin, 100)) - 10_000)).toBeLessThan(50);
    }
  });

  it('handles a ring across the antimeridian (Fiji) like the same ring elsewhere', () => {
    const across = closed([179.9995, -17], [-179.9995, -17], [-179.9995, -16.999], [179.9995, -16.999]);
    const elsewhere = closed([-0.0005, -17], [0.0005, -17], [0.0005, -16.999], [-0.0005, -16.999]);
    expect(geodesicAreaM2(across)).toBe(geodesicAreaM2(elsewhere));
    expect(geodesicAreaM2(across)).toBeGreaterThan(10_000);
  });

  it('does not depend on closure or orientation', () => {
    const ring = square(JAEN, 100);
    expect(geodesicAreaM2(ring.slice(0, -1))).toBe(geodesicAreaM2(ring));
    expect(geodesicAreaM2([...ring].reverse())).toBe(geodesicAreaM2(ring));
  });

  it('stays within its documented bound when edges are densified (edges are lines in lon/lat)', () => {
    // A 2 km square turned 30°: every edge runs diagonally, the worst case for the trapezoid rule.
    const corners: [number, number][] = [
      [0, 0],
      [1732, 1000],
      [732, 2732],
      [-1000, 1732],
    ];
    const turned = ringFromMetres(QUILLABAMBA, corners);
    const dense: LonLat[] = [];
    for (let i = 0; i + 1 < turned.length; i++) {
      const [x0, y0] = turned[i] as LonLat;
      const [x1, y1] = turned[i + 1] as LonLat;
      for (let k = 0; k < 100; k++) dense.push([x0 + ((x1 - x0) * k) / 100, y0 + ((y1 - y0) * k) / 100]);
    }
    const coarse = geodesicAreaM2(turned);
    expect(Math.abs(coarse - 4_000_000)).toBeLessThan(4_000); // laid out in metres: 0.1 %
    expect(Math.abs(geodesicAreaM2(dense) - coarse) / coarse).toBeLessThan(1e-5);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property tests

/**
 * A star-shaped ring around a centre within `spread` metres of Jaén: simple by construction (angles
 * increase), and simple still after truncation (non-adjacent edges stay metres apart).
 */
const starRingWithin = (spread: number) =>
  fc
    .record({
      east: fc.double({ min: -spread, max: spread, noNaN: true }),
      north: fc.double({ min: -spread, max: spread, noNaN: true }),
      radii: fc.array(fc.double({ min: 20, max: 300, noNaN: true }), { minLength: 3, maxLength: 24 }),
    })
    .map(({ east, north, radii }) => {
      const centre = offset(JAEN, east, north);
      return ringFromMetres(
        centre,
        radii.map((r, i): [number, number] => {
          const angle = (2 * Math.PI * i) / radii.length;
          return [r * Math.cos(angle), r * Math.sin(angle)];
        }),
      );
    });
const starRing = starRingWithin(5_000);
/** Rings close enough to each other that overlap and separation both happen often. */
const nearbyRing = starRingWithin(300);

const rotate = (ring: LonLat[], by: number): LonLat[] => {
  const open = ring.slice(0, -1);
  const k = by % open.length;
  const turned = [...open.slice(k), ...open.slice(0, k)];
  return [...turned, turned[0] as LonLat];
};

describe('properties', () => {
  it('area is invariant under rotation and reversal of the ring', () => {
    fc.assert(
      fc.property(starRing, fc.nat(), (ring, by) => {
        const area = geodesicAreaM2(ring);
        expect(Math.abs(geodesicAreaM2(rotate(ring, by)) - area)).toBeLessThanOrEqual(1);
        expect(Math.abs(geodesicAreaM2([...ring].reverse()) - area)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('area of a square scales with the square of its side', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 1_000, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.constantFrom(JAEN, QUILLABAMBA, PITALITO),
        (side, k, origin) => {
          const small = geodesicAreaM2(square(origin, side));
          const large = geodesicAreaM2(square(origin, side * k));
          expect(Math.abs(small - side * side)).toBeLessThanOrEqual(1 + side * side * 1e-4);
          expect(Math.abs(large - k * k * small)).toBeLessThanOrEqual(k * k + large * 2e-4);
        },
      ),
    );
  });

  it('overlap is symmetric, and both answers occur', () => {
    const outcomes = new Set<boolean>();
    fc.assert(
      fc.property(nearbyRing, nearbyRing, (a, b) => {
        const ab = polygonsOverlap(a, b);
        outcomes.add(ab);
        expect(polygonsOverlap(b, a)).toBe(ab);
      }),
      { numRuns: 300, examples: [[square(JAEN, 100), square(offset(JAEN, 50, 50), 100)]] },
    );
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it('a polygon overlaps itself, however its ring is written', () => {
    fc.assert(
      fc.property(starRing, fc.nat(), (ring, by) => {
        expect(polygonsOverlap(ring, ring)).toBe(true);
        expect(polygonsOverlap(ring, [...rotate(ring, by)].reverse())).toBe(true);
      }),
    );
  });

  it('a polygon moved beyond its own bounding box does not overlap', () => {
    fc.assert(
      fc.property(
        starRing,
        fc.double({ min: 1.001, max: 100, noNaN: true }),
        fc.boolean(),
        (ring, factor, east) => {
          const [minLon, minLat, maxLon, maxLat] = bboxOf(ring);
          const dLon = east ? (maxLon - minLon) * factor : 0;
          const dLat = east ? 0 : (maxLat - minLat) * factor;
          const moved = ring.map(([lon, lat]): LonLat => [lon + dLon, lat + dLat]);
          expect(polygonsOverlap(ring, moved)).toBe(false);
          expect(bboxesIntersect(bboxOf(ring), bboxOf(moved))).toBe(false);
        },
      ),
    );
  });

  it('validating a normalised geometry changes nothing (idempotent normalisation)', () => {
    fc.assert(
      fc.property(starRing, fc.nat(), fc.boolean(), (ring, by, reverse) => {
        const input = reverse ? [...rotate(ring, by)].reverse() : rotate(ring, by);
        const first = validatePlotGeometry(polygon(input), PE);
        expect(first.ok).toBe(true);
        const again = validatePlotGeometry(first.geometry, PE);
        expect(again.ok).toBe(true);
        expect(again.errors).toEqual([]);
        expect(again.geometry).toEqual(first.geometry);
        expect(again.areaM2).toBe(first.areaM2);
        expect(again.centroid).toEqual(first.centroid);
        expect(again.warnings.filter((w) => w.code !== 'geo.low_precision')).toEqual([]);
      }),
    );
  });

  it('points inside a star ring by construction are inside; points beyond every radius are not', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (angle) => {
        const ring = ringFromMetres(
          QUILLABAMBA,
          Array.from({ length: 12 }, (_, i): [number, number] => [
            200 * Math.cos((i * Math.PI) / 6),
            200 * Math.sin((i * Math.PI) / 6),
          ]),
        );
        // The 12-gon contains the disc of radius 200·cos(15°) ≈ 193 m and lies within 200 m.
        expect(pointInPolygon(offset(QUILLABAMBA, 150 * Math.cos(angle), 150 * Math.sin(angle)), ring)).toBe(
          true,
        );
        expect(pointInPolygon(offset(QUILLABAMBA, 210 * Math.cos(angle), 210 * Math.sin(angle)), ring)).toBe(
          false,
        );
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('polygonsOverlap', () => {
  // Squares of 0.001° (≈ 110 m) near Jaén, built in whole micro-degrees so no float artefact moves them.
  const cell = (col: number, row: number, shiftMicro: [number, number] = [0, 0]): LonLat[] => {
    const x = -78_806_000 + col * 1000 + shiftMicro[0];
    const y = -5_709_000 + row * 1000 + shiftMicro[1];
    const at = (dx: number, dy: number): LonLat => [(x + dx) / 1e6, (y + dy) / 1e6];
    return closed(at(0, 0), at(1000, 0), at(1000, 1000), at(0, 1000));
  };

  it('neighbours that share an edge or a corner do not overlap', () => {
    expect(polygonsOverlap(cell(0, 0), cell(1, 0))).toBe(false);
    expect(polygonsOverlap(cell(0, 0), cell(0, 1))).toBe(false);
    expect(polygonsOverlap(cell(0, 0), cell(1, 1))).toBe(false);
    // Sharing only part of an edge, offset by half a cell.
    const half = cell(1, 0, [0, 500]);
    expect(polygonsOverlap(cell(0, 0), half)).toBe(false);
    // A triangle whose tip rests on the square's edge from outside.
    const tip = closed([-78.8055, -5.708], [-78.805, -5.7075], [-78.806, -5.7075]);
    expect(polygonsOverlap(cell(0, 0), tip)).toBe(false);
  });

  it('crossing edges, containment and the same area mapped twice overlap', () => {
    const shifted = cell(0, 0, [500, 500]);
    expect(polygonsOverlap(cell(0, 0), shifted)).toBe(true);
    const inner = closed([-78.8058, -5.7088], [-78.8052, -5.7088], [-78.8052, -5.7082], [-78.8058, -5.7082]);
    expect(polygonsOverlap(cell(0, 0), inner)).toBe(true);
    expect(polygonsOverlap(inner, cell(0, 0))).toBe(true);
    // Inside and touching the outer edge from within: no edge crosses, yet they overlap.
    const hugging = closed([-78.806, -5.709], [-78.8055, -5.709], [-78.8055, -5.7085], [-78.806, -5.7085]);
    expect(polygonsOverlap(cell(0, 0), hugging)).toBe(true);
    // The same square written with an extra corner on one edge, from another start.
    const same = closed(
      [-78.805, -5.709],
      [-78.805, -5.708],
      [-78.806, -5.708],
      [-78.806, -5.709],
      [-78.8055, -5.709],
    );
    expect(polygonsOverlap(cell(0, 0), same)).toBe(true);
  });

  it('counts an overlap of a single grid step (≈ 0.11 m)', () => {
    expect(polygonsOverlap(cell(0, 0), cell(1, 0, [-1, 0]))).toBe(true);
    expect(polygonsOverlap(cell(0, 0), cell(1, 0, [0, 0]))).toBe(false);
    expect(polygonsOverlap(cell(0, 0), cell(1, 0, [1, 0]))).toBe(false);
  });

  it('accepts Polygon objects as well as rings, and ignores degenerate input', () => {
    expect(polygonsOverlap(polygon(cell(0, 0)), polygon(cell(0, 0)))).toBe(true);
    const flat = closed([-78.806, -5.709], [-78.805, -5.709], [-78.804, -5.709]);
    expect(polygonsOverlap(cell(0, 0), flat)).toBe(false);
  });
});

describe('pointInPolygon, bboxOf, bboxesIntersect', () => {
  const ring = closed([-78.81, -5.72], [-78.79, -5.72], [-78.79, -5.7], [-78.81, -5.7]);
  const hole = closed([-78.805, -5.715], [-78.805, -5.705], [-78.795, -5.705], [-78.795, -5.715]);

  it('counts the boundary as inside and holes as outside', () => {
    expect(pointInPolygon(JAEN, ring)).toBe(true);
    expect(pointInPolygon([-78.79, -5.71], ring)).toBe(true);
    expect(pointInPolygon([-78.81, -5.72], ring)).toBe(true);
    expect(pointInPolygon([-78.789999, -5.71], ring)).toBe(false);
    expect(pointInPolygon(JAEN, polygon(ring, hole))).toBe(false);
    expect(pointInPolygon([-78.805, -5.71], polygon(ring, hole))).toBe(true);
    expect(pointInPolygon([-78.808, -5.71], polygon(ring, hole))).toBe(true);
  });

  it('is exact even where floating point is not (edges spanning continents)', () => {
    // (50, 25.000001) lies just left of the edge a→b, outside this clockwise triangle; in doubles the
    // cross product of the edge and a→p rounds to 0 and the point would count as on the boundary.
    const giant = closed([-150, -75], [150.000001, 75.000002], [150, -75]);
    expect(pointInPolygon([50, 25.000001], giant)).toBe(false);
    expect(pointInPolygon([50, 25], giant)).toBe(true);
  });

  it('computes and compares bounding boxes, touching included', () => {
    expect(bboxOf(ring)).toEqual([-78.81, -5.72, -78.79, -5.7]);
    expect(bboxOf(polygon(ring))).toEqual([-78.81, -5.72, -78.79, -5.7]);
    expect(bboxOf(point(...JAEN))).toEqual([-78.8, -5.71, -78.8, -5.71]);
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[ring], [square(QUILLABAMBA, 10)]] })[1]).toBe(
      -12.86,
    );
    expect(() => bboxOf([])).toThrow(RangeError);
    expect(bboxesIntersect([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxesIntersect([0, 0, 1, 1], [0.5, -1, 0.6, 2])).toBe(true);
    expect(bboxesIntersect([0, 0, 1, 1], [1.000001, 0, 2, 1])).toBe(false);
    expect(bboxesIntersect([0, 0, 1, 1], [0, 1.5, 1, 2])).toBe(false);
  });
});

describe('insideCountry', () => {
  it('finds coffee towns in their country and not in the other', () => {
    const peru: LonLat[] = [
      JAEN,
      QUILLABAMBA,
      [-75.27, -10.73],
      [-76.97, -6.03],
      [-69.47, -14.29],
      [-79.087, -5.003],
    ];
    const colombia: LonLat[] = [PITALITO, [-75.57, 4.64], [-75.82, 5.6], [-74.2, 11.1]];
    for (const [lon, lat] of peru) {
      expect(insideCountry(lon, lat, 'PE')).toBe(true);
      expect(insideCountry(lon, lat, 'CO')).toBe(false);
    }
    for (const [lon, lat] of colombia) {
      expect(insideCountry(lon, lat, 'CO')).toBe(true);
      expect(insideCountry(lon, lat, 'PE')).toBe(false);
    }
    // Leticia faces Peru across the Amazon: within both margins, which is the point of a margin.
    expect(insideCountry(-69.94, -4.21, 'CO')).toBe(true);
  });

  it('refuses neighbours beyond the margin, the sea, Null Island and swapped coordinates', () => {
    expect(insideCountry(-78.47, -0.18, 'PE')).toBe(false); // Quito
    expect(insideCountry(-78.47, -0.18, 'CO')).toBe(false);
    expect(insideCountry(-79.2, -4.0, 'PE')).toBe(false); // Loja, Ecuador
    expect(insideCountry(-82.5, -8.0, 'PE')).toBe(false); // Pacific
    expect(insideCountry(0, 0, 'PE')).toBe(false);
    expect(insideCountry(-5.71, -78.8, 'PE')).toBe(false);
    expect(insideCountry(Number.NaN, -5.71, 'PE')).toBe(false);
  });

  it('agrees with the outline itself, wherever the point falls (the cells it remembers included)', () => {
    // Oracle: inside the outline polygon (pointInPolygon), or within the margin of its boundary (distance in
    // a local plane, 1 % slack for the approximation). The cache of inside cells may only save work.
    const outlines = outlinesJson.countries as unknown as Record<
      string,
      { marginM: number; bbox: number[]; outline: { coordinates: Position[][][] } }
    >;
    const nearBoundary = (lon: number, lat: number, rings: Position[][], margin: number) => {
      const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
      const ky = 110_574;
      let best = Number.POSITIVE_INFINITY;
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1 = 0, y1 = 0] = ring[i] as Position;
          const [x2 = 0, y2 = 0] = ring[i + 1] as Position;
          const ax = (x1 - lon) * kx;
          const ay = (y1 - lat) * ky;
          const dx = (x2 - x1) * kx;
          const dy = (y2 - y1) * ky;
          const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
          best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
      }
      return best <= margin * 1.01;
    };
    for (const country of ['PE', 'CO']) {
      const { marginM, bbox, outline } = outlines[country]!;
      const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = bbox;
      fc.assert(
        fc.property(
          fc.double({ min: minLon - 0.5, max: maxLon + 0.5, noNaN: true }),
          fc.double({ min: minLat - 0.5, max: maxLat + 0.5, noNaN: true }),
          (lon, lat) => {
            const inPolygon = outline.coordinates.some((polygon) =>
              pointInPolygon([lon, lat], { type: 'Polygon', coordinates: polygon }),
            );
            const expected = inPolygon || nearBoundary(lon, lat, outline.coordinates.flat(), marginM);
            const lenient = inPolygon || nearBoundary(lon, lat, outline.coordinates.flat(), marginM / 1.02);
            // twice: the second answer may come from the cell the first one classified
            for (let i = 0; i < 2; i++) {
              const found = insideCountry(lon, lat, country);
              if (found !== expected) expect(found).toBe(lenient);
            }
          },
        ),
        { numRuns: 3_000 },
      );
    }
  });

  it('says yes for countries without an outline', () => {
    expect(insideCountry(-78.47, -0.18, 'EC')).toBe(true);
    expect(insideCountry(0, 0, '')).toBe(true);
  });
});
