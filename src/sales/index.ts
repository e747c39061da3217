/**
 * The public face of sales (buyers, contracts, fixations, allocations, shipments): the only file (besides
 * sales.contract.ts) that other domains and the composition roots may import (.dependency-cruiser.cjs).
 */
import './messages.js';

export { registerSalesRoutes } from './sales.routes.js';
export { createSalesService, type SalesService } from './sales.service.js';
export { createShipmentsService, type ShipmentsService } from './shipments.service.js';
/**
 * Cross-domain reads for traceability (the EUDR package, the trace): a shipment's or a contract's lots
 * with grams, and the identity fields of the sale. The caller has checked the actor's rights.
 */
export {
  type ContractLots,
  contractLots,
  type SalesIdentity,
  type ShipmentLots,
  shipmentLots,
} from './trace.js';
