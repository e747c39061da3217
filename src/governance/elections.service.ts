import { randomUUID } from 'node:crypto';
import { memberIdOf } from '../members/index.js';
import type { OrgAccess } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import { conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { makeVoteKeys, receiptCode, seal } from './ballots.js';
import * as q from './governance.queries.js';
import type { OrganKind } from './governance.tables.js';
import * as facts from './member-facts.js';
import { addYears, assemblyDay, assemblyOf, assemblyParams, type OrgansDeps } from './organs.common.js';
import type { StatuteParams } from './quorum.js';
import { conflictingCandidacies } from './terms.js';
import { eligibilityOf, ineligibleError } from './terms.service.js';

/**
 * Elections of an organ at an assembly: candidates checked for eligibility, secret (sealed envelopes
 * opened by the tellers' passphrase, as for secret votes) or counted by the tellers from paper ballots,
 * and a runoff among those tied. Counting and seating the elected are in election-count.service.ts.
 */

type Election = NonNullable<Awaited<ReturnType<typeof q.findElection>>>;

/**
 * One person cannot stand at the same assembly for organs that exclude each other: the indexes of
 * `ids` already standing in such an election, once for each election they stand in.
 */
async function standingForIncompatibleOrgans(
  deps: OrgansDeps,
  trx: Executor,
  a: OrgAccess,
  election: { election_id: string; organ: OrganKind; assembly_id: string },
  ids: string[],
) {
  const found: number[] = [];
  const conflicting = conflictingCandidacies(election.organ);
  for (const other of await q.electionsOf(trx, a.org.org_id, election.assembly_id)) {
    if (other.election_id === election.election_id || !conflicting.includes(other.organ)) continue;
    const standing = new Set(
      (await facts.candidatesOf(deps.members, trx, a.org.org_id, other.election_id)).map((c) => c.member_id),
    );
    ids.forEach((id, i) => {
      if (standing.has(id)) found.push(i);
    });
  }
  return found;
}

/** Checks and adds candidates to an election still taking nominations; refuses the ineligible with reasons. */
async function nominate(
  deps: OrgansDeps,
  trx: Executor,
  a: OrgAccess,
  election: { election_id: string; organ: OrganKind; term_starts_on: string; assembly_id: string },
  params: StatuteParams,
  memberNumbers: string[],
  electionDate: string,
) {
  const existing = await facts.candidatesOf(deps.members, trx, a.org.org_id, election.election_id);
  const ids: string[] = [];
  for (const number of memberNumbers) ids.push(await memberIdOf(trx, a.org.org_id, number));
  const problems: FieldError[] = [];
  const problem = (i: number, code: string) =>
    problems.push({ path: `candidates.${i}`, code, params: { memberNumber: memberNumbers[i]! } });
  const seen = new Set(existing.map((c) => c.member_id));
  ids.forEach((id, i) => {
    if (seen.has(id)) problem(i, 'governance.already_candidate');
    seen.add(id);
  });
  const reasons = await eligibilityOf(
    trx,
    a,
    params,
    election.organ,
    ids,
    election.term_starts_on,
    electionDate,
  );
  ids.forEach((id, i) => {
    for (const code of reasons.get(id) ?? []) problem(i, `governance.ineligible.${code}`);
  });
  for (const i of await standingForIncompatibleOrgans(deps, trx, a, election, ids))
    problem(i, 'governance.ineligible.incompatible_candidacy');
  if (problems.length > 0) throw ineligibleError(problems);
  const next = existing.length === 0 ? 0 : Math.max(...existing.map((c) => c.ballot_index)) + 1;
  await q.insertCandidates(
    trx,
    ids.map((member_id, i) => ({
      org_id: a.org.org_id,
      election_id: election.election_id,
      member_id,
      ballot_index: next + i,
      nominated_at: deps.clock.now(),
    })),
  );
}

/** Whether members may stand for an organ at an assembly, and if not why: before nominating them. */
export async function checkCandidates(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  assemblyId: string,
  input: { organ: OrganKind; termStartsOn: string; memberNumbers: string[] },
) {
  const { db } = deps;
  // managers only: the reasons say who is not in good standing, which members do not see of each other
  const a = await deps.governance.manageAccess(db, actor, slug);
  const assembly = await assemblyOf(db, a, assemblyId);
  const params = assemblyParams(a, assembly);
  const ids: string[] = [];
  for (const number of input.memberNumbers) ids.push(await memberIdOf(db, a.org.org_id, number));
  const reasons = await eligibilityOf(
    db,
    a,
    params,
    input.organ,
    ids,
    input.termStartsOn,
    assemblyDay(a, assembly),
  );
  return input.memberNumbers.map((memberNumber, i) => ({
    memberNumber,
    reasons: reasons.get(ids[i]!) ?? [],
  }));
}

interface NewElection {
  id: string;
  organ: OrganKind;
  seats?: number | undefined;
  alternates?: number | undefined;
  termStartsOn: string;
  termEndsOn?: string | undefined;
  method: 'secret' | 'counted';
  candidates: string[];
}

/**
 * The seats and term of a new election: an organ the statute has, a term starting no earlier than the
 * election and ending after it starts (the statute's length when not given).
 */
function electionSpec(params: StatuteParams, input: NewElection, electionDate: string) {
  const spec = params.organs.find((o) => o.organ === input.organ);
  if (!spec)
    throw invalid('error.invalid_body', [{ path: 'organ', code: 'governance.organ_not_in_statute' }]);
  if (input.termStartsOn < electionDate)
    throw invalid('error.invalid_body', [
      { path: 'termStartsOn', code: 'governance.term_starts_before_election' },
    ]);
  const termEndsOn = input.termEndsOn ?? addYears(input.termStartsOn, params.termYears);
  if (termEndsOn <= input.termStartsOn)
    throw invalid('error.invalid_body', [{ path: 'termEndsOn', code: 'governance.term_ends_before_start' }]);
  return { spec, termEndsOn };
}

export async function createElection(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  assemblyId: string,
  input: NewElection,
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const assembly = await assemblyOf(trx, a, assemblyId);
    const at = deps.clock.now();
    await idempotentCreate(
      trx,
      { orgId: a.org.org_id, id: input.id, operation: 'election.create', body: { ...input, assemblyId }, at },
      async () => {
        const params = assemblyParams(a, assembly);
        const electionDate = assemblyDay(a, assembly);
        const { spec, termEndsOn } = electionSpec(params, input, electionDate);
        await q.insertElection(trx, {
          org_id: a.org.org_id,
          election_id: input.id,
          assembly_id: assemblyId,
          organ: input.organ,
          seats: input.seats ?? spec.seats,
          alternates: input.alternates ?? spec.alternates,
          term_starts_on: input.termStartsOn,
          term_ends_on: termEndsOn,
          method: input.method,
          tie_break: params.electionTieBreak,
          status: 'nominating',
          created_at: at,
          created_by_label: auditActor(actor).label,
        });
        await nominate(
          deps,
          trx,
          a,
          {
            election_id: input.id,
            organ: input.organ,
            term_starts_on: input.termStartsOn,
            assembly_id: assemblyId,
          },
          params,
          input.candidates,
          electionDate,
        );
        await appendAudit(trx, {
          orgId: a.org.org_id,
          actor: auditActor(actor),
          action: 'election.create',
          entityType: 'election',
          entityId: input.id,
          data: input,
          at,
        });
        return { id: input.id };
      },
    );
  });
  return electionView(deps, actor, slug, input.id);
}

