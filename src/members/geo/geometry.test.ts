import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bboxesIntersect,
  bboxOf,
  geodesicAreaM2,
  type LonLat,
  pointInPolygon,
  polygonsOverlap,
  validatePlotGeometry,
} from '../geo.js';
import {
  A,
  closed,
  E2,
  JAEN,
  offset,
  PE,
  PITALITO,
  point,
  polygon,
  QUILLABAMBA,
  RAD,
  ringFromMetres,
  square,
} from './test-helpers.js';

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
