import { randomBytes, randomUUID } from 'node:crypto';
import type { OrgAccess } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { inTransaction, type Trx } from '../platform/db/transaction.js';
import { conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { openAll, shuffle } from './ballots.js';
import { electionView, requireQuorum } from './elections.service.js';
import * as q from './governance.queries.js';
import * as facts from './member-facts.js';
import type { OrgansDeps } from './organs.common.js';
import { rankElection } from './terms.js';

/**
 * Closing an election: the tellers open a secret election's envelopes with their passphrase (the
 * ballots published shuffled), or enter the counts of a counted one; then the candidates are ranked
 * under the statute's tie-break and the elected and alternates put in office.
 */

type Election = NonNullable<Awaited<ReturnType<typeof q.findElection>>>;
type Candidate = Awaited<ReturnType<typeof facts.candidatesOf>>[number];
type Ranked = ReturnType<typeof rankElection>;

/** The elected and the alternates take office for the election's term. */
async function seatTheElected(
  trx: Trx,
  actor: Actor,
  a: OrgAccess,
  election: Election,
  candidates: Candidate[],
  ranked: Ranked,
  at: Date,
) {
  const byId = new Map(candidates.map((c) => [c.member_id, c]));
  await q.insertTerms(
    trx,
    ranked
      .filter((r) => r.outcome === 'elected' || r.outcome === 'alternate')
      .map((r) => {
        const c = byId.get(r.memberId)!;
        return {
          org_id: a.org.org_id,
          term_id: randomUUID(),
          organ: election.organ,
          position: r.outcome === 'alternate' ? ('alternate' as const) : ('member' as const),
          member_id: r.memberId,
          holder_name: `${c.given_names} ${c.family_names}`,
          holder_sex: c.sex,
          zone: null,
          starts_on: election.term_starts_on,
          ends_on: election.term_ends_on,
          ended_on: null,
          ended_reason: null,
          election_id: election.election_id,
          recorded_at: at,
          recorded_by_label: auditActor(actor).label,
        };
      }),
  );
}

/** Counts, ranks under the statute's tie-break, and puts the elected and alternates in office. */
async function finish(
  deps: OrgansDeps,
  trx: Trx,
  actor: Actor,
  a: OrgAccess,
  election: Election,
  votesByMember: Map<string, number>,
  voters: number,
  blank: number,
) {
  const candidates = await facts.candidatesOf(deps.members, trx, a.org.org_id, election.election_id);
  // the draw (if the statute breaks ties by lot) is seeded now, after the votes, and published
  const drawSeed = randomBytes(16).toString('hex');
  const ranked = rankElection(
    drawSeed,
    candidates.map((c) => ({
      memberId: c.member_id,
      votes: votesByMember.get(c.member_id) ?? 0,
      joinDate: c.join_date,
    })),
    election.seats,
    election.alternates,
    election.tie_break,
  );
  for (const r of ranked)
    await q.setCandidateResult(trx, a.org.org_id, election.election_id, r.memberId, {
      votes: r.votes,
      outcome: r.outcome,
      tie_note: r.tieNote,
    });
  const at = deps.clock.now();
  await q.updateElection(trx, a.org.org_id, election.election_id, {
    status: 'tallied',
    tallied_at: at,
    voters,
    blank,
    draw_seed: drawSeed,
    // the envelopes are gone: the key is of no more use, and kept it would pair an old backup's envelopes
    sealed_private_key: null,
  });
  await seatTheElected(trx, actor, a, election, candidates, ranked, at);
  await appendAudit(trx, {
    orgId: a.org.org_id,
    actor: auditActor(actor),
    action: 'election.tally',
    entityType: 'election',
    entityId: election.election_id,
    data: {
      voters,
      blank,
      ranked: ranked.map((r) => ({
        memberId: r.memberId,
        votes: r.votes,
        outcome: r.outcome,
        tieNote: r.tieNote,
      })),
    },
    at,
  });
}

/** The envelopes opened with the tellers' passphrase, as many as voted, shuffled: the ballots to publish. */
async function openEnvelopes(trx: Trx, a: OrgAccess, election: Election, passphrase: string) {
  const electionId = election.election_id;
  let opened: { choice: string; receipt: string }[];
  try {
    opened = openAll(
      election.sealed_private_key!,
      passphrase,
      (await q.electionEnvelopesOf(trx, a.org.org_id, electionId)).map((e) => e.sealed),
    );
  } catch {
    throw invalid('governance.wrong_passphrase', [
      { path: 'passphrase', code: 'governance.wrong_passphrase' },
    ]);
  }
  const voters = await q.electionParticipationCount(trx, a.org.org_id, electionId);
  if (voters !== opened.length)
    throw conflict('governance.envelopes_mismatch', { voters, envelopes: opened.length });
  const ballots = shuffle(opened).map((b) => ({
    receipt: b.receipt,
    choices: b.choice === '' ? [] : b.choice.split(',').map(Number),
  }));
  return { voters, ballots };
}

/** The tellers close a secret election with their passphrase; the ballots are published shuffled. */
export async function tallyElection(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  electionId: string,
  passphrase: string,
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const election = await q.findElection(trx, a.org.org_id, electionId, true);
    if (!election) throw notFound('governance.election_not_found');
    if (election.status === 'tallied') return;
    if (election.status !== 'open') throw conflict('governance.election_not_open');
    const { voters, ballots } = await openEnvelopes(trx, a, election, passphrase);
    await q.insertElectionBallots(
      trx,
      ballots.map((b) => ({
        org_id: a.org.org_id,
        election_id: electionId,
        receipt_code: b.receipt,
        choices: b.choices,
      })),
    );
    await q.deleteElectionEnvelopes(trx, a.org.org_id, electionId);
    const candidates = await facts.candidatesOf(deps.members, trx, a.org.org_id, electionId);
    const byIndex = new Map(candidates.map((c) => [c.ballot_index, c.member_id]));
    const votes = new Map<string, number>();
    for (const b of ballots)
      for (const index of b.choices) {
        const memberId = byIndex.get(index)!;
        votes.set(memberId, (votes.get(memberId) ?? 0) + 1);
      }
    const blank = ballots.filter((b) => b.choices.length === 0).length;
    await finish(deps, trx, actor, a, election, votes, voters, blank);
  });
  return electionView(deps, actor, slug, electionId);
}

