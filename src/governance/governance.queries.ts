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

export function listStatutes(db: Executor, orgId: string) {
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
