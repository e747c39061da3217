import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type {
  CertificationsTable,
  InspectionsTable,
  MemberConsentsTable,
  MemberStatusChangesTable,
  MembersTable,
  PlotsTable,
} from './members.tables.js';

/** The only place that builds SQL for the social base. Every function takes the executor first. */

export type MemberRow = Selectable<MembersTable>;
export type PlotRow = Selectable<PlotsTable>;

export function findMemberByNumber(db: Executor, orgId: string, memberNumber: string) {
  return db
    .selectFrom('members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_number', '=', memberNumber)
    .executeTakeFirst();
}

export function findMemberByUser(db: Executor, orgId: string, userId: string) {
  return db
    .selectFrom('members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Members by id, in statements of 10,000 ids so a whole organization stays within the parameter limit. */
export async function findMembersByIds(db: Executor, orgId: string, ids: string[]) {
  const rows: Selectable<MembersTable>[] = [];
  for (let i = 0; i < ids.length; i += 10_000)
    rows.push(
      ...(await db
        .selectFrom('members')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('member_id', 'in', ids.slice(i, i + 10_000))
        .execute()),
    );
  return rows;
}

/**
 * Member numbers by id, for other domains that show who a row is about (terms, journal lines,
 * settlement lines). Chunked so a whole organization's ids stay within the driver's parameter limit.
 */
export async function memberNumbersByIds(db: Executor, orgId: string, ids: string[]) {
  const numbers = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const rows = await db
      .selectFrom('members')
      .select(['member_id', 'member_number'])
      .where('org_id', '=', orgId)
      .where('member_id', 'in', unique.slice(i, i + 10_000))
      .execute();
    for (const row of rows) numbers.set(row.member_id, row.member_number);
  }
  return numbers;
}

/** Certifications in force on a date, for the classes a member may deliver into (collection asks). */
export function certificationsInForce(db: Executor, orgId: string, memberId: string, date: string) {
  return db
    .selectFrom('certifications')
    .select(['scheme', 'status'])
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('status', '=', 'certified')
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', date)]))
    .execute();
}

/** The member's yearly production estimate: the sum over their plots, in grams (collection's quota). */
export async function yearlyEstimateGrams(db: Executor, orgId: string, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('plots')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('yearly_estimate_grams'), eb.val(0)).as('grams'))
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.grams);
}

/** Women's share of the active members, in basis points (null with nobody's sex recorded). */
export async function womenShareOfActiveMembers(db: Executor, orgId: string) {
  const row = await db
    .selectFrom('members')
    .select([
      sql<number>`count(*) FILTER (WHERE sex = 'female')::int`.as('women'),
      sql<number>`count(sex)::int`.as('known'),
    ])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.known) === 0 ? null : Math.round((Number(row.women) * 10_000) / Number(row.known));
}

