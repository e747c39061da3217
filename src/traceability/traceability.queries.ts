import { type Insertable, sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type {
  EudrDdsReferencesTable,
  EudrPackagesTable,
  LotPublicPagesTable,
} from './traceability.tables.js';

/** The only place that builds SQL on traceability's tables. */

export function findPublication(db: Executor, orgId: string, lotId: string) {
  return db
    .selectFrom('lot_public_pages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('lot_id', '=', lotId)
    .executeTakeFirst();
}

/** Publishes a lot's page, or changes what it says. */
export function upsertPublication(db: Executor, row: Insertable<LotPublicPagesTable>) {
  return db
    .insertInto('lot_public_pages')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'lot_id']).doUpdateSet({
        process: row.process,
        story_es: row.story_es ?? null,
        story_en: row.story_en ?? null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deletePublication(db: Executor, orgId: string, lotId: string) {
  return db.deleteFrom('lot_public_pages').where('org_id', '=', orgId).where('lot_id', '=', lotId).execute();
}

export function insertPackage(db: Executor, row: Insertable<EudrPackagesTable>) {
  return db.insertInto('eudr_packages').values(row).execute();
}

const packageColumns = [
  'org_id',
  'package_id',
  'subject_kind',
  'subject_id',
  'reference',
  'complete',
  'net_grams',
  'producers',
  'plots_to_visit',
  'summary',
  'problems',
  'dds',
  'producer_lines',
  'generated_at',
  'generated_by_label',
  'keep_until',
  'sha256',
  'pdf_locale',
] as const;

/** The files' names, sizes and producers, without their text. */
const fileList = sql<{ name: string; bytes: number; producers: number }[]>`(
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', f ->> 'name', 'bytes', (f ->> 'bytes')::int,
                                               'producers', (f ->> 'producers')::int) ORDER BY n), '[]')
  FROM jsonb_array_elements(files) WITH ORDINALITY AS x (f, n))`.as('file_list');

/** A package without its heavy parts (files' text and PDF). */
export function findPackage(db: Executor, orgId: string, packageId: string) {
  return db
    .selectFrom('eudr_packages')
    .select(packageColumns)
    .select(fileList)
    .where('org_id', '=', orgId)
    .where('package_id', '=', packageId)
    .executeTakeFirst();
}

/** The packages of a subject (a lot, shipment or contract), newest first. */
export function packagesOf(
  db: Executor,
  orgId: string,
  kind: EudrPackagesTable['subject_kind'],
  subjectId: string,
) {
  return db
    .selectFrom('eudr_packages')
    .select(packageColumns)
    .where('org_id', '=', orgId)
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('generated_at', 'desc')
    .orderBy('package_id', 'desc')
    .execute();
}

export function packageFiles(db: Executor, orgId: string, packageId: string) {
  return db
    .selectFrom('eudr_packages')
    .select(['files', 'pdf', 'dds', 'reference'])
    .where('org_id', '=', orgId)
    .where('package_id', '=', packageId)
    .executeTakeFirst();
}

export function insertDdsReference(db: Executor, row: Insertable<EudrDdsReferencesTable>) {
  return db.insertInto('eudr_dds_references').values(row).execute();
}

/** The latest DDS reference recorded on each package. */
export function latestDdsReferences(db: Executor, orgId: string, packageIds: readonly string[]) {
  if (packageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('eudr_dds_references')
    .selectAll()
    .distinctOn('package_id')
    .where('org_id', '=', orgId)
    .where('package_id', 'in', [...packageIds])
    .orderBy('package_id')
    .orderBy('recorded_at', 'desc')
    .orderBy('reference_id', 'desc')
    .execute();
}
