/**
 * A checker of EUDR GeoJSON files: reads a FeatureCollection (text or parsed) and reports every rule of the
 * EC's GeoJSON File Description v1.3 it breaks (REFERENCE.md §3.2), plus the limits of the information system.
 * It is the oracle of the package builder's tests and the last look at a package before it leaves, so it is
 * written apart from the builder: it shares no geometry code with members/geo.ts or eudr/package.ts (its own
 * integer predicates, its own decimal test, rounding to 6 decimals as the EC text says rather than truncating
 * as the builder does) and reads only facts with them (the limits, the ISO country list, the country boxes).
 *
 * Rules and where they come from:
 * - RFC 7946: a FeatureCollection of Features; positions [longitude, latitude] (altitude allowed), in range;
 *   no `crs` member (removed by RFC 7946 §4: WGS84 only); a Polygon's linear rings closed, ≥ 4 positions,
 *   the outer ring counter-clockwise (§3.1.6, the right-hand rule).
 * - File Description v1.3: geometry types Point, MultiPoint, Polygon, MultiPolygon, GeometryCollection
 *   (LineString and MultiLineString rejected); no holes; no self-crossing or overlapping sides; no vertex
 *   repeated after rounding to 6 decimals; properties `ProducerName`, `ProducerCountry` (ISO-2),
 *   `ProductionPlace`, `Area` — exactly so spelled; `Area` a number of hectares, for points, from 0.0001 to 4.
 * - The package's own rules (stricter than TRACES, which truncates and ignores the rest): at most 6 decimals,
 *   no other properties, `ProducerName` and `ProducerCountry` on every feature (a commodity-level file needs
 *   them to group features into producers), positions inside the producer's country's bounding box (catches
 *   latitude and longitude swapped) where the box is known.
 * - Limits: at most 25 MB per file and 1,000 producers (distinct ProducerName + ProducerCountry).
 */
import outlinesJson from '../../shared/country-outlines.json' with { type: 'json' };
import { ISO_3166_ALPHA_2 } from './countries.js';
import { EUDR_LIMITS } from './limits.js';

export const EUDR_CHECK_RULES = [
  'eudr.check.not_json',
  'eudr.check.not_feature_collection',
  'eudr.check.crs_not_allowed',
  'eudr.check.no_features',
  'eudr.check.not_feature',
  'eudr.check.geometry_missing',
  'eudr.check.geometry_type_not_allowed',
  'eudr.check.geometry_malformed',
  'eudr.check.coordinate_out_of_range',
  'eudr.check.too_many_decimals',
  'eudr.check.outside_country_box',
  'eudr.check.ring_too_short',
  'eudr.check.ring_not_closed',
  'eudr.check.polygon_has_holes',
  'eudr.check.duplicate_vertex',
  'eudr.check.self_crossing',
  'eudr.check.zero_area',
  'eudr.check.clockwise_ring',
  'eudr.check.properties_missing',
  'eudr.check.producer_name_missing',
  'eudr.check.producer_country_invalid',
  'eudr.check.production_place_invalid',
  'eudr.check.property_wrong_case',
  'eudr.check.property_unknown',
  'eudr.check.area_missing',
  'eudr.check.area_not_number',
  'eudr.check.area_out_of_range',
  'eudr.check.file_too_large',
  'eudr.check.too_many_producers',
] as const;
export type EudrCheckRule = (typeof EUDR_CHECK_RULES)[number];

/** One broken rule. `path` is a dotted path into the file ('features.3.geometry.coordinates.0.5'). */
export interface EudrCheckIssue {
  rule: EudrCheckRule;
  path: string;
  params?: Record<string, string | number>;
}

export interface EudrCheckResult {
  ok: boolean;
  issues: EudrCheckIssue[];
  /** Features read. */
  features: number;
  /** Distinct ProducerName + ProducerCountry pairs. */
  producers: number;
  /** UTF-8 size of the file (of its compact JSON when given parsed). */
  bytes: number;
}

export interface EudrCheckOptions {
  /** Defaults to the information system's 25 MB. */
  maxFileBytes?: number;
  /** Defaults to the information system's 1,000 producers per commodity. */
  maxProducers?: number;
}

