/**
 * The public face of collection (weigh tickets, price schedules, collection points): the only file
 * (besides collection.contract.ts) that other domains and the composition roots may import
 * (.dependency-cruiser.cjs).
 */
import './messages.js';

export { type CollectionService, createCollectionService } from './collection.service.js';
export { registerCollectionRoutes } from './collection.routes.js';
/** Prices per kilogram as the cooperative writes them ("12.50"), in exact units: settlement reads its rule with it. */
export { parsePricePerKg } from './pricing.js';
