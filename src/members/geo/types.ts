/**
 * The vocabulary of plot geometry (members/geo.ts): the EUDR limits, the issue codes a validation can
 * return, and the shapes of positions, boxes and verdicts.
 */
import type { Point, Polygon, Position } from 'geojson';

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
