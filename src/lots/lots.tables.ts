import type { Timestamp } from '../platform/db/schema.js';
import type {
  CertClass,
  LotDrawKind,
  LotOrigin,
  LotStatus,
  MillingStatus,
  Product,
  StockMovementKind,
  WarehouseKind,
} from '../shared/enums.js';

/**
 * Kysely row types of the tables the lots domain owns (migrations/0013_lots.sql): warehouses, stock
 * movements and their running balances, lots with their inputs and draws, milling orders. Only this
 * domain's queries read and write them; other domains ask through lots/index.ts. src/database.ts adds
 * `LotsTables` to the one Database type; test/catalog.test.ts compares these with the migrations.
 * Grams are int8, read as exact numbers (platform/db/connect.ts refuses any beyond 2^53).
 */
export interface WarehousesTable {
  org_id: string;
  warehouse_id: string;
  code: string;
  name: string;
  kind: WarehouseKind;
  point_id: string | null;
  created_at: Timestamp;
}
/** A fact: grams in (positive) or out (negative) of a warehouse, never changed. */
export interface StockMovementsTable {
  org_id: string;
  movement_id: string;
  warehouse_id: string;
  product: Product;
  certification_class: CertClass;
  grams: number;
  kind: StockMovementKind;
  occurred_on: string;
  ticket_id: string | null;
  lot_id: string | null;
  transfer_id: string | null;
  milling_id: string | null;
  count_id: string | null;
  reason: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
/** The running sum of the movements, kept by a trigger; its CHECK refuses negative stock. */
export interface StockBalancesTable {
  org_id: string;
  warehouse_id: string;
  product: Product;
  certification_class: CertClass;
  grams: number;
}
export interface LotsTable {
  org_id: string;
  lot_id: string;
  code: string;
  product: Product;
  certification_class: CertClass;
  origin: LotOrigin;
  eudr: boolean;
  warehouse_id: string;
  status: LotStatus;
  delivered_to_org_id: string | null;
  /** Kept by triggers from the inputs and draws; never written by the service. */
  grams_in: number;
  grams_out: number;
  harvest_from: string | null;
  harvest_to: string | null;
  note: string | null;
  created_at: Timestamp;
  created_by_label: string;
}
export interface MillingOrdersTable {
  org_id: string;
  milling_id: string;
  code: string;
  warehouse_id: string;
  client_org_id: string | null;
  client_name: string | null;
  status: MillingStatus;
  milled_on: string | null;
  grams_in: number;
  grams_out: number;
  loss_grams: number | null;
  note: string | null;
  created_at: Timestamp;
  created_by_label: string;
}
/** One input of a lot: exactly one of a ticket, a (possibly another organization's) lot, a milling order. */
export interface LotInputsTable {
  org_id: string;
  lot_id: string;
  input_no: number;
  ticket_id: string | null;
  source_org_id: string | null;
  source_lot_id: string | null;
  milling_id: string | null;
  grams: number;
}
/** What left a lot other than into another lot. */
export interface LotDrawsTable {
  org_id: string;
  lot_id: string;
  draw_id: string;
  kind: LotDrawKind;
  grams: number;
  milling_id: string | null;
  shipment_id: string | null;
  reason: string | null;
  drawn_on: string;
  recorded_at: Timestamp;
  recorded_by_label: string;
}

/** A count of a warehouse by one person; approved (its differences adjusted) by another. */
export interface InventoryCountsTable {
  org_id: string;
  count_id: string;
  warehouse_id: string;
  counted_on: string;
  counted_by: string;
  counted_by_label: string;
  counted_at: Timestamp;
  approved_by: string | null;
  approved_by_label: string | null;
  approved_at: Timestamp | null;
  note: string | null;
}
export interface InventoryCountLinesTable {
  org_id: string;
  count_id: string;
  product: Product;
  certification_class: CertClass;
  book_grams: number;
  counted_grams: number;
}

/** The lots domain's tables by name, as src/database.ts merges them into Database. */
export interface LotsTables {
  warehouses: WarehousesTable;
  stock_movements: StockMovementsTable;
  stock_balances: StockBalancesTable;
  lots: LotsTable;
  milling_orders: MillingOrdersTable;
  lot_inputs: LotInputsTable;
  lot_draws: LotDrawsTable;
  inventory_counts: InventoryCountsTable;
  inventory_count_lines: InventoryCountLinesTable;
}
