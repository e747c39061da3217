import type { ColumnType } from 'kysely';
import type { Timestamp } from '../platform/db/schema.js';
import type { EudrSubjectKind, LotProcess } from './traceability.contract.js';

/**
 * Kysely row types of the tables traceability owns (migrations/0016_traceability.sql): the EUDR packages as
 * generated and the DDS reference numbers recorded on them (both append-only), and the lots published on a
 * public page. src/database.ts adds `TraceabilityTables` to the one Database type.
 */
type Json = ColumnType<unknown, string, never>;

export interface EudrPackagesTable {
  org_id: string;
  package_id: string;
  subject_kind: EudrSubjectKind;
  subject_id: string;
  reference: string;
  complete: boolean;
  net_grams: number;
  producers: number;
  plots_to_visit: number;
  summary: Json;
  problems: Json;
  dds: Json;
  producer_lines: Json;
  files: Json;
  pdf: ColumnType<Buffer, Buffer, never>;
  pdf_locale: 'es' | 'en';
  sha256: string;
  generated_at: Timestamp;
  generated_by: string | null;
  generated_by_label: string;
  keep_until: string;
}
export interface EudrDdsReferencesTable {
  org_id: string;
  reference_id: string;
  package_id: string;
  reference_number: string;
  verification_number: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_label: string;
}
export interface LotPublicPagesTable {
  org_id: string;
  lot_id: string;
  process: LotProcess;
  story_es: string | null;
  story_en: string | null;
  published_at: Timestamp;
  published_by_label: string;
}

export interface TraceabilityTables {
  eudr_packages: EudrPackagesTable;
  eudr_dds_references: EudrDdsReferencesTable;
  lot_public_pages: LotPublicPagesTable;
}
