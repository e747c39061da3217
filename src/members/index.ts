/**
 * The public face of members (the social base): the only file (besides members.contract.ts) that other
 * domains and the composition roots may import (.dependency-cruiser.cjs).
 *
 * Other domains read the social base through the named functions below (`memberIdOf`,
 * `memberRowsByIds`, `certificationsInForce`, …): each takes the executor first, so it runs inside the
 * caller's transaction, and checks no rights: the caller has authorized its actor already. The same
 * functions are on the `MembersService` object the composition root builds.
 */
import './messages.js';

/** Reads the member code of a card (QR) for check-in at an assembly. */
export { readMemberCode } from './card.js';
/** For other domains, after they authorized the caller: a member's certifications in force on a date. */
export { certificationsInForce } from './certifications.service.js';
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
export { createMembersService, type MembersService } from './members.facade.js';
/**
 * Reads for the value chain's trace and the EUDR package (inside the caller's transaction, after it authorized
 * the actor): members and their plots by member id, with the consent to show them to buyers.
 */
export { type MemberTraceRow, membersAndPlotsByIds, type PlotTraceRow } from './members.queries.js';
export { registerMemberRoutes } from './members.routes.js';
/**
 * For other domains' services, after they authorized the caller: a member's id by number (404
 * `members.not_found`), member rows or numbers by id, women's share of the active members in basis
 * points (governance's scorecard).
 */
export {
  memberIdOf,
  memberNumbersByIds,
  memberRowsByIds,
  womenShareOfActiveMembers,
} from './members.service.js';
/** For other domains, after they authorized the caller: a member's yearly estimate in grams (collection's quota). */
export { yearlyEstimateGrams } from './plots.service.js';
/** For other domains, after they authorized the caller: who is in good standing on a date (quorum, eligibility). */
export { inGoodStandingOn, membersInGoodStanding } from './standing.service.js';
