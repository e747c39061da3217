import { type Insertable, sql, type Updateable } from 'kysely';
import { type Executor, insertInChunks } from '../platform/db/transaction.js';
import type {
  AssemblyProxiesTable,
  ElectionBallotsTable,
  ElectionCandidatesTable,
  ElectionEnvelopesTable,
  ElectionParticipationTable,
  ElectionsTable,
  MinutesSignaturesTable,
  MinutesTable,
  MinutesVersionsTable,
  OfficePosition,
  OfficeTermsTable,
  OversightReportsTable,
} from './governance.tables.js';

/** The only place that builds SQL for governance. */

export function statuteOn(db: Executor, orgId: string, date: string) {
  return db
    .selectFrom('statutes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function statuteFrom(db: Executor, orgId: string, effectiveFrom: string) {
  return db
    .selectFrom('statutes')
    .select('statute_id')
    .where('org_id', '=', orgId)
    .where('effective_from', '=', effectiveFrom)
    .executeTakeFirst();
}

export function statutesOf(db: Executor, orgId: string) {
  return db
    .selectFrom('statutes')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('effective_from', 'desc')
    .execute();
}

export function insertStatute(
  db: Executor,
  row: {
    org_id: string;
    statute_id: string;
    effective_from: string;
    params: string;
    recorded_at: Date;
    recorded_by_label: string;
  },
) {
  return db.insertInto('statutes').values(row).execute();
}

export function insertAssembly(
  db: Executor,
  row: {
    org_id: string;
    assembly_id: string;
    kind: 'ordinary' | 'extraordinary' | 'delegates';
    title: string;
    place: string;
    first_call_at: Date;
    second_call_at: Date;
    cutoff_date: string;
    agenda: string;
    params: string;
    convened_at: Date;
    convened_by_label: string;
  },
) {
  return db.insertInto('assemblies').values(row).execute();
}

export function findAssembly(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('assemblies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .executeTakeFirst();
}

export function listAssemblies(db: Executor, orgId: string) {
  return db
    .selectFrom('assemblies')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('first_call_at', 'desc')
    .execute();
}

export function insertRoll(db: Executor, rows: { org_id: string; assembly_id: string; member_id: string }[]) {
  return insertInChunks(db, 'assembly_roll', rows);
}

export function rollEntry(db: Executor, orgId: string, assemblyId: string, memberId: string) {
  return db
    .selectFrom('assembly_roll')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Checks a member in; only the first check-in counts, so a repeat changes nothing. */
export function checkIn(
  db: Executor,
  orgId: string,
  assemblyId: string,
  memberId: string,
  at: Date,
  label: string,
) {
  return db
    .updateTable('assembly_roll')
    .set({ checked_in_at: at, checked_in_by_label: label })
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('member_id', '=', memberId)
    .where('checked_in_at', 'is', null)
    .executeTakeFirst()
    .then((r) => Number(r.numUpdatedRows) === 1);
}

export async function rollCounts(db: Executor, orgId: string, assemblyId: string) {
  const row = await db
    .selectFrom('assembly_roll')
    .select([sql<number>`count(*)::int`.as('eligible'), sql<number>`count(checked_in_at)::int`.as('present')])
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .executeTakeFirstOrThrow();
  // A member represented by a proxy counts as present while the holder is in the room and the member is not.
  const represented = await db
    .selectFrom('assembly_proxies as p')
    .innerJoin('assembly_roll as h', (j) =>
      j
        .onRef('h.org_id', '=', 'p.org_id')
        .onRef('h.assembly_id', '=', 'p.assembly_id')
        .onRef('h.member_id', '=', 'p.holder_member_id'),
    )
    .innerJoin('assembly_roll as g', (j) =>
      j
        .onRef('g.org_id', '=', 'p.org_id')
        .onRef('g.assembly_id', '=', 'p.assembly_id')
        .onRef('g.member_id', '=', 'p.grantor_member_id'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .where('p.org_id', '=', orgId)
    .where('p.assembly_id', '=', assemblyId)
    .where('h.checked_in_at', 'is not', null)
    .where('g.checked_in_at', 'is', null)
    .executeTakeFirstOrThrow();
  const inPerson = Number(row.present);
  return {
    eligible: Number(row.eligible),
    inPerson,
    represented: Number(represented.n),
    present: inPerson + Number(represented.n),
  };
}

export function insertMotion(
  db: Executor,
  row: {
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
    recorded_at: Date;
    recorded_by_label: string;
    agenda_item: number | null;
    amends_motion_id: string | null;
  },
) {
  return db.insertInto('motions').values(row).execute();
}

export function insertNamedVotes(
  db: Executor,
  rows: { org_id: string; motion_id: string; member_id: string; choice: 'yes' | 'no' | 'abstain' }[],
) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('named_votes').values(rows).execute();
}

export function motionsOf(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('motions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .orderBy('recorded_at')
    .execute();
}

// ---- secret votes -------------------------------------------------------------------------------------

export function insertSecretVote(
  db: Executor,
  row: {
    org_id: string;
    vote_id: string;
    assembly_id: string;
    title: string;
    decision_type: string;
    status: 'open';
    public_key: string;
    sealed_private_key: string;
    opened_at: Date;
    opened_by_label: string;
  },
) {
  return db.insertInto('secret_votes').values(row).execute();
}

/** A secret vote; locks as for {@link findElection}: the tally's update lock waits for ballots holding a share lock. */
export function findSecretVote(db: Executor, orgId: string, voteId: string, lock: boolean | 'share' = false) {
  let query = db
    .selectFrom('secret_votes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('vote_id', '=', voteId);
  if (lock === 'share') query = query.forShare();
  else if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function secretVotesOf(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('secret_votes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .orderBy('opened_at')
    .execute();
}

/** One participation per voter and vote: the primary key refuses a second. */
export function insertParticipation(
  db: Executor,
  row: { org_id: string; vote_id: string; member_id: string },
) {
  return db
    .insertInto('vote_participation')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .executeTakeFirst();
}

export function insertEnvelope(
  db: Executor,
  row: { org_id: string; vote_id: string; envelope_id: string; sealed: string },
) {
  return db.insertInto('vote_envelopes').values(row).execute();
}

export function envelopesOf(db: Executor, orgId: string, voteId: string) {
  return db
    .selectFrom('vote_envelopes')
    .select('sealed')
    .where('org_id', '=', orgId)
    .where('vote_id', '=', voteId)
    .execute();
}

export function deleteEnvelopes(db: Executor, orgId: string, voteId: string) {
  return db.deleteFrom('vote_envelopes').where('org_id', '=', orgId).where('vote_id', '=', voteId).execute();
}

export function insertBallots(
  db: Executor,
  rows: { org_id: string; vote_id: string; receipt_code: string; choice: 'yes' | 'no' | 'abstain' }[],
) {
  return insertInChunks(db, 'vote_ballots', rows);
}

export function ballotsOf(db: Executor, orgId: string, voteId: string) {
  return db
    .selectFrom('vote_ballots')
    .select(['receipt_code', 'choice'])
    .where('org_id', '=', orgId)
    .where('vote_id', '=', voteId)
    .orderBy('receipt_code')
    .execute();
}

export async function participationCount(db: Executor, orgId: string, voteId: string): Promise<number> {
  const row = await db
    .selectFrom('vote_participation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function tallied(
  db: Executor,
  orgId: string,
  voteId: string,
  patch: {
    tallied_at: Date;
    present: number;
    yes: number;
    no: number;
    abstain: number;
    required_yes: number;
    passed: boolean;
  },
) {
  return (
    db
      .updateTable('secret_votes')
      // the envelopes are gone: the key is of no more use, and kept it would open an old backup's envelopes
      .set({ ...patch, status: 'tallied', sealed_private_key: null })
      .where('org_id', '=', orgId)
      .where('vote_id', '=', voteId)
      .execute()
  );
}

/** Records the quorum on which the assembly took its first decision, once: the minutes report it. */
export function establishQuorum(db: Executor, orgId: string, assemblyId: string, quorum: unknown) {
  return db
    .updateTable('assemblies')
    .set({ quorum_established: JSON.stringify(quorum) })
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('quorum_established', 'is', null)
    .execute();
}

// ---- organs and terms ------------------------------------------------------------------------------

const termColumns = [
  't.org_id',
  't.term_id',
  't.organ',
  't.position',
  't.member_id',
  't.holder_name',
  't.holder_sex',
  't.zone',
  't.starts_on',
  't.ends_on',
  't.ended_on',
  't.ended_reason',
  't.election_id',
  't.recorded_at',
  't.recorded_by_label',
] as const;

/**
 * Every term of the organization (a cooperative has tens, not thousands); the holder's member number is
 * the members domain's to read (member-facts.ts).
 */
export function termsOf(db: Executor, orgId: string) {
  return db
    .selectFrom('office_terms as t')
    .select(termColumns)
    .where('t.org_id', '=', orgId)
    .orderBy('t.organ')
    .orderBy('t.starts_on', 'desc')
    .orderBy('t.holder_name')
    .execute();
}
export type TermRow = Awaited<ReturnType<typeof termsOf>>[number];

export function termOf(db: Executor, orgId: string, termId: string) {
  return db
    .selectFrom('office_terms as t')
    .select(termColumns)
    .where('t.org_id', '=', orgId)
    .where('t.term_id', '=', termId)
    .executeTakeFirstOrThrow();
}

export function termsOfMember(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('office_terms')
    .select(['organ', 'starts_on', 'ends_on', 'ended_on'])
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .execute();
}

export function findTerm(db: Executor, orgId: string, termId: string) {
  return db
    .selectFrom('office_terms')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('term_id', '=', termId)
    .forUpdate()
    .executeTakeFirst();
}

export function insertTerms(db: Executor, rows: Insertable<OfficeTermsTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('office_terms').values(rows).execute();
}

export function updateTerm(
  db: Executor,
  orgId: string,
  termId: string,
  set: { position?: OfficePosition; ended_on?: string; ended_reason?: string },
) {
  return db
    .updateTable('office_terms')
    .set(set)
    .where('org_id', '=', orgId)
    .where('term_id', '=', termId)
    .execute();
}

/** The members holding a delegate's seat on a date (terms of non-members have no member id). */
export function delegatesInOffice(db: Executor, orgId: string, on: string) {
  return db
    .selectFrom('office_terms as t')
    .select(['t.member_id'])
    .distinct()
    .where('t.member_id', 'is not', null)
    .where('t.org_id', '=', orgId)
    .where('t.organ', '=', 'delegates')
    .where('t.starts_on', '<=', on)
    .where(sql<boolean>`coalesce(t.ended_on, t.ends_on) > ${on}`)
    .execute() as Promise<{ member_id: string }[]>;
}

// ---- proxies ---------------------------------------------------------------------------------------

export function proxyOf(db: Executor, orgId: string, assemblyId: string, grantorId: string) {
  return db
    .selectFrom('assembly_proxies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('grantor_member_id', '=', grantorId)
    .executeTakeFirst();
}

/** Locks the holder's roll entry, so two proxies registered at once cannot both pass the limit. */
export async function proxiesHeldForUpdate(
  db: Executor,
  orgId: string,
  assemblyId: string,
  holderId: string,
) {
  await db
    .selectFrom('assembly_roll')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('member_id', '=', holderId)
    .forUpdate()
    .execute();
  return db
    .selectFrom('assembly_proxies')
    .select(['grantor_member_id'])
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('holder_member_id', '=', holderId)
    .execute();
}

export function isProxyHolder(db: Executor, orgId: string, assemblyId: string, memberId: string) {
  return db
    .selectFrom('assembly_proxies')
    .select('grantor_member_id')
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .where('holder_member_id', '=', memberId)
    .executeTakeFirst();
}

export function insertProxy(db: Executor, row: Insertable<AssemblyProxiesTable>) {
  return db.insertInto('assembly_proxies').values(row).execute();
}

export function proxiesOf(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('assembly_proxies')
    .select(['grantor_member_id', 'holder_member_id', 'document_ref', 'registered_at'])
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .execute();
}

// ---- elections -------------------------------------------------------------------------------------

export function insertElection(db: Executor, row: Insertable<ElectionsTable>) {
  return db.insertInto('elections').values(row).execute();
}

/**
 * An election; `true` locks it for the tally or a change of status, `'share'` is taken by a ballot being
 * cast, so a tally waits for ballots in flight and a ballot after the tally sees it closed.
 */
export function findElection(
  db: Executor,
  orgId: string,
  electionId: string,
  lock: boolean | 'share' = false,
) {
  const query = db
    .selectFrom('elections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId);
  return (lock === 'share' ? query.forShare() : lock ? query.forUpdate() : query).executeTakeFirst();
}

export function electionsOf(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('elections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .orderBy('created_at')
    .execute();
}

export function updateElection(
  db: Executor,
  orgId: string,
  electionId: string,
  set: Updateable<ElectionsTable>,
) {
  return db
    .updateTable('elections')
    .set(set)
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId)
    .execute();
}

export function candidatesOf(db: Executor, orgId: string, electionId: string) {
  return db
    .selectFrom('election_candidates as c')
    .select(['c.member_id', 'c.ballot_index', 'c.votes', 'c.outcome', 'c.tie_note'])
    .where('c.org_id', '=', orgId)
    .where('c.election_id', '=', electionId)
    .orderBy('c.ballot_index')
    .execute();
}

export function insertCandidates(db: Executor, rows: Insertable<ElectionCandidatesTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('election_candidates').values(rows).execute();
}

export function setCandidateResult(
  db: Executor,
  orgId: string,
  electionId: string,
  memberId: string,
  set: { votes: number; outcome: 'elected' | 'alternate' | 'not_elected' | 'tied'; tie_note: string | null },
) {
  return db
    .updateTable('election_candidates')
    .set(set)
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId)
    .where('member_id', '=', memberId)
    .execute();
}

/** Records that a member voted; false when they already had (the primary key refuses a second). */
export async function insertElectionParticipation(db: Executor, row: Insertable<ElectionParticipationTable>) {
  const inserted = await db
    .insertInto('election_participation')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function electionParticipationCount(db: Executor, orgId: string, electionId: string) {
  const row = await db
    .selectFrom('election_participation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertElectionEnvelope(db: Executor, row: Insertable<ElectionEnvelopesTable>) {
  return db.insertInto('election_envelopes').values(row).execute();
}

export function electionEnvelopesOf(db: Executor, orgId: string, electionId: string) {
  return db
    .selectFrom('election_envelopes')
    .select('sealed')
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId)
    .execute();
}

export function deleteElectionEnvelopes(db: Executor, orgId: string, electionId: string) {
  return db
    .deleteFrom('election_envelopes')
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId)
    .execute();
}

export function insertElectionBallots(db: Executor, rows: Insertable<ElectionBallotsTable>[]) {
  return insertInChunks(db, 'election_ballots', rows);
}

export function electionBallotsOf(db: Executor, orgId: string, electionId: string) {
  return db
    .selectFrom('election_ballots')
    .select(['receipt_code', 'choices'])
    .where('org_id', '=', orgId)
    .where('election_id', '=', electionId)
    .orderBy('receipt_code')
    .execute();
}

// ---- minutes and oversight reports -----------------------------------------------------------------

export function findMinutes(db: Executor, orgId: string, assemblyId: string, lock = false) {
  const query = db
    .selectFrom('minutes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export function insertMinutes(db: Executor, row: Insertable<MinutesTable>) {
  return db.insertInto('minutes').values(row).execute();
}

export function updateMinutes(
  db: Executor,
  orgId: string,
  assemblyId: string,
  set: Updateable<MinutesTable>,
) {
  return db
    .updateTable('minutes')
    .set(set)
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .execute();
}

export function insertMinutesVersion(db: Executor, row: Insertable<MinutesVersionsTable>) {
  return db.insertInto('minutes_versions').values(row).execute();
}

export function minutesVersionsOf(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('minutes_versions')
    .select(['version', 'saved_at', 'saved_by_label'])
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .orderBy('version', 'desc')
    .execute();
}

/** The next number of the book of minutes; the caller holds the organization's lock, so two approvals queue. */
export async function nextBookNumber(db: Executor, orgId: string) {
  const row = await db
    .selectFrom('minutes')
    .select(sql<number>`coalesce(max(book_number), 0)::int`.as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export function signaturesOf(db: Executor, orgId: string, assemblyId: string) {
  return db
    .selectFrom('minutes_signatures')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .orderBy('role')
    .orderBy('seq')
    .execute();
}

export function insertSignature(db: Executor, row: Insertable<MinutesSignaturesTable>) {
  return db.insertInto('minutes_signatures').values(row).execute();
}

export function insertOversightReport(db: Executor, row: Insertable<OversightReportsTable>) {
  return db.insertInto('oversight_reports').values(row).execute();
}

export function oversightReportsOf(db: Executor, orgId: string) {
  return db
    .selectFrom('oversight_reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('period_end', 'desc')
    .execute();
}

/** What the scorecard reads of one organization's assemblies in a period. */
export function assembliesBetween(db: Executor, orgId: string, from: Date, to: Date) {
  return db
    .selectFrom('assemblies as a')
    .leftJoin('minutes as mi', (j) =>
      j.onRef('mi.org_id', '=', 'a.org_id').onRef('mi.assembly_id', '=', 'a.assembly_id'),
    )
    .select([
      'a.assembly_id',
      'a.kind',
      'a.first_call_at',
      'a.title',
      'mi.status as minutes_status',
      'mi.signed_at',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.first_call_at', '>=', from)
    .where('a.first_call_at', '<', to)
    .orderBy('a.first_call_at')
    .execute();
}

/** Whether a member took part in a secret vote or election: participation is public, the choice is not. */
export async function hasVoted(
  db: Executor,
  orgId: string,
  kind: 'vote' | 'election',
  id: string,
  memberId: string,
) {
  const row =
    kind === 'vote'
      ? await db
          .selectFrom('vote_participation')
          .select('member_id')
          .where('org_id', '=', orgId)
          .where('vote_id', '=', id)
          .where('member_id', '=', memberId)
          .executeTakeFirst()
      : await db
          .selectFrom('election_participation')
          .select('member_id')
          .where('org_id', '=', orgId)
          .where('election_id', '=', id)
          .where('member_id', '=', memberId)
          .executeTakeFirst();
  return row !== undefined;
}
