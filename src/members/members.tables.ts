import type { ColumnType } from 'kysely';
import { z } from 'zod';
import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the members domain owns (created by migrations/0002_members.sql). Only this
 * domain's queries read and write them; other domains ask through members/index.ts. src/database.ts adds
 * `MembersTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
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

/** The members domain's tables by name, as src/database.ts merges them into Database. */
export interface MembersTables {
  members: MembersTable;
  member_status_changes: MemberStatusChangesTable;
  member_consents: MemberConsentsTable;
  good_standing_rules: GoodStandingRulesTable;
  plots: PlotsTable;
  plot_overlaps: PlotOverlapsTable;
  certifications: CertificationsTable;
  inspections: InspectionsTable;
}

// ---- JSON columns: the shape of what is stored, parsed where it is read -----------------------------

/** `inspections.non_conformities`: what the inspector found, as recorded. */
export const NonConformitiesColumn = z.array(
  z.object({ code: z.string(), description: z.string(), severity: z.string() }),
);

/**
 * `plots.geometry` where `geometry_type` is 'Polygon': a GeoJSON polygon (rings of [lon, lat]) as
 * members/geo.ts validated it before it was written. Passed through to GeoJSON unread elsewhere.
 */
export const PolygonColumn = z.looseObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.array(z.number()))),
});