/**
 * A runoff for the places a tie left open (statute: tie-break by runoff): a new election at the same
 * assembly, for the same organ and term, among those tied, for the seats and alternate places not filled.
 */
export async function startRunoff(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  electionId: string,
  input: { id: string; method?: 'secret' | 'counted' | undefined },
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const at = deps.clock.now();
    await idempotentCreate(
      trx,
      { orgId: a.org.org_id, id: input.id, operation: 'election.runoff', body: { ...input, electionId }, at },
      async () => {
        const election = await q.findElection(trx, a.org.org_id, electionId, true);
        if (!election) throw notFound('governance.election_not_found');
        const candidates = await facts.candidatesOf(deps.members, trx, a.org.org_id, electionId);
        const tied = candidates.filter((c) => c.outcome === 'tied');
        if (election.status !== 'tallied' || tied.length === 0) throw conflict('governance.no_tie');
        const seats = election.seats - candidates.filter((c) => c.outcome === 'elected').length;
        const alternates = election.alternates - candidates.filter((c) => c.outcome === 'alternate').length;
        // a tie for an alternate place only is left as it is: the seats are filled
        if (seats < 1) throw conflict('governance.no_tie');
        await q.insertElection(trx, {
          org_id: a.org.org_id,
          election_id: input.id,
          assembly_id: election.assembly_id,
          organ: election.organ,
          seats,
          alternates: Math.max(alternates, 0),
          term_starts_on: election.term_starts_on,
          term_ends_on: election.term_ends_on,
          method: input.method ?? election.method,
          tie_break: election.tie_break,
          status: 'nominating',
          created_at: at,
          created_by_label: auditActor(actor).label,
        });
        await q.insertCandidates(
          trx,
          tied.map((c, i) => ({
            org_id: a.org.org_id,
            election_id: input.id,
            member_id: c.member_id,
            ballot_index: i,
            nominated_at: at,
          })),
        );
        await appendAudit(trx, {
          orgId: a.org.org_id,
          actor: auditActor(actor),
          action: 'election.runoff',
          entityType: 'election',
          entityId: input.id,
          data: { ...input, of: electionId, candidates: tied.map((c) => c.member_number) },
          at,
        });
        return { id: input.id };
      },
    );
  });
  return electionView(deps, actor, slug, input.id);
}

