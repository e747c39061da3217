/**
 * The public face of settlement: the only file that other domains and the composition roots may
 * import (.dependency-cruiser.cjs).
 */
import './messages.js';

export { registerSettlementRoutes } from './settlement.routes.js';
export { createSettlementService, type SettlementService } from './settlement.service.js';
