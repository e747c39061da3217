/**
 * Validation and normalisation of a plot's geolocation for EUDR: read (read.ts), truncated to the
 * micro-degree grid (grid.ts), checked ring by ring, measured (geometry.ts) and placed in its country
 * (country.ts).
 */
import type { Point, Polygon } from 'geojson';
import { insideCountry, outsideHint } from './country.js';
import { centroidOf, selfIntersections, signedAreaM2 } from './geometry.js';
import {
  decimalsOf,
  doubledArea,
  formatWhere,
  fromMicro,
  type Micro,
  reversed,
  same,
  toMicro,
} from './grid.js';
import { at, type Collector, collector, type RawGeometry, type RawPosition, readInput } from './read.js';
import {
  AREA_MISMATCH_RATIO,
  type Bbox,
  type GeometryVerdict,
  type LonLat,
  MIN_AREA_M2,
  MIN_DECIMALS,
  POINT_MAX_AREA_M2,
  type ValidatePlotOptions,
} from './types.js';

/** A ring after truncation: open, without consecutive duplicates, with each vertex's input position. */
interface NormalRing {
  vertices: Micro[];
  source: string[];
}

function normaliseRing(ring: readonly RawPosition[], path: string, issues: Collector): NormalRing | null {
  const vertices: Micro[] = [];
  const source: string[] = [];
  let duplicates = 0;
  let firstDuplicate = '';
  for (const position of ring) {
    const p: Micro = [toMicro(position.lon), toMicro(position.lat)];
    const last = vertices[vertices.length - 1];
    if (last && same(last, p)) {
      if (duplicates === 0) firstDuplicate = position.path;
      duplicates++;
    } else {
      vertices.push(p);
      source.push(position.path);
    }
  }
  const first = vertices[0];
  const last = vertices[vertices.length - 1];
  const closed = vertices.length > 1 && first !== undefined && last !== undefined && same(first, last);
  if (closed) {
    vertices.pop();
    source.pop();
  }
  if (duplicates > 0) {
    issues.add('warning', 'geo.duplicate_consecutive_points', firstDuplicate, { count: duplicates });
  }
  if (vertices.length < 3) {
    issues.add('error', 'geo.too_few_positions', path, { count: vertices.length, min: 3 });
    return null;
  }
  if (!closed) issues.add('warning', 'geo.ring_not_closed', path);
  return { vertices, source };
}

const hectares = (m2: number): string => (m2 / 10_000).toFixed(2);

/** What a verdict holds besides its issues. */
type Shape = Omit<GeometryVerdict, 'ok' | 'errors' | 'warnings'>;

/** One validation under way: where issues go, the plot's country and declared area, the input's path. */
interface Check {
  issues: Collector;
  country: string;
  declared: number | undefined;
  path: string;
}

/** Coordinates beyond ±180° / ±90° are errors; the hint says when swapping them would fit. */
function checkRanges(positions: readonly RawPosition[], issues: Collector): void {
  for (const { lon, lat, path } of positions) {
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      const swappedFits = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
      issues.add(
        'error',
        'geo.coordinate_out_of_range',
        path,
        swappedFits ? { lon, lat, hint: 'swapped' } : { lon, lat },
      );
    }
  }
}

/** The declared area when it is a positive number of m², else nothing to compare with. */
function declaredArea(options: ValidatePlotOptions): number | undefined {
  return typeof options.declaredAreaM2 === 'number' &&
    Number.isFinite(options.declaredAreaM2) &&
    options.declaredAreaM2 > 0
    ? options.declaredAreaM2
    : undefined;
}

/** The first vertex outside the country is an error, with a hint when a swap or a sign would fix all. */
function checkCountry(check: Check, vertices: readonly Micro[], sources: readonly string[]): void {
  const lonLats = vertices.map(fromMicro);
  const outside = lonLats.findIndex(([lon, lat]) => !insideCountry(lon, lat, check.country));
  if (outside === -1) return;
  const hint = outsideHint(lonLats, check.country);
  const { country } = check;
  check.issues.add(
    'error',
    'geo.outside_country',
    sources[outside] ?? check.path,
    hint ? { country, hint } : { country },
  );
}