export async function addCandidates(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  electionId: string,
  memberNumbers: string[],
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const election = await q.findElection(trx, a.org.org_id, electionId, true);
    if (!election) throw notFound('governance.election_not_found');
    if (election.status !== 'nominating') throw conflict('governance.nominations_closed');
    const assembly = await assemblyOf(trx, a, election.assembly_id);
    await nominate(
      deps,
      trx,
      a,
      election,
      assemblyParams(a, assembly),
      memberNumbers,
      assemblyDay(a, assembly),
    );
    await appendAudit(trx, {
      orgId: a.org.org_id,
      actor: auditActor(actor),
      action: 'election.nominate',
      entityType: 'election',
      entityId: electionId,
      data: { memberNumbers },
      at: deps.clock.now(),
    });
  });
  return electionView(deps, actor, slug, electionId);
}

/** Voting needs the quorum of the assembly's current call; it is recorded the first time it is met. */
export async function requireQuorum(deps: OrgansDeps, trx: Executor, a: OrgAccess, assemblyId: string) {
  const assembly = await assemblyOf(trx, a, assemblyId);
  const { counts, quorum: live } = await deps.governance.state(trx, a, assembly);
  if (!live.met) throw conflict('governance.no_quorum', { present: counts.present, required: live.required });
  await deps.governance.establishQuorum(trx, a, assemblyId, live);
  return { assembly, counts };
}

/** Opens a secret election: nominations close, a key pair is made whose private half the tellers' passphrase seals. */
export async function openElection(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  electionId: string,
  passphrase: string,
) {
  const { db, governance } = deps;
  await governance.manageAccess(db, actor, slug); // before the costly key pair
  const keys = makeVoteKeys(passphrase);
  await inTransaction(db, async (trx) => {
    const a = await governance.manageAccess(trx, actor, slug);
    const election = await q.findElection(trx, a.org.org_id, electionId, true);
    if (!election) throw notFound('governance.election_not_found');
    if (election.method !== 'secret') throw conflict('governance.election_is_counted');
    if (election.status !== 'nominating') throw conflict('governance.election_already_open');
    if ((await facts.candidatesOf(deps.members, trx, a.org.org_id, electionId)).length === 0)
      throw conflict('governance.no_candidates');
    await requireQuorum(deps, trx, a, election.assembly_id);
    const at = deps.clock.now();
    await q.updateElection(trx, a.org.org_id, electionId, {
      status: 'open',
      public_key: keys.publicKey,
      sealed_private_key: keys.sealedPrivateKey,
      opened_at: at,
    });
    await appendAudit(trx, {
      orgId: a.org.org_id,
      actor: auditActor(actor),
      action: 'election.open',
      entityType: 'election',
      entityId: electionId,
      data: {},
      at,
    });
  });
  return electionView(deps, actor, slug, electionId);
}

/** The ballot numbers of the chosen candidates: no one twice, no more than the seats, only candidates. */
async function ballotIndexes(
  deps: OrgansDeps,
  trx: Executor,
  a: OrgAccess,
  election: Election,
  choices: string[],
) {
  if (new Set(choices).size !== choices.length)
    throw invalid('error.invalid_body', [{ path: 'choices', code: 'governance.duplicate_choice' }]);
  if (choices.length > election.seats)
    throw invalid(
      'governance.too_many_choices',
      [{ path: 'choices', code: 'governance.too_many_choices', params: { seats: election.seats } }],
      { seats: election.seats },
    );
  const candidates = await facts.candidatesOf(deps.members, trx, a.org.org_id, election.election_id);
  return choices.map((number, i) => {
    const c = candidates.find((x) => x.member_number === number);
    if (!c)
      throw invalid('error.invalid_body', [
        { path: `choices.${i}`, code: 'governance.not_a_candidate', params: { memberNumber: number } },
      ]);
    return c.ballot_index;
  });
}

