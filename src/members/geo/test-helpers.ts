/**
 * Plots laid out in metres near the towns where Ayni's cooperatives grow coffee, for the geometry
 * tests beside this file (independent of the code under test). Left out of the build (tsconfig.build.json).
 */
import type { Point, Polygon, Position } from 'geojson';
import type { GeoIssue, GeometryVerdict, LonLat } from '../geo.js';

// Places where Ayni's cooperatives grow coffee.
export const JAEN: LonLat = [-78.8, -5.71]; // Cajamarca, Peru
export const QUILLABAMBA: LonLat = [-72.69, -12.86]; // La Convención, Cusco, Peru
export const PITALITO: LonLat = [-76.05, 1.85]; // Huila, Colombia

export const PE = { country: 'PE' };

// WGS84 radii of curvature, to lay plots out in metres independently of the code under test.
export const A = 6_378_137;
export const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
export const RAD = Math.PI / 180;

/** The position `east` and `north` metres from `origin` (local tangent plane; exact enough below 10 km). */
export function offset([lon, lat]: LonLat, east: number, north: number): LonLat {
  const s = Math.sin(lat * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const meridional = (A * (1 - E2)) / (w * w * w);
  const primeVertical = A / w;
  return [lon + east / (primeVertical * Math.cos(lat * RAD)) / RAD, lat + north / meridional / RAD];
}

/** Shoelace area in a local tangent plane at the first vertex: an independent oracle for small plots. */
export function localPlaneAreaM2(ring: LonLat[]): number {
  const [lon0, lat0] = ring[0] as LonLat;
  const s = Math.sin(lat0 * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const xy = ring.map(([lon, lat]) => [
    (lon - lon0) * RAD * (A / w) * Math.cos(lat0 * RAD),
    (lat - lat0) * RAD * ((A * (1 - E2)) / (w * w * w)),
  ]);
  let twice = 0;
  for (let i = 0; i + 1 < xy.length; i++) {
    const [x0 = 0, y0 = 0] = xy[i] ?? [];
    const [x1 = 0, y1 = 0] = xy[i + 1] ?? [];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice / 2);
}

/** A closed ring through `corners` given in metres from `origin`. */
export function ringFromMetres(origin: LonLat, corners: [number, number][]): LonLat[] {
  const ring = corners.map(([e, n]) => offset(origin, e, n));
  return [...ring, ring[0] as LonLat];
}

/** A square of `side` metres, its south-west corner at `origin`, counter-clockwise, closed. */
export function square(origin: LonLat, side: number): LonLat[] {
  return ringFromMetres(origin, [
    [0, 0],
    [side, 0],
    [side, side],
    [0, side],
  ]);
}

/** A ring with 6-decimal coordinates written out by hand, closed. */
export function closed(...ring: LonLat[]): LonLat[] {
  return [...ring, ring[0] as LonLat];
}

export const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
export const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
export const codes = (issues: GeoIssue[]) => issues.map((issue) => issue.code);
export const only = (verdict: GeometryVerdict, code: string) => verdict.errors.find((e) => e.code === code);

// A 6-decimal, 1.26 ha plot near Jaén, as a surveyor's GPS would give it.
export const JAEN_PLOT = closed(
  [-78.806201, -5.708413],
  [-78.805312, -5.708391],
  [-78.805287, -5.707488],
  [-78.806163, -5.707402],
  [-78.806545, -5.707904],
);
