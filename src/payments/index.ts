/**
 * The public face of payments: the only file that other domains and the composition roots may import
 * (.dependency-cruiser.cjs).
 */
import './messages.js';

export { registerPaymentRoutes } from './payments.routes.js';
export { createPaymentsService, type PaymentsService } from './payments.service.js';
