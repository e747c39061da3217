import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type {
  CuppingScoresTable,
  QualityPhysicalAnalysesTable,
  QualitySampleDispatchesTable,
  QualitySamplesTable,
} from './quality.tables.js';

/** The only place that builds SQL for samples, analyses and cupping (migrations/0014_quality.sql). */

export type SampleRow = Selectable<QualitySamplesTable>;
export type AnalysisRow = Selectable<QualityPhysicalAnalysesTable> & { sample_code: string };
export type ScoreRow = Selectable<CuppingScoresTable>;

/** The next sample number of the year, counted under the row's lock (one writer at a time per year). */
export async function nextSampleNumber(db: Executor, orgId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('quality_sample_counters')
    .values({ org_id: orgId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet({ last_number: sql`quality_sample_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export function insertSample(db: Executor, row: Insertable<QualitySamplesTable>) {
  return db.insertInto('quality_samples').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findSampleByCode(db: Executor, orgId: string, code: string) {
  return db
    .selectFrom('quality_samples')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function samplesByCodes(db: Executor, orgId: string, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('quality_samples')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', 'in', codes)
    .execute();
}

/** Samples newest first, optionally of one lot. */
export function listSamples(db: Executor, orgId: string, lotId?: string, limit = 500) {
  let query = db.selectFrom('quality_samples').selectAll().where('org_id', '=', orgId);
  if (lotId) query = query.where('lot_id', '=', lotId);
  return query.orderBy('taken_on', 'desc').orderBy('code', 'desc').limit(limit).execute();
}

export function insertDispatch(db: Executor, row: Insertable<QualitySampleDispatchesTable>) {
  return db.insertInto('quality_sample_dispatches').values(row).returningAll().executeTakeFirstOrThrow();
}

export function dispatchesOf(db: Executor, orgId: string, sampleIds: readonly string[]) {
  if (sampleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('quality_sample_dispatches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('sample_id', 'in', sampleIds)
    .orderBy('sent_on')
    .orderBy('recorded_at')
    .execute();
}

export function insertAnalysis(db: Executor, row: Insertable<QualityPhysicalAnalysesTable>) {
  return db
    .insertInto('quality_physical_analyses')
    .values(row)
    .returning('analysis_id')
    .executeTakeFirstOrThrow();
}

/** Analyses of the given samples, oldest first, with the sample's code. */
export function analysesOf(
  db: Executor,
  orgId: string,
  sampleIds: readonly string[],
): Promise<AnalysisRow[]> {
  if (sampleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('quality_physical_analyses as a')
    .innerJoin('quality_samples as s', (j) =>
      j.onRef('s.org_id', '=', 'a.org_id').onRef('s.sample_id', '=', 'a.sample_id'),
    )
    .selectAll('a')
    .select('s.code as sample_code')
    .where('a.org_id', '=', orgId)
    .where('a.sample_id', 'in', sampleIds)
    .orderBy('a.analyzed_on')
    .orderBy('a.recorded_at')
    .execute();
}

// ---- cupping -----------------------------------------------------------------------------------------

export function insertSession(
  db: Executor,
  row: {
    org_id: string;
    session_id: string;
    name: string;
    held_on: string;
    descriptive: boolean;
    created_at: Date;
    created_by_label: string;
  },
) {
  return db.insertInto('cupping_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findSession(db: Executor, orgId: string, sessionId: string, lock = false) {
  let query = db
    .selectFrom('cupping_sessions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function listSessions(db: Executor, orgId: string, limit = 200) {
  return db
    .selectFrom('cupping_sessions as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('cupping_session_samples as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.org_id', '=', 'c.org_id')
        .whereRef('x.session_id', '=', 'c.session_id')
        .as('sample_count'),
    )
    .where('c.org_id', '=', orgId)
    .orderBy('c.held_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .limit(limit)
    .execute();
}

export function insertSessionSamples(
  db: Executor,
  rows: { org_id: string; session_id: string; sample_id: string; blind_code: string; position: number }[],
) {
  return db.insertInto('cupping_session_samples').values(rows).execute();
}

/** A session's samples in presentation order, with each sample's code and lot (for after the reveal). */
export function sessionSamples(db: Executor, orgId: string, sessionId: string) {
  return db
    .selectFrom('cupping_session_samples as x')
    .innerJoin('quality_samples as s', (j) =>
      j.onRef('s.org_id', '=', 'x.org_id').onRef('s.sample_id', '=', 'x.sample_id'),
    )
    .select(['x.sample_id', 'x.blind_code', 'x.position', 's.code as sample_code', 's.lot_id'])
    .where('x.org_id', '=', orgId)
    .where('x.session_id', '=', sessionId)
    .orderBy('x.position')
    .execute();
}

export function closeSession(db: Executor, orgId: string, sessionId: string, at: Date) {
  return db
    .updateTable('cupping_sessions')
    .set({ status: 'closed', closed_at: at })
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .execute();
}

export function insertScore(db: Executor, row: Insertable<CuppingScoresTable>) {
  return db.insertInto('cupping_scores').values(row).execute();
}

export function insertDescriptors(
  db: Executor,
  rows: {
    org_id: string;
    session_id: string;
    sample_id: string;
    cupper_user_id: string;
    descriptor: string;
    intensity: number;
  }[],
) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('cupping_descriptors').values(rows).execute();
}

/** Scores of the given sessions (optionally one cupper's), in the order they were given. */
export function scoresOf(db: Executor, orgId: string, sessionIds: readonly string[], cupperUserId?: string) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('cupping_scores')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('session_id', 'in', sessionIds);
  if (cupperUserId) query = query.where('cupper_user_id', '=', cupperUserId);
  return query.orderBy('scored_at').orderBy('cupper_label').execute();
}

export function descriptorsOf(
  db: Executor,
  orgId: string,
  sessionIds: readonly string[],
  cupperUserId?: string,
) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('cupping_descriptors')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('session_id', 'in', sessionIds);
  if (cupperUserId) query = query.where('cupper_user_id', '=', cupperUserId);
  return query.orderBy('descriptor').execute();
}

/** How many cuppers scored each sample of a session (no scores, no names: safe before the reveal). */
export function scoreCounts(db: Executor, orgId: string, sessionId: string) {
  return db
    .selectFrom('cupping_scores')
    .select(['sample_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .groupBy('sample_id')
    .execute();
}

/** The closed sessions in which samples of these lots were cupped, with the sample. */
export function closedCuppingsOfLots(db: Executor, orgId: string, lotIds: readonly string[]) {
  if (lotIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cupping_session_samples as x')
    .innerJoin('quality_samples as s', (j) =>
      j.onRef('s.org_id', '=', 'x.org_id').onRef('s.sample_id', '=', 'x.sample_id'),
    )
    .innerJoin('cupping_sessions as c', (j) =>
      j.onRef('c.org_id', '=', 'x.org_id').onRef('c.session_id', '=', 'x.session_id'),
    )
    .select([
      'c.session_id',
      'c.name',
      'c.held_on',
      'c.closed_at',
      's.sample_id',
      's.code as sample_code',
      's.lot_id',
    ])
    .where('x.org_id', '=', orgId)
    .where('s.lot_id', 'in', lotIds)
    .where('c.status', '=', 'closed')
    .orderBy('c.held_on')
    .orderBy('c.closed_at')
    .execute();
}

export interface LotQualityRow {
  lot_id: string;
  cup_session_id: string | null;
  cup_held_on: string | null;
  cup_mean: number | null;
  cup_count: number | null;
  descriptors: { descriptor: string; count: number }[] | null;
  analyzed_on: string | null;
  moisture_bp: number | null;
  density_g_per_l: number | null;
  grade: string | null;
  screen_19_grams: number | null;
  screen_18_grams: number | null;
  screen_17_grams: number | null;
  screen_16_grams: number | null;
  screen_15_grams: number | null;
  screen_14_grams: number | null;
  screen_under_14_grams: number | null;
  portion_grams: number | null;
}

/**
 * For the offer: per lot, in one statement, the latest closed cupping (the cuppers' mean final score, in
 * hundredths rounded half up, and the descriptors counted) and the latest physical analysis.
 */
export async function latestQualityOfLots(
  db: Executor,
  orgId: string,
  lotIds: readonly string[],
): Promise<LotQualityRow[]> {
  if (lotIds.length === 0) return [];
  const ids = sql.join(lotIds.map((id) => sql`${id}::uuid`));
  const result = await sql<LotQualityRow>`
    SELECT l.lot_id, cup.session_id AS cup_session_id, cup.held_on::text AS cup_held_on,
           cup.mean::int AS cup_mean, cup.n::int AS cup_count, cup.descriptors,
           pa.analyzed_on::text AS analyzed_on, pa.moisture_bp, pa.density_g_per_l, pa.grade,
           pa.screen_19_grams, pa.screen_18_grams, pa.screen_17_grams, pa.screen_16_grams, pa.screen_15_grams,
           pa.screen_14_grams, pa.screen_under_14_grams, pa.portion_grams
      FROM unnest(ARRAY[${ids}]) AS l(lot_id)
      LEFT JOIN LATERAL (
        SELECT c.session_id, c.held_on,
               floor((2 * sum(sc.final_score) + count(*)) / (2 * count(*))) AS mean, count(*) AS n,
               (SELECT jsonb_agg(jsonb_build_object('descriptor', d.descriptor, 'count', d.n)
                                 ORDER BY d.n DESC, d.descriptor)
                  FROM (SELECT cd.descriptor, count(*) AS n FROM cupping_descriptors cd
                         WHERE cd.org_id = c.org_id AND cd.session_id = c.session_id AND cd.sample_id = x.sample_id
                         GROUP BY cd.descriptor) d) AS descriptors
          FROM quality_samples s
          JOIN cupping_session_samples x ON x.org_id = s.org_id AND x.sample_id = s.sample_id
          JOIN cupping_sessions c ON c.org_id = x.org_id AND c.session_id = x.session_id AND c.status = 'closed'
          JOIN cupping_scores sc ON sc.org_id = x.org_id AND sc.session_id = x.session_id AND sc.sample_id = x.sample_id
         WHERE s.org_id = ${orgId} AND s.lot_id = l.lot_id
         GROUP BY c.org_id, c.session_id, c.held_on, c.closed_at, x.sample_id
         ORDER BY c.held_on DESC, c.closed_at DESC
         LIMIT 1) cup ON true
      LEFT JOIN LATERAL (
        SELECT a.* FROM quality_physical_analyses a
          JOIN quality_samples s ON s.org_id = a.org_id AND s.sample_id = a.sample_id
         WHERE s.org_id = ${orgId} AND s.lot_id = l.lot_id
         ORDER BY a.analyzed_on DESC, a.recorded_at DESC
         LIMIT 1) pa ON true`.execute(db);
  return result.rows;
}
