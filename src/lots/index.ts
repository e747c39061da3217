/**
 * The public face of lots (warehouses, stock, lots, milling): the only file (besides lots.contract.ts) that
 * other domains and the composition roots may import (.dependency-cruiser.cjs).
 */
import './messages.js';

/**
 * The composition of a lot down to its weigh tickets, each ticket's share of the lot by mass in whole grams
 * adding up to the lot's grams_in (one recursive query; ADR 0055). The traceability domain's trace.
 */
export {
  apportion,
  type Fraction,
  type LotComposition,
  type LotReached,
  type LotShare,
  lotComposition,
  lotsReachedByTickets,
  type TicketShare,
  walkLotQuery,
} from './composition.js';
/**
 * Cross-domain doors (used inside the caller's transaction; the caller has checked the actor's rights):
 * read lots, take grams out of a lot (a sample, a shipment), record stock movements (a shipment's
 * dispatch). The database keeps the balances (ADR 0051).
 */
export {
  findLot,
  findLotByCode,
  insertLotDraw,
  insertStockMovements,
  type LotRow,
  lotsByIds,
  type NewStockMovement,
} from './lots.queries.js';

// The service and its routes, built by the composition root (src/app.ts).
export { registerLotsRoutes } from './lots.routes.js';
export { createLotsService, type LotsService } from './lots.service.js';
export { createMillingService, type MillingService } from './milling.service.js';
export { createStockService, type StockService } from './stock.service.js';
