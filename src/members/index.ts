/**
 * The public face of members (the social base): the only file (besides members.contract.ts) that other
 * domains and the composition roots may import (.dependency-cruiser.cjs).
 */
import './messages.js';

/** Reads the member code of a card (QR) for check-in at an assembly. */
export { readMemberCode } from './card.js';
/** CSV that spreadsheets open safely (formula injection neutralised): the payments' bank file uses it. */
export { writeCsv } from './import/export.js';
export { registerImportRoutes } from './import.routes.js';
export { createImportService, type ImportService } from './import.service.js';
/**
 * Reads for the value chain's trace and the EUDR package (inside the caller's transaction, after it authorized
 * the actor): members and their plots by member id, with the consent to show them to buyers.
 */
export { type MemberTraceRow, membersAndPlotsByIds, type PlotTraceRow } from './members.queries.js';
export { registerMemberRoutes } from './members.routes.js';
export { createMembersService, type MembersService } from './members.service.js';