const PROPERTIES = ['ProducerName', 'ProducerCountry', 'ProductionPlace', 'Area'] as const;
const PROPERTY_BY_LOWER = new Map<string, string>(PROPERTIES.map((name) => [name.toLowerCase(), name]));
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** Rings are long; one bad ring should not bury the rest. */
const MAX_ISSUES_PER_RING = 10;

interface CountryBox {
  bbox: [number, number, number, number];
  marginM: number;
}
const BOXES = outlinesJson.countries as unknown as Record<string, CountryBox | undefined>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

/**
 * Checks an EUDR GeoJSON file.
 * @example
 * checkEudrGeoJson('{"type":"FeatureCollection","features":[]}')
 * // { ok: false, issues: [{ rule: 'eudr.check.no_features', path: 'features' }], features: 0, producers: 0, bytes: 42 }
 */
export function checkEudrGeoJson(file: unknown, options: EudrCheckOptions = {}): EudrCheckResult {
  const maxFileBytes = options.maxFileBytes ?? EUDR_LIMITS.maxFileBytes;
  const maxProducers = options.maxProducers ?? EUDR_LIMITS.maxProducersPerFile;
  const issues: EudrCheckIssue[] = [];
  const report = (rule: EudrCheckRule, path: string, params?: EudrCheckIssue['params']) => {
    issues.push(params ? { rule, path, params } : { rule, path });
  };

  let root: unknown = file;
  let bytes: number;
  if (typeof file === 'string') {
    bytes = Buffer.byteLength(file, 'utf8');
    try {
      root = JSON.parse(file);
    } catch {
      report('eudr.check.not_json', '');
      return { ok: false, issues, features: 0, producers: 0, bytes };
    }
  } else {
    bytes = Buffer.byteLength(JSON.stringify(file) ?? '', 'utf8');
  }
  if (bytes > maxFileBytes) report('eudr.check.file_too_large', '', { bytes, max: maxFileBytes });

  if (!isObject(root) || root.type !== 'FeatureCollection') {
    report('eudr.check.not_feature_collection', '');
    return { ok: false, issues, features: 0, producers: 0, bytes };
  }
  if ('crs' in root) report('eudr.check.crs_not_allowed', 'crs');
  if (!Array.isArray(root.features)) {
    report('eudr.check.not_feature_collection', 'features');
    return { ok: false, issues, features: 0, producers: 0, bytes };
  }
  if (root.features.length === 0) report('eudr.check.no_features', 'features');

  const producers = new Set<string>();
  root.features.forEach((feature: unknown, index: number) => {
    const producer = checkFeature(feature, join('features', index), report);
    if (producer) producers.add(producer);
  });
  if (producers.size > maxProducers) {
    report('eudr.check.too_many_producers', 'features', { count: producers.size, max: maxProducers });
  }
  return {
    ok: issues.length === 0,
    issues,
    features: root.features.length,
    producers: producers.size,
    bytes,
  };
}

type Report = (rule: EudrCheckRule, path: string, params?: EudrCheckIssue['params']) => void;

/** A position as read: its path and its numbers. */
interface Read {
  path: string;
  lon: number;
  lat: number;
}