/**
 * A member casts their own ballot (or, holding a proxy, the ballot of the member they represent): up
 * to as many candidates as seats, or none (a blank ballot). Participation and the sealed envelope are
 * written together; the envelope holds ballot numbers and the receipt code, nothing about the voter.
 */
export async function castElectionBallot(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  electionId: string,
  input: { choices: string[]; forMemberNumber?: string | undefined },
) {
  const own = await deps.members.ownMember(actor, slug);
  return inTransaction(deps.db, async (trx) => {
    const a = await deps.orgs.resolve(trx, actor, slug);
    const election = await q.findElection(trx, a.org.org_id, electionId, 'share');
    if (!election) throw notFound('governance.election_not_found');
    if (election.status !== 'open')
      throw conflict(
        election.status === 'tallied' ? 'governance.vote_closed' : 'governance.election_not_open',
      );
    const indexes = await ballotIndexes(deps, trx, a, election, input.choices);
    const voterId = await deps.governance.voterFor(
      trx,
      a,
      election.assembly_id,
      own.member,
      input.forMemberNumber,
    );
    const participation = { org_id: a.org.org_id, election_id: electionId, member_id: voterId };
    if (!(await q.insertElectionParticipation(trx, participation)))
      throw conflict('governance.already_voted');
    const receipt = receiptCode();
    await q.insertElectionEnvelope(trx, {
      org_id: a.org.org_id,
      election_id: electionId,
      envelope_id: randomUUID(),
      sealed: seal(election.public_key!, { choice: indexes.join(','), receipt }),
    });
    return { receiptCode: receipt };
  });
}

export async function electionView(deps: OrgansDeps, actor: Actor, slug: string, electionId: string) {
  const a = await deps.governance.readAccess(deps.db, actor, slug);
  const election = await q.findElection(deps.db, a.org.org_id, electionId);
  if (!election) throw notFound('governance.election_not_found');
  return viewOf(deps, a, election);
}

/** An election as the API shows it, for a caller already authorized in its organization. */
export async function viewOf(deps: OrgansDeps, a: OrgAccess, election: Election) {
  const { db } = deps;
  const electionId = election.election_id;
  const candidates = await facts.candidatesOf(deps.members, db, a.org.org_id, electionId);
  const voted =
    election.method === 'secret'
      ? await q.electionParticipationCount(db, a.org.org_id, electionId)
      : (election.voters ?? 0);
  const numberOf = new Map(candidates.map((c) => [c.ballot_index, c.member_number]));
  const ballots =
    election.status === 'tallied' && election.method === 'secret'
      ? await q.electionBallotsOf(db, a.org.org_id, electionId)
      : [];
  return {
    id: election.election_id,
    assemblyId: election.assembly_id,
    organ: election.organ,
    seats: election.seats,
    alternates: election.alternates,
    termStartsOn: election.term_starts_on,
    termEndsOn: election.term_ends_on,
    method: election.method,
    tieBreak: election.tie_break,
    drawSeed: election.draw_seed,
    status: election.status,
    voted,
    blank: election.blank,
    candidates: candidates.map((c) => ({
      ballotNumber: c.ballot_index + 1,
      memberNumber: c.member_number,
      name: `${c.given_names} ${c.family_names}`,
      sex: c.sex,
      votes: c.votes,
      outcome: c.outcome,
      tieNote: c.tie_note,
    })),
    ballots: ballots.map((b) => ({
      receiptCode: b.receipt_code,
      choices: b.choices.map((i) => numberOf.get(i) ?? '?'),
    })),
  };
}

export async function electionsOfAssembly(deps: OrgansDeps, actor: Actor, slug: string, assemblyId: string) {
  const a = await deps.governance.readAccess(deps.db, actor, slug);
  await assemblyOf(deps.db, a, assemblyId);
  const elections = await q.electionsOf(deps.db, a.org.org_id, assemblyId);
  return Promise.all(elections.map((e) => viewOf(deps, a, e)));
}