export function findMembersByNumbers(db: Executor, orgId: string, numbers: string[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_number', 'in', numbers)
    .execute();
}

export function insertMember(db: Executor, row: Insertable<MembersTable>) {
  return db.insertInto('members').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateMember(
  db: Executor,
  orgId: string,
  memberId: string,
  patch: Partial<Insertable<MembersTable>>,
) {
  return db
    .updateTable('members')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface MemberFilter {
  search?: string;
  status?: string;
  community?: string;
  sex?: string;
  certification?: string;
  /** birth_date bounds derived from ages, inclusive */
  bornOnOrAfter?: string;
  bornOnOrBefore?: string;
}

function filtered(db: Executor, orgId: string, f: MemberFilter) {
  let query = db.selectFrom('members as m').where('m.org_id', '=', orgId);
  if (f.search)
    query = query.where('m.search_text', 'like', `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.status) query = query.where('m.status', '=', f.status as MemberRow['status']);
  if (f.community) query = query.where('m.community', '=', f.community);
  if (f.sex) query = query.where('m.sex', '=', f.sex as 'female' | 'male');
  if (f.bornOnOrAfter) query = query.where('m.birth_date', '>=', f.bornOnOrAfter);
  if (f.bornOnOrBefore) query = query.where('m.birth_date', '<=', f.bornOnOrBefore);
  if (f.certification) {
    const scheme = f.certification as Selectable<CertificationsTable>['scheme'];
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('certifications as c')
          .select(sql`1`.as('one'))
          .whereRef('c.org_id', '=', 'm.org_id')
          .whereRef('c.member_id', '=', 'm.member_id')
          .where('c.scheme', '=', scheme)
          .where('c.status', 'in', ['certified', 'in_conversion']),
      ),
    );
  }
  return query;
}

/** One page in (family names, given names, id) order, continuing after `after` (keyset pagination). */
export function listMembers(
  db: Executor,
  orgId: string,
  f: MemberFilter,
  page: { limit: number; after?: [string, string, string] },
) {
  let query = filtered(db, orgId, f)
    .select([
      'm.member_id',
      'm.member_number',
      'm.given_names',
      'm.family_names',
      'm.national_id',
      'm.sex',
      'm.birth_date',
      'm.community',
      'm.district',
      'm.status',
      'm.join_date',
    ])
    .orderBy('m.family_names')
    .orderBy('m.given_names')
    .orderBy('m.member_id')
    .limit(page.limit + 1);
  if (page.after) {
    const [family, given, id] = page.after;
    query = query.where((eb) =>
      eb(eb.refTuple('m.family_names', 'm.given_names', 'm.member_id'), '>', eb.tuple(family, given, id)),
    );
  }
  return query.execute();
}

export async function countMembers(db: Executor, orgId: string, f: MemberFilter): Promise<number> {
  const row = await filtered(db, orgId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function allMembers(db: Executor, orgId: string) {
  return db.selectFrom('members').selectAll().where('org_id', '=', orgId).orderBy('member_number').execute();
}

export function insertStatusChange(db: Executor, row: Insertable<MemberStatusChangesTable>) {
  return db.insertInto('member_status_changes').values(row).execute();
}

export function statusChangesOf(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('member_status_changes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('recorded_at')
    .orderBy('change_id')
    .execute();
}

export function insertConsent(db: Executor, row: Insertable<MemberConsentsTable>) {
  return db.insertInto('member_consents').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The latest consent of each kind. */
export function currentConsents(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('member_consents')
    .selectAll()
    .distinctOn('kind')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('kind')
    .orderBy('recorded_at', 'desc')
    .orderBy('consent_id', 'desc')
    .execute();
}

export function standingRules(db: Executor, orgId: string) {
  return db
    .selectFrom('good_standing_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('effective_from')
    .execute();
}

export function insertStandingRule(
  db: Executor,
  row: Insertable<import('./members.tables.js').GoodStandingRulesTable>,
) {
  return db.insertInto('good_standing_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export function lastInspectionOn(db: Executor, orgId: string, memberId: string, asOf: string) {
  return db
    .selectFrom('inspections')
    .select(['result', 'inspected_on'])
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('inspected_on', '<=', asOf)
    .orderBy('inspected_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// ---- plots -----------------------------------------------------------------------------------------

export function plotsOfMember(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('plots')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('name')
    .execute();
}

export function countPlots(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('plots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
}

export function findPlot(db: Executor, orgId: string, plotId: string) {
  return db
    .selectFrom('plots as p')
    .innerJoin('members as m', (j) =>
      j.onRef('m.org_id', '=', 'p.org_id').onRef('m.member_id', '=', 'p.member_id'),
    )
    .selectAll('p')
    .select(['m.member_number', 'm.user_id'])
    .where('p.org_id', '=', orgId)
    .where('p.plot_id', '=', plotId)
    .executeTakeFirst();
}

export function insertPlot(db: Executor, row: Insertable<PlotsTable>) {
  return db.insertInto('plots').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updatePlot(
  db: Executor,
  orgId: string,
  plotId: string,
  patch: Partial<Insertable<PlotsTable>>,
) {
  return db
    .updateTable('plots')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('plot_id', '=', plotId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Polygons of other members whose bounding boxes meet this one: the candidates for an overlap test. */
export function overlapCandidates(
  db: Executor,
  orgId: string,
  memberId: string,
  bbox: [number, number, number, number],
) {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  return db
    .selectFrom('plots')
    .select(['plot_id', 'geometry'])
    .where('org_id', '=', orgId)
    .where('member_id', '<>', memberId)
    .where('geometry_type', '=', 'Polygon')
    .where('min_lon', '<=', maxLon)
    .where('max_lon', '>=', minLon)
    .where('min_lat', '<=', maxLat)
    .where('max_lat', '>=', minLat)
    .execute();
}

export async function replaceOverlaps(
  db: Executor,
  orgId: string,
  plotId: string,
  others: string[],
  at: Date,
) {
  await db
    .deleteFrom('plot_overlaps')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('plot_id', '=', plotId), eb('other_plot_id', '=', plotId)]))
    .execute();
  if (others.length === 0) return;
  const rows = others.flatMap((other) => [
    { org_id: orgId, plot_id: plotId, other_plot_id: other, detected_at: at },
    { org_id: orgId, plot_id: other, other_plot_id: plotId, detected_at: at },
  ]);
  await db
    .insertInto('plot_overlaps')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function overlapsOf(db: Executor, orgId: string, plotIds: string[]) {
  if (plotIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plot_overlaps as o')
    .innerJoin('plots as p', (j) =>
      j.onRef('p.org_id', '=', 'o.org_id').onRef('p.plot_id', '=', 'o.other_plot_id'),
    )
    .innerJoin('members as m', (j) =>
      j.onRef('m.org_id', '=', 'p.org_id').onRef('m.member_id', '=', 'p.member_id'),
    )
    .select(['o.plot_id', 'o.other_plot_id', 'p.name', 'm.member_number'])
    .where('o.org_id', '=', orgId)
    .where('o.plot_id', 'in', plotIds)
    .execute();
}

/** Flags of other plots change when an overlap appears or goes away. */
export async function refreshOverlapFlag(db: Executor, orgId: string, plotIds: string[]) {
  if (plotIds.length === 0) return;
  await sql`
    UPDATE plots p SET flags = CASE
        WHEN EXISTS (SELECT 1 FROM plot_overlaps o WHERE o.org_id = p.org_id AND o.plot_id = p.plot_id)
          THEN array(SELECT DISTINCT unnest(array_append(p.flags, 'overlap')) ORDER BY 1)
        ELSE array_remove(p.flags, 'overlap') END
     WHERE p.org_id = ${orgId} AND p.plot_id IN (${sql.join(plotIds)})`.execute(db);
}

export function allPlotsWithMembers(db: Executor, orgId: string) {
  return db
    .selectFrom('plots as p')
    .innerJoin('members as m', (j) =>
      j.onRef('m.org_id', '=', 'p.org_id').onRef('m.member_id', '=', 'p.member_id'),
    )
    .selectAll('p')
    .select(['m.member_number'])
    .where('p.org_id', '=', orgId)
    .orderBy('m.member_number')
    .orderBy('p.name')
    .execute();
}

// ---- certifications and inspections ----------------------------------------------------------------

export function insertCertification(db: Executor, row: Insertable<CertificationsTable>) {
  return db.insertInto('certifications').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCertification(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<Insertable<CertificationsTable>>,
) {
  return db
    .updateTable('certifications')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('certification_id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function certificationsOf(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('certifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('scheme')
    .orderBy('valid_from', 'desc')
    .execute();
}

export function insertInspection(db: Executor, row: Insertable<InspectionsTable>) {
  return db.insertInto('inspections').values(row).returningAll().executeTakeFirstOrThrow();
}

export function inspectionsOf(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('inspections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('inspected_on', 'desc')
    .execute();
}

/**
 * Members with an organic certification in force (certified or in conversion) whose last internal inspection
 * is older than `dueBefore`, or who were never inspected: the internal control system's worklist.
 */
export function inspectionsDue(db: Executor, orgId: string, asOf: string, dueBefore: string) {
  return (
    db
      .selectFrom('members as m')
      .innerJoin('certifications as c', (j) =>
        j.onRef('c.org_id', '=', 'm.org_id').onRef('c.member_id', '=', 'm.member_id'),
      )
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('inspections')
            .select(['org_id', 'member_id', (e) => e.fn.max('inspected_on').as('last_on')])
            .where('org_id', '=', orgId)
            .groupBy(['org_id', 'member_id'])
            .as('i'),
        (j) => j.onRef('i.org_id', '=', 'm.org_id').onRef('i.member_id', '=', 'm.member_id'),
      )
      .select([
        'm.member_number',
        'm.given_names',
        'm.family_names',
        'm.community',
        'i.last_on',
        (eb) =>
          eb.fn
            .agg<string[]>('array_agg', [eb.ref('c.scheme')])
            .distinct()
            .as('schemes'),
      ])
      .where('m.org_id', '=', orgId)
      .where('m.status', 'in', ['active', 'applicant', 'suspended'])
      .where('c.status', 'in', ['certified', 'in_conversion'])
      // the yearly internal inspection is the organic internal control system's (REFERENCE.md §2.3)
      .where('c.scheme', 'in', ['organic_eu', 'organic_usda', 'organic_jas'])
      .where('c.valid_from', '<=', asOf)
      .where((eb) => eb.or([eb('c.valid_until', 'is', null), eb('c.valid_until', '>=', asOf)]))
      .where((eb) => eb.or([eb('i.last_on', 'is', null), eb('i.last_on', '<', dueBefore)]))
      .groupBy(['m.member_number', 'm.given_names', 'm.family_names', 'm.community', 'i.last_on'])
      .orderBy('i.last_on', (ob) => ob.asc().nullsFirst())
      .orderBy('m.member_number')
      .execute()
  );
}

const CHUNK = 500;

/** Multi-row inserts in chunks: imports and the demo write thousands of rows in one transaction. */
export async function insertMembersBulk(db: Executor, rows: Insertable<MembersTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('members')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertStatusChangesBulk(db: Executor, rows: Insertable<MemberStatusChangesTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('member_status_changes')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertPlotsBulk(db: Executor, rows: Insertable<PlotsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('plots')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertCertificationsBulk(db: Executor, rows: Insertable<CertificationsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('certifications')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertInspectionsBulk(db: Executor, rows: Insertable<InspectionsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('inspections')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export function linkMemberUser(db: Executor, orgId: string, memberNumber: string, userId: string) {
  return db
    .updateTable('members')
    .set({ user_id: userId })
    .where('org_id', '=', orgId)
    .where('member_number', '=', memberNumber)
    .execute();
}

// ---- the social-base dashboard ------------------------------------------------------------------------

/** Members who are still members (not withdrawn or deceased) on the register today. */
const CURRENT = ['applicant', 'active', 'suspended'] as const;

export function countByStatus(db: Executor, orgIds: string[]) {
  return db
    .selectFrom('members')
    .select(['org_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', 'in', orgIds)
    .groupBy(['org_id', 'status'])
    .execute();
}

/** Current members by sex and age group on a date; the age bounds are birth dates computed by the caller. */
export function countBySexAndAge(
  db: Executor,
  orgIds: string[],
  bornAfter30: string,
  bornAfter45: string,
  bornAfter60: string,
) {
  return db
    .selectFrom('members')
    .select([
      'org_id',
      'sex',
      sql<string>`CASE WHEN birth_date IS NULL THEN 'unknown'
                       WHEN birth_date > ${bornAfter30} THEN '<30'
                       WHEN birth_date > ${bornAfter45} THEN '30-44'
                       WHEN birth_date > ${bornAfter60} THEN '45-59'
                       ELSE '60+' END`.as('age_group'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('org_id', 'in', orgIds)
    .where('status', 'in', [...CURRENT])
    .groupBy(['org_id', 'sex', 'age_group'])
    .execute();
}

export function joinsPerYear(db: Executor, orgIds: string[]) {
  return db
    .selectFrom('members')
    .select([sql<string>`substr(join_date::text, 1, 4)`.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', 'in', orgIds)
    .where('join_date', 'is not', null)
    .groupBy('year')
    .execute();
}

export function withdrawalsPerYear(db: Executor, orgIds: string[]) {
  return db
    .selectFrom('member_status_changes')
    .select([
      sql<string>`substr(effective_date::text, 1, 4)`.as('year'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('org_id', 'in', orgIds)
    .where('to_status', '=', 'withdrawn')
    .groupBy('year')
    .execute();
}

/** Each current member's total declared (else computed) farm area and coffee area, in m². */
export function areasPerMember(db: Executor, orgIds: string[]) {
  return db
    .selectFrom('members as m')
    .leftJoin('plots as p', (j) =>
      j.onRef('p.org_id', '=', 'm.org_id').onRef('p.member_id', '=', 'm.member_id'),
    )
    .select([
      'm.org_id',
      'm.member_id',
      sql<number>`coalesce(sum(coalesce(p.declared_area_m2, p.computed_area_m2)), 0)::bigint`.as('farm_m2'),
      sql<number>`coalesce(sum(p.coffee_area_m2), 0)::bigint`.as('coffee_m2'),
    ])
    .where('m.org_id', 'in', orgIds)
    .where('m.status', 'in', [...CURRENT])
    .groupBy(['m.org_id', 'm.member_id'])
    .execute();
}

/** Current members holding each scheme on a date, certified or in conversion. */
export function certificationCoverage(db: Executor, orgIds: string[], asOf: string) {
  return db
    .selectFrom('certifications as c')
    .innerJoin('members as m', (j) =>
      j.onRef('m.org_id', '=', 'c.org_id').onRef('m.member_id', '=', 'c.member_id'),
    )
    .select([
      'c.org_id',
      'c.scheme',
      sql<number>`count(DISTINCT c.member_id) FILTER (WHERE c.status = 'certified')`.as('certified'),
      sql<number>`count(DISTINCT c.member_id) FILTER (WHERE c.status = 'in_conversion')`.as('in_conversion'),
    ])
    .where('c.org_id', 'in', orgIds)
    .where('m.status', 'in', [...CURRENT])
    .where('c.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('c.valid_until', 'is', null), eb('c.valid_until', '>=', asOf)]))
    .groupBy(['c.org_id', 'c.scheme'])
    .execute();
}

// ---- reads for other domains (the value chain's trace) ---------------------------------------------

/** What the trace and the EUDR package read of a member. */
export interface MemberTraceRow {
  member_id: string;
  member_number: string;
  given_names: string;
  family_names: string;
  region: string | null;
  province: string | null;
  district: string | null;
  community: string | null;
  /** The member's latest consent to show their name and plots to buyers, in force on the date asked. */
  geolocation_to_buyers: boolean;
}

/** What the trace and the EUDR package read of a plot. */
export interface PlotTraceRow {
  plot_id: string;
  member_id: string;
  name: string;
  declared_area_m2: number | null;
  geometry: unknown;
  geometry_type: 'Point' | 'Polygon' | null;
  computed_area_m2: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  altitude_m: number | null;
  varieties: string[];
  flags: string[];
}

/**
 * Members and all their plots by member id, with each member's consent to buyers in force on `asOf`;
 * in statements of 10,000 ids.
 */
export async function membersAndPlotsByIds(
  db: Executor,
  orgId: string,
  memberIds: readonly string[],
  asOf: string,
): Promise<{ members: MemberTraceRow[]; plots: PlotTraceRow[] }> {
  const members: MemberTraceRow[] = [];
  const plots: PlotTraceRow[] = [];
  const unique = [...new Set(memberIds)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const ids = unique.slice(i, i + 10_000);
    members.push(
      ...(await db
        .selectFrom('members as m')
        .select([
          'm.member_id',
          'm.member_number',
          'm.given_names',
          'm.family_names',
          'm.region',
          'm.province',
          'm.district',
          'm.community',
        ])
        .select(
          sql<boolean>`coalesce((SELECT c.granted FROM member_consents c
            WHERE c.org_id = m.org_id AND c.member_id = m.member_id AND c.kind = 'geolocation_to_buyers'
              AND c.effective_date <= ${asOf}
            ORDER BY c.effective_date DESC, c.recorded_at DESC, c.consent_id DESC LIMIT 1), false)`.as(
            'geolocation_to_buyers',
          ),
        )
        .where('m.org_id', '=', orgId)
        .where('m.member_id', 'in', ids)
        .execute()),
    );
    plots.push(
      ...(await db
        .selectFrom('plots')
        .select([
          'plot_id',
          'member_id',
          'name',
          'declared_area_m2',
          'geometry',
          'geometry_type',
          'computed_area_m2',
          'centroid_lon',
          'centroid_lat',
          'altitude_m',
          'varieties',
          'flags',
        ])
        .where('org_id', '=', orgId)
        .where('member_id', 'in', ids)
        .orderBy('member_id')
        .orderBy('name')
        .execute()),
    );
  }
  return { members, plots };
}