/** Checks one feature; returns its producer key when its name and country can be read. */
function checkFeature(feature: unknown, path: string, report: Report): string | null {
  if (!isObject(feature) || feature.type !== 'Feature') {
    report('eudr.check.not_feature', path);
    return null;
  }
  const positions: Read[] = [];
  let points = 0;
  const geometryPath = join(path, 'geometry');
  if (!isObject(feature.geometry)) {
    report('eudr.check.geometry_missing', geometryPath);
  } else {
    points = checkGeometry(feature.geometry, geometryPath, report, positions);
  }

  const propertiesPath = join(path, 'properties');
  if (!isObject(feature.properties)) {
    report('eudr.check.properties_missing', propertiesPath);
    return null;
  }
  const properties = feature.properties;
  for (const key of Object.keys(properties)) {
    if ((PROPERTIES as readonly string[]).includes(key)) continue;
    const expected = PROPERTY_BY_LOWER.get(key.toLowerCase());
    if (expected) report('eudr.check.property_wrong_case', join(propertiesPath, key), { key, expected });
    else report('eudr.check.property_unknown', join(propertiesPath, key), { key });
  }

  const name = properties.ProducerName;
  const nameOk = typeof name === 'string' && name.trim() !== '';
  if (!nameOk) report('eudr.check.producer_name_missing', join(propertiesPath, 'ProducerName'));
  const country = properties.ProducerCountry;
  const countryOk = typeof country === 'string' && ISO_3166_ALPHA_2.has(country);
  if (!countryOk) {
    report('eudr.check.producer_country_invalid', join(propertiesPath, 'ProducerCountry'), {
      value: typeof country === 'string' ? country : String(JSON.stringify(country)),
    });
  }
  if ('ProductionPlace' in properties) {
    const place = properties.ProductionPlace;
    if (typeof place !== 'string' || place.trim() === '') {
      report('eudr.check.production_place_invalid', join(propertiesPath, 'ProductionPlace'));
    }
  }

  const areaPath = join(propertiesPath, 'Area');
  if (!('Area' in properties)) {
    if (points > 0) report('eudr.check.area_missing', areaPath);
  } else if (typeof properties.Area !== 'number' || !Number.isFinite(properties.Area)) {
    // "Area": "3" is read as 0 by the information system (File Description v1.3).
    report('eudr.check.area_not_number', areaPath, { value: String(JSON.stringify(properties.Area)) });
  } else if (
    points > 0 &&
    (properties.Area < EUDR_LIMITS.pointMinAreaHa || properties.Area > EUDR_LIMITS.pointMaxAreaHa)
  ) {
    report('eudr.check.area_out_of_range', areaPath, {
      area: properties.Area,
      min: EUDR_LIMITS.pointMinAreaHa,
      max: EUDR_LIMITS.pointMaxAreaHa,
    });
  }

  if (countryOk) checkCountryBox(positions, country, report);
  return nameOk && countryOk ? `${name}\u0000${country}` : null;
}

/** Checks a geometry and collects its positions; returns how many points (Point/MultiPoint members) it has. */
function checkGeometry(geometry: Json, path: string, report: Report, positions: Read[]): number {
  const type = geometry.type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
    report('eudr.check.geometry_type_not_allowed', join(path, 'type'), { type: String(type) });
    return 0;
  }
  const coordinatesPath = join(path, 'coordinates');
  const coordinates = geometry.coordinates;
  switch (type) {
    case 'Point': {
      const read = readPosition(coordinates, coordinatesPath, report);
      if (read) positions.push(read);
      return 1;
    }
    case 'MultiPoint': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) {
        report('eudr.check.geometry_malformed', coordinatesPath);
        return 0;
      }
      coordinates.forEach((position: unknown, i: number) => {
        const read = readPosition(position, join(coordinatesPath, i), report);
        if (read) positions.push(read);
      });
      return coordinates.length;
    }
    case 'Polygon':
      checkPolygon(coordinates, coordinatesPath, report, positions);
      return 0;
    case 'MultiPolygon': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) {
        report('eudr.check.geometry_malformed', coordinatesPath);
        return 0;
      }
      coordinates.forEach((polygon: unknown, i: number) => {
        checkPolygon(polygon, join(coordinatesPath, i), report, positions);
      });
      return 0;
    }
    default: {
      const members = geometry.geometries;
      const membersPath = join(path, 'geometries');
      if (!Array.isArray(members) || members.length === 0) {
        report('eudr.check.geometry_malformed', membersPath);
        return 0;
      }
      let points = 0;
      members.forEach((member: unknown, i: number) => {
        if (isObject(member)) points += checkGeometry(member, join(membersPath, i), report, positions);
        else report('eudr.check.geometry_missing', join(membersPath, i));
      });
      return points;
    }
  }
}

/**
 * Whether a number carries more than 6 decimals: printed with 6 and read back, it would be another number.
 * (For a value written with at most 6 decimals the nearest double prints back to the same 6 digits.)
 */
const moreThanSixDecimals = (value: number): boolean => Number(value.toFixed(6)) !== value;

function readPosition(value: unknown, path: string, report: Report): Read | null {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    value.length > 3 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    // Also the "array of arrays" a point must not be (File Description v1.3).
    report('eudr.check.geometry_malformed', path);
    return null;
  }
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    report('eudr.check.coordinate_out_of_range', path, { lon, lat });
    return null;
  }
  if (moreThanSixDecimals(lon) || moreThanSixDecimals(lat)) {
    report('eudr.check.too_many_decimals', path, { lon, lat });
  }
  return { path, lon, lat };
}

