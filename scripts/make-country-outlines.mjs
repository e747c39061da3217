#!/usr/bin/env node
/**
 * Writes src/shared/country-outlines.json: simplified outlines of Peru and Colombia for the
 * "is this plot in the country it claims?" sanity check in src/members/geo/country.ts.
 *
 * Source: Natural Earth 1:50m admin-0 countries as packaged by the npm package `world-atlas`
 * (countries-50m.json, TopoJSON, ids are ISO 3166-1 numeric), converted with `topojson-client`.
 * Each ring is simplified with Douglas–Peucker and rounded to 3 decimals (≈ 110 m), which keeps the
 * file at a few kilobytes.
 *
 * The outline is coarse on purpose, so the check needs a margin: for each country the script measures
 * the largest distance from a vertex of the more detailed 1:10m mainland outline (countries-10m.json,
 * same package) to the simplified outline, rounds it up to the next kilometre and stores it as
 * `marginM`. Offshore islands that the 1:50m data leaves out (e.g. San Andrés) are not covered.
 *
 * Run after upgrading world-atlas:  node scripts/make-country-outlines.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const OUTPUT = new URL('../src/shared/country-outlines.json', import.meta.url);

/** ISO 3166-1 alpha-2 → numeric (the ids world-atlas uses). */
const COUNTRIES = { PE: '604', CO: '170' };
/** Douglas–Peucker tolerance in degrees (≈ 1.1 km at the equator). */
const TOLERANCE_DEG = 0.01;
const DECIMALS = 3;
/** Rings smaller than this many square degrees (≈ 12 km²) are dropped: islets nobody grows coffee on. */
const MIN_RING_AREA_DEG2 = 0.001;

function loadTopology(file) {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
}

/** The country's polygons as [lon, lat] rings (outer ring first), whatever the geometry type. */
function polygonsOf(topology, numericId) {
  const object = topology.objects.countries.geometries.find((g) => g.id === numericId);
  if (!object) throw new Error(`country ${numericId} not found in world-atlas`);
  const { geometry } = feature(topology, object);
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function perpendicularDistance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker on an open polyline; keeps both ends. */
function simplifyLine(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i], points[first], points[last]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst !== -1) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Simplifies a closed ring: split at the vertex farthest from the start so both halves are open lines. */
function simplifyRing(ring, tolerance) {
  const open = ring.slice(0, -1);
  let far = 0;
  for (let i = 1; i < open.length; i++) {
    if (
      Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]) >
      Math.hypot(open[far][0] - open[0][0], open[far][1] - open[0][1])
    )
      far = i;
  }
  const first = simplifyLine(open.slice(0, far + 1), tolerance);
  const second = simplifyLine([...open.slice(far), open[0]], tolerance);
  return [...first, ...second.slice(1)];
}

function round(value) {
  const scale = 10 ** DECIMALS;
  return Math.round(value * scale) / scale;
}

function ringArea(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** Rounded ring without consecutive duplicates, closed, or null when too small to matter. */
function cleanRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = [round(lon), round(lat)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const head = out[0];
  const tail = out[out.length - 1];
  if (head[0] !== tail[0] || head[1] !== tail[1]) out.push([...head]);
  if (out.length < 4 || Math.abs(ringArea(out)) < MIN_RING_AREA_DEG2) return null;
  return out;
}

/** Distance in metres from a point to a segment, in a local equirectangular frame (fine at km scale). */
function metresToSegment(p, a, b) {
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110_574;
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * ky;
  const dx = (b[0] - a[0]) * kx;
  const dy = (b[1] - a[1]) * ky;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function metresToOutline(p, polygons) {
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++)
        best = Math.min(best, metresToSegment(p, ring[i], ring[i + 1]));
    }
  }
  return best;
}

function bboxOf(polygons) {
  const box = [180, 90, -180, -90];
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

const coarse = loadTopology('countries-50m.json');
const detailed = loadTopology('countries-10m.json');
const countries = {};
for (const [iso2, numeric] of Object.entries(COUNTRIES)) {
  const polygons = polygonsOf(coarse, numeric)
    .map((polygon) => polygon.map((ring) => cleanRing(simplifyRing(ring, TOLERANCE_DEG))))
    .filter((polygon) => polygon[0] !== null)
    .map((polygon) => polygon.filter((ring) => ring !== null));
  // Margin: the worst distance from the detailed mainland outline (largest 1:10m ring) to ours.
  const mainland = polygonsOf(detailed, numeric)
    .map((polygon) => polygon[0])
    .sort((a, b) => b.length - a.length)[0];
  let worst = 0;
  for (const p of mainland) worst = Math.max(worst, metresToOutline(p, polygons));
  const marginM = Math.ceil(worst / 1000) * 1000;
  countries[iso2] = {
    isoNumeric: numeric,
    marginM,
    bbox: bboxOf(polygons),
    outline: { type: 'MultiPolygon', coordinates: polygons },
  };
  const vertices = polygons.flat().reduce((n, ring) => n + ring.length, 0);
  console.log(`${iso2}: ${polygons.length} polygon(s), ${vertices} vertices, margin ${marginM / 1000} km`);
}

const output = {
  source:
    'Natural Earth 1:50m admin-0 via world-atlas countries-50m.json; made by scripts/make-country-outlines.mjs',
  simplification: { douglasPeuckerDegrees: TOLERANCE_DEG, decimals: DECIMALS },
  countries,
};
const text = `${JSON.stringify(output)}\n`;
writeFileSync(OUTPUT, text);
console.log(`wrote ${OUTPUT.pathname} (${text.length} bytes)`);
