/**
 * Geometry of members' plots (*parcelas*) for EUDR geolocation: validation and normalisation of GeoJSON,
 * geodesic area, overlap between plots, and a coarse "is it in the country?" check. Pure code, no I/O.
 *
 * Rules (domain/REFERENCE.md §3): Regulation (EU) 2023/1115 Art. 2(28) asks for latitude/longitude with at
 * least six decimals and a polygon for plots over 4 ha; the EU Information System (TRACES) takes RFC 7946
 * GeoJSON in WGS84, longitude first, truncates coordinates to 6 decimals, and rejects holes, self-crossing
 * rings, open rings and vertices that become duplicates after truncation.
 *
 * Exactness: validation and the overlap test work on coordinates truncated to 6 decimals, i.e. on an
 * integer grid of micro-degrees (1 µ° ≈ 0.11 m) — what TRACES will receive. On that grid every orientation
 * test is exact integer arithmetic (falling back to BigInt when a product could pass 2^53), so "touching"
 * and "crossing" are decided without a floating-point tolerance.
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import outlinesJson from '../shared/country-outlines.json' with { type: 'json' };

/** EUDR Art. 2(28): a plot over 4 ha must be described by a polygon, not a point. */
export const POINT_MAX_AREA_M2 = 40_000;
/** The EU Information System refuses areas under 0.0001 ha (1 m²). */
export const MIN_AREA_M2 = 1;
/** EUDR Art. 2(28): coordinates with at least six decimal digits. */
export const MIN_DECIMALS = 6;
/** Declared and mapped area may differ by this share of the mapped area before a warning. */
export const AREA_MISMATCH_RATIO = 0.2;
/**
 * Positions accepted in one geometry, closing positions included. The self-intersection scan is O(n²):
 * ≈ 12 M edge pairs at the limit, about 0.1 s for a whole validation on a laptop.
 */
export const MAX_POSITIONS = 5_000;
/** At most this many issues of one code are reported, so a broken 5,000-vertex track stays readable. */
const MAX_ISSUES_PER_CODE = 20;

/** Every issue code validatePlotGeometry can return; each is a message key of the i18n catalog. */
export const GEO_ISSUE_CODES = [
  'geo.not_geojson',
  'geo.empty_geometry',
  'geo.type_not_allowed',
  'geo.multiple_plots',
  'geo.invalid_position',
  'geo.too_many_positions',
  'geo.coordinate_out_of_range',
  'geo.too_few_positions',
  'geo.has_holes',
  'geo.self_intersection',
  'geo.area_too_small',
  'geo.outside_country',
  'geo.polygon_required_over_4ha',
  'geo.ring_not_closed',
  'geo.duplicate_consecutive_points',
  'geo.low_precision',
  'geo.area_mismatch',
] as const;
export type GeoIssueCode = (typeof GEO_ISSUE_CODES)[number];

/**
 * A likely cause of a coordinate that falls outside the country, sent as `params.hint`:
 * `swapped` — latitude and longitude exchanged; `sign` — a minus sign missing or extra.
 */
export type GeoHint = 'swapped' | 'sign';

/** One finding. `path` is a dotted path into the input (`geometry.coordinates.0.3`), '' for the root. */
export interface GeoIssue {
  code: GeoIssueCode;
  path: string;
  params?: Record<string, string | number>;
}

/** [longitude, latitude] in degrees, WGS84. */
export type LonLat = [lon: number, lat: number];
/** [minLon, minLat, maxLon, maxLat] in degrees. */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];
/** A ring as a bare list of positions (closed or not), or a Polygon whose outer ring is meant. */
export type PolygonLike = Polygon | readonly Position[];

export interface ValidatePlotOptions {
  /** ISO 3166-1 alpha-2 code of the country the plot is declared in ('PE', 'CO'); others are not checked. */
  country: string;
  /** Area the member declares, in m²; null, non-finite or non-positive values are ignored. */
  declaredAreaM2?: number | null;
}

export interface GeometryVerdict {
  /** True when there are no errors; warnings do not block. Store `geometry` only when ok. */
  ok: boolean;
  errors: GeoIssue[];
  warnings: GeoIssue[];
  /**
   * The normalised geometry, present whenever the input could be read as a point or polygon (even with
   * errors, so a map can show what was sent): coordinates truncated to 6 decimals, altitude dropped,
   * consecutive duplicates removed, rings closed, outer ring counter-clockwise (RFC 7946 §3.1.6).
   */
  geometry?: Point | Polygon;
  /** Geodesic area in whole m² (polygons with a simple outer ring only). */
  areaM2?: number;
  /** The point itself, or the polygon's area centroid (may fall outside a strongly concave plot). */
  centroid?: LonLat;
  bbox?: Bbox;
}

// ---------------------------------------------------------------------------------------------------------
// Issue collection

interface Collector {
  errors: GeoIssue[];
  warnings: GeoIssue[];
  add(severity: 'error' | 'warning', code: GeoIssueCode, path: string, params?: GeoIssue['params']): void;
}