// ---------------------------------------------------------------------------------------------------------
// Polygons, on the grid of 6-decimal rounding: integer micro-degrees

type Vertex = readonly [x: number, y: number];

const micro = (degrees: number): number => Math.round(degrees * 1_000_000);
const text = ([x, y]: Vertex): string => `${(x / 1e6).toFixed(6)}, ${(y / 1e6).toFixed(6)}`;

function checkPolygon(rings: unknown, path: string, report: Report, positions: Read[]): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    report('eudr.check.geometry_malformed', path);
    return;
  }
  if (rings.length > 1) report('eudr.check.polygon_has_holes', join(path, 1), { count: rings.length - 1 });
  rings.forEach((ring: unknown, r: number) => {
    const ringPath = join(path, r);
    if (!Array.isArray(ring)) {
      report('eudr.check.geometry_malformed', ringPath);
      return;
    }
    const read: Read[] = [];
    ring.forEach((position: unknown, i: number) => {
      const p = readPosition(position, join(ringPath, i), report);
      if (p) read.push(p);
    });
    if (read.length !== ring.length) return;
    positions.push(...read);
    checkRing(read, ringPath, r === 0, report);
  });
}

function checkRing(ring: readonly Read[], path: string, outer: boolean, report: Report): void {
  if (ring.length < 4) {
    // Fewer than 4 positions encloses nothing: no other rule has anything more to say.
    report('eudr.check.ring_too_short', path, { count: ring.length, min: 4 });
    return;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed =
    first !== undefined && last !== undefined && first.lon === last.lon && first.lat === last.lat;
  if (!closed) report('eudr.check.ring_not_closed', path);

  // The ring's vertices without the closing position, on the rounded grid.
  const open = (closed ? ring.slice(0, -1) : ring).map((p) => [micro(p.lon), micro(p.lat)] as const);
  let reported = 0;
  const seen = new Map<string, number>();
  open.forEach((v, i) => {
    const key = `${v[0]},${v[1]}`;
    const before = seen.get(key);
    if (before === undefined) seen.set(key, i);
    else if (reported++ < MAX_ISSUES_PER_RING) {
      report('eudr.check.duplicate_vertex', join(path, i), { first: before, second: i, where: text(v) });
    }
  });

  // Repeated neighbours make zero-length sides; the crossing test runs on the ring without them.
  const distinct = open.filter((v, i) => {
    const previous = open[(i + open.length - 1) % open.length] as Vertex;
    return open.length === 1 || v[0] !== previous[0] || v[1] !== previous[1];
  });
  // All on one line (collinear points, the EC's words): no area, and nothing else worth saying.
  const [v0, v1] = distinct as [Vertex, Vertex];
  if (distinct.length < 3 || distinct.every((v) => turn(v0, v1, v) === 0)) {
    report('eudr.check.zero_area', path);
    return;
  }
  const crossings = crossingSides(distinct);
  for (const [a, b] of crossings.slice(0, MAX_ISSUES_PER_RING)) {
    report('eudr.check.self_crossing', path, { first: a, second: b, where: text(distinct[a] as Vertex) });
  }
  // Only a simple ring has an orientation (a simple ring off one line has a non-zero area).
  if (crossings.length === 0 && outer && shoelace(distinct) < 0n) report('eudr.check.clockwise_ring', path);
}

/** Twice the signed area of an open ring, exact (positive: counter-clockwise). */
function shoelace(ring: readonly Vertex[]): bigint {
  let sum = 0n;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Vertex;
    const [x2, y2] = ring[(i + 1) % ring.length] as Vertex;
    sum += BigInt(x1) * BigInt(y2) - BigInt(x2) * BigInt(y1);
  }
  return sum;
}