type Counts = { voters: number; blank: number; counts: { memberNumber: string; votes: number }[] };

/** The tellers' counts by member id, each for a candidate and none above the ballots cast. */
function countedVotes(election: Election, candidates: Candidate[], input: Counts) {
  const votes = new Map<string, number>();
  const problems: FieldError[] = [];
  input.counts.forEach((c, i) => {
    const candidate = candidates.find((x) => x.member_number === c.memberNumber);
    if (!candidate)
      problems.push({
        path: `counts.${i}.memberNumber`,
        code: 'governance.not_a_candidate',
        params: { memberNumber: c.memberNumber },
      });
    else if (c.votes > input.voters - input.blank)
      problems.push({ path: `counts.${i}.votes`, code: 'governance.count_above_voters' });
    else votes.set(candidate.member_id, c.votes);
  });
  const total = [...votes.values()].reduce((s, v) => s + v, 0);
  if (input.blank > input.voters) problems.push({ path: 'blank', code: 'governance.count_above_voters' });
  if (total > (input.voters - input.blank) * election.seats)
    problems.push({
      path: 'counts',
      code: 'governance.counts_exceed_ballots',
      params: { seats: election.seats },
    });
  if (problems.length > 0) throw invalid('error.invalid_body', problems);
  return votes;
}

/** Paper ballots or a show of hands: the tellers enter each candidate's count. */
export async function recordElectionCounts(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  electionId: string,
  input: Counts,
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const election = await q.findElection(trx, a.org.org_id, electionId, true);
    if (!election) throw notFound('governance.election_not_found');
    if (election.method !== 'counted') throw conflict('governance.election_is_secret');
    if (election.status !== 'nominating') throw conflict('governance.vote_closed');
    const { counts } = await requireQuorum(deps, trx, a, election.assembly_id);
    if (input.voters > counts.present)
      throw invalid('governance.more_votes_than_present', [], {
        votes: input.voters,
        present: counts.present,
      });
    const candidates = await facts.candidatesOf(deps.members, trx, a.org.org_id, electionId);
    const votes = countedVotes(election, candidates, input);
    await finish(deps, trx, actor, a, election, votes, input.voters, input.blank);
  });
  return electionView(deps, actor, slug, electionId);
}
