import type { MembersService } from '../members/index.js';
import type { Executor } from '../platform/db/transaction.js';
import * as q from './governance.queries.js';

/**
 * Governance rows joined with what the members domain says about the people in them (numbers, names,
 * sex, joining date). The members table is the members domain's: its service reads it, in one query per
 * call, and these functions put the answers beside governance's own rows.
 */

async function membersById(members: MembersService, exec: Executor, orgId: string, ids: string[]) {
  const rows = await members.memberRowsByIds(exec, orgId, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.member_id, row]));
}

const fullName = (m: { given_names: string; family_names: string }) => `${m.given_names} ${m.family_names}`;

/** Member numbers compared as the database's ORDER BY compared them (codepoint order). */
const byNumber = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type TermRow = q.TermRow & { member_number: string | null };

/** Terms with the holder's member number (null for a holder who is not a member). */
export async function termsWithNumbers<T extends { member_id: string | null }>(
  members: MembersService,
  exec: Executor,
  orgId: string,
  terms: T[],
): Promise<(T & { member_number: string | null })[]> {
  const ids = terms.flatMap((t) => (t.member_id === null ? [] : [t.member_id]));
  const numbers =
    ids.length === 0 ? new Map<string, string>() : await members.memberNumbersByIds(exec, orgId, ids);
  return terms.map((t) => ({
    ...t,
    member_number: t.member_id === null ? null : (numbers.get(t.member_id) ?? null),
  }));
}

/** Every term of the organization, with the holder's member number. */
export async function termsOf(members: MembersService, exec: Executor, orgId: string): Promise<TermRow[]> {
  return termsWithNumbers(members, exec, orgId, await q.termsOf(exec, orgId));
}

/** One term, with the holder's member number. */
export async function termOf(
  members: MembersService,
  exec: Executor,
  orgId: string,
  termId: string,
): Promise<TermRow> {
  const [term] = await termsWithNumbers(members, exec, orgId, [await q.termOf(exec, orgId, termId)]);
  return term!;
}

/** The members holding a delegate's seat on a date, with their member numbers. */
export async function delegatesInOffice(members: MembersService, exec: Executor, orgId: string, on: string) {
  const delegates = await q.delegatesInOffice(exec, orgId, on);
  const numbers = await members.memberNumbersByIds(
    exec,
    orgId,
    delegates.map((d) => d.member_id),
  );
  return delegates.flatMap((d) => {
    const number = numbers.get(d.member_id);
    return number === undefined ? [] : [{ member_id: d.member_id, member_number: number }];
  });
}

/** The proxies registered at an assembly, by the grantor's member number. */
export async function proxiesOf(members: MembersService, exec: Executor, orgId: string, assemblyId: string) {
  const proxies = await q.proxiesOf(exec, orgId, assemblyId);
  const people = await membersById(
    members,
    exec,
    orgId,
    proxies.flatMap((p) => [p.grantor_member_id, p.holder_member_id]),
  );
  return proxies
    .flatMap((p) => {
      const grantor = people.get(p.grantor_member_id);
      const holder = people.get(p.holder_member_id);
      if (!grantor || !holder) return [];
      return [
        {
          grantor_number: grantor.member_number,
          grantor_name: fullName(grantor),
          holder_number: holder.member_number,
          holder_name: fullName(holder),
          document_ref: p.document_ref,
          registered_at: p.registered_at,
        },
      ];
    })
    .sort((a, b) => byNumber(a.grantor_number, b.grantor_number));
}

/** The candidates of an election in ballot order, with their number, names, sex and joining date. */
export async function candidatesOf(
  members: MembersService,
  exec: Executor,
  orgId: string,
  electionId: string,
) {
  const candidates = await q.candidatesOf(exec, orgId, electionId);
  const people = await membersById(
    members,
    exec,
    orgId,
    candidates.map((c) => c.member_id),
  );
  return candidates.flatMap((c) => {
    const m = people.get(c.member_id);
    if (!m) return [];
    return [
      {
        ...c,
        member_number: m.member_number,
        given_names: m.given_names,
        family_names: m.family_names,
        sex: m.sex,
        join_date: m.join_date,
      },
    ];
  });
}
