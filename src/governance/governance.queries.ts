import { sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';

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

export async function insertRoll(
  db: Executor,
  rows: { org_id: string; assembly_id: string; member_id: string }[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('assembly_roll')
      .values(rows.slice(i, i + 1000))
      .execute();
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
    .execute();
}

export async function rollCounts(db: Executor, orgId: string, assemblyId: string) {
  const row = await db
    .selectFrom('assembly_roll')
    .select([sql<number>`count(*)::int`.as('eligible'), sql<number>`count(checked_in_at)::int`.as('present')])
    .where('org_id', '=', orgId)
    .where('assembly_id', '=', assemblyId)
    .executeTakeFirstOrThrow();
  return { eligible: Number(row.eligible), present: Number(row.present) };
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

export function findSecretVote(db: Executor, orgId: string, voteId: string, lock = false) {
  let query = db
    .selectFrom('secret_votes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('vote_id', '=', voteId);
  if (lock) query = query.forUpdate();
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

export async function insertBallots(
  db: Executor,
  rows: { org_id: string; vote_id: string; receipt_code: string; choice: 'yes' | 'no' | 'abstain' }[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('vote_ballots')
      .values(rows.slice(i, i + 1000))
      .execute();
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
  return db
    .updateTable('secret_votes')
    .set({ ...patch, status: 'tallied' })
    .where('org_id', '=', orgId)
    .where('vote_id', '=', voteId)
    .execute();
}
