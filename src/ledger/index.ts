/**
 * The public face of the ledger: the only file that other domains and the composition roots may import
 * (.dependency-cruiser.cjs).
 */
import './messages.js';

export { registerLedgerRoutes } from './ledger.routes.js';
export {
  createLedgerService,
  type LedgerService,
  type NewEntry,
  type PostingLine,
} from './ledger.service.js';
