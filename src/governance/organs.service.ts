import { randomBytes, randomUUID } from 'node:crypto';
import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { daysBetween, todayIn, yearsBefore } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { makeVoteKeys, openAll, receiptCode, seal, shuffle } from './ballots.js';
import * as q from './governance.queries.js';
import type { GovernanceService } from './governance.service.js';
import type { OfficePosition, OrganKind } from './governance.tables.js';
import { StatuteParamsColumn } from './governance.tables.js';
import * as facts from './member-facts.js';
import { type StatuteParams, withDefaults } from './quorum.js';
import { conflictingCandidacies, ineligibility, inOffice, rankElection, type TermFacts } from './terms.js';

/** The same day `years` later (29 February → 28 February in a common year). */
const addYears = (date: string, years: number) => yearsBefore(date, -years);

/**
 * The organs of a cooperative and who holds their seats; elections at an assembly, secret (sealed
 * envelopes opened by the tellers' passphrase, as for secret votes) or counted by the tellers from paper
 * ballots, whose winners enter office on the date set; proxies at an assembly.
 */
export function createOrgansService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: MembersService,
  governance: GovernanceService,
) {
  const { db, clock } = deps;

  const termFacts = (
    rows: { organ: OrganKind; starts_on: string; ends_on: string; ended_on: string | null }[],
  ) =>
    rows.map(
      (t): TermFacts => ({ organ: t.organ, startsOn: t.starts_on, endsOn: t.ends_on, endedOn: t.ended_on }),
    );

  function termView(t: facts.TermRow) {
    return {
      id: t.term_id,
      organ: t.organ,
      position: t.position,
      memberNumber: t.member_number ?? null,
      holderName: t.holder_name,
      holderSex: t.holder_sex,
      zone: t.zone,
      startsOn: t.starts_on,
      endsOn: t.ends_on,
      endedOn: t.ended_on,
      endedReason: t.ended_reason,
      electionId: t.election_id,
    };
  }

  /** Why these members may not hold a seat of `organ` from `startsOn`, per member id (empty when eligible). */
  async function eligibilityOf(
    exec: Executor,
    a: OrgAccess,
    params: StatuteParams,
    organ: OrganKind,
    memberIds: string[],
    startsOn: string,
    electionDate: string,
  ) {
    const good = await members.inGoodStandingOn(exec, a, memberIds, electionDate);
    const result = new Map<string, string[]>();
    for (const memberId of memberIds) {
      const terms = termFacts(await q.termsOfMember(exec, a.org.org_id, memberId));
      result.set(
        memberId,
        ineligibility({
          organ,
          startsOn,
          electionDate,
          inGoodStanding: good.has(memberId),
          terms,
          maxConsecutiveTerms: params.maxConsecutiveTerms,
        }),
      );
    }
    return result;
  }

  const ineligibleError = (problems: FieldError[]) =>
    invalid('governance.ineligible', problems, { count: problems.length });

  /**
   * The organs on a date: seats and alternates from the statute, the holders in office, vacancies, and
   * warnings for terms ending within the statute's warning days or already over with nobody after them.
   */
  async function organsView(actor: Actor, slug: string, on?: string | undefined) {
    const a = await governance.readAccess(db, actor, slug);
    const date = on ?? todayIn(a.org.time_zone, clock.now());
    const { params } = await governance.paramsOn(db, a, date);
    const terms = await facts.termsOf(members, db, a.org.org_id);
    const kinds = new Set<OrganKind>([...params.organs.map((o) => o.organ), ...terms.map((t) => t.organ)]);
    const warnings: {
      code: string;
      organ: OrganKind;
      holderName?: string;
      endsOn?: string;
      days?: number;
      seats?: number;
    }[] = [];
    const organs = [...kinds].map((organ) => {
      const spec = params.organs.find((o) => o.organ === organ) ?? { organ, seats: 0, alternates: 0 };
      const ofOrgan = terms.filter((t) => t.organ === organ);
      const current = ofOrgan.filter((t) =>
        inOffice({ startsOn: t.starts_on, endsOn: t.ends_on, endedOn: t.ended_on }, date),
      );
      const seated = current.filter((t) => t.position !== 'alternate');
      const successorFrom = (t: facts.TermRow) =>
        ofOrgan.some(
          (n) => n.term_id !== t.term_id && n.starts_on >= t.ends_on && n.position !== 'alternate',
        );
      for (const t of seated) {
        const left = daysBetween(date, t.ends_on);
        if (left <= params.termWarningDays && !successorFrom(t))
          warnings.push({
            code: 'governance.term_expiring',
            organ,
            holderName: t.holder_name,
            endsOn: t.ends_on,
            days: left,
          });
      }
      const vacancies = Math.max(0, spec.seats - seated.length);
      if (organ !== 'delegates' && vacancies > 0)
        warnings.push({ code: 'governance.vacant_seats', organ, seats: vacancies });
      return {
        organ,
        seats: spec.seats,
        alternates: spec.alternates,
        vacancies,
        current: current.map(termView),
        history: ofOrgan.filter((t) => !current.includes(t)).map(termView),
      };
    });
    return { date, organs, warnings };
  }

  async function appointTerm(
    actor: Actor,
    slug: string,
    input: {
      id: string;
      organ: OrganKind;
      position: OfficePosition;
      memberNumber?: string | undefined;
      holderName?: string | undefined;
      holderSex?: 'female' | 'male' | undefined;
      zone?: string | undefined;
      startsOn: string;
      endsOn?: string | undefined;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'term.appoint', body: input, at },
        async () => {
          const { params } = await governance.paramsOn(trx, a, input.startsOn);
          const endsOn = input.endsOn ?? addYears(input.startsOn, params.termYears);
          if (endsOn <= input.startsOn)
            throw invalid('error.invalid_body', [
              { path: 'endsOn', code: 'governance.term_ends_before_start' },
            ]);
          let memberId: string | null = null;
          let holderName = input.holderName?.trim() ?? '';
          let holderSex = input.holderSex ?? null;
          if (input.memberNumber) {
            memberId = await members.memberIdOf(trx, a.org.org_id, input.memberNumber);
            const [row] = await members.memberRowsByIds(trx, a.org.org_id, [memberId]);
            holderName = `${row!.given_names} ${row!.family_names}`;
            holderSex = row!.sex;
            if (input.organ !== 'fiscal_auditor') {
              const reasons = (
                await eligibilityOf(trx, a, params, input.organ, [memberId], input.startsOn, input.startsOn)
              ).get(memberId)!;
              if (reasons.length > 0)
                throw ineligibleError(
                  reasons.map((code) => ({
                    path: 'memberNumber',
                    code: `governance.ineligible.${code}`,
                    params: { memberNumber: input.memberNumber! },
                  })),
                );
            }
          } else if (input.organ !== 'fiscal_auditor' || holderName === '') {
            throw invalid('error.invalid_body', [
              { path: 'memberNumber', code: 'governance.holder_must_be_member' },
            ]);
          }
          await q.insertTerms(trx, [
            {
              org_id: a.org.org_id,
              term_id: input.id,
              organ: input.organ,
              position: input.position,
              member_id: memberId,
              holder_name: holderName,
              holder_sex: holderSex,
              zone: input.zone ?? null,
              starts_on: input.startsOn,
              ends_on: endsOn,
              ended_on: null,
              ended_reason: null,
              election_id: null,
              recorded_at: at,
              recorded_by_label: auditActor(actor).label,
            },
          ]);
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'term.appoint',
            entityType: 'office_term',
            entityId: input.id,
            data: { ...input, endsOn },
            at,
          });
          return { id: input.id };
        },
      );
      return result;
    });
  }

  /** The organ assigns positions after an election; a holder may also leave before the term ends. */
  async function changeTerm(
    actor: Actor,
    slug: string,
    termId: string,
    change: {
      position?: OfficePosition | undefined;
      endedOn?: string | undefined;
      endedReason?: string | undefined;
    },
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const term = await q.findTerm(trx, a.org.org_id, termId);
      if (!term) throw notFound('governance.term_not_found');
      if (change.position === undefined && change.endedOn === undefined)
        throw invalid('error.invalid_body', [{ path: 'position', code: 'governance.nothing_to_change' }]);
      if (change.endedReason !== undefined && change.endedOn === undefined)
        throw invalid('error.invalid_body', [{ path: 'endedOn', code: 'error.required' }]);
      if (change.endedOn !== undefined) {
        if (term.ended_on) throw conflict('governance.term_already_ended', { endedOn: term.ended_on });
        if (change.endedOn < term.starts_on || change.endedOn > term.ends_on)
          throw invalid('error.invalid_body', [{ path: 'endedOn', code: 'governance.ended_outside_term' }]);
        if (!change.endedReason?.trim())
          throw invalid('error.invalid_body', [{ path: 'endedReason', code: 'error.required' }]);
      }
      await q.updateTerm(trx, a.org.org_id, termId, {
        ...(change.position ? { position: change.position } : {}),
        ...(change.endedOn ? { ended_on: change.endedOn, ended_reason: change.endedReason!.trim() } : {}),
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'term.change',
        entityType: 'office_term',
        entityId: termId,
        data: change,
        at: clock.now(),
      });
    });
    const a = await governance.readAccess(db, actor, slug);
    return termView(await facts.termOf(members, db, a.org.org_id, termId));
  }

  // ---- elections -----------------------------------------------------------------------------------

  async function assemblyOf(exec: Executor, a: OrgAccess, assemblyId: string) {
    const assembly = await q.findAssembly(exec, a.org.org_id, assemblyId);
    if (!assembly) throw notFound('governance.assembly_not_found');
    return assembly;
  }

  const assemblyDay = (a: OrgAccess, assembly: { first_call_at: Date }) =>
    todayIn(a.org.time_zone, assembly.first_call_at);

  /** Checks and adds candidates to an election still taking nominations; refuses the ineligible with reasons. */
  async function nominate(
    trx: Executor,
    a: OrgAccess,
    election: { election_id: string; organ: OrganKind; term_starts_on: string; assembly_id: string },
    params: StatuteParams,
    memberNumbers: string[],
    electionDate: string,
  ) {
    const existing = await facts.candidatesOf(members, trx, a.org.org_id, election.election_id);
    const ids: string[] = [];
    for (const number of memberNumbers) ids.push(await members.memberIdOf(trx, a.org.org_id, number));
    const problems: FieldError[] = [];
    const seen = new Set(existing.map((c) => c.member_id));
    ids.forEach((id, i) => {
      if (seen.has(id))
        problems.push({
          path: `candidates.${i}`,
          code: 'governance.already_candidate',
          params: { memberNumber: memberNumbers[i]! },
        });
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
      for (const code of reasons.get(id) ?? [])
        problems.push({
          path: `candidates.${i}`,
          code: `governance.ineligible.${code}`,
          params: { memberNumber: memberNumbers[i]! },
        });
    });
    // one person cannot stand at the same assembly for organs that exclude each other
    const conflicting = conflictingCandidacies(election.organ);
    for (const other of await q.electionsOf(trx, a.org.org_id, election.assembly_id)) {
      if (other.election_id === election.election_id || !conflicting.includes(other.organ)) continue;
      const standing = new Set(
        (await facts.candidatesOf(members, trx, a.org.org_id, other.election_id)).map((c) => c.member_id),
      );
      ids.forEach((id, i) => {
        if (standing.has(id))
          problems.push({
            path: `candidates.${i}`,
            code: 'governance.ineligible.incompatible_candidacy',
            params: { memberNumber: memberNumbers[i]! },
          });
      });
    }
    if (problems.length > 0) throw ineligibleError(problems);
    const next = existing.length === 0 ? 0 : Math.max(...existing.map((c) => c.ballot_index)) + 1;
    await q.insertCandidates(
      trx,
      ids.map((member_id, i) => ({
        org_id: a.org.org_id,
        election_id: election.election_id,
        member_id,
        ballot_index: next + i,
        nominated_at: clock.now(),
      })),
    );
  }

  /** Whether members may stand for an organ at an assembly, and if not why: before nominating them. */
  async function checkCandidates(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: { organ: OrganKind; termStartsOn: string; memberNumbers: string[] },
  ) {
    // managers only: the reasons say who is not in good standing, which members do not see of each other
    const a = await governance.manageAccess(db, actor, slug);
    const assembly = await assemblyOf(db, a, assemblyId);
    const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
    const ids: string[] = [];
    for (const number of input.memberNumbers) ids.push(await members.memberIdOf(db, a.org.org_id, number));
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

  async function createElection(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: {
      id: string;
      organ: OrganKind;
      seats?: number | undefined;
      alternates?: number | undefined;
      termStartsOn: string;
      termEndsOn?: string | undefined;
      method: 'secret' | 'counted';
      candidates: string[];
    },
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const assembly = await assemblyOf(trx, a, assemblyId);
      const at = clock.now();
      await idempotentCreate(
        trx,
        {
          orgId: a.org.org_id,
          id: input.id,
          operation: 'election.create',
          body: { ...input, assemblyId },
          at,
        },
        async () => {
          const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
          const spec = params.organs.find((o) => o.organ === input.organ);
          if (!spec)
            throw invalid('error.invalid_body', [{ path: 'organ', code: 'governance.organ_not_in_statute' }]);
          const electionDate = assemblyDay(a, assembly);
          if (input.termStartsOn < electionDate)
            throw invalid('error.invalid_body', [
              { path: 'termStartsOn', code: 'governance.term_starts_before_election' },
            ]);
          const termEndsOn = input.termEndsOn ?? addYears(input.termStartsOn, params.termYears);
          if (termEndsOn <= input.termStartsOn)
            throw invalid('error.invalid_body', [
              { path: 'termEndsOn', code: 'governance.term_ends_before_start' },
            ]);
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
    return electionView(actor, slug, input.id);
  }

  /**
   * A runoff for the places a tie left open (statute: tie-break by runoff): a new election at the same
   * assembly, for the same organ and term, among those tied, for the seats and alternate places not filled.
   */
  async function startRunoff(
    actor: Actor,
    slug: string,
    electionId: string,
    input: { id: string; method?: 'secret' | 'counted' | undefined },
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const at = clock.now();
      await idempotentCreate(
        trx,
        {
          orgId: a.org.org_id,
          id: input.id,
          operation: 'election.runoff',
          body: { ...input, electionId },
          at,
        },
        async () => {
          const election = await q.findElection(trx, a.org.org_id, electionId, true);
          if (!election) throw notFound('governance.election_not_found');
          const candidates = await facts.candidatesOf(members, trx, a.org.org_id, electionId);
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
    return electionView(actor, slug, input.id);
  }

  async function addCandidates(actor: Actor, slug: string, electionId: string, memberNumbers: string[]) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const election = await q.findElection(trx, a.org.org_id, electionId, true);
      if (!election) throw notFound('governance.election_not_found');
      if (election.status !== 'nominating') throw conflict('governance.nominations_closed');
      const assembly = await assemblyOf(trx, a, election.assembly_id);
      await nominate(
        trx,
        a,
        election,
        withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country),
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
        at: clock.now(),
      });
    });
    return electionView(actor, slug, electionId);
  }

  async function requireQuorum(trx: Executor, a: OrgAccess, assemblyId: string) {
    const assembly = await assemblyOf(trx, a, assemblyId);
    const { counts, quorum: live } = await governance.state(trx, a, assembly);
    if (!live.met)
      throw conflict('governance.no_quorum', { present: counts.present, required: live.required });
    await governance.establishQuorum(trx, a, assemblyId, live);
    return { assembly, counts };
  }

  /** Opens a secret election: nominations close, a key pair is made whose private half the tellers' passphrase seals. */
  async function openElection(actor: Actor, slug: string, electionId: string, passphrase: string) {
    await governance.manageAccess(db, actor, slug); // before the costly key pair
    const keys = makeVoteKeys(passphrase);
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const election = await q.findElection(trx, a.org.org_id, electionId, true);
      if (!election) throw notFound('governance.election_not_found');
      if (election.method !== 'secret') throw conflict('governance.election_is_counted');
      if (election.status !== 'nominating') throw conflict('governance.election_already_open');
      if ((await facts.candidatesOf(members, trx, a.org.org_id, electionId)).length === 0)
        throw conflict('governance.no_candidates');
      await requireQuorum(trx, a, election.assembly_id);
      const at = clock.now();
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
    return electionView(actor, slug, electionId);
  }

  /**
   * A member casts their own ballot (or, holding a proxy, the ballot of the member they represent): up
   * to as many candidates as seats, or none (a blank ballot). Participation and the sealed envelope are
   * written together; the envelope holds ballot numbers and the receipt code, nothing about the voter.
   */
  async function castElectionBallot(
    actor: Actor,
    slug: string,
    electionId: string,
    input: { choices: string[]; forMemberNumber?: string | undefined },
  ) {
    const own = await members.ownMember(actor, slug);
    return inTransaction(db, async (trx) => {
      const a = await orgs.resolve(trx, actor, slug);
      const election = await q.findElection(trx, a.org.org_id, electionId, 'share');
      if (!election) throw notFound('governance.election_not_found');
      if (election.status !== 'open')
        throw conflict(
          election.status === 'tallied' ? 'governance.vote_closed' : 'governance.election_not_open',
        );
      if (new Set(input.choices).size !== input.choices.length)
        throw invalid('error.invalid_body', [{ path: 'choices', code: 'governance.duplicate_choice' }]);
      if (input.choices.length > election.seats)
        throw invalid(
          'governance.too_many_choices',
          [{ path: 'choices', code: 'governance.too_many_choices', params: { seats: election.seats } }],
          {
            seats: election.seats,
          },
        );
      const candidates = await facts.candidatesOf(members, trx, a.org.org_id, electionId);
      const indexes = input.choices.map((number, i) => {
        const c = candidates.find((x) => x.member_number === number);
        if (!c)
          throw invalid('error.invalid_body', [
            { path: `choices.${i}`, code: 'governance.not_a_candidate', params: { memberNumber: number } },
          ]);
        return c.ballot_index;
      });
      const voterId = await governance.voterFor(
        trx,
        a,
        election.assembly_id,
        own.member,
        input.forMemberNumber,
      );
      if (
        !(await q.insertElectionParticipation(trx, {
          org_id: a.org.org_id,
          election_id: electionId,
          member_id: voterId,
        }))
      )
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

  /** Counts, ranks under the statute's tie-break, and puts the elected and alternates in office. */
  async function finish(
    trx: Trx,
    actor: Actor,
    a: OrgAccess,
    election: NonNullable<Awaited<ReturnType<typeof q.findElection>>>,
    votesByMember: Map<string, number>,
    voters: number,
    blank: number,
  ) {
    const candidates = await facts.candidatesOf(members, trx, a.org.org_id, election.election_id);
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
    const at = clock.now();
    await q.updateElection(trx, a.org.org_id, election.election_id, {
      status: 'tallied',
      tallied_at: at,
      voters,
      blank,
      draw_seed: drawSeed,
      // the envelopes are gone: the key is of no more use, and kept it would pair an old backup's envelopes
      sealed_private_key: null,
    });
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

  /** The tellers close a secret election with their passphrase; the ballots are published shuffled. */
  async function tallyElection(actor: Actor, slug: string, electionId: string, passphrase: string) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const election = await q.findElection(trx, a.org.org_id, electionId, true);
      if (!election) throw notFound('governance.election_not_found');
      if (election.status === 'tallied') return;
      if (election.status !== 'open') throw conflict('governance.election_not_open');
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
      const candidates = await facts.candidatesOf(members, trx, a.org.org_id, electionId);
      const byIndex = new Map(candidates.map((c) => [c.ballot_index, c.member_id]));
      const votes = new Map<string, number>();
      for (const b of ballots)
        for (const index of b.choices) {
          const memberId = byIndex.get(index)!;
          votes.set(memberId, (votes.get(memberId) ?? 0) + 1);
        }
      await finish(
        trx,
        actor,
        a,
        election,
        votes,
        voters,
        ballots.filter((b) => b.choices.length === 0).length,
      );
    });
    return electionView(actor, slug, electionId);
  }

  /** Paper ballots or a show of hands: the tellers enter each candidate's count. */
  async function recordElectionCounts(
    actor: Actor,
    slug: string,
    electionId: string,
    input: { voters: number; blank: number; counts: { memberNumber: string; votes: number }[] },
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const election = await q.findElection(trx, a.org.org_id, electionId, true);
      if (!election) throw notFound('governance.election_not_found');
      if (election.method !== 'counted') throw conflict('governance.election_is_secret');
      if (election.status !== 'nominating') throw conflict('governance.vote_closed');
      const { counts } = await requireQuorum(trx, a, election.assembly_id);
      if (input.voters > counts.present)
        throw invalid('governance.more_votes_than_present', [], {
          votes: input.voters,
          present: counts.present,
        });
      const candidates = await facts.candidatesOf(members, trx, a.org.org_id, electionId);
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
      await finish(trx, actor, a, election, votes, input.voters, input.blank);
    });
    return electionView(actor, slug, electionId);
  }

  async function electionView(actor: Actor, slug: string, electionId: string) {
    const a = await governance.readAccess(db, actor, slug);
    const election = await q.findElection(db, a.org.org_id, electionId);
    if (!election) throw notFound('governance.election_not_found');
    return viewOf(a, election);
  }

  /** An election as the API shows it, for a caller already authorized in its organization. */
  async function viewOf(a: OrgAccess, election: NonNullable<Awaited<ReturnType<typeof q.findElection>>>) {
    const electionId = election.election_id;
    const candidates = await facts.candidatesOf(members, db, a.org.org_id, electionId);
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

  async function electionsOfAssembly(actor: Actor, slug: string, assemblyId: string) {
    const a = await governance.readAccess(db, actor, slug);
    await assemblyOf(db, a, assemblyId);
    const elections = await q.electionsOf(db, a.org.org_id, assemblyId);
    return Promise.all(elections.map((e) => viewOf(a, e)));
  }

  // ---- proxies -------------------------------------------------------------------------------------

  /**
   * Registers that a member on the roll is represented by another, where the statute allows proxies: not
   * in a delegates' assembly, not for someone already in the room, no chains, and no more per holder
   * than the statute says.
   */
  async function registerProxy(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: { grantorNumber: string; holderNumber: string; documentRef?: string | undefined },
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const assembly = await assemblyOf(trx, a, assemblyId);
      const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
      if (!params.proxies.allowed || assembly.kind === 'delegates')
        throw conflict('governance.proxies_not_allowed');
      const grantorId = await members.memberIdOf(trx, a.org.org_id, input.grantorNumber);
      const holderId = await members.memberIdOf(trx, a.org.org_id, input.holderNumber);
      if (grantorId === holderId)
        throw invalid('error.invalid_body', [{ path: 'holderNumber', code: 'governance.proxy_to_self' }]);
      for (const [id, number] of [
        [grantorId, input.grantorNumber],
        [holderId, input.holderNumber],
      ] as const) {
        if (!(await q.rollEntry(trx, a.org.org_id, assemblyId, id)))
          throw conflict('governance.not_on_roll', { memberNumber: number, cutoff: assembly.cutoff_date });
      }
      if ((await q.rollEntry(trx, a.org.org_id, assemblyId, grantorId))!.checked_in_at)
        throw conflict('governance.grantor_present', { memberNumber: input.grantorNumber });
      if (await q.proxyOf(trx, a.org.org_id, assemblyId, grantorId))
        throw conflict('governance.proxy_exists', { memberNumber: input.grantorNumber });
      if (
        (await q.proxyOf(trx, a.org.org_id, assemblyId, holderId)) ||
        (await q.isProxyHolder(trx, a.org.org_id, assemblyId, grantorId))
      )
        throw conflict('governance.proxy_chain');
      const held = await q.proxiesHeldForUpdate(trx, a.org.org_id, assemblyId, holderId);
      if (held.length >= params.proxies.maxPerPerson)
        throw conflict('governance.too_many_proxies', {
          memberNumber: input.holderNumber,
          max: params.proxies.maxPerPerson,
        });
      const at = clock.now();
      await q.insertProxy(trx, {
        org_id: a.org.org_id,
        assembly_id: assemblyId,
        grantor_member_id: grantorId,
        holder_member_id: holderId,
        document_ref: input.documentRef ?? null,
        registered_at: at,
        registered_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'assembly.proxy',
        entityType: 'assembly',
        entityId: assemblyId,
        data: input,
        at,
      });
    });
    return listProxies(actor, slug, assemblyId);
  }

  async function listProxies(actor: Actor, slug: string, assemblyId: string) {
    const a = await governance.readAccess(db, actor, slug);
    await assemblyOf(db, a, assemblyId);
    return (await facts.proxiesOf(members, db, a.org.org_id, assemblyId)).map((p) => ({
      grantorNumber: p.grantor_number,
      grantorName: p.grantor_name,
      holderNumber: p.holder_number,
      holderName: p.holder_name,
      documentRef: p.document_ref,
      registeredAt: p.registered_at.toISOString(),
    }));
  }

  /**
   * What a member sees at an assembly: whether they are on the roll and checked in, the proxies they
   * hold, and the open secret votes and elections they (or those they represent) have not voted in yet.
   */
  async function myAssembly(actor: Actor, slug: string, assemblyId: string) {
    const own = await members.ownMember(actor, slug);
    const a = await orgs.resolve(db, actor, slug);
    const assembly = await assemblyOf(db, a, assemblyId);
    const entry = await q.rollEntry(db, a.org.org_id, assemblyId, own.member.id);
    const represented = (await facts.proxiesOf(members, db, a.org.org_id, assemblyId)).filter(
      (p) => p.holder_number === own.member.memberNumber,
    );
    const elections = await q.electionsOf(db, a.org.org_id, assemblyId);
    const votes = await q.secretVotesOf(db, a.org.org_id, assemblyId);
    const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
    // which of the members this person represents already voted: participation is public, choices are not
    const grantorIds = await Promise.all(
      represented.map(async (p) => ({
        number: p.grantor_number,
        id: await members.memberIdOf(db, a.org.org_id, p.grantor_number),
      })),
    );
    const votedFor = async (kind: 'vote' | 'election', id: string) => {
      const done: string[] = [];
      for (const g of grantorIds) if (await q.hasVoted(db, a.org.org_id, kind, id, g.id)) done.push(g.number);
      return done;
    };
    return {
      assemblyId,
      title: assembly.title,
      onRoll: entry !== undefined,
      checkedIn: Boolean(entry?.checked_in_at),
      represents: represented.map((p) => ({ memberNumber: p.grantor_number, name: p.grantor_name })),
      proxiesAllowed: params.proxies.allowed,
      openVotes: await Promise.all(
        votes
          .filter((v) => v.status === 'open')
          .map(async (v) => ({
            id: v.vote_id,
            title: v.title,
            voted: await q.hasVoted(db, a.org.org_id, 'vote', v.vote_id, own.member.id),
            votedFor: await votedFor('vote', v.vote_id),
          })),
      ),
      openElections: await Promise.all(
        elections
          .filter((e) => e.status === 'open')
          .map(async (e) => ({
            ...(await viewOf(a, e)),
            votedByMe: await q.hasVoted(db, a.org.org_id, 'election', e.election_id, own.member.id),
            votedFor: await votedFor('election', e.election_id),
          })),
      ),
    };
  }

  return {
    organsView,
    appointTerm,
    changeTerm,
    checkCandidates,
    startRunoff,
    createElection,
    addCandidates,
    openElection,
    castElectionBallot,
    tallyElection,
    recordElectionCounts,
    electionView,
    electionsOfAssembly,
    registerProxy,
    listProxies,
    myAssembly,
  };
}

export type OrgansService = ReturnType<typeof createOrgansService>;