/** Sign of the turn a → b → c: 1 left, -1 right, 0 straight; exact on the integer grid. */
function turn(a: Vertex, b: Vertex, c: Vertex): number {
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const vx = c[0] - a[0];
  const vy = c[1] - a[1];
  const small = 2 ** 26; // products below 2^52 are exact in a double
  if (Math.abs(ux) < small && Math.abs(uy) < small && Math.abs(vx) < small && Math.abs(vy) < small) {
    return Math.sign(ux * vy - uy * vx);
  }
  const cross = BigInt(ux) * BigInt(vy) - BigInt(uy) * BigInt(vx);
  return cross > 0n ? 1 : cross < 0n ? -1 : 0;
}

/** For c on the line a–b: is it on the closed segment? */
const between = (a: Vertex, b: Vertex, c: Vertex): boolean =>
  c[0] >= Math.min(a[0], b[0]) &&
  c[0] <= Math.max(a[0], b[0]) &&
  c[1] >= Math.min(a[1], b[1]) &&
  c[1] <= Math.max(a[1], b[1]);

/** Whether closed segments a–b and c–d share a point. */
function meet(a: Vertex, b: Vertex, c: Vertex, d: Vertex): boolean {
  const t1 = turn(a, b, c);
  const t2 = turn(a, b, d);
  const t3 = turn(c, d, a);
  const t4 = turn(c, d, b);
  if (t1 !== t2 && t3 !== t4 && t1 !== 0 && t2 !== 0 && t3 !== 0 && t4 !== 0) return true;
  return (
    (t1 === 0 && between(a, b, c)) ||
    (t2 === 0 && between(a, b, d)) ||
    (t3 === 0 && between(c, d, a)) ||
    (t4 === 0 && between(c, d, b))
  );
}

/**
 * Pairs of sides (by index of their first vertex) that cross, touch or overlap. Sides next to each other share
 * a vertex by construction and count only when the second turns straight back over the first. Sides are swept
 * in order of their smallest x, so a ring of thousands of vertices costs little more than its sort.
 */
function crossingSides(ring: readonly Vertex[]): [number, number][] {
  const n = ring.length;
  const lowX = new Float64Array(n);
  const highX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Vertex;
    const b = ring[(i + 1) % n] as Vertex;
    lowX[i] = Math.min(a[0], b[0]);
    highX[i] = Math.max(a[0], b[0]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (lowX[a] as number) - (lowX[b] as number),
  );
  const found: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const a = ring[i] as Vertex;
    const b = ring[(i + 1) % n] as Vertex;
    for (let m = k + 1; m < n; m++) {
      const j = order[m] as number;
      if ((lowX[j] as number) > (highX[i] as number)) break;
      const c = ring[j] as Vertex;
      const d = ring[(j + 1) % n] as Vertex;
      if (Math.max(c[1], d[1]) < Math.min(a[1], b[1]) || Math.min(c[1], d[1]) > Math.max(a[1], b[1]))
        continue;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      if (hi === lo + 1 || (lo === 0 && hi === n - 1)) {
        // Neighbours p→s and s→q (in ring order): they overlap when q lies back along s→p.
        const [p, s, q] = (
          hi === lo + 1 ? [ring[lo], ring[hi], ring[(hi + 1) % n]] : [ring[n - 1], ring[0], ring[1]]
        ) as [Vertex, Vertex, Vertex];
        const back = (p[0] - s[0]) * (q[0] - s[0]) + (p[1] - s[1]) * (q[1] - s[1]) > 0;
        if (n > 2 && turn(s, p, q) === 0 && back) found.push([lo, hi]);
        continue;
      }
      if (meet(a, b, c, d)) found.push([lo, hi]);
    }
  }
  return found.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Positions outside the producer's country's box (with the outline's margin): one issue per feature. */
function checkCountryBox(positions: readonly Read[], country: string, report: Report): void {
  const box = BOXES[country];
  if (!box) return;
  const [minLon, minLat, maxLon, maxLat] = box.bbox;
  // A degree is at least 110 km of latitude and, at coffee latitudes (|φ| < 25°), at least 100 km of longitude.
  const margin = box.marginM / 100_000;
  const outside = positions.find(
    (p) =>
      p.lon < minLon - margin ||
      p.lon > maxLon + margin ||
      p.lat < minLat - margin ||
      p.lat > maxLat + margin,
  );
  if (outside) {
    report('eudr.check.outside_country_box', outside.path, { country, lon: outside.lon, lat: outside.lat });
  }
}
