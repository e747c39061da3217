/**
 * The public face of quality (samples, physical analysis, cupping): the only file (besides
 * quality.contract.ts) that other domains and the composition roots may import (.dependency-cruiser.cjs).
 */
import './messages.js';

/** For the offer (issue 13): the latest cup score, descriptors and physical figures of lots, one query. */
export { type LotQuality, qualityOfLots } from './lot-quality.js';
export { registerQualityRoutes } from './quality.routes.js';
export { createQualityService, type QualityService } from './quality.service.js';