/** A point: in the country, and only for a plot of at most 4 ha. */
function validatePoint(check: Check, position: RawPosition): Shape {
  const p: Micro = [toMicro(position.lon), toMicro(position.lat)];
  const coordinates = fromMicro(p);
  checkCountry(check, [p], [check.path]);
  if (check.declared !== undefined && check.declared > POINT_MAX_AREA_M2) {
    check.issues.add('error', 'geo.polygon_required_over_4ha', check.path, {
      declared: hectares(check.declared),
      max: hectares(POINT_MAX_AREA_M2),
    });
  }
  const geometry: Point = { type: 'Point', coordinates };
  return {
    geometry,
    centroid: coordinates,
    bbox: [coordinates[0], coordinates[1], coordinates[0], coordinates[1]],
  };
}

/** Each place the outer ring crosses or touches itself, once; true when there is none (a simple ring). */
function checkSimple(check: Check, outer: NormalRing): boolean {
  const crossings = selfIntersections(outer.vertices);
  const reported = new Set<string>();
  for (const { edge, where } of crossings) {
    const text = formatWhere(where[0], where[1]);
    if (reported.has(text)) continue;
    reported.add(text);
    check.issues.add('error', 'geo.self_intersection', outer.source[edge] ?? check.path, { where: text });
  }
  return crossings.length === 0;
}

/** RFC 7946 §3.1.6: outer ring counter-clockwise, holes clockwise. Only a simple ring has an orientation. */
function orientRings(rings: readonly NormalRing[], simple: boolean): Micro[][] {
  return rings.map(({ vertices }, r) => {
    const area = doubledArea(vertices);
    const wrongWay = r === 0 ? area < 0n : area > 0n;
    return simple && wrongWay ? reversed(vertices) : vertices;
  });
}

/** The area in whole m² (holes taken off): at least 1 m², and warned when far from the declared one. */
function checkArea(check: Check, lonLatRings: readonly LonLat[][]): number {
  const holesM2 = lonLatRings.slice(1).reduce((sum, ring) => sum + Math.abs(signedAreaM2(ring)), 0);
  const areaM2 = Math.max(0, Math.round(Math.abs(signedAreaM2(lonLatRings[0] as LonLat[])) - holesM2));
  if (areaM2 < MIN_AREA_M2) check.issues.add('error', 'geo.area_too_small', check.path, { min: MIN_AREA_M2 });
  else if (check.declared !== undefined && Math.abs(check.declared - areaM2) > AREA_MISMATCH_RATIO * areaM2) {
    check.issues.add('warning', 'geo.area_mismatch', check.path, {
      declared: hectares(check.declared),
      computed: hectares(areaM2),
    });
  }
  return areaM2;
}

/** The area centroid of a simple ring with area, else the vertices' mean; and the bounding box. */
function centroidAndBbox(outerVertices: readonly Micro[], simple: boolean): { centroid: LonLat; bbox: Bbox } {
  const xs = outerVertices.map((p) => p[0]);
  const ys = outerVertices.map((p) => p[1]);
  const centroid: LonLat =
    simple && doubledArea(outerVertices) !== 0n
      ? centroidOf(outerVertices)
      : [
          Math.round(xs.reduce((s, x) => s + x, 0) / xs.length) / 1_000_000,
          Math.round(ys.reduce((s, y) => s + y, 0) / ys.length) / 1_000_000,
        ];
  const bbox: Bbox = [
    Math.min(...xs) / 1_000_000,
    Math.min(...ys) / 1_000_000,
    Math.max(...xs) / 1_000_000,
    Math.max(...ys) / 1_000_000,
  ];
  return { centroid, bbox };
}

/**
 * A polygon: no holes, rings of at least three vertices, a simple outer ring, in the country, of a
 * real area. Nothing more to say (no shape) when a ring could not be read as a ring.
 */
