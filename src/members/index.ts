/**
 * The public face of members (the social base): the only file (besides members.contract.ts) that other
 * domains and the composition roots may import (.dependency-cruiser.cjs).
 */
import './messages.js';

/** Reads the member code of a card (QR) for check-in at an assembly. */
export { readMemberCode } from './card.js';
/**
 * Plot geometry for EUDR (members/geo.ts): the traceability domain revalidates every plot before it goes into
 * an EUDR data package, with the same rules a plot passed when it was written.
 */
export {
  type Bbox,
  bboxesIntersect,
  type GeoIssue,
  type GeometryVerdict,
  type LonLat,
  MIN_AREA_M2,
  POINT_MAX_AREA_M2,
  pointInPolygon,
  polygonsOverlap,
  validatePlotGeometry,
} from './geo.js';
/** CSV that spreadsheets open safely (formula injection neutralised): the payments' bank file uses it. */
export { writeCsv } from './import/export.js';
export { registerImportRoutes } from './import.routes.js';
export { createImportService, type ImportService } from './import.service.js';
export { registerMemberRoutes } from './members.routes.js';
export { createMembersService, type MembersService } from './members.service.js';
