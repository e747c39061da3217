/**
 * Measures of plots: geodesic area on the WGS84 ellipsoid, bounding boxes, point in polygon, overlap
 * between plots, self-intersections of a ring and its centroid. Exact on the micro-degree grid where a
 * predicate decides (grid.ts).
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  doubledArea,
  locate,
  type Micro,
  microRing,
  orient,
  outerRingOf,
  reversed,
  same,
  segmentContact,
  toMicro,
  withinSegment,
} from './grid.js';
import type { Bbox, LonLat, PolygonLike } from './types.js';

const WGS84_A = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const WGS84_E = Math.sqrt(WGS84_E2);
export const RADIANS = Math.PI / 180;

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
export function signedAreaM2(ring: readonly Position[]): number {
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

/**
 * Every place where a ring is not simple: non-adjacent edges that cross or touch (a vertex on another
 * edge, a vertex visited twice, overlapping collinear edges), and adjacent edges that fold back on each
 * other (a spike). O(n²) over edge pairs with a bounding-box reject — fine for plot-sized rings (a GPS
 * walk of an hour at one fix per second is 3,600 positions); MAX_POSITIONS bounds the cost.
 */
export function selfIntersections(ring: readonly Micro[]): { edge: number; where: LonLat }[] {
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
export function centroidOf(ring: readonly Micro[]): LonLat {
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
