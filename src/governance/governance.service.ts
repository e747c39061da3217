import { randomUUID } from 'node:crypto';
import type { MembersService } from '../members/index.js';
import { readMemberCode } from '../members/index.js';
import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { ACTIONS, type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { daysBetween, todayIn } from '../platform/dates.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { makeVoteKeys, openAll, receiptCode, seal, shuffle } from './ballots.js';
import * as q from './governance.queries.js';
import { AgendaColumn, QuorumEstablishedColumn, StatuteParamsColumn } from './governance.tables.js';
import * as facts from './member-facts.js';
import { type DecisionType, decide, PRESETS, quorum, type StatuteParams, withDefaults } from './quorum.js';

/**
 * Assemblies: convened under the statute in force (checked against its notice period), with the roll
 * of eligible voters frozen at the cut-off date (the members in good standing then), check-in, the live
 * quorum of each call, and motions decided by the statute's majority. Hands and named votes here;
 * secret electronic ballots follow (docs/adr/0035-secret-ballots-in-sealed-envelopes.md).
 */
export function createGovernanceService(deps: ServiceDeps, orgs: OrgsService, members: MembersService) {
  const { db, clock } = deps;

  const readAccess = (exec: Executor, actor: Actor, slug: string) =>
    orgs.authorizeArea(exec, actor, slug, 'governance', ACTIONS['governance.read']);
  const manageAccess = async (exec: Executor, actor: Actor, slug: string) => {
    const a = await orgs.authorize(exec, actor, slug, 'governance.manage');
    if (a.org.kind === 'buyer' || a.org.kind === 'program')
      throw notFound('members.not_a_cooperative', { slug });
    return a;
  };

  /** The statute in force on a date, or the country's preset when none was recorded. */
  async function paramsOn(
    exec: Executor,
    a: OrgAccess,
    date: string,
  ): Promise<{ params: StatuteParams; source: 'statute' | 'preset'; effectiveFrom: string | null }> {
    const statute = await q.statuteOn(exec, a.org.org_id, date);
    if (statute)
      return {
        params: withDefaults(StatuteParamsColumn.parse(statute.params), a.org.country),
        source: 'statute',
        effectiveFrom: statute.effective_from,
      };
    return { params: withDefaults({}, a.org.country), source: 'preset', effectiveFrom: null };
  }

  async function setStatute(
    actor: Actor,
    slug: string,
    input: {
      id: string;
      effectiveFrom: string;
      preset?: 'PE' | 'CO' | undefined;
      params?: Partial<StatuteParams> | undefined;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const a = await manageAccess(trx, actor, slug);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'statute.create', body: input, at },
        async () => {
          const params = withDefaults(
            { ...PRESETS[input.preset ?? (a.org.country === 'CO' ? 'CO' : 'PE')], ...(input.params ?? {}) },
            input.preset ?? a.org.country,
          );
          if (await q.statuteFrom(trx, a.org.org_id, input.effectiveFrom))
            throw invalid('governance.statute_date_taken', [
              {
                path: 'effectiveFrom',
                code: 'governance.statute_date_taken',
                params: { date: input.effectiveFrom },
              },
            ]);
          await q.insertStatute(trx, {
            org_id: a.org.org_id,
            statute_id: input.id,
            effective_from: input.effectiveFrom,
            params: JSON.stringify(params),
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'statute.create',
            entityType: 'statute',
            entityId: input.id,
            data: input,
            at,
          });
          return { id: input.id, effectiveFrom: input.effectiveFrom, params };
        },
      );
      return result;
    });
  }

  /** The statute in force today (or the country's preset) and the recorded versions. */
  async function statuteView(actor: Actor, slug: string) {
    const a = await readAccess(db, actor, slug);
    const today = todayIn(a.org.time_zone, clock.now());
    const inForce = await paramsOn(db, a, today);
    const versions = await q.statutesOf(db, a.org.org_id);
    return {
      ...inForce,
      country: a.org.country,
      versions: versions.map((v) => ({
        id: v.statute_id,
        effectiveFrom: v.effective_from,
        recordedAt: v.recorded_at.toISOString(),
        recordedBy: v.recorded_by_label,
      })),
    };
  }

  async function convene(
    actor: Actor,
    slug: string,
    input: {
      id: string;
      kind: 'ordinary' | 'extraordinary' | 'delegates';
      title: string;
      place: string;
      firstCallAt: string;
      secondCallAt: string;
      cutoffDate: string;
      agenda: string[];
    },
  ) {
    const assemblyId = await inTransaction(db, async (trx) => {
      const a = await manageAccess(trx, actor, slug);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'assembly.convene', body: input, at },
        async () => {
          const today = todayIn(a.org.time_zone, at);
          const { params } = await paramsOn(trx, a, today);
          const firstCallDay = todayIn(a.org.time_zone, new Date(input.firstCallAt));
          const noticeDays = daysBetween(today, firstCallDay);
          if (noticeDays < params.noticeDays) {
            throw invalid(
              'governance.notice_too_short',
              [
                {
                  path: 'firstCallAt',
                  code: 'governance.notice_too_short',
                  params: { days: params.noticeDays, given: noticeDays },
                },
              ],
              { days: params.noticeDays, given: noticeDays },
            );
          }
          const waited = (Date.parse(input.secondCallAt) - Date.parse(input.firstCallAt)) / 60_000;
          if (waited < params.secondCall.waitMinutes) {
            throw invalid(
              'governance.second_call_too_soon',
              [
                {
                  path: 'secondCallAt',
                  code: 'governance.second_call_too_soon',
                  params: { minutes: params.secondCall.waitMinutes },
                },
              ],
              { minutes: params.secondCall.waitMinutes },
            );
          }
          if (input.cutoffDate > firstCallDay)
            throw invalid('error.invalid_body', [
              { path: 'cutoffDate', code: 'governance.cutoff_after_assembly' },
            ]);
          // the roll is frozen now from what is known now: a cut-off still to come cannot be honoured
          if (input.cutoffDate > today)
            throw invalid('error.invalid_body', [
              { path: 'cutoffDate', code: 'governance.cutoff_in_future' },
            ]);
          await q.insertAssembly(trx, {
            org_id: a.org.org_id,
            assembly_id: input.id,
            kind: input.kind,
            title: input.title,
            place: input.place,
            first_call_at: new Date(input.firstCallAt),
            second_call_at: new Date(input.secondCallAt),
            cutoff_date: input.cutoffDate,
            agenda: JSON.stringify(input.agenda),
            params: JSON.stringify(params),
            convened_at: at,
            convened_by_label: auditActor(actor).label,
          });
          const eligible =
            input.kind === 'delegates'
              ? await delegatesInGoodStanding(trx, a, input.cutoffDate)
              : await members.membersInGoodStanding(trx, a, input.cutoffDate);
          if (eligible.length === 0)
            throw invalid('governance.empty_roll', [{ path: 'cutoffDate', code: 'governance.empty_roll' }]);
          await q.insertRoll(
            trx,
            eligible.map((m) => ({ org_id: a.org.org_id, assembly_id: input.id, member_id: m.memberId })),
          );
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'assembly.convene',
            entityType: 'assembly',
            entityId: input.id,
            data: { ...input, eligible: eligible.length },
            at,
          });
          return { id: input.id };
        },
      );
      return result.id;
    });
    return getAssembly(actor, slug, assemblyId);
  }

  /** A delegates' assembly's roll: the delegates in office on the cut-off who are in good standing then. */
  async function delegatesInGoodStanding(exec: Executor, a: OrgAccess, on: string) {
    const delegates = await facts.delegatesInOffice(members, exec, a.org.org_id, on);
    const good = await members.inGoodStandingOn(
      exec,
      a,
      delegates.map((d) => d.member_id),
      on,
    );
    return delegates
      .filter((d) => good.has(d.member_id))
      .map((d) => ({ memberId: d.member_id, memberNumber: d.member_number }));
  }

  /**
   * Who a ballot is cast for: the member themselves, or a member on the roll whose proxy they hold and
   * who is not in the room. Refused for anyone else, not on the roll, or not checked in.
   */
  async function voterFor(
    exec: Executor,
    a: OrgAccess,
    assemblyId: string,
    own: { id: string; memberNumber: string },
    forMemberNumber: string | undefined,
  ): Promise<string> {
    const entry = await q.rollEntry(exec, a.org.org_id, assemblyId, own.id);
    if (!entry) throw conflict('governance.not_on_roll', { memberNumber: own.memberNumber, cutoff: '' });
    if (!entry.checked_in_at)
      throw conflict('governance.voter_not_present', { memberNumber: own.memberNumber });
    if (forMemberNumber === undefined || forMemberNumber === own.memberNumber) return own.id;
    const grantorId = await members.memberIdOf(exec, a.org.org_id, forMemberNumber);
    const proxy = await q.proxyOf(exec, a.org.org_id, assemblyId, grantorId);
    if (!proxy || proxy.holder_member_id !== own.id)
      throw conflict('governance.no_proxy', { memberNumber: forMemberNumber });
    const grantor = await q.rollEntry(exec, a.org.org_id, assemblyId, grantorId);
    if (grantor?.checked_in_at)
      throw conflict('governance.grantor_present', { memberNumber: forMemberNumber });
    return grantorId;
  }

  /** The quorum the assembly began deciding on, recorded once with the time, for the minutes. */
  async function establishQuorum(
    exec: Executor,
    a: OrgAccess,
    assemblyId: string,
    live: ReturnType<typeof quorum>,
  ) {
    await q.establishQuorum(exec, a.org.org_id, assemblyId, { ...live, at: clock.now().toISOString() });
  }

  async function state(
    exec: Executor,
    a: OrgAccess,
    assembly: NonNullable<Awaited<ReturnType<typeof q.findAssembly>>>,
  ) {
    const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
    const counts = await q.rollCounts(exec, a.org.org_id, assembly.assembly_id);
    const now = clock.now();
    const call = now < assembly.second_call_at ? 'first' : 'second';
    return { params, counts, quorum: quorum(params, call, counts.eligible, counts.present) };
  }

  async function getAssembly(actor: Actor, slug: string, assemblyId: string) {
    const a = await readAccess(db, actor, slug);
    const assembly = await q.findAssembly(db, a.org.org_id, assemblyId);
    if (!assembly) throw notFound('governance.assembly_not_found');
    const { counts, quorum: live } = await state(db, a, assembly);
    const motions = await q.motionsOf(db, a.org.org_id, assemblyId);
    const secretVotes = await q.secretVotesOf(db, a.org.org_id, assemblyId);
    return {
      id: assembly.assembly_id,
      kind: assembly.kind,
      title: assembly.title,
      place: assembly.place,
      firstCallAt: assembly.first_call_at.toISOString(),
      secondCallAt: assembly.second_call_at.toISOString(),
      cutoffDate: assembly.cutoff_date,
      agenda: AgendaColumn.parse(assembly.agenda),
      eligible: counts.eligible,
      present: counts.present,
      inPerson: counts.inPerson,
      represented: counts.represented,
      quorum: live,
      quorumEstablished: QuorumEstablishedColumn.parse(assembly.quorum_established ?? null),
      motions: motions.map((m) => ({
        id: m.motion_id,
        title: m.title,
        decisionType: m.decision_type,
        method: m.method,
        present: m.present,
        yes: m.yes,
        no: m.no,
        abstain: m.abstain,
        requiredYes: m.required_yes,
        passed: m.passed,
        agendaItem: m.agenda_item,
        amendsMotionId: m.amends_motion_id,
      })),
      secretVotes: secretVotes.map((v) => ({
        id: v.vote_id,
        title: v.title,
        decisionType: v.decision_type,
        status: v.status,
        passed: v.passed,
      })),
    };
  }

  async function listAssemblies(actor: Actor, slug: string) {
    const a = await readAccess(db, actor, slug);
    return (await q.listAssemblies(db, a.org.org_id)).map((s) => ({
      id: s.assembly_id,
      kind: s.kind,
      title: s.title,
      firstCallAt: s.first_call_at.toISOString(),
      place: s.place,
    }));
  }

  /** Checks a member in by number; a member not on the frozen roll is refused with the reason. */
  async function checkIn(actor: Actor, slug: string, assemblyId: string, typed: string) {
    const checkedIn = await inTransaction(db, async (trx) => {
      const a = await manageAccess(trx, actor, slug);
      const assembly = await q.findAssembly(trx, a.org.org_id, assemblyId);
      if (!assembly) throw notFound('governance.assembly_not_found');
      const scanned = readMemberCode(typed, a.org.slug);
      if (scanned.wrongOrg)
        throw invalid('governance.card_of_other_org', [
          { path: 'memberNumber', code: 'governance.card_of_other_org' },
        ]);
      const memberNumber = scanned.memberNumber;
      const memberId = await members.memberIdOf(trx, a.org.org_id, memberNumber);
      if (!(await q.rollEntry(trx, a.org.org_id, assemblyId, memberId)))
        throw conflict('governance.not_on_roll', { memberNumber, cutoff: assembly.cutoff_date });
      const first = await q.checkIn(
        trx,
        a.org.org_id,
        assemblyId,
        memberId,
        clock.now(),
        auditActor(actor).label,
      );
      const [row] = await members.memberRowsByIds(trx, a.org.org_id, [memberId]);
      return { memberNumber, name: `${row!.given_names} ${row!.family_names}`, already: !first };
    });
    return { ...(await getAssembly(actor, slug, assemblyId)), checkedIn };
  }

  /**
   * Records a decided motion: counts from a show of hands, or named votes of members present. Refused
   * without quorum, or with more votes than people present.
   */
  async function recordMotion(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: {
      id: string;
      title: string;
      decisionType: DecisionType;
      method: 'hands' | 'named';
      agendaItem?: number | undefined;
      amendsMotionId?: string | undefined;
      yes?: number | undefined;
      no?: number | undefined;
      abstain?: number | undefined;
      votes?: { memberNumber: string; choice: 'yes' | 'no' | 'abstain' }[] | undefined;
    },
  ) {
    await inTransaction(db, async (trx) => {
      const a = await manageAccess(trx, actor, slug);
      const assembly = await q.findAssembly(trx, a.org.org_id, assemblyId);
      if (!assembly) throw notFound('governance.assembly_not_found');
      const at = clock.now();
      await idempotentCreate(
        trx,
        // the assembly is part of the request: the same id sent to another assembly is a conflict
        { orgId: a.org.org_id, id: input.id, operation: 'motion.record', body: { ...input, assemblyId }, at },
        async () => {
          const { params, counts, quorum: live } = await state(trx, a, assembly);
          const agenda = AgendaColumn.parse(assembly.agenda);
          if (input.agendaItem !== undefined && input.agendaItem > agenda.length)
            throw invalid('error.invalid_body', [
              { path: 'agendaItem', code: 'governance.no_such_agenda_item' },
            ]);
          if (input.amendsMotionId !== undefined) {
            const amended = (await q.motionsOf(trx, a.org.org_id, assemblyId)).find(
              (m) => m.motion_id === input.amendsMotionId,
            );
            if (!amended)
              throw invalid('error.invalid_body', [
                { path: 'amendsMotionId', code: 'governance.no_such_motion' },
              ]);
          }
          if (!live.met)
            throw conflict('governance.no_quorum', { present: counts.present, required: live.required });
          await establishQuorum(trx, a, assemblyId, live);
          let tally = { yes: input.yes ?? 0, no: input.no ?? 0, abstain: input.abstain ?? 0 };
          const named: {
            org_id: string;
            motion_id: string;
            member_id: string;
            choice: 'yes' | 'no' | 'abstain';
          }[] = [];
          if (input.method === 'named') {
            tally = { yes: 0, no: 0, abstain: 0 };
            for (const vote of input.votes ?? []) {
              const memberId = await members.memberIdOf(trx, a.org.org_id, vote.memberNumber);
              const entry = await q.rollEntry(trx, a.org.org_id, assemblyId, memberId);
              if (!entry?.checked_in_at)
                throw invalid(
                  'governance.voter_not_present',
                  [
                    {
                      path: 'votes',
                      code: 'governance.voter_not_present',
                      params: { memberNumber: vote.memberNumber },
                    },
                  ],
                  { memberNumber: vote.memberNumber },
                );
              if (named.some((n) => n.member_id === memberId))
                throw invalid('error.invalid_body', [
                  {
                    path: 'votes',
                    code: 'governance.voted_twice',
                    params: { memberNumber: vote.memberNumber },
                  },
                ]);
              tally[vote.choice]++;
              named.push({
                org_id: a.org.org_id,
                motion_id: input.id,
                member_id: memberId,
                choice: vote.choice,
              });
            }
          }
          if (tally.yes + tally.no + tally.abstain > counts.present) {
            throw invalid('governance.more_votes_than_present', [], {
              votes: tally.yes + tally.no + tally.abstain,
              present: counts.present,
            });
          }
          const decision = decide(params, input.decisionType, tally);
          await q.insertMotion(trx, {
            org_id: a.org.org_id,
            motion_id: input.id,
            assembly_id: assemblyId,
            title: input.title,
            decision_type: input.decisionType,
            method: input.method,
            agenda_item: input.agendaItem ?? null,
            amends_motion_id: input.amendsMotionId ?? null,
            present: counts.present,
            ...tally,
            required_yes: decision.requiredYes,
            passed: decision.passed,
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await q.insertNamedVotes(trx, named);
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'motion.record',
            entityType: 'motion',
            entityId: input.id,
            data: { ...input, decision },
            at,
          });
          return { id: input.id };
        },
      );
    });
    return getAssembly(actor, slug, assemblyId);
  }

  // ---- secret electronic ballots -------------------------------------------------------------------

  /** Opens a secret vote: a key pair whose private half only the tellers' passphrase unlocks. */
  async function openSecretVote(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: { id: string; title: string; decisionType: DecisionType; passphrase: string },
  ) {
    await manageAccess(db, actor, slug); // before the costly key pair
    const keys = makeVoteKeys(input.passphrase);
    await inTransaction(db, async (trx) => {
      const a = await manageAccess(trx, actor, slug);
      const assembly = await q.findAssembly(trx, a.org.org_id, assemblyId);
      if (!assembly) throw notFound('governance.assembly_not_found');
      const at = clock.now();
      const { passphrase: _secret, ...body } = input;
      await idempotentCreate(
        trx,
        {
          orgId: a.org.org_id,
          id: input.id,
          operation: 'secret_vote.open',
          body: { ...body, assemblyId },
          at,
        },
        async () => {
          const { counts, quorum: live } = await state(trx, a, assembly);
          if (!live.met)
            throw conflict('governance.no_quorum', { present: counts.present, required: live.required });
          await establishQuorum(trx, a, assemblyId, live);
          await q.insertSecretVote(trx, {
            org_id: a.org.org_id,
            vote_id: input.id,
            assembly_id: assemblyId,
            title: input.title,
            decision_type: input.decisionType,
            status: 'open',
            public_key: keys.publicKey,
            sealed_private_key: keys.sealedPrivateKey,
            opened_at: at,
            opened_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'secret_vote.open',
            entityType: 'secret_vote',
            entityId: input.id,
            data: body,
            at,
          });
          return { id: input.id };
        },
      );
    });
    return secretVoteView(actor, slug, input.id);
  }

  /**
   * A member casts their own ballot: participation and a sealed envelope in one transaction. The
   * member gets a receipt code that only their envelope contains; nothing stored links them to it.
   */
  async function castBallot(
    actor: Actor,
    slug: string,
    voteId: string,
    choice: 'yes' | 'no' | 'abstain',
    forMemberNumber?: string | undefined,
  ) {
    const own = await members.ownMember(actor, slug);
    return inTransaction(db, async (trx) => {
      const a = await orgs.resolve(trx, actor, slug);
      const vote = await q.findSecretVote(trx, a.org.org_id, voteId, 'share');
      if (!vote) throw notFound('governance.vote_not_found');
      if (vote.status !== 'open') throw conflict('governance.vote_closed');
      const voterId = await voterFor(trx, a, vote.assembly_id, own.member, forMemberNumber);
      const first = await q.insertParticipation(trx, {
        org_id: a.org.org_id,
        vote_id: voteId,
        member_id: voterId,
      });
      if (!first) throw conflict('governance.already_voted');
      const receipt = receiptCode();
      await q.insertEnvelope(trx, {
        org_id: a.org.org_id,
        vote_id: voteId,
        envelope_id: randomUUID(),
        sealed: seal(vote.public_key, { choice, receipt }),
      });
      return { receiptCode: receipt };
    });
  }

  /**
   * The tellers close the vote with their passphrase: every envelope is opened, the ballots are written
   * in a shuffled order under their receipt codes, the envelopes are deleted, and the statute decides.
   */
  async function tallySecretVote(actor: Actor, slug: string, voteId: string, passphrase: string) {
    await inTransaction(db, async (trx) => {
      const a = await manageAccess(trx, actor, slug);
      const vote = await q.findSecretVote(trx, a.org.org_id, voteId, true);
      if (!vote) throw notFound('governance.vote_not_found');
      if (vote.status === 'tallied') return;
      const assembly = (await q.findAssembly(trx, a.org.org_id, vote.assembly_id))!;
      let opened: { choice: string; receipt: string }[];
      try {
        opened = openAll(
          vote.sealed_private_key!, // kept until the tally, which is not done yet
          passphrase,
          (await q.envelopesOf(trx, a.org.org_id, voteId)).map((e) => e.sealed),
        );
      } catch {
        throw invalid('governance.wrong_passphrase', [
          { path: 'passphrase', code: 'governance.wrong_passphrase' },
        ]);
      }
      const voters = await q.participationCount(trx, a.org.org_id, voteId);
      if (voters !== opened.length)
        throw conflict('governance.envelopes_mismatch', { voters, envelopes: opened.length });
      await q.insertBallots(
        trx,
        shuffle(opened).map((b) => ({
          org_id: a.org.org_id,
          vote_id: voteId,
          receipt_code: b.receipt,
          choice: b.choice as 'yes' | 'no' | 'abstain',
        })),
      );
      await q.deleteEnvelopes(trx, a.org.org_id, voteId);
      const tally = {
        yes: opened.filter((b) => b.choice === 'yes').length,
        no: opened.filter((b) => b.choice === 'no').length,
        abstain: opened.filter((b) => b.choice === 'abstain').length,
      };
      const { counts } = await state(trx, a, assembly);
      const decision = decide(
        withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country),
        vote.decision_type as DecisionType,
        tally,
      );
      await q.tallied(trx, a.org.org_id, voteId, {
        tallied_at: clock.now(),
        present: counts.present,
        ...tally,
        required_yes: decision.requiredYes,
        passed: decision.passed,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'secret_vote.tally',
        entityType: 'secret_vote',
        entityId: voteId,
        data: { ...tally, decision },
        at: clock.now(),
      });
    });
    return secretVoteView(actor, slug, voteId);
  }

  /** The vote, and once tallied the published ballots: anyone can find their receipt code in the list. */
  async function secretVoteView(actor: Actor, slug: string, voteId: string) {
    const a = await readAccess(db, actor, slug);
    const vote = await q.findSecretVote(db, a.org.org_id, voteId);
    if (!vote) throw notFound('governance.vote_not_found');
    const voted = await q.participationCount(db, a.org.org_id, voteId);
    const ballots = vote.status === 'tallied' ? await q.ballotsOf(db, a.org.org_id, voteId) : [];
    return {
      id: vote.vote_id,
      assemblyId: vote.assembly_id,
      title: vote.title,
      decisionType: vote.decision_type,
      status: vote.status,
      voted,
      result:
        vote.status === 'tallied'
          ? {
              present: vote.present!,
              yes: vote.yes!,
              no: vote.no!,
              abstain: vote.abstain!,
              requiredYes: vote.required_yes!,
              passed: vote.passed!,
            }
          : null,
      ballots: ballots.map((b) => ({ receiptCode: b.receipt_code, choice: b.choice })),
    };
  }

  return {
    paramsOn,
    establishQuorum,
    voterFor,
    manageAccess,
    readAccess,
    state,
    statuteView,
    setStatute,
    convene,
    getAssembly,
    listAssemblies,
    checkIn,
    recordMotion,
    openSecretVote,
    castBallot,
    tallySecretVote,
    secretVoteView,
  };
}

export type GovernanceService = ReturnType<typeof createGovernanceService>;