function validatePolygon(check: Check, rawRings: readonly RawPosition[][]): Shape | undefined {
  if (rawRings.length > 1) {
    check.issues.add('error', 'geo.has_holes', at(check.path, 1), { count: rawRings.length - 1 });
  }
  const rings = rawRings.map((ring, r) => normaliseRing(ring, at(check.path, r), check.issues));
  const outer = rings[0];
  if (!outer || rings.some((ring) => ring === null)) return undefined;
  const simple = checkSimple(check, outer);
  const oriented = orientRings(rings as NormalRing[], simple);
  const lonLatRings = oriented.map((vertices) => {
    const ring = vertices.map(fromMicro);
    return [...ring, ring[0] as LonLat];
  });
  checkCountry(check, outer.vertices, outer.source);
  const areaM2 = simple ? checkArea(check, lonLatRings) : undefined;
  const geometry: Polygon = { type: 'Polygon', coordinates: lonLatRings };
  return {
    geometry,
    ...(areaM2 === undefined ? {} : { areaM2 }),
    ...centroidAndBbox(oriented[0] as Micro[], simple),
  };
}

/**
 * Validates and normalises a plot's geolocation for EUDR: a Point or a Polygon (also wrapped in a Feature,
 * a one-feature FeatureCollection, or a one-part MultiPoint/MultiPolygon — what GPS apps and QGIS export).
 * A multi-part geometry is refused: one polygon is one plot (REFERENCE §3.1), so each part is registered
 * as its own plot.
 *
 * Errors block; warnings do not. Decisions worth knowing:
 * - `geo.ring_not_closed` is a warning: the ring is closed in the normalised geometry, which is what is
 *   stored and exported. A repeated closing position is a duplicate, not a second closure.
 * - `geo.duplicate_consecutive_points` (warning) also counts vertices that become equal only after
 *   truncation to 6 decimals; they are removed, since TRACES rejects them. Non-consecutive repeats make the
 *   ring touch itself and are `geo.self_intersection` errors.
 * - `geo.low_precision` (warning) fires when *no* coordinate has 6 decimals. JSON drops trailing zeros, so
 *   a single -78.8 may be -78.800000 as typed; but a survey with 6 decimals where every number ends in 0
 *   is unlikely (1 % for a point, 10⁻⁸ for a 4-vertex polygon), while a spreadsheet rounded to 4 decimals
 *   trips it every time. TRACES accepts fewer decimals (it pads zeros); the rule is in the Regulation.
 * - `geo.area_mismatch` (warning) compares the declared area with the mapped one, relative to the mapped
 *   one: |declared − mapped| > 20 % of mapped.
 * - `geo.outside_country` checks every vertex (or the point) with insideCountry; `params.hint` says
 *   `swapped` or `sign` when exchanging latitude/longitude or flipping a sign would put all of them inside.
 * - Structural problems (not GeoJSON, wrong type, bad positions, out-of-range coordinates) stop the
 *   checks early: nothing else can be said reliably.
 *
 * @example
 * validatePlotGeometry({ type: 'Point', coordinates: [-78.806201, -5.708413] }, { country: 'PE' })
 * // { ok: true, errors: [], warnings: [], geometry: { type: 'Point', coordinates: [-78.806201, -5.708413] }, … }
 */
export function validatePlotGeometry(input: unknown, options: ValidatePlotOptions): GeometryVerdict {
  const issues = collector();
  const verdict = (extra: Shape = {}): GeometryVerdict => ({
    ok: issues.errors.length === 0,
    errors: issues.errors,
    warnings: issues.warnings,
    ...extra,
  });

  const raw: RawGeometry | null = readInput(input, issues);
  if (!raw || issues.errors.length > 0) return verdict();

  const positions = raw.type === 'Point' ? [raw.position] : raw.rings.flat();
  checkRanges(positions, issues);
  if (issues.errors.length > 0) return verdict();

  const decimals = Math.max(...positions.flatMap(({ lon, lat }) => [decimalsOf(lon), decimalsOf(lat)]));
  if (decimals < MIN_DECIMALS)
    issues.add('warning', 'geo.low_precision', raw.path, { decimals, min: MIN_DECIMALS });

  const check: Check = {
    issues,
    country: options.country.toUpperCase(),
    declared: declaredArea(options),
    path: raw.path,
  };
  if (raw.type === 'Point') return verdict(validatePoint(check, raw.position));
  return verdict(validatePolygon(check, raw.rings));
}
