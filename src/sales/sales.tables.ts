import type { ColumnType } from 'kysely';
import type { Timestamp } from '../platform/db/schema.js';
import type {
  CertClass,
  ContractStatus,
  Incoterm,
  PriceBasis,
  PriceKind,
  Product,
  ShipmentStatus,
} from '../shared/enums.js';

/**
 * Kysely row types of the tables the sales domain owns (migrations/0015_sales.sql): buyers, contracts,
 * fixations, allocations of lots, shipments with containers and packing lines, and the Fairtrade price
 * terms (global reference data). Prices in price units (millionths of the major unit) per lb or kg;
 * grams and minor units are int8 read as exact numbers (platform/db/connect.ts).
 */
export interface FairtradePriceTermsTable {
  effective_from: string;
  minimum_per_lb: number;
  premium_per_lb: number;
  organic_differential_per_lb: number;
  source: string;
}
export interface SalesBuyersTable {
  org_id: string;
  buyer_id: string;
  buyer_org_id: string | null;
  name: string;
  country: string;
  contact: string | null;
  created_at: Timestamp;
}
export interface SalesContractsTable {
  org_id: string;
  contract_id: string;
  number: string;
  buyer_id: string;
  contract_date: string;
  status: ColumnType<ContractStatus, ContractStatus | undefined, ContractStatus>;
  quantity_grams: number;
  quantity_unit: string;
  quantity_bags: number | null;
  product: Product;
  certification_class: CertClass;
  grade: string | null;
  min_cup_score_hundredths: number | null;
  max_moisture_bp: number | null;
  min_screen: number | null;
  max_defects: number | null;
  currency: string;
  price_kind: PriceKind;
  price_basis: PriceBasis;
  fixed_price: number | null;
  differential_per_lb: number | null;
  futures_month: string | null;
  fairtrade_terms_from: string | null;
  ft_minimum_per_lb: number | null;
  ft_premium_per_lb: number | null;
  ft_organic_differential_per_lb: number | null;
  incoterm: Incoterm;
  incoterm_place: string;
  shipment_from: string;
  shipment_to: string;
  note: string | null;
  signed_at: Timestamp | null;
  signed_by_label: string | null;
  created_at: Timestamp;
  created_by_label: string;
}
export interface SalesFixationsTable {
  org_id: string;
  fixation_id: string;
  contract_id: string;
  fixed_on: string;
  level_per_lb: number;
  grams: number;
  bags: number | null;
  lot_id: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface SalesAllocationsTable {
  org_id: string;
  contract_id: string;
  lot_id: string;
  grams: number;
  shipped_grams: ColumnType<number, number | undefined, number>;
  allocated_at: Timestamp;
  allocated_by_label: string;
}
export interface SalesShipmentsTable {
  org_id: string;
  shipment_id: string;
  contract_id: string;
  ico_mark: string;
  status: ColumnType<ShipmentStatus, ShipmentStatus | undefined, ShipmentStatus>;
  port_of_loading: string | null;
  port_of_discharge: string | null;
  vessel: string | null;
  bill_of_lading: string | null;
  net_grams: ColumnType<number, number | undefined, number>;
  shipped_on: string | null;
  goods_minor: number | null;
  premium_minor: number | null;
  exchange_rate_micro: number | null;
  local_total_minor: number | null;
  local_premium_minor: number | null;
  entry_id: string | null;
  dds_reference: string | null;
  created_at: Timestamp;
  created_by_label: string;
}
export interface SalesContainersTable {
  org_id: string;
  shipment_id: string;
  container_no: string;
  seal: string;
  bags: number;
  gross_grams: number;
  net_grams: number;
}
export interface SalesPackingLinesTable {
  org_id: string;
  shipment_id: string;
  container_no: string;
  lot_id: string;
  bags: number;
  net_grams: number;
}

/** The sales domain's tables by name, as src/database.ts merges them into Database. */
export interface SalesTables {
  fairtrade_price_terms: FairtradePriceTermsTable;
  sales_buyers: SalesBuyersTable;
  sales_contracts: SalesContractsTable;
  sales_fixations: SalesFixationsTable;
  sales_allocations: SalesAllocationsTable;
  sales_shipments: SalesShipmentsTable;
  sales_containers: SalesContainersTable;
  sales_packing_lines: SalesPackingLinesTable;
}
