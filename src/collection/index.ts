/**
 * The public face of collection (weigh tickets, price schedules, collection points): the only file
 * (besides collection.contract.ts) that other domains and the composition roots may import
 * (.dependency-cruiser.cjs).
 */
import './messages.js';

/** For lots (after it authorized the caller): tickets' origin, mass and intake yield, voided ones left out. */
/**
 * Reads for the value chain's trace (inside the caller's transaction, after it authorized the actor): tickets
 * by id, and the ids of a member's (or a plot's) tickets.
 */
export {
  type TicketOrigin,
  type TicketOriginFilter,
  type TicketTraceRow,
  ticketIdsOfMember,
  ticketOrigins,
  ticketsByIds,
} from './collection.queries.js';
export { registerCollectionRoutes } from './collection.routes.js';
export { type CollectionService, createCollectionService } from './collection.service.js';
/** Prices per kilogram between text ("12.50") and exact units: settlement reads and shows its rule with them. */
export { formatPricePerKg, parsePricePerKg } from './pricing.js';
