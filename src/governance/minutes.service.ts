import type { MembersService } from '../members/index.js';
import type { OrgAccess, OrgRow, OrgsService } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { addDays, todayIn } from '../platform/dates.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { draftMinutesText, type MinutesRecord } from './documents/minutes.js';
import * as q from './governance.queries.js';
import type { GovernanceService } from './governance.service.js';
import { StatuteParamsColumn } from './governance.tables.js';
import * as facts from './member-facts.js';
import type { OrgansService } from './organs.service.js';
import { type StatuteParams, withDefaults } from './quorum.js';
import { inOffice } from './terms.js';

type SignRole = 'president' | 'secretary' | 'designated';

/** The last day the statute gives to sign an assembly's minutes, in the cooperative's calendar. */
const signDeadline = (timeZone: string, firstCallAt: Date, params: StatuteParams) =>
  addDays(todayIn(timeZone, firstCallAt), params.minutes.signDays);

/**
 * The minutes' workflow — drafted from the record, edited in versions by the secretary, approved and
 * given the next number of the book of minutes, signed by the people the statute names (in Ayni with
 * their own account, or recorded from the paper book) — the oversight council's reports, and the
 * governance scorecard of a cooperative or of the cooperatives that granted their governance data.
 */
export function createMinutesService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: MembersService,
  governance: GovernanceService,
  organs: OrgansService,
) {
  const { db, clock } = deps;

  async function record(
    actor: Actor,
    slug: string,
    a: OrgAccess,
    assemblyId: string,
  ): Promise<MinutesRecord> {
    const view = await governance.getAssembly(actor, slug, assemblyId);
    const votes = await q.secretVotesOf(db, a.org.org_id, assemblyId);
    const elections = await organs.electionsOfAssembly(actor, slug, assemblyId);
    return {
      organization: a.org.name,
      timeZone: a.org.time_zone,
      assembly: view,
      secretVotes: votes.map((v) => ({
        title: v.title,
        status: v.status,
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
        passed: v.passed,
      })),
      elections,
    };
  }

  function required(params: StatuteParams) {
    return {
      president: params.minutes.president ? 1 : 0,
      secretary: params.minutes.secretary ? 1 : 0,
      designated: params.minutes.designatedMembers,
    };
  }

  /** The minutes as they stand, or the draft generated from the record when none was saved yet. */
  async function minutesView(actor: Actor, slug: string, assemblyId: string, locale: string) {
    const a = await governance.readAccess(db, actor, slug);
    const assembly = await q.findAssembly(db, a.org.org_id, assemblyId);
    if (!assembly) throw notFound('governance.assembly_not_found');
    const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
    const saved = await q.findMinutes(db, a.org.org_id, assemblyId);
    const rec = await record(actor, slug, a, assemblyId);
    const signatures = await q.signaturesOf(db, a.org.org_id, assemblyId);
    const versions = await q.minutesVersionsOf(db, a.org.org_id, assemblyId);

    return {
      assemblyId,
      status: saved?.status ?? ('none' as const),
      body: saved?.body ?? draftMinutesText(rec, locale),
      version: saved?.version ?? 0,
      bookNumber: saved?.book_number ?? null,
      approvedAt: saved?.approved_at?.toISOString() ?? null,
      approvedBy: saved?.approved_by_label ?? null,
      signedAt: saved?.signed_at?.toISOString() ?? null,
      signBy: signDeadline(a.org.time_zone, assembly.first_call_at, params),
      designated: saved
        ? (await members.memberRowsByIds(db, a.org.org_id, saved.designated_member_ids)).map((m) => ({
            memberNumber: m.member_number,
            name: `${m.given_names} ${m.family_names}`,
          }))
        : [],
      required: required(params),
      signatures: signatures.map((s) => ({
        role: s.role,
        seq: s.seq,
        name: s.signer_name,
        method: s.method,
        signedAt: s.signed_at.toISOString(),
        recordedBy: s.recorded_by_label,
      })),
      versions: versions.map((v) => ({
        version: v.version,
        savedAt: v.saved_at.toISOString(),
        savedBy: v.saved_by_label,
      })),
      record: rec,
    };
  }

  /** Saves an edit; `baseVersion` is the version the secretary edited, so two editors never overwrite each other. */
  async function saveMinutes(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: { body: string; baseVersion: number },
    locale: string,
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      const assembly = await q.findAssembly(trx, a.org.org_id, assemblyId);
      if (!assembly) throw notFound('governance.assembly_not_found');
      const saved = await q.findMinutes(trx, a.org.org_id, assemblyId, true);
      if (saved && saved.status !== 'draft') throw conflict('governance.minutes_approved');
      const current = saved?.version ?? 0;
      if (input.baseVersion !== current) throw conflict('governance.minutes_changed', { version: current });
      const at = clock.now();
      const version = current + 1;
      if (saved) await q.updateMinutes(trx, a.org.org_id, assemblyId, { body: input.body, version });
      else
        await q.insertMinutes(trx, {
          org_id: a.org.org_id,
          assembly_id: assemblyId,
          status: 'draft',
          body: input.body,
          version,
        });
      await q.insertMinutesVersion(trx, {
        org_id: a.org.org_id,
        assembly_id: assemblyId,
        version,
        body: input.body,
        saved_at: at,
        saved_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'minutes.save',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { version, length: input.body.length },
        at,
      });
    });
    return minutesView(actor, slug, assemblyId, locale);
  }

  /** Approves the saved text and gives it the next number of the book of minutes: no more edits. */
  async function approveMinutes(
    actor: Actor,
    slug: string,
    assemblyId: string,
    locale: string,
    designatedMemberNumbers: string[] = [],
  ) {
    await inTransaction(db, async (trx) => {
      const a = await governance.manageAccess(trx, actor, slug);
      if (!(await q.findAssembly(trx, a.org.org_id, assemblyId)))
        throw notFound('governance.assembly_not_found');
      const saved = await q.findMinutes(trx, a.org.org_id, assemblyId, true);
      if (!saved) throw conflict('governance.minutes_not_saved');
      if (saved.status !== 'draft') return;
      const at = clock.now();
      // the assembly designates who signs besides its president and secretary: members who were present
      const designated: string[] = [];
      for (const [i, number] of designatedMemberNumbers.entries()) {
        const memberId = await members.memberIdOf(trx, a.org.org_id, number);
        if (!(await q.rollEntry(trx, a.org.org_id, assemblyId, memberId))?.checked_in_at)
          throw invalid('error.invalid_body', [
            { path: `designatedMemberNumbers.${i}`, code: 'governance.signer_not_present' },
          ]);
        if (!designated.includes(memberId)) designated.push(memberId);
      }
      await orgs.lockOrganization(trx, a.org.org_id);
      const bookNumber = await q.nextBookNumber(trx, a.org.org_id);
      await q.updateMinutes(trx, a.org.org_id, assemblyId, {
        designated_member_ids: designated,
        status: 'approved',
        book_number: bookNumber,
        approved_at: at,
        approved_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'minutes.approve',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { bookNumber, version: saved.version },
        at,
      });
    });
    return minutesView(actor, slug, assemblyId, locale);
  }

  /**
   * A signature. The signer signs in Ayni with their own account (a member: the board's president or
   * secretary in office on the assembly's day for those roles, a member present for a designated
   * signature), or the secretary records a signature made in the paper book. Complete → signed.
   */
  async function signMinutes(
    actor: Actor,
    slug: string,
    assemblyId: string,
    input: { role: SignRole; signerName?: string | undefined; memberNumber?: string | undefined },
    locale: string,
  ) {
    let inApp: { id: string; memberNumber: string; name: string } | null = null;
    try {
      await governance.manageAccess(db, actor, slug);
    } catch (error) {
      // not the secretary's desk: a member signing with their own account, or nobody
      if (!(error instanceof AppError && error.kind === 'forbidden')) throw error;
      const own = await members.ownMember(actor, slug);
      inApp = {
        id: own.member.id,
        memberNumber: own.member.memberNumber,
        name: `${own.member.givenNames} ${own.member.familyNames}`,
      };
    }
    await inTransaction(db, async (trx) => {
      const a = inApp
        ? await orgs.resolve(trx, actor, slug)
        : await governance.manageAccess(trx, actor, slug);
      const assembly = await q.findAssembly(trx, a.org.org_id, assemblyId);
      if (!assembly) throw notFound('governance.assembly_not_found');
      const saved = await q.findMinutes(trx, a.org.org_id, assemblyId, true);
      if (!saved || saved.status === 'draft') throw conflict('governance.minutes_not_approved');
      if (saved.status === 'signed') throw conflict('governance.minutes_already_signed');
      const params = withDefaults(StatuteParamsColumn.parse(assembly.params), a.org.country);
      const need = required(params)[input.role];
      const existing = (await q.signaturesOf(trx, a.org.org_id, assemblyId)).filter(
        (s) => s.role === input.role,
      );
      if (existing.length >= need) throw conflict('governance.signature_not_needed', { role: input.role });
      let memberId: string | null = null;
      let name = input.signerName?.trim() ?? '';
      if (inApp) {
        memberId = inApp.id;
        name = inApp.name;
      } else if (input.memberNumber) {
        memberId = await members.memberIdOf(trx, a.org.org_id, input.memberNumber);
        const [row] = await members.memberRowsByIds(trx, a.org.org_id, [memberId]);
        name = `${row!.given_names} ${row!.family_names}`;
      }
      if (!name) throw invalid('error.invalid_body', [{ path: 'signerName', code: 'error.required' }]);
      if (memberId) {
        const day = todayIn(a.org.time_zone, assembly.first_call_at);
        if (input.role === 'designated') {
          const entry = await q.rollEntry(trx, a.org.org_id, assemblyId, memberId);
          if (!entry?.checked_in_at) throw conflict('governance.signer_not_present');
          // in the app only those the assembly designated; on paper, them too when it named any
          if (
            (inApp || saved.designated_member_ids.length > 0) &&
            !saved.designated_member_ids.includes(memberId)
          )
            throw conflict('governance.signer_not_designated');
        } else if (inApp) {
          const terms = (await facts.termsOf(members, trx, a.org.org_id)).filter(
            (t) =>
              t.member_id === memberId &&
              t.organ === 'board' &&
              t.position === input.role &&
              inOffice({ startsOn: t.starts_on, endsOn: t.ends_on, endedOn: t.ended_on }, day),
          );
          if (terms.length === 0) throw conflict('governance.signer_not_in_position', { role: input.role });
        }
        if (existing.some((s) => s.member_id === memberId)) throw conflict('governance.already_signed');
      }
      const at = clock.now();
      await q.insertSignature(trx, {
        org_id: a.org.org_id,
        assembly_id: assemblyId,
        role: input.role,
        seq: existing.length + 1,
        signer_name: name,
        member_id: memberId,
        method: inApp ? 'in_app' : 'on_paper',
        signed_at: at,
        recorded_by_label: auditActor(actor).label,
      });
      const all = await q.signaturesOf(trx, a.org.org_id, assemblyId);
      const need2 = required(params);
      const complete = (['president', 'secretary', 'designated'] as const).every(
        (role) => all.filter((s) => s.role === role).length >= need2[role],
      );
      if (complete) await q.updateMinutes(trx, a.org.org_id, assemblyId, { status: 'signed', signed_at: at });
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'minutes.sign',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { role: input.role, name, method: inApp ? 'in_app' : 'on_paper', complete },
        at,
      });
    });
    return minutesView(actor, slug, assemblyId, locale);
  }

  // ---- oversight reports ---------------------------------------------------------------------------

  async function fileOversightReport(
    actor: Actor,
    slug: string,
    input: { id: string; periodEnd: string; filedOn: string; title: string; summary?: string | undefined },
  ) {
    return inTransaction(db, async (trx) => {
      const a = await orgs.authorize(trx, actor, slug, 'governance.oversight');
      if (a.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
      const at = clock.now();
      if (input.filedOn < input.periodEnd)
        throw invalid('error.invalid_body', [
          { path: 'filedOn', code: 'governance.filed_before_period_end' },
        ]);
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'oversight_report.file', body: input, at },
        async () => {
          await q.insertOversightReport(trx, {
            org_id: a.org.org_id,
            report_id: input.id,
            period_end: input.periodEnd,
            filed_on: input.filedOn,
            title: input.title,
            summary: input.summary ?? '',
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'oversight_report.file',
            entityType: 'oversight_report',
            entityId: input.id,
            data: input,
            at,
          });
          return { id: input.id, periodEnd: input.periodEnd, filedOn: input.filedOn, title: input.title };
        },
      );
      return result;
    });
  }

  async function listOversightReports(actor: Actor, slug: string) {
    const a = await governance.readAccess(db, actor, slug);
    return (await q.oversightReportsOf(db, a.org.org_id)).map((r) => ({
      id: r.report_id,
      periodEnd: r.period_end,
      filedOn: r.filed_on,
      title: r.title,
      summary: r.summary,
    }));
  }

  // ---- scorecard -----------------------------------------------------------------------------------

  type Status = 'ok' | 'warn' | 'bad' | 'pending' | 'na';
  interface Indicator {
    code: string;
    status: Status;
    /** Basis points for shares, a count, or a date. */
    value: number | string | null;
    target: number | string | null;
    detail: Record<string, number | string | null>;
  }

  const lastDayOfMonth = (year: number, month: number) =>
    new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const share = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d));

  /** One organization's governance in a calendar year, as of `today` (indicators not yet due are pending). */
  async function scorecardOf(exec: Executor, org: OrgRow, year: number, today: string) {
    const yearEnd = `${year}-12-31`;
    const asOf = today < yearEnd ? today : yearEnd;
    const statute = await q.statuteOn(exec, org.org_id, asOf);
    const params = withDefaults(StatuteParamsColumn.parse(statute?.params ?? {}), org.country);
    const assemblies = await q.assembliesBetween(
      exec,
      org.org_id,
      new Date(`${year}-01-01T00:00:00Z`),
      new Date(`${year + 1}-01-01T00:00:00Z`),
    );
    const indicators: Indicator[] = [];

    // 1. The ordinary assembly held within the months after the fiscal year closed.
    const deadline = lastDayOfMonth(year, params.ordinaryAssemblyMonths);
    const held = [];
    for (const s of assemblies.filter((x) => x.kind === 'ordinary' || x.kind === 'delegates')) {
      const counts = await q.rollCounts(exec, org.org_id, s.assembly_id);
      if (counts.present > 0) held.push({ ...s, counts, day: todayIn(org.time_zone, s.first_call_at) });
    }
    const first = held[0];
    indicators.push({
      code: 'ordinary_assembly_in_time',
      status: first ? (first.day <= deadline ? 'ok' : 'warn') : today <= deadline ? 'pending' : 'bad',
      value: first?.day ?? null,
      target: deadline,
      detail: {},
    });

    // 2. Attendance at it, as a share of the members (or delegates) on its roll.
    const attendance = first ? share(first.counts.present, first.counts.eligible) : null;
    const firstCallBp = params.firstCall.shareBp;
    indicators.push({
      code: 'attendance',
      status:
        attendance === null
          ? first
            ? 'na'
            : today <= deadline
              ? 'pending'
              : 'bad' // no ordinary assembly held by the deadline: nobody could attend
          : attendance > firstCallBp
            ? 'ok'
            : attendance >= firstCallBp / 2
              ? 'warn'
              : 'bad',
      value: attendance,
      target: firstCallBp,
      detail: { present: first?.counts.present ?? null, eligible: first?.counts.eligible ?? null },
    });

    // 3. Women among the people in office, beside their share of the membership.
    const terms = (await facts.termsOf(members, exec, org.org_id)).filter(
      (t) =>
        t.organ !== 'delegates' &&
        inOffice({ startsOn: t.starts_on, endsOn: t.ends_on, endedOn: t.ended_on }, asOf),
    );
    const known = terms.filter((t) => t.holder_sex !== null);
    const women = known.filter((t) => t.holder_sex === 'female').length;
    const womenShare = share(women, known.length);
    const membersWomen = await members.womenShareOfActiveMembers(exec, org.org_id);
    indicators.push({
      code: 'women_in_organs',
      status: womenShare === null ? 'na' : womenShare >= 3000 ? 'ok' : womenShare >= 1000 ? 'warn' : 'bad',
      value: womenShare,
      target: 3000,
      detail: { women, holders: known.length, membersWomenBp: membersWomen },
    });

    // 4. Seats filled: terms renewed in time leave no seat of the statute's organs empty.
    const seatsRequired = params.organs
      .filter((o) => o.organ !== 'delegates')
      .reduce((s, o) => s + o.seats, 0);
    const seatsFilled = params.organs
      .filter((o) => o.organ !== 'delegates')
      .reduce(
        (s, o) =>
          s +
          Math.min(o.seats, terms.filter((t) => t.organ === o.organ && t.position !== 'alternate').length),
        0,
      );
    const filled = share(seatsFilled, seatsRequired);
    indicators.push({
      code: 'terms_renewed',
      status: filled === null ? 'na' : filled === 10_000 ? 'ok' : filled >= 8000 ? 'warn' : 'bad',
      value: filled,
      target: 10_000,
      detail: { filled: seatsFilled, seats: seatsRequired },
    });

    // 5. Minutes signed within the statute's days of each assembly held.
    // by calendar date in the cooperative's zone, as the minutes page shows the deadline
    const signBy = (s: { first_call_at: Date }) => signDeadline(org.time_zone, s.first_call_at, params);
    const due = held.filter((s) => signBy(s) <= today || s.signed_at !== null);
    const inTime = due.filter(
      (s) => s.signed_at !== null && todayIn(org.time_zone, s.signed_at) <= signBy(s),
    ).length;
    const minutesShare = share(inTime, due.length);
    indicators.push({
      code: 'minutes_signed_in_time',
      status:
        minutesShare === null
          ? held.length
            ? 'pending'
            : 'na'
          : minutesShare === 10_000
            ? 'ok'
            : minutesShare > 0
              ? 'warn'
              : 'bad',
      value: minutesShare,
      target: 10_000,
      detail: { signedInTime: inTime, assemblies: due.length, signDays: params.minutes.signDays },
    });

    // 6. The oversight council's reports for periods ending in the year.
    const reports = (await q.oversightReportsOf(exec, org.org_id)).filter((r) =>
      r.period_end.startsWith(`${year}-`),
    );
    const expected = params.oversightReportsPerYear;
    indicators.push({
      code: 'oversight_reports',
      status:
        expected === 0
          ? 'na'
          : reports.length >= expected
            ? 'ok'
            : today <= yearEnd
              ? 'pending'
              : reports.length > 0
                ? 'warn'
                : 'bad',
      value: reports.length,
      target: expected,
      detail: {},
    });
    return { slug: org.slug, name: org.name, year, indicators };
  }

  /** The scorecard of a cooperative, or of every cooperative that granted its governance data to a central or program. */
  async function scorecard(actor: Actor, slug: string, year?: number | undefined) {
    const { access, orgs: scope } = await orgs.grantorsFor(db, actor, slug, 'governance');
    if (access.org.kind === 'cooperative') await governance.readAccess(db, actor, slug);
    else if (access.org.kind === 'buyer') throw notFound('members.not_a_cooperative', { slug });
    const today = todayIn(access.org.time_zone, clock.now());
    const y = year ?? Number(today.slice(0, 4));
    const cooperatives = [];
    for (const org of scope.filter((o) => o.kind === 'cooperative'))
      cooperatives.push(await scorecardOf(db, org, y, today));
    return { year: y, asOf: today, cooperatives };
  }

  return {
    minutesView,
    saveMinutes,
    approveMinutes,
    signMinutes,
    fileOversightReport,
    listOversightReports,
    scorecard,
  };
}

export type MinutesService = ReturnType<typeof createMinutesService>;
