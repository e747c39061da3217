/**
 * Geometry of members' plots (*parcelas*) for EUDR geolocation: validation and normalisation of GeoJSON,
 * geodesic area, overlap between plots, and a coarse "is it in the country?" check. Pure code, no I/O.
 * This file is the door; the code is in geo/: the limits and types (types.ts), the micro-degree grid
 * (grid.ts), measures of plots (geometry.ts), the country check (country.ts), reading GeoJSON (read.ts)
 * and the validation (validate.ts).
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
export { COUNTRIES_WITH_OUTLINE, insideCountry } from './geo/country.js';
export { bboxesIntersect, bboxOf, geodesicAreaM2, pointInPolygon, polygonsOverlap } from './geo/geometry.js';
export { truncateCoordinate } from './geo/grid.js';
export {
  AREA_MISMATCH_RATIO,
  type Bbox,
  GEO_ISSUE_CODES,
  type GeoHint,
  type GeoIssue,
  type GeoIssueCode,
  type GeometryVerdict,
  type LonLat,
  MAX_POSITIONS,
  MIN_AREA_M2,
  MIN_DECIMALS,
  POINT_MAX_AREA_M2,
  type PolygonLike,
  type ValidatePlotOptions,
} from './geo/types.js';
export { validatePlotGeometry } from './geo/validate.js';
