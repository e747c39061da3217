import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of every table, mirroring migrations/*.sql. Platform owns this file because Kysely needs
 * one database interface; each domain's section is marked. Keep it in step with the migrations: the
 * catalog test (test/catalog.test.ts) compares the two.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

// ---- platform / reference --------------------------------------------------------------------------
export interface CountriesTable {
  code: string;
  name_es: string;
  name_en: string;
  default_currency: string;
  default_time_zone: string;
}
export interface CurrenciesTable {
  code: string;
  minor_units: number;
  name_es: string;
  name_en: string;
}
export interface MassUnitsTable {
  code: string;
  milligrams: number;
  name_es: string;
  name_en: string;
  country: string | null;
}
export interface AuditHeadsTable {
  org_id: string;
  last_seq: number;
  last_hash: string;
}
export interface AuditEventsTable {
  org_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  digest: string;
  prev_hash: string;
  hash: string;
}
export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  operation: string;
  request_digest: string;
  response: ColumnType<unknown, string | null, string | null> | null;
  created_at: Timestamp;
}

// ---- orgs ------------------------------------------------------------------------------------------
export interface OrganizationsTable {
  org_id: string;
  slug: string;
  name: string;
  kind: 'cooperative' | 'central' | 'program' | 'buyer';
  country: string;
  currency: string;
  time_zone: string;
  locale: 'es' | 'en';
  display_mass_unit: string;
  region: string | null;
  province: string | null;
  district: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}
export interface UsersTable {
  user_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  locale: Generated<'es' | 'en'>;
  is_platform_admin: Generated<boolean>;
  created_at: Timestamp;
  password_changed_at: Timestamp;
}
export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  granted_at: Timestamp;
  granted_by: string | null;
}
export interface SessionsTable {
  session_hash: Buffer;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
}
export interface LoginAttemptsTable {
  email: string;
  ip: string;
  attempted_at: Timestamp;
  succeeded: boolean;
}
export interface ApiTokensTable {
  org_id: string;
  token_id: string;
  user_id: string;
  role: string;
  name: string;
  token_hash: Buffer;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}
export interface DataGrantsTable {
  org_id: string;
  grant_id: string;
  grantee_org_id: string;
  area: string;
  granted_at: Timestamp;
  granted_by: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

// ---- members ---------------------------------------------------------------------------------------
export type MemberStatus = 'applicant' | 'active' | 'suspended' | 'withdrawn' | 'deceased';
export interface MembersTable {
  org_id: string;
  member_id: string;
  member_number: string;
  given_names: string;
  family_names: string;
  national_id_type: 'dni' | 'cedula' | 'ce' | 'other' | null;
  national_id: string | null;
  sex: 'female' | 'male' | null;
  birth_date: string | null;
  phone: string | null;
  region: string | null;
  province: string | null;
  district: string | null;
  community: string | null;
  household_size: number | null;
  join_date: string | null;
  status: MemberStatus;
  currency: string;
  entry_fee_minor: ColumnType<number, number | undefined, number>;
  share_capital_subscribed_minor: ColumnType<number, number | undefined, number>;
  share_capital_paid_minor: ColumnType<number, number | undefined, number>;
  payment_method: ColumnType<
    'cash' | 'bank' | 'mobile_wallet',
    'cash' | 'bank' | 'mobile_wallet' | undefined,
    'cash' | 'bank' | 'mobile_wallet'
  >;
  bank_name: string | null;
  bank_account: string | null;
  wallet_phone: string | null;
  user_id: string | null;
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface MemberStatusChangesTable {
  org_id: string;
  change_id: string;
  member_id: string;
  from_status: MemberStatus | null;
  to_status: MemberStatus;
  effective_date: string;
  reason: string;
  recorded_at: Timestamp;
  recorded_by_label: string;
  recorded_by: string | null;
}
export interface MemberConsentsTable {
  org_id: string;
  consent_id: string;
  member_id: string;
  kind: 'share_with_federation' | 'geolocation_to_buyers';
  granted: boolean;
  effective_date: string;
  note: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
  recorded_by: string | null;
}
export interface GoodStandingRulesTable {
  org_id: string;
  rule_id: string;
  effective_from: string;
  min_months_since_joining: number;
  min_share_capital_paid_bp: number;
  exclude_rejected_inspection: boolean;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface PlotsTable {
  org_id: string;
  plot_id: string;
  member_id: string;
  name: string;
  declared_area_m2: number | null;
  geometry: ColumnType<unknown, string | null, string | null> | null;
  geometry_type: 'Point' | 'Polygon' | null;
  computed_area_m2: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  altitude_m: number | null;
  coffee_area_m2: number | null;
  varieties: ColumnType<string[], string[] | undefined, string[]>;
  tree_count: number | null;
  planting_year: number | null;
  shade: 'full_sun' | 'shade' | 'agroforestry' | null;
  tenure: 'owned' | 'rented' | 'communal' | 'family' | 'other' | null;
  yearly_estimate_grams: number | null;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PlotOverlapsTable {
  org_id: string;
  plot_id: string;
  other_plot_id: string;
  detected_at: Timestamp;
}
export type CertificationScheme =
  | 'organic_eu'
  | 'organic_usda'
  | 'organic_jas'
  | 'fairtrade'
  | 'rainforest_alliance';
export interface CertificationsTable {
  org_id: string;
  certification_id: string;
  member_id: string;
  plot_id: string | null;
  scheme: CertificationScheme;
  status: 'in_conversion' | 'certified' | 'suspended' | 'withdrawn';
  conversion_year: number | null;
  valid_from: string;
  valid_until: string | null;
  certificate_ref: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface InspectionsTable {
  org_id: string;
  inspection_id: string;
  member_id: string;
  inspected_on: string;
  inspector: string;
  result: 'approved' | 'approved_with_conditions' | 'rejected';
  non_conformities: ColumnType<unknown, string, string>;
  sanctions: string | null;
  recorded_at: Timestamp;
}

// ---- ledger ----------------------------------------------------------------------------------------
export type AccountKind = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export interface LedgerAccountsTable {
  org_id: string;
  account_id: string;
  code: string;
  name: string;
  kind: AccountKind;
  member_subledger: ColumnType<boolean, boolean | undefined, boolean>;
  purpose: string | null;
  created_at: Timestamp;
}
export interface JournalEntriesTable {
  org_id: string;
  entry_id: string;
  entry_date: string;
  description: string;
  currency: string;
  source_type: string;
  source_id: string;
  reverses_entry_id: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface JournalLinesTable {
  org_id: string;
  entry_id: string;
  line_no: number;
  account_id: string;
  member_id: string | null;
  amount_minor: number;
  memo: string | null;
}
export interface LedgerBalancesTable {
  org_id: string;
  account_id: string;
  member_key: string;
  balance_minor: number;
  lines: number;
}

// ---- collection ------------------------------------------------------------------------------------
export interface CollectionPointsTable {
  org_id: string;
  point_id: string;
  code: string;
  name: string;
  community: string | null;
  last_ticket_number: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}
export interface CollectionPointCashiersTable {
  org_id: string;
  point_id: string;
  user_id: string;
  assigned_at: Timestamp;
}
export interface PriceSchedulesTable {
  org_id: string;
  schedule_id: string;
  effective_from: string;
  coffee_state: string;
  certification_class: string;
  rule: ColumnType<unknown, string, string>;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface WeighTicketsTable {
  org_id: string;
  ticket_id: string;
  point_id: string;
  ticket_number: number;
  member_id: string;
  delivered_at: Timestamp;
  delivery_date: string;
  coffee_state: string;
  certification_class: string;
  plot_ids: ColumnType<string[], string[] | undefined, string[]>;
  sacks: number;
  sack_type: string | null;
  gross_grams: number;
  tare_grams: number;
  net_grams: number;
  moisture_bp: number | null;
  yield_bp: number | null;
  factor_hundredths: number | null;
  defects: number | null;
  cup_score_hundredths: number | null;
  cup_protocol: string | null;
  schedule_id: string;
  payable_grams: number;
  unit_price: string;
  value_minor: number;
  cash_paid_minor: ColumnType<number, number | undefined, number>;
  currency: string;
  pricing: ColumnType<unknown, string, string>;
  entry_id: string;
  replaces_ticket_id: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_label: string;
}
export interface WeighTicketVoidsTable {
  org_id: string;
  ticket_id: string;
  reason: string;
  reversal_entry_id: string;
  voided_at: Timestamp;
  voided_by_label: string;
}

// ---- settlement ------------------------------------------------------------------------------------
export interface SettlementsTable {
  org_id: string;
  settlement_id: string;
  name: string;
  period_from: string;
  period_to: string;
  currency: string;
  rule: ColumnType<unknown, string, string>;
  services: ColumnType<unknown, string | undefined, string>;
  status: 'draft' | 'approved' | 'posted';
  computed_at: Timestamp;
  created_at: Timestamp;
  created_by_label: string;
  posted_at: Timestamp | null;
  posted_by_label: string | null;
}
export interface SettlementLinesTable {
  org_id: string;
  settlement_id: string;
  member_id: string;
  payable_grams: number;
  gross_minor: number;
  net_minor: number;
  floor_applied: boolean;
  detail: ColumnType<unknown, string, string>;
  entry_id: string | null;
}
/** The tickets a settlement takes (rewritten with its draft; frozen once posted). */
export interface SettlementTicketsTable {
  org_id: string;
  settlement_id: string;
  ticket_id: string;
  member_id: string;
}
/** A ticket settled, written by the database when its settlement is posted: at most once per ticket. */
export interface SettledTicketsTable {
  org_id: string;
  ticket_id: string;
  settlement_id: string;
  settled_at: Date;
}
export interface SettlementApprovalsTable {
  org_id: string;
  settlement_id: string;
  user_id: string;
  role: 'manager' | 'accountant';
  approved_at: Timestamp;
}

