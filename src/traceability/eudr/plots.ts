/**
 * The plot checks of an EUDR package: each plot's geometry against the rules it met when it was stored
 * (members/geo.ts, through members' public face), what a point needs on top (an area, at most 4 ha), and
 * overlaps between plots. Pure code.
 */
import type { Point, Polygon } from 'geojson';
import {
  type Bbox,
  bboxesIntersect,
  MIN_AREA_M2,
  POINT_MAX_AREA_M2,
  pointInPolygon,
  polygonsOverlap,
  validatePlotGeometry,
} from '../../members/index.js';
import type { EudrPlotInput, EudrProblemCode, EudrSeverity } from './types.js';

/** A plot whose geometry can go into the files (unless an overlap takes it out). */
export interface AcceptedPlot {
  /** Index of the producer in the builder's order: overlaps between one producer's plots are told apart. */
  producer: number;
  input: EudrPlotInput;
  /** Normalised by validatePlotGeometry: 6 decimals, closed counter-clockwise outer ring, no altitude. */
  geometry: Point | Polygon;
  /** Polygon: as mapped (geodesic). Point: as declared, the file's `Area`. Whole m². */
  areaM2: number;
  bbox: Bbox;
}

/** A finding about one plot; the builder adds the member and the plot. */
export interface PlotFinding {
  code: EudrProblemCode;
  severity: EudrSeverity;
  params: Record<string, string | number>;
  cause?: { code: string; params: Record<string, string | number> };
}

const hectares = (m2: number): string => (m2 / 10_000).toFixed(2);

/**
 * Checks one plot for the files: a geometry that passes members' validation in the producer's country, and for
 * a point an area of at least 1 m² and at most 4 ha (TRACES defaults a missing `Area` to 4 ha, which would be
 * a claim nobody made, so a point without one is left out). Area mismatch and low precision are kept, to review.
 */
export function checkPlot(
  input: EudrPlotInput,
  producer: number,
  country: string,
): { accepted: AcceptedPlot | null; findings: PlotFinding[] } {
  const findings: PlotFinding[] = [];
  const leftOut = (code: EudrProblemCode, params: PlotFinding['params'] = {}) => {
    findings.push({ code, severity: 'left_out', params });
    return { accepted: null, findings };
  };
  if (input.geometry === null || input.geometry === undefined) return leftOut('eudr.plot_without_geometry');

  const declared = positive(input.declaredAreaM2);
  const verdict = validatePlotGeometry(input.geometry, { country, declaredAreaM2: declared });
  if (!verdict.ok || !verdict.geometry) {
    const seen = new Set<string>();
    for (const error of verdict.errors) {
      if (seen.has(error.code)) continue;
      seen.add(error.code);
      if (error.code === 'geo.polygon_required_over_4ha') {
        findings.push({
          code: 'eudr.point_needs_polygon',
          severity: 'left_out',
          params: { declared: hectares(declared ?? 0), max: hectares(POINT_MAX_AREA_M2) },
        });
      } else {
        findings.push({
          code: 'eudr.geometry_invalid',
          severity: 'left_out',
          params: {},
          cause: { code: error.code, params: error.params ?? {} },
        });
      }
    }
    return { accepted: null, findings };
  }

  for (const warning of verdict.warnings) {
    if (warning.code === 'geo.area_mismatch') {
      findings.push({ code: 'eudr.area_mismatch', severity: 'review', params: warning.params ?? {} });
    } else if (warning.code === 'geo.low_precision') {
      findings.push({ code: 'eudr.low_precision', severity: 'review', params: warning.params ?? {} });
    }
    // Open rings and repeated vertices are already mended in the normalised geometry that goes out.
  }

  const geometry = verdict.geometry;
  let areaM2: number;
  if (geometry.type === 'Point') {
    const area = declared ?? positive(input.computedAreaM2);
    if (area === undefined || area < MIN_AREA_M2) return leftOut('eudr.point_without_area');
    if (area > POINT_MAX_AREA_M2) {
      return leftOut('eudr.point_needs_polygon', {
        declared: hectares(area),
        max: hectares(POINT_MAX_AREA_M2),
      });
    }
    areaM2 = Math.round(area);
  } else {
    areaM2 = verdict.areaM2 ?? 0;
  }
  const bbox = verdict.bbox as Bbox;
  return { accepted: { producer, input, geometry, areaM2, bbox }, findings };
}

function positive(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Every pair of accepted plots whose areas overlap: two polygons whose interiors meet (members'
 * polygonsOverlap: touching along an edge is not an overlap), or a point inside (or on) a polygon. Two points
 * never overlap: a point stands for a plot of unknown shape. Pairs come as indices into `plots`, i < j, in
 * order. Bounding boxes are swept by longitude, so plots far apart are never compared.
 */
export function overlappingPairs(plots: readonly AcceptedPlot[]): [number, number][] {
  const order = plots
    .map((_, i) => i)
    .sort((a, b) => (plots[a] as AcceptedPlot).bbox[0] - (plots[b] as AcceptedPlot).bbox[0]);
  const pairs: [number, number][] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const a = plots[i] as AcceptedPlot;
    for (let m = k + 1; m < order.length; m++) {
      const j = order[m] as number;
      const b = plots[j] as AcceptedPlot;
      if (b.bbox[0] > a.bbox[2]) break;
      if (!bboxesIntersect(a.bbox, b.bbox) || !overlap(a.geometry, b.geometry)) continue;
      pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function overlap(a: Point | Polygon, b: Point | Polygon): boolean {
  if (a.type === 'Polygon' && b.type === 'Polygon') return polygonsOverlap(a, b);
  if (a.type === 'Point' && b.type === 'Polygon') return pointInPolygon(a.coordinates, b);
  if (a.type === 'Polygon' && b.type === 'Point') return pointInPolygon(b.coordinates, a);
  return false;
}
