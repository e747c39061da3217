/**
 * The public face of lots (warehouses, stock, lots, milling): the only file (besides lots.contract.ts) that
 * other domains and the composition roots may import (.dependency-cruiser.cjs).
 */
import './messages.js';
