import type { ColumnType } from 'kysely';
import type { Timestamp } from '../platform/db/schema.js';
import type { CuppingSessionStatus, SamplePurpose, SampleSource } from '../shared/quality.js';

/**
 * Kysely row types of the tables the quality domain owns (migrations/0014_quality.sql): samples and where
 * they went, physical analyses, cupping sessions, their blind samples, scores and descriptors. Only this
 * domain's queries touch them; other domains ask through quality/index.ts.
 */
type Generated<T> = ColumnType<T, never, never>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface QualitySampleCountersTable {
  org_id: string;
  year: number;
  last_number: number;
}
export interface QualitySamplesTable {
  org_id: string;
  sample_id: string;
  code: string;
  source: SampleSource;
  lot_id: string | null;
  draw_id: string | null;
  received_from: string | null;
  purpose: SamplePurpose;
  grams: number;
  taken_on: string;
  note: string | null;
  created_at: Timestamp;
  created_by_label: string;
}
export interface QualitySampleDispatchesTable {
  org_id: string;
  dispatch_id: string;
  sample_id: string;
  sent_to: string;
  sent_on: string;
  courier: string | null;
  courier_reference: string | null;
  grams: number | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface QualityPhysicalAnalysesTable {
  org_id: string;
  analysis_id: string;
  sample_id: string;
  analyzed_on: string;
  portion_grams: number;
  moisture_bp: number | null;
  water_activity_milli: number | null;
  density_g_per_l: number | null;
  screen_19_grams: Defaulted<number>;
  screen_18_grams: Defaulted<number>;
  screen_17_grams: Defaulted<number>;
  screen_16_grams: Defaulted<number>;
  screen_15_grams: Defaulted<number>;
  screen_14_grams: Defaulted<number>;
  screen_under_14_grams: Defaulted<number>;
  full_black: Defaulted<number>;
  full_sour: Defaulted<number>;
  dried_cherry: Defaulted<number>;
  fungus_damaged: Defaulted<number>;
  foreign_matter: Defaulted<number>;
  severe_insect: Defaulted<number>;
  partial_black: Defaulted<number>;
  partial_sour: Defaulted<number>;
  parchment: Defaulted<number>;
  floater: Defaulted<number>;
  immature: Defaulted<number>;
  withered: Defaulted<number>;
  shell: Defaulted<number>;
  broken: Defaulted<number>;
  hull_husk: Defaulted<number>;
  slight_insect: Defaulted<number>;
  /** Computed by the database from the counts (SCA equivalents). */
  primary_full_defects: Generated<number>;
  secondary_full_defects: Generated<number>;
  grade: Generated<string>;
  husked_parchment_grams: number | null;
  husked_green_grams: number | null;
  note: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface CuppingSessionsTable {
  org_id: string;
  session_id: string;
  name: string;
  held_on: string;
  descriptive: boolean;
  status: Defaulted<CuppingSessionStatus>;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  created_by_label: string;
}
export interface CuppingSessionSamplesTable {
  org_id: string;
  session_id: string;
  sample_id: string;
  blind_code: string;
  position: number;
}
export interface CuppingScoresTable {
  org_id: string;
  session_id: string;
  sample_id: string;
  cupper_user_id: string;
  cupper_label: string;
  fragrance: number;
  flavor: number;
  aftertaste: number;
  acidity: number;
  body: number;
  balance: number;
  overall: number;
  uniform_cups: number;
  clean_cups: number;
  sweet_cups: number;
  taint_cups: number;
  fault_cups: number;
  total: Generated<number>;
  final_score: Generated<number>;
  notes: string | null;
  scored_at: Timestamp;
}
export interface CuppingDescriptorsTable {
  org_id: string;
  session_id: string;
  sample_id: string;
  cupper_user_id: string;
  descriptor: string;
  intensity: number;
}

/** The quality domain's tables by name, as src/database.ts merges them into Database. */
export interface QualityTables {
  quality_sample_counters: QualitySampleCountersTable;
  quality_samples: QualitySamplesTable;
  quality_sample_dispatches: QualitySampleDispatchesTable;
  quality_physical_analyses: QualityPhysicalAnalysesTable;
  cupping_sessions: CuppingSessionsTable;
  cupping_session_samples: CuppingSessionSamplesTable;
  cupping_scores: CuppingScoresTable;
  cupping_descriptors: CuppingDescriptorsTable;
}