// ---- payments --------------------------------------------------------------------------------------
export interface PaymentBatchesTable {
  org_id: string;
  batch_id: string;
  method: 'cash' | 'bank' | 'mobile_wallet';
  note: string | null;
  currency: string;
  created_at: Timestamp;
  created_by_label: string;
}
export interface PaymentsTable {
  org_id: string;
  payment_id: string;
  batch_id: string;
  member_id: string;
  amount_minor: number;
  status: 'pending' | 'paid' | 'cancelled';
  reference: string | null;
  paid_on: string | null;
  entry_id: string | null;
  marked_at: Timestamp | null;
  marked_by_label: string | null;
}

// ---- governance ------------------------------------------------------------------------------------
export interface StatutesTable {
  org_id: string;
  statute_id: string;
  effective_from: string;
  params: ColumnType<unknown, string, string>;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface AssembliesTable {
  org_id: string;
  assembly_id: string;
  kind: 'ordinary' | 'extraordinary' | 'delegates';
  title: string;
  place: string;
  first_call_at: Timestamp;
  second_call_at: Timestamp;
  cutoff_date: string;
  agenda: ColumnType<unknown, string | undefined, string>;
  params: ColumnType<unknown, string, string>;
  convened_at: Timestamp;
  convened_by_label: string;
  quorum_established: ColumnType<unknown, never, string>;
}
export interface AssemblyRollTable {
  org_id: string;
  assembly_id: string;
  member_id: string;
  checked_in_at: Timestamp | null;
  checked_in_by_label: string | null;
}
export interface MotionsTable {
  org_id: string;
  motion_id: string;
  assembly_id: string;
  title: string;
  decision_type: string;
  method: 'hands' | 'named';
  present: number;
  yes: number;
  no: number;
  abstain: number;
  required_yes: number;
  passed: boolean;
  recorded_at: Timestamp;
  recorded_by_label: string;
  agenda_item: ColumnType<number | null, number | null | undefined, never>;
  amends_motion_id: ColumnType<string | null, string | null | undefined, never>;
}
export interface NamedVotesTable {
  org_id: string;
  motion_id: string;
  member_id: string;
  choice: 'yes' | 'no' | 'abstain';
}

export interface SecretVotesTable {
  org_id: string;
  vote_id: string;
  assembly_id: string;
  title: string;
  decision_type: string;
  status: 'open' | 'tallied';
  public_key: string;
  sealed_private_key: string | null;
  opened_at: Timestamp;
  opened_by_label: string;
  tallied_at: Timestamp | null;
  present: number | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  required_yes: number | null;
  passed: boolean | null;
}
export interface VoteParticipationTable {
  org_id: string;
  vote_id: string;
  member_id: string;
}
export interface VoteEnvelopesTable {
  org_id: string;
  vote_id: string;
  envelope_id: string;
  sealed: string;
}
export interface VoteBallotsTable {
  org_id: string;
  vote_id: string;
  receipt_code: string;
  choice: 'yes' | 'no' | 'abstain';
}

export type OrganKind = 'board' | 'oversight' | 'electoral' | 'education' | 'fiscal_auditor' | 'delegates';
export type OfficePosition =
  | 'president'
  | 'vice_president'
  | 'secretary'
  | 'treasurer'
  | 'member'
  | 'alternate';
export interface OfficeTermsTable {
  org_id: string;
  term_id: string;
  organ: OrganKind;
  position: OfficePosition;
  member_id: string | null;
  holder_name: string;
  holder_sex: 'female' | 'male' | null;
  zone: string | null;
  starts_on: string;
  ends_on: string;
  ended_on: string | null;
  ended_reason: string | null;
  election_id: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface ElectionsTable {
  org_id: string;
  election_id: string;
  assembly_id: string;
  organ: OrganKind;
  seats: number;
  alternates: number;
  term_starts_on: string;
  term_ends_on: string;
  method: 'secret' | 'counted';
  tie_break: 'seniority' | 'lot' | 'runoff';
  status: 'nominating' | 'open' | 'tallied';
  public_key: string | null;
  sealed_private_key: string | null;
  created_at: Timestamp;
  created_by_label: string;
  opened_at: Timestamp | null;
  tallied_at: Timestamp | null;
  voters: number | null;
  blank: number | null;
  draw_seed: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ElectionCandidatesTable {
  org_id: string;
  election_id: string;
  member_id: string;
  ballot_index: number;
  nominated_at: Timestamp;
  votes: number | null;
  outcome: 'elected' | 'alternate' | 'not_elected' | 'tied' | null;
  tie_note: string | null;
}
export interface ElectionParticipationTable {
  org_id: string;
  election_id: string;
  member_id: string;
}
export interface ElectionEnvelopesTable {
  org_id: string;
  election_id: string;
  envelope_id: string;
  sealed: string;
}
export interface ElectionBallotsTable {
  org_id: string;
  election_id: string;
  receipt_code: string;
  choices: number[];
}
export interface AssemblyProxiesTable {
  org_id: string;
  assembly_id: string;
  grantor_member_id: string;
  holder_member_id: string;
  document_ref: string | null;
  registered_at: Timestamp;
  registered_by_label: string;
}
export interface MinutesTable {
  org_id: string;
  assembly_id: string;
  status: 'draft' | 'approved' | 'signed';
  body: string;
  version: number;
  book_number: number | null;
  approved_at: Timestamp | null;
  approved_by_label: string | null;
  signed_at: Timestamp | null;
  designated_member_ids: ColumnType<string[], string[] | undefined, string[]>;
}
export interface MinutesVersionsTable {
  org_id: string;
  assembly_id: string;
  version: number;
  body: string;
  saved_at: Timestamp;
  saved_by_label: string;
}
export interface MinutesSignaturesTable {
  org_id: string;
  assembly_id: string;
  role: 'president' | 'secretary' | 'designated';
  seq: number;
  signer_name: string;
  member_id: string | null;
  method: 'in_app' | 'on_paper';
  signed_at: Timestamp;
  recorded_by_label: string;
}
export interface OversightReportsTable {
  org_id: string;
  report_id: string;
  period_end: string;
  filed_on: string;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  recorded_at: Timestamp;
  recorded_by_label: string;
}

export interface Database {
  countries: CountriesTable;
  currencies: CurrenciesTable;
  mass_units: MassUnitsTable;
  audit_heads: AuditHeadsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  data_grants: DataGrantsTable;
  members: MembersTable;
  member_status_changes: MemberStatusChangesTable;
  member_consents: MemberConsentsTable;
  good_standing_rules: GoodStandingRulesTable;
  plots: PlotsTable;
  plot_overlaps: PlotOverlapsTable;
  certifications: CertificationsTable;
  inspections: InspectionsTable;
  ledger_accounts: LedgerAccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  ledger_balances: LedgerBalancesTable;
  collection_points: CollectionPointsTable;
  collection_point_cashiers: CollectionPointCashiersTable;
  price_schedules: PriceSchedulesTable;
  weigh_tickets: WeighTicketsTable;
  weigh_ticket_voids: WeighTicketVoidsTable;
  settlements: SettlementsTable;
  settlement_lines: SettlementLinesTable;
  settlement_tickets: SettlementTicketsTable;
  settled_tickets: SettledTicketsTable;
  settlement_approvals: SettlementApprovalsTable;
  payment_batches: PaymentBatchesTable;
  payments: PaymentsTable;
  statutes: StatutesTable;
  assemblies: AssembliesTable;
  assembly_roll: AssemblyRollTable;
  motions: MotionsTable;
  named_votes: NamedVotesTable;
  secret_votes: SecretVotesTable;
  vote_participation: VoteParticipationTable;
  vote_envelopes: VoteEnvelopesTable;
  vote_ballots: VoteBallotsTable;
  office_terms: OfficeTermsTable;
  elections: ElectionsTable;
  election_candidates: ElectionCandidatesTable;
  election_participation: ElectionParticipationTable;
  election_envelopes: ElectionEnvelopesTable;
  election_ballots: ElectionBallotsTable;
  assembly_proxies: AssemblyProxiesTable;
  minutes: MinutesTable;
  minutes_versions: MinutesVersionsTable;
  minutes_signatures: MinutesSignaturesTable;
  oversight_reports: OversightReportsTable;
}
