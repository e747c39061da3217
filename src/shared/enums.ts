/**
 * The enumerations both the server and the web app need: the codes the API sends and accepts. The
 * zod contracts build their enums from these lists and the screens their selects and labels, so a
 * new code is added once. Pure data: no Node, no DOM.
 */

// ---- organizations and people ---------------------------------------------------------------------

export const ORG_KINDS = ['cooperative', 'central', 'program', 'buyer'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLES = [
  'admin',
  'manager',
  'accountant',
  'cashier',
  'board',
  'oversight',
  'member',
  'buyer',
  'viewer',
  'warehouse',
  'lab',
] as const;
export type Role = (typeof ROLES)[number];

/** Data areas a cooperative can share with a central or program, one consent each. */
export const DATA_AREAS = ['members', 'collection', 'accounts', 'governance', 'training', 'lots'] as const;
export type DataArea = (typeof DATA_AREAS)[number];

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// ---- the social base ------------------------------------------------------------------------------

export const MEMBER_STATUSES = ['applicant', 'active', 'suspended', 'withdrawn', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const CERT_SCHEMES = [
  'organic_eu',
  'organic_usda',
  'organic_jas',
  'fairtrade',
  'rainforest_alliance',
] as const;
export type CertScheme = (typeof CERT_SCHEMES)[number];

export const CERT_STATUSES = ['in_conversion', 'certified', 'suspended', 'withdrawn'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export const INSPECTION_RESULTS = ['approved', 'approved_with_conditions', 'rejected'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const NATIONAL_ID_TYPES = ['dni', 'cedula', 'ce', 'other'] as const;
export type NationalIdType = (typeof NATIONAL_ID_TYPES)[number];

export const PAYMENT_METHODS = ['cash', 'bank', 'mobile_wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const SHADES = ['full_sun', 'shade', 'agroforestry'] as const;
export type Shade = (typeof SHADES)[number];

export const TENURES = ['owned', 'rented', 'communal', 'family', 'other'] as const;
export type Tenure = (typeof TENURES)[number];

export const CONSENT_KINDS = ['share_with_federation', 'geolocation_to_buyers'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const PLOT_FLAGS = ['area_mismatch', 'overlap', 'low_precision'] as const;
export type PlotFlag = (typeof PLOT_FLAGS)[number];

export const IMPORT_KINDS = ['members', 'plots', 'plots-geojson'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The dashboard's age groups (years on the day asked). */
export const AGE_GROUPS = ['<30', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

// ---- collection -----------------------------------------------------------------------------------

export const COFFEE_STATES = ['cherry', 'wet_parchment', 'dry_parchment', 'green'] as const;
export type CoffeeState = (typeof COFFEE_STATES)[number];

export const CERT_CLASSES = ['conventional', 'organic', 'fairtrade', 'organic_fairtrade'] as const;
export type CertClass = (typeof CERT_CLASSES)[number];

export const CUP_PROTOCOLS = ['sca2004', 'cva'] as const;
export type CupProtocol = (typeof CUP_PROTOCOLS)[number];

// ---- the value chain: stock, lots, milling ------------------------------------------------------

/** What a warehouse holds. Dry parchment from the desk is `parchment`; milling makes the green grades. */
export const PRODUCTS = [
  'cherry',
  'wet_parchment',
  'parchment',
  'green_export',
  'green_second',
  'rejects',
  'husk',
] as const;
export type Product = (typeof PRODUCTS)[number];

export const WAREHOUSE_KINDS = ['collection_point', 'warehouse', 'mill', 'port'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

export const STOCK_MOVEMENT_KINDS = [
  'reception',
  'reception_void',
  'transfer_out',
  'transfer_in',
  'processing_out',
  'processing_in',
  'reclass_out',
  'reclass_in',
  'dispatch',
  'delivery_out',
  'delivery_in',
  'adjustment',
] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** How a lot was made. */
export const LOT_ORIGINS = ['tickets', 'blend', 'milling', 'delivery'] as const;
export type LotOrigin = (typeof LOT_ORIGINS)[number];

export const LOT_STATUSES = ['open', 'closed', 'delivered', 'consumed', 'shipped'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** What leaves a lot other than into another lot. */
export const LOT_DRAW_KINDS = ['milling', 'shipment', 'sample', 'loss'] as const;
export type LotDrawKind = (typeof LOT_DRAW_KINDS)[number];

export const MILLING_STATUSES = ['open', 'done'] as const;
export type MillingStatus = (typeof MILLING_STATUSES)[number];

// ---- ledger -------------------------------------------------------------------------------------

/** The member accounts a statement of account can show. */
export const STATEMENT_ACCOUNTS = ['payable_members', 'receivable_members', 'share_capital'] as const;
export type StatementAccount = (typeof STATEMENT_ACCOUNTS)[number];

// ---- settlement ---------------------------------------------------------------------------------

/**
 * How a settlement's price per kg is read: `second_payment`, an extra amount per kg on top of what each
 * ticket was credited; `final_price`, the season's final price per kg less what each ticket was credited.
 */
export const SETTLEMENT_PRICE_MODES = ['second_payment', 'final_price'] as const;
export type SettlementPriceMode = (typeof SETTLEMENT_PRICE_MODES)[number];

// ---- governance -----------------------------------------------------------------------------------

export const DECISION_TYPES = ['ordinary', 'statute_reform', 'merger_dissolution', 'election'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const MAJORITY_KINDS = ['simple', 'absolute', 'two_thirds'] as const;
export type MajorityKind = (typeof MAJORITY_KINDS)[number];

export const ASSEMBLY_KINDS = ['ordinary', 'extraordinary', 'delegates'] as const;
export type AssemblyKind = (typeof ASSEMBLY_KINDS)[number];

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export const ORGAN_KINDS = [
  'board',
  'oversight',
  'electoral',
  'education',
  'fiscal_auditor',
  'delegates',
] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export const POSITIONS = [
  'president',
  'vice_president',
  'secretary',
  'treasurer',
  'member',
  'alternate',
] as const;
export type OfficePosition = (typeof POSITIONS)[number];

export const TIE_BREAKS = ['seniority', 'lot', 'runoff'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export const ELECTION_METHODS = ['secret', 'counted'] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];

export const CANDIDATE_OUTCOMES = ['elected', 'alternate', 'not_elected', 'tied'] as const;
export type CandidateOutcome = (typeof CANDIDATE_OUTCOMES)[number];

export const SIGN_ROLES = ['president', 'secretary', 'designated'] as const;
export type SignRole = (typeof SIGN_ROLES)[number];

export const MINUTES_STATUSES = ['none', 'draft', 'approved', 'signed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** The scorecard's indicators, and how each stands. */
export const INDICATORS = [
  'ordinary_assembly_in_time',
  'attendance',
  'women_in_organs',
  'terms_renewed',
  'minutes_signed_in_time',
  'oversight_reports',
] as const;
export type IndicatorCode = (typeof INDICATORS)[number];
export const INDICATOR_STATUSES = ['ok', 'warn', 'bad', 'pending', 'na'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

// ---- sales: contracts and shipments ---------------------------------------------------------------

export const CONTRACT_STATUSES = ['draft', 'signed', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Fixed price, or to be fixed: a differential to a New York "C" month, fixed later. */
export const PRICE_KINDS = ['fixed', 'differential'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export const PRICE_BASES = ['lb', 'kg'] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

export const INCOTERMS = ['EXW', 'FCA', 'FOT', 'FOB', 'CFR', 'CIF', 'DAP', 'DDP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

export const SHIPMENT_STATUSES = ['planned', 'shipped'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** How a contract states its quantity (mass_units codes). */
export const CONTRACT_QUANTITY_UNITS = ['kg', 'bag-69', 'bag-70'] as const;
export type ContractQuantityUnit = (typeof CONTRACT_QUANTITY_UNITS)[number];
