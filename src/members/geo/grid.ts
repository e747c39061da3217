/**
 * Coordinates on the micro-degree grid: truncation to 6 decimals (what TRACES keeps) and the exact integer
 * predicates (orientation, segment contact, point location) that validation and overlap are built on.
 */
import type { Position } from 'geojson';
import type { LonLat, PolygonLike } from './types.js';

/** A vertex on the micro-degree grid: integers, x = longitude × 10⁶, y = latitude × 10⁶. */
export type Micro = [x: number, y: number];

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
export function toMicro(value: number): number {
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
export function decimalsOf(value: number): number {
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
export function orient(a: Micro, b: Micro, c: Micro): -1 | 0 | 1 {
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
export function withinSegment(a: Micro, b: Micro, c: Micro): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

export const same = (a: Micro, b: Micro): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * How two segments meet: 'proper' (their interiors cross at one point), 'touch' (they share a point in any
 * other way: an endpoint on the other segment, or a collinear overlap), or null.
 */
export function segmentContact(
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
export function doubledArea(ring: readonly Micro[]): bigint {
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
export function reversed<T>(ring: readonly T[]): T[] {
  return ring.length === 0 ? [] : [ring[0] as T, ...ring.slice(1).reverse()];
}

/**
 * Where a point lies against an open ring: 1 inside, 0 on the boundary (with the edge's index), -1 outside.
 * Crossing-number test with exact orientation predicates.
 */
export function locate(p: Micro, ring: readonly Micro[]): { side: 1 | 0 | -1; edge: number } {
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
export function microRing(positions: readonly Position[], scale = 1): Micro[] {
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

export function outerRingOf(polygon: PolygonLike): readonly Position[] {
  return 'coordinates' in polygon ? (polygon.coordinates[0] ?? []) : polygon;
}

export const fromMicro = (p: Micro): LonLat => [p[0] / 1_000_000, p[1] / 1_000_000];
export const formatWhere = (x: number, y: number): string =>
  `${(x / 1_000_000).toFixed(6)}, ${(y / 1_000_000).toFixed(6)}`;