function collector(): Collector {
  const counts = new Map<GeoIssueCode, number>();
  const errors: GeoIssue[] = [];
  const warnings: GeoIssue[] = [];
  return {
    errors,
    warnings,
    add(severity, code, path, params) {
      const seen = counts.get(code) ?? 0;
      counts.set(code, seen + 1);
      if (seen >= MAX_ISSUES_PER_CODE) return;
      const issue: GeoIssue = params ? { code, path, params } : { code, path };
      (severity === 'error' ? errors : warnings).push(issue);
    },
  };
}

const at = (base: string, key: string | number): string => (base === '' ? String(key) : `${base}.${key}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// Coordinates: truncation to 6 decimals and the micro-degree grid

/** A vertex on the micro-degree grid: integers, x = longitude × 10⁶, y = latitude × 10⁶. */
type Micro = [x: number, y: number];

/** Plain decimal text of a number (no exponent) — the digits a person or a spreadsheet wrote. */
function decimalText(value: number): string {
  const text = String(value);
  // Only magnitudes under 1e-6 (or ≥ 1e21, out of range anyway) print with an exponent.
  return text.includes('e') ? value.toFixed(12) : text;
}

/**
 * Truncates to 6 decimals on the decimal digits, not the binary value: -78.8 is stored as
 * -78.79999999999999715…, and truncating that would give -78.799999.
 */
function toMicro(value: number): number {
  // Fast path, exact: when N / 10⁶ gives back the same double, the number's shortest text is N × 10⁻⁶ (two
  // decimals of at most 6 places cannot share a double at these magnitudes), so N is its truncation. Stored
  // geometry is already on the grid, so this is the usual case.
  const onGrid = Math.round(value * 1_000_000);
  if (onGrid / 1_000_000 === value) return onGrid === 0 ? 0 : onGrid;
  const text = decimalText(value);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const micro = Number(whole) * 1_000_000 + Number(fraction.slice(0, 6).padEnd(6, '0'));
  return negative && micro !== 0 ? -micro : micro;
}

/**
 * Truncates a coordinate to 6 decimals toward zero, as the EU Information System does.
 * @example truncateCoordinate(-78.8012349) // -78.801234 ; truncateCoordinate(-78.8) // -78.8
 */
export function truncateCoordinate(value: number): number {
  return toMicro(value) / 1_000_000;
}

/** Decimals in the shortest text of the number: 1.5e-7 → 8, -78.8 → 1. */
function decimalsOf(value: number): number {
  // Fast path, exact for the same reason as toMicro's: on the grid, the decimals are 6 less N's trailing zeros.
  let micro = Math.abs(Math.round(value * 1_000_000));
  if (micro / 1_000_000 === Math.abs(value)) {
    let decimals = 6;
    while (decimals > 0 && micro % 10 === 0) {
      micro /= 10;
      decimals--;
    }
    return decimals;
  }
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** Sign of the cross product (b − a) × (c − a), exact for integer coordinates. */
function orient(a: Micro, b: Micro, c: Micro): -1 | 0 | 1 {
  const abx = b[0] - a[0];
  const aby = b[1] - a[1];
  const acx = c[0] - a[0];
  const acy = c[1] - a[1];
  const left = abx * acy;
  const right = aby * acx;
  // Below 2^52 both products are exact integers and so is their difference; otherwise use BigInt.
  if (Math.abs(left) < 2 ** 52 && Math.abs(right) < 2 ** 52) {
    return left > right ? 1 : left < right ? -1 : 0;
  }
  const big = BigInt(abx) * BigInt(acy) - BigInt(aby) * BigInt(acx);
  return big > 0n ? 1 : big < 0n ? -1 : 0;
}

/** For c collinear with a–b: does c lie on the closed segment a–b? */
function withinSegment(a: Micro, b: Micro, c: Micro): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

const same = (a: Micro, b: Micro): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * How two segments meet: 'proper' (their interiors cross at one point), 'touch' (they share a point in any
 * other way: an endpoint on the other segment, or a collinear overlap), or null.
 */
function segmentContact(
  p1: Micro,
  p2: Micro,
  p3: Micro,
  p4: Micro,
): { kind: 'proper' | 'touch'; where: LonLat } | null {
  const o1 = orient(p1, p2, p3);
  const o2 = orient(p1, p2, p4);
  const o3 = orient(p3, p4, p1);
  const o4 = orient(p3, p4, p2);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const rx = p2[0] - p1[0];
    const ry = p2[1] - p1[1];
    const sx = p4[0] - p3[0];
    const sy = p4[1] - p3[1];
    const t = ((p3[0] - p1[0]) * sy - (p3[1] - p1[1]) * sx) / (rx * sy - ry * sx);
    return { kind: 'proper', where: [p1[0] + t * rx, p1[1] + t * ry] };
  }
  if (o1 === 0 && withinSegment(p1, p2, p3)) return { kind: 'touch', where: [p3[0], p3[1]] };
  if (o2 === 0 && withinSegment(p1, p2, p4)) return { kind: 'touch', where: [p4[0], p4[1]] };
  if (o3 === 0 && withinSegment(p3, p4, p1)) return { kind: 'touch', where: [p1[0], p1[1]] };
  if (o4 === 0 && withinSegment(p3, p4, p2)) return { kind: 'touch', where: [p2[0], p2[1]] };
  return null;
}

/** Twice the signed planar area of an open ring (positive = counter-clockwise), exact. */
function doubledArea(ring: readonly Micro[]): bigint {
  const origin = ring[0];
  if (!origin) return 0n;
  let sum = 0n;
  for (let i = 1; i + 1 < ring.length; i++) {
    const a = ring[i] as Micro;
    const b = ring[i + 1] as Micro;
    sum +=
      BigInt(a[0] - origin[0]) * BigInt(b[1] - origin[1]) -
      BigInt(b[0] - origin[0]) * BigInt(a[1] - origin[1]);
  }
  return sum;
}

/** Reverses an open ring but keeps its first vertex first. */
function reversed<T>(ring: readonly T[]): T[] {
  return ring.length === 0 ? [] : [ring[0] as T, ...ring.slice(1).reverse()];
}

/**
 * Where a point lies against an open ring: 1 inside, 0 on the boundary (with the edge's index), -1 outside.
 * Crossing-number test with exact orientation predicates.
 */
function locate(p: Micro, ring: readonly Micro[]): { side: 1 | 0 | -1; edge: number } {
  let inside = false;
  const n = ring.length;
  const py = p[1];
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Micro;
    const b = ring[(i + 1) % n] as Micro;
    if (a[1] > py !== b[1] > py) {
      // The edge crosses the horizontal through p; count it when the crossing lies to p's right.
      const o = orient(a, b, p);
      if (o === 0 && withinSegment(a, b, p)) return { side: 0, edge: i };
      if (b[1] > a[1] ? o > 0 : o < 0) inside = !inside;
    } else if ((a[1] === py || b[1] === py) && orient(a, b, p) === 0 && withinSegment(a, b, p)) {
      // Any other edge reaches p's height only at an end (both ends at or below it): p may lie on it.
      return { side: 0, edge: i };
    }
  }
  return { side: inside ? 1 : -1, edge: -1 };
}

/** An open ring on the micro-degree grid: no closing vertex, no consecutive duplicates. */
function microRing(positions: readonly Position[], scale = 1): Micro[] {
  const ring: Micro[] = [];
  for (const [lon = Number.NaN, lat = Number.NaN] of positions) {
    const p: Micro = [toMicro(lon) * scale, toMicro(lat) * scale];
    const last = ring[ring.length - 1];
    if (!last || !same(last, p)) ring.push(p);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && same(first, last)) ring.pop();
  return ring;
}

function outerRingOf(polygon: PolygonLike): readonly Position[] {
  return 'coordinates' in polygon ? (polygon.coordinates[0] ?? []) : polygon;
}

const fromMicro = (p: Micro): LonLat => [p[0] / 1_000_000, p[1] / 1_000_000];
const formatWhere = (x: number, y: number): string =>
  `${(x / 1_000_000).toFixed(6)}, ${(y / 1_000_000).toFixed(6)}`;

// ---------------------------------------------------------------------------------------------------------
// Geodesic area

const WGS84_A = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const WGS84_E = Math.sqrt(WGS84_E2);
const RADIANS = Math.PI / 180;

/**
 * Area of the WGS84 ellipsoid between the equator and latitude φ, per radian of longitude (m²):
 * (a²/2)·q(φ), with q the authalic function (Snyder, *Map Projections — A Working Manual*, eq. 3-12).
 */
function zoneArea(latitudeDeg: number): number {
  const s = Math.sin(latitudeDeg * RADIANS);
  return (
    ((WGS84_A * WGS84_A * (1 - WGS84_E2)) / 2) *
    (s / (1 - WGS84_E2 * s * s) + Math.atanh(WGS84_E * s) / WGS84_E)
  );
}

/** Signed area (positive = counter-clockwise) of a ring, closed or not, in m², unrounded. */
function signedAreaM2(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const zones = ring.map(([, lat = Number.NaN]) => zoneArea(lat));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    let dLon = ((ring[j] as Position)[0] ?? Number.NaN) - ((ring[i] as Position)[0] ?? Number.NaN);
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    sum += dLon * RADIANS * (((zones[i] as number) + (zones[j] as number)) / 2);
  }
  return -sum;
}

/**
 * Area of a ring on the WGS84 ellipsoid, in whole square metres (sign and orientation ignored; the closing
 * position may be given or not).
 *
 * Method: the ring is mapped to the Lambert cylindrical equal-area plane of the ellipsoid (longitude,
 * (a²/2)·q(latitude)), where areas are exact, and integrated edge by edge with the trapezoid rule. Edges
 * are lines in longitude/latitude, as RFC 7946 §3.1.1 defines them. Error bound: exact for edges along a
 * meridian or a parallel; otherwise the trapezoid rule adds under a²·|sin φ|·Δλ·Δφ²/12 per edge, i.e. a
 * relative error below 10⁻⁵ for edges up to 10 km at coffee latitudes (|φ| < 25°), far below GPS error
 * (a 3 m error on the edge of a 1 ha plot is ≈ 6 %). Rounding to whole m² dominates for small plots.
 * Not for rings that enclose a pole or span more than 180° of longitude.
 *
 * @example geodesicAreaM2([[0, 0], [1, 0], [1, 1], [0, 1]]) // 12_308_463_894 (≈ 12,308 km²)
 */
export function geodesicAreaM2(ring: readonly Position[]): number {
  return Math.round(Math.abs(signedAreaM2(ring)));
}

// ---------------------------------------------------------------------------------------------------------
// Bounding boxes, point in polygon, overlap

/**
 * Bounding box of a point, polygon, multipolygon or list of positions.
 * @example bboxOf({ type: 'Point', coordinates: [-78.8, -5.71] }) // [-78.8, -5.71, -78.8, -5.71]
 */
export function bboxOf(geometry: Point | Polygon | MultiPolygon | readonly Position[]): Bbox {
  const positions: readonly Position[] =
    'type' in geometry
      ? geometry.type === 'Point'
        ? [geometry.coordinates]
        : geometry.type === 'Polygon'
          ? geometry.coordinates.flat()
          : geometry.coordinates.flat(2)
      : geometry;
  if (positions.length === 0) throw new RangeError('bboxOf: empty geometry');
  const box: Bbox = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const [lon = Number.NaN, lat = Number.NaN] of positions) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

/**
 * Whether two bounding boxes share any point (touching counts), for picking overlap candidates cheaply —
 * e.g. in SQL with the same four comparisons — before calling polygonsOverlap.
 * @example bboxesIntersect([0, 0, 1, 1], [1, 1, 2, 2]) // true (they touch at a corner)
 */
export function bboxesIntersect(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Whether a point lies in a polygon (its outer ring minus its holes); a point on the boundary counts as
 * inside. Coordinates are compared on the 6-decimal grid (truncated), exactly.
 * @example pointInPolygon([-78.8, -5.71], [[-78.81, -5.72], [-78.79, -5.72], [-78.79, -5.70], [-78.81, -5.70]]) // true
 */
export function pointInPolygon(point: Position, polygon: PolygonLike): boolean {
  const [lon = Number.NaN, lat = Number.NaN] = point;
  const p: Micro = [toMicro(lon), toMicro(lat)];
  const rings = 'coordinates' in polygon ? polygon.coordinates : [polygon];
  const [outer, ...holes] = rings.map((ring) => microRing(ring));
  if (!outer || outer.length < 3 || locate(p, outer).side < 0) return false;
  return holes.every((hole) => hole.length < 3 || locate(p, hole).side < 1);
}

/** Outer ring on the doubled grid (so midpoints of grid points stay integers), counter-clockwise. */
function overlapRing(polygon: PolygonLike): Micro[] | null {
  const ring = microRing(outerRingOf(polygon), 2);
  if (ring.length < 3) return null;
  const area = doubledArea(ring);
  if (area === 0n) return null;
  return area > 0n ? ring : reversed(ring);
}

/**
 * Whether some part of `ring`'s boundary lies in `other`'s interior, or runs along `other`'s boundary with
 * both interiors on the same side. Each edge is cut at `other`'s vertices lying on it; without proper
 * crossings every piece is then wholly inside, outside or on the boundary, so its midpoint decides.
 */
function boundaryEntersInterior(ring: readonly Micro[], other: readonly Micro[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Micro;
    const b = ring[(i + 1) % n] as Micro;
    const cuts: Micro[] = [a, b];
    for (const v of other) {
      if (!same(v, a) && !same(v, b) && orient(a, b, v) === 0 && withinSegment(a, b, v)) cuts.push(v);
    }
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const along =
      Math.abs(dx) >= Math.abs(dy) ? (p: Micro) => p[0] * Math.sign(dx) : (p: Micro) => p[1] * Math.sign(dy);
    cuts.sort((p, q) => along(p) - along(q));
    for (let k = 0; k + 1 < cuts.length; k++) {
      const s = cuts[k] as Micro;
      const t = cuts[k + 1] as Micro;
      if (same(s, t)) continue;
      const where = locate([(s[0] + t[0]) / 2, (s[1] + t[1]) / 2], other);
      if (where.side === 1) return true;
      if (where.side === 0) {
        // The piece lies on other's edge; both rings run counter-clockwise, so same direction = same side.
        const c = other[where.edge] as Micro;
        const d = other[(where.edge + 1) % other.length] as Micro;
        if (dx * (d[0] - c[0]) + dy * (d[1] - c[1]) > 0) return true;
      }
    }
  }
  return false;
}

/**
 * Whether the interiors of two plots intersect: an edge crossing, one plot inside the other, or the same
 * area mapped twice. Plots that only touch — along an edge or at a vertex — do not overlap.
 *
 * Tolerance: none beyond the 6-decimal grid. Coordinates are truncated to 6 decimals (≈ 0.11 m), as stored,
 * and the test is then exact, so an overlap of one grid step counts. Neighbours mapped separately with
 * GPS often overlap by a few metres: treat a true result as "review these two plots", not as proof. Only
 * outer rings are used (validated plots have no holes); both rings should be simple (validated).
 * O(n·m) for rings of n and m vertices; call bboxesIntersect first when scanning many plots.
 *
 * @example polygonsOverlap(plotA, plotA) // true ; polygonsOverlap(plotA, neighbourSharingAnEdge) // false
 */
export function polygonsOverlap(a: PolygonLike, b: PolygonLike): boolean {
  const ra = overlapRing(a);
  const rb = overlapRing(b);
  if (!ra || !rb) return false;
  const [ax0, ay0, ax1, ay1] = bboxOf(ra);
  const [bx0, by0, bx1, by1] = bboxOf(rb);
  if (ax1 <= bx0 || bx1 <= ax0 || ay1 <= by0 || by1 <= ay0) return false;
  for (let i = 0; i < ra.length; i++) {
    const p1 = ra[i] as Micro;
    const p2 = ra[(i + 1) % ra.length] as Micro;
    for (let j = 0; j < rb.length; j++) {
      const p3 = rb[j] as Micro;
      const p4 = rb[(j + 1) % rb.length] as Micro;
      if (segmentContact(p1, p2, p3, p4)?.kind === 'proper') return true;
    }
  }
  return boundaryEntersInterior(ra, rb) || boundaryEntersInterior(rb, ra);
}

// ---------------------------------------------------------------------------------------------------------
// Country check

interface CountryOutline {
  isoNumeric: string;
  /** Largest distance from the detailed (1:10m) mainland outline to this simplified one, rounded up. */
  marginM: number;
  bbox: Bbox;
  outline: MultiPolygon;
}

// Generated by scripts/make-country-outlines.mjs; JSON imports type arrays loosely (bbox as number[]).
const OUTLINES = outlinesJson.countries as unknown as Record<string, CountryOutline | undefined>;
/** Outline polygons on the micro-degree grid, made on first use. */
const microOutlines = new Map<string, Micro[][][]>();

function outlineRings(country: string, outline: CountryOutline): Micro[][][] {
  let rings = microOutlines.get(country);
  if (!rings) {
    rings = outline.outline.coordinates.map((polygon) => polygon.map((ring) => microRing(ring)));
    microOutlines.set(country, rings);
  }
  return rings;
}

/** Distance in metres from a point to the outline, in a local equirectangular frame (good at km scale). */
function metresToOutline(lon: number, lat: number, outline: MultiPolygon): number {
  const kx = 111_320 * Math.cos(lat * RADIANS);
  const ky = 110_574;
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of outline.coordinates) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1 = 0, y1 = 0] = ring[i] as Position;
        const [x2 = 0, y2 = 0] = ring[i + 1] as Position;
        const ax = (x1 - lon) * kx;
        const ay = (y1 - lat) * ky;
        const dx = (x2 - x1) * kx;
        const dy = (y2 - y1) * ky;
        const length2 = dx * dx + dy * dy;
        const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

/** Countries with an outline in shared/country-outlines.json. */
export const COUNTRIES_WITH_OUTLINE: readonly string[] = Object.keys(OUTLINES);

/**
 * Whether a position is in the country, for catching gross errors: swapped or sign-flipped coordinates, a
 * plot on another continent or in the sea. It is not a border ruling: the outline is Natural Earth 1:50m,
 * simplified, so a point counts as inside within the country's `marginM` of it (7 km for Peru, 20 km for
 * Colombia, whose Pacific coast the 1:50m data draws coarsely — see scripts/make-country-outlines.mjs).
 * Islands missing from that data (San Andrés) are outside. A country without an outline (anything but
 * PE and CO for now) returns true: no data is no evidence of an error, and blocking a plot for it would
 * stop a cooperative elsewhere from working at all.
 *
 * @example insideCountry(-78.8, -5.71, 'PE') // true (Jaén) ; insideCountry(-5.71, -78.8, 'PE') // false
 */
export function insideCountry(lon: number, lat: number, country: string): boolean {
  const code = country.toUpperCase();
  const outline = OUTLINES[code];
  if (!outline) return true;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return false;
  const [minLon, minLat, maxLon, maxLat] = outline.bbox;
  const marginLat = outline.marginM / 110_574;
  const marginLon = outline.marginM / (111_320 * Math.max(0.1, Math.cos(lat * RADIANS)));
  if (
    lon < minLon - marginLon ||
    lon > maxLon + marginLon ||
    lat < minLat - marginLat ||
    lat > maxLat + marginLat
  ) {
    return false;
  }
  const p: Micro = [toMicro(lon), toMicro(lat)];
  const rings = outlineRings(code, outline);
  if (cellInside(code, rings, Math.floor(p[0] / CELL), Math.floor(p[1] / CELL))) return true;
  return inOutline(p, rings) || metresToOutline(lon, lat, outline.outline) <= outline.marginM;
}

function inOutline(p: Micro, rings: Micro[][][]): boolean {
  for (const [outer, ...holes] of rings) {
    if (outer && locate(p, outer).side >= 0 && holes.every((hole) => locate(p, hole).side < 1)) return true;
  }
  return false;
}

/** Side of the cells of the inside-cell cache: 0.05° (about 5.5 km), in micro-degrees. */
const CELL = 50_000;
/** Per country, cells already classified: true when the whole cell is inside the outline. */
const insideCells = new Map<string, Map<string, boolean>>();

/**
 * Whether a whole grid cell lies inside the outline, computed once per cell: a cell that no outline edge
 * touches is wholly on one side of it, so its corner tells for every point in it. Most plots lie in such
 * cells, and then a vertex costs a lookup instead of a walk around the outline (exact: integer predicates).
 */
function cellInside(country: string, rings: Micro[][][], cx: number, cy: number): boolean {
  let cells = insideCells.get(country);
  if (!cells) {
    cells = new Map();
    insideCells.set(country, cells);
  }
  const key = `${cx},${cy}`;
  const known = cells.get(key);
  if (known !== undefined) return known;
  const x0 = cx * CELL;
  const y0 = cy * CELL;
  const corners: Micro[] = [
    [x0, y0],
    [x0 + CELL, y0],
    [x0 + CELL, y0 + CELL],
    [x0, y0 + CELL],
  ];
  const touches = rings.some((polygon) =>
    polygon.some((ring) =>
      ring.some((a, i) => {
        const b = ring[(i + 1) % ring.length] as Micro;
        if (a[0] >= x0 && a[0] <= x0 + CELL && a[1] >= y0 && a[1] <= y0 + CELL) return true;
        return corners.some((c, k) => segmentContact(a, b, c, corners[(k + 1) % 4] as Micro) !== null);
      }),
    ),
  );
  const inside = !touches && inOutline(corners[0] as Micro, rings);
  cells.set(key, inside);
  return inside;
}

/** Why positions outside the country might be: every position swapped, or sign-flipped, lands inside. */
function outsideHint(positions: readonly LonLat[], country: string): GeoHint | undefined {
  const all = (f: (p: LonLat) => LonLat) =>
    positions.every((p) => {
      const [lon, lat] = f(p);
      return insideCountry(lon, lat, country);
    });
  if (all(([lon, lat]) => [lat, lon])) return 'swapped';
  if (
    all(([lon, lat]) => [-lon, lat]) ||
    all(([lon, lat]) => [lon, -lat]) ||
    all(([lon, lat]) => [-lon, -lat])
  ) {
    return 'sign';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Reading GeoJSON

interface RawPosition {
  lon: number;
  lat: number;
  path: string;
}

type RawGeometry =
  | { type: 'Point'; position: RawPosition; path: string }
  | { type: 'Polygon'; rings: RawPosition[][]; path: string };

const NOT_ALLOWED = new Set(['LineString', 'MultiLineString', 'GeometryCollection']);

function readPosition(value: unknown, path: string, issues: Collector): RawPosition | null {
  if (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return { lon: value[0] as number, lat: value[1] as number, path };
  }
  issues.add('error', 'geo.invalid_position', path);
  return null;
}

function readRings(value: unknown, path: string, issues: Collector): RawPosition[][] | null {
  if (!Array.isArray(value)) {
    issues.add('error', 'geo.not_geojson', path);
    return null;
  }
  if (value.length === 0) {
    issues.add('error', 'geo.empty_geometry', path);
    return null;
  }
  const total = value.reduce((n: number, ring: unknown) => n + (Array.isArray(ring) ? ring.length : 0), 0);
  if (total > MAX_POSITIONS) {
    issues.add('error', 'geo.too_many_positions', path, { count: total, max: MAX_POSITIONS });
    return null;
  }
  const rings: RawPosition[][] = [];
  let broken = false;
  value.forEach((ring: unknown, r) => {
    if (!Array.isArray(ring)) {
      issues.add('error', 'geo.not_geojson', at(path, r));
      broken = true;
      return;
    }
    const positions: RawPosition[] = [];
    ring.forEach((position: unknown, k) => {
      const read = readPosition(position, at(at(path, r), k), issues);
      if (read) positions.push(read);
      else broken = true;
    });
    rings.push(positions);
  });
  return broken ? null : rings;
}

/** Reads one member of a Multi* geometry: exactly one part is one plot; more parts are several plots. */
function singlePart(value: unknown, path: string, issues: Collector): unknown {
  if (!Array.isArray(value)) {
    issues.add('error', 'geo.not_geojson', path);
    return undefined;
  }
  if (value.length === 0) issues.add('error', 'geo.empty_geometry', path);
  else if (value.length > 1) issues.add('error', 'geo.multiple_plots', path, { count: value.length });
  return value.length === 1 ? value[0] : undefined;
}

function readGeometry(value: unknown, path: string, issues: Collector): RawGeometry | null {
  if (!isRecord(value) || typeof value.type !== 'string') {
    issues.add('error', 'geo.not_geojson', path);
    return null;
  }
  const coordinatesPath = at(path, 'coordinates');
  switch (value.type) {
    case 'Point': {
      const position = readPosition(value.coordinates, coordinatesPath, issues);
      return position && { type: 'Point', position, path: coordinatesPath };
    }
    case 'MultiPoint': {
      const part = singlePart(value.coordinates, coordinatesPath, issues);
      if (part === undefined) return null;
      const position = readPosition(part, at(coordinatesPath, 0), issues);
      return position && { type: 'Point', position, path: at(coordinatesPath, 0) };
    }
    case 'Polygon': {
      const rings = readRings(value.coordinates, coordinatesPath, issues);
      return rings && { type: 'Polygon', rings, path: coordinatesPath };
    }
    case 'MultiPolygon': {
      const part = singlePart(value.coordinates, coordinatesPath, issues);
      if (part === undefined) return null;
      const rings = readRings(part, at(coordinatesPath, 0), issues);
      return rings && { type: 'Polygon', rings, path: at(coordinatesPath, 0) };
    }
    default:
      if (NOT_ALLOWED.has(value.type)) {
        issues.add('error', 'geo.type_not_allowed', at(path, 'type'), { type: value.type });
      } else {
        issues.add('error', 'geo.not_geojson', at(path, 'type'));
      }
      return null;
  }
}

function readFeature(value: unknown, path: string, issues: Collector): RawGeometry | null {
  if (!isRecord(value) || value.type !== 'Feature') {
    issues.add('error', 'geo.not_geojson', path);
    return null;
  }
  if (value.geometry === null || value.geometry === undefined) {
    issues.add('error', 'geo.empty_geometry', at(path, 'geometry'));
    return null;
  }
  return readGeometry(value.geometry, at(path, 'geometry'), issues);
}

function readInput(input: unknown, issues: Collector): RawGeometry | null {
  if (isRecord(input) && input.type === 'FeatureCollection') {
    const part = singlePart(input.features, 'features', issues);
    return part === undefined ? null : readFeature(part, 'features.0', issues);
  }
  if (isRecord(input) && input.type === 'Feature') return readFeature(input, '', issues);
  return readGeometry(input, '', issues);
}

// ---------------------------------------------------------------------------------------------------------
// Validation

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

/**
 * Every place where a ring is not simple: non-adjacent edges that cross or touch (a vertex on another
 * edge, a vertex visited twice, overlapping collinear edges), and adjacent edges that fold back on each
 * other (a spike). O(n²) over edge pairs with a bounding-box reject — fine for plot-sized rings (a GPS
 * walk of an hour at one fix per second is 3,600 positions); MAX_POSITIONS bounds the cost.
 */
function selfIntersections(ring: readonly Micro[]): { edge: number; where: LonLat }[] {
  const n = ring.length;
  const found: { edge: number; where: LonLat }[] = [];
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Micro;
    const b = ring[(i + 1) % n] as Micro;
    minX[i] = Math.min(a[0], b[0]);
    maxX[i] = Math.max(a[0], b[0]);
    minY[i] = Math.min(a[1], b[1]);
    maxY[i] = Math.max(a[1], b[1]);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if ((minX[j] as number) > (maxX[i] as number) || (minX[i] as number) > (maxX[j] as number)) continue;
      if ((minY[j] as number) > (maxY[i] as number) || (minY[i] as number) > (maxY[j] as number)) continue;
      if (j === i + 1 || (i === 0 && j === n - 1)) {
        // Adjacent edges p→s→q share s; they overlap only when q turns straight back along p–s.
        const [p, s, q] =
          j === i + 1
            ? [ring[i] as Micro, ring[j] as Micro, ring[(j + 1) % n] as Micro]
            : [ring[n - 1] as Micro, ring[0] as Micro, ring[1] as Micro];
        if (orient(p, s, q) === 0 && (p[0] - s[0]) * (q[0] - s[0]) + (p[1] - s[1]) * (q[1] - s[1]) > 0) {
          found.push({ edge: j === i + 1 ? j : 0, where: [s[0], s[1]] });
        }
        continue;
      }
      const contact = segmentContact(
        ring[i] as Micro,
        ring[(i + 1) % n] as Micro,
        ring[j] as Micro,
        ring[(j + 1) % n] as Micro,
      );
      if (contact) found.push({ edge: i, where: contact.where });
    }
  }
  return found;
}

/** Area centroid of an open ring with non-zero area (planar in degrees: fine at plot scale). */
function centroidOf(ring: readonly Micro[]): LonLat {
  const [ox, oy] = ring[0] as Micro;
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Micro;
    const b = ring[(i + 1) % ring.length] as Micro;
    const x0 = a[0] - ox;
    const y0 = a[1] - oy;
    const x1 = b[0] - ox;
    const y1 = b[1] - oy;
    const cross = x0 * y1 - x1 * y0;
    area2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return [Math.round(ox + cx / (3 * area2)) / 1_000_000, Math.round(oy + cy / (3 * area2)) / 1_000_000];
}

const hectares = (m2: number): string => (m2 / 10_000).toFixed(2);

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
  const verdict = (extra: Omit<GeometryVerdict, 'ok' | 'errors' | 'warnings'> = {}): GeometryVerdict => ({
    ok: issues.errors.length === 0,
    errors: issues.errors,
    warnings: issues.warnings,
    ...extra,
  });

  const raw = readInput(input, issues);
  if (!raw || issues.errors.length > 0) return verdict();

  const positions = raw.type === 'Point' ? [raw.position] : raw.rings.flat();
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
  if (issues.errors.length > 0) return verdict();

  const decimals = Math.max(...positions.flatMap(({ lon, lat }) => [decimalsOf(lon), decimalsOf(lat)]));
  if (decimals < MIN_DECIMALS)
    issues.add('warning', 'geo.low_precision', raw.path, { decimals, min: MIN_DECIMALS });

  const country = options.country.toUpperCase();
  const declared =
    typeof options.declaredAreaM2 === 'number' &&
    Number.isFinite(options.declaredAreaM2) &&
    options.declaredAreaM2 > 0
      ? options.declaredAreaM2
      : undefined;

  const checkCountry = (vertices: readonly Micro[], sources: readonly string[]): void => {
    const lonLats = vertices.map(fromMicro);
    const outside = lonLats.findIndex(([lon, lat]) => !insideCountry(lon, lat, country));
    if (outside === -1) return;
    const hint = outsideHint(lonLats, country);
    issues.add(
      'error',
      'geo.outside_country',
      sources[outside] ?? raw.path,
      hint ? { country, hint } : { country },
    );
  };

  if (raw.type === 'Point') {
    const p: Micro = [toMicro(raw.position.lon), toMicro(raw.position.lat)];
    const coordinates = fromMicro(p);
    checkCountry([p], [raw.path]);
    if (declared !== undefined && declared > POINT_MAX_AREA_M2) {
      issues.add('error', 'geo.polygon_required_over_4ha', raw.path, {
        declared: hectares(declared),
        max: hectares(POINT_MAX_AREA_M2),
      });
    }
    return verdict({
      geometry: { type: 'Point', coordinates },
      centroid: coordinates,
      bbox: [coordinates[0], coordinates[1], coordinates[0], coordinates[1]],
    });
  }

  if (raw.rings.length > 1) {
    issues.add('error', 'geo.has_holes', at(raw.path, 1), { count: raw.rings.length - 1 });
  }
  const rings = raw.rings.map((ring, r) => normaliseRing(ring, at(raw.path, r), issues));
  const outer = rings[0];
  if (!outer || rings.some((ring) => ring === null)) return verdict();

  const crossings = selfIntersections(outer.vertices);
  const reported = new Set<string>();
  for (const { edge, where } of crossings) {
    const text = formatWhere(where[0], where[1]);
    if (reported.has(text)) continue;
    reported.add(text);
    issues.add('error', 'geo.self_intersection', outer.source[edge] ?? raw.path, { where: text });
  }
  const simple = crossings.length === 0;

  // RFC 7946 §3.1.6: outer ring counter-clockwise, holes clockwise. Only a simple ring has an orientation.
  const oriented = (rings as NormalRing[]).map(({ vertices }, r) => {
    const area = doubledArea(vertices);
    const wrongWay = r === 0 ? area < 0n : area > 0n;
    return simple && wrongWay ? reversed(vertices) : vertices;
  });
  const lonLatRings = oriented.map((vertices) => {
    const ring = vertices.map(fromMicro);
    return [...ring, ring[0] as LonLat];
  });
  const outerVertices = oriented[0] as Micro[];

  checkCountry(outer.vertices, outer.source);

  let areaM2: number | undefined;
  if (simple) {
    const holesM2 = lonLatRings.slice(1).reduce((sum, ring) => sum + Math.abs(signedAreaM2(ring)), 0);
    areaM2 = Math.max(0, Math.round(Math.abs(signedAreaM2(lonLatRings[0] as LonLat[])) - holesM2));
    if (areaM2 < MIN_AREA_M2) issues.add('error', 'geo.area_too_small', raw.path, { min: MIN_AREA_M2 });
    else if (declared !== undefined && Math.abs(declared - areaM2) > AREA_MISMATCH_RATIO * areaM2) {
      issues.add('warning', 'geo.area_mismatch', raw.path, {
        declared: hectares(declared),
        computed: hectares(areaM2),
      });
    }
  }

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
  return verdict({
    geometry: { type: 'Polygon', coordinates: lonLatRings },
    ...(areaM2 === undefined ? {} : { areaM2 }),
    centroid,
    bbox,
  });
}
