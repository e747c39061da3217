/**
 * Reading GeoJSON as people send it (a geometry, a Feature, a one-feature FeatureCollection, a one-part
 * Multi* geometry) into raw positions with their paths, collecting issues as it goes.
 */
import { type GeoIssue, type GeoIssueCode, MAX_POSITIONS } from './types.js';

/** At most this many issues of one code are reported, so a broken 5,000-vertex track stays readable. */
const MAX_ISSUES_PER_CODE = 20;

export interface Collector {
  errors: GeoIssue[];
  warnings: GeoIssue[];
  add(severity: 'error' | 'warning', code: GeoIssueCode, path: string, params?: GeoIssue['params']): void;
}

export function collector(): Collector {
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

export const at = (base: string, key: string | number): string =>
  base === '' ? String(key) : `${base}.${key}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface RawPosition {
  lon: number;
  lat: number;
  path: string;
}

export type RawGeometry =
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

export function readInput(input: unknown, issues: Collector): RawGeometry | null {
  if (isRecord(input) && input.type === 'FeatureCollection') {
    const part = singlePart(input.features, 'features', issues);
    return part === undefined ? null : readFeature(part, 'features.0', issues);
  }
  if (isRecord(input) && input.type === 'Feature') return readFeature(input, '', issues);
  return readGeometry(input, '', issues);
}
