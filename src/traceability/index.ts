/**
 * The public face of traceability (the value-chain trace, from plot to buyer): the only file that other
 * domains and the composition roots may import (.dependency-cruiser.cjs).
 *
 * The trace both ways (trace.service.ts, on lots/composition.ts), the traceability report, the EUDR packages
 * kept five years and the lot's public page (ADR 0055).
 */
import './trace.messages.js';

export { registerPublicPageRoutes } from './public-page.routes.js';
export { createPublicPageService, type PublicPageService } from './public-page.service.js';
export { createTraceService, type TraceService } from './trace.service.js';
export { registerTraceRoutes } from './traceability.routes.js';
