import { inGoodStandingOn, memberIdOf, memberRowsByIds } from '../members/index.js';
import type { OrgAccess } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { daysBetween, todayIn } from '../platform/dates.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import { conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import * as q from './governance.queries.js';
import type { OfficePosition, OrganKind } from './governance.tables.js';
import * as facts from './member-facts.js';
import { addYears, type OrgansDeps } from './organs.common.js';
import type { StatuteParams } from './quorum.js';
import { ineligibility, inOffice, type TermFacts } from './terms.js';

/**
 * The organs of a cooperative and who holds their seats: the organs on a date with their vacancies and
 * expiring terms, a holder appointed by hand, a term's position or early end; and who may hold a seat
 * (terms.ts says why not), which elections ask too.
 */

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
export async function eligibilityOf(
  exec: Executor,
  a: OrgAccess,
  params: StatuteParams,
  organ: OrganKind,
  memberIds: string[],
  startsOn: string,
  electionDate: string,
) {
  const good = await inGoodStandingOn(exec, a, memberIds, electionDate);
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

/** The error for members who may not hold a seat or stand, one field problem per reason. */
export const ineligibleError = (problems: FieldError[]) =>
  invalid('governance.ineligible', problems, { count: problems.length });

type OrganWarning = {
  code: string;
  organ: OrganKind;
  holderName?: string;
  endsOn?: string;
  days?: number;
  seats?: number;
};

/** One organ on a date: its seats from the statute, holders in office and history, and its warnings. */
function organOn(
  date: string,
  params: StatuteParams,
  organ: OrganKind,
  terms: facts.TermRow[],
  warnings: OrganWarning[],
) {
  const spec = params.organs.find((o) => o.organ === organ) ?? { organ, seats: 0, alternates: 0 };
  const ofOrgan = terms.filter((t) => t.organ === organ);
  const current = ofOrgan.filter((t) =>
    inOffice({ startsOn: t.starts_on, endsOn: t.ends_on, endedOn: t.ended_on }, date),
  );
  const seated = current.filter((t) => t.position !== 'alternate');
  const successorFrom = (t: facts.TermRow) =>
    ofOrgan.some((n) => n.term_id !== t.term_id && n.starts_on >= t.ends_on && n.position !== 'alternate');
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
}

/**
 * The organs on a date: seats and alternates from the statute, the holders in office, vacancies, and
 * warnings for terms ending within the statute's warning days or already over with nobody after them.
 */
export async function organsView(deps: OrgansDeps, actor: Actor, slug: string, on?: string | undefined) {
  const { db, governance } = deps;
  const a = await governance.readAccess(db, actor, slug);
  const date = on ?? todayIn(a.org.time_zone, deps.clock.now());
  const { params } = await governance.paramsOn(db, a, date);
  const terms = await facts.termsOf(deps.members, db, a.org.org_id);
  const kinds = new Set<OrganKind>([...params.organs.map((o) => o.organ), ...terms.map((t) => t.organ)]);
  const warnings: OrganWarning[] = [];
  const organs = [...kinds].map((organ) => organOn(date, params, organ, terms, warnings));
  return { date, organs, warnings };
}

interface AppointInput {
  id: string;
  organ: OrganKind;
  position: OfficePosition;
  memberNumber?: string | undefined;
  holderName?: string | undefined;
  holderSex?: 'female' | 'male' | undefined;
  zone?: string | undefined;
  startsOn: string;
  endsOn?: string | undefined;
}

/**
 * Who is appointed: a member, eligible for the organ (a fiscal auditor need not be), or for a fiscal
 * auditor only, someone from outside named by hand.
 */
async function holderOf(exec: Executor, a: OrgAccess, params: StatuteParams, input: AppointInput) {
  let memberId: string | null = null;
  let holderName = input.holderName?.trim() ?? '';
  let holderSex = input.holderSex ?? null;
  if (input.memberNumber) {
    memberId = await memberIdOf(exec, a.org.org_id, input.memberNumber);
    const [row] = await memberRowsByIds(exec, a.org.org_id, [memberId]);
    holderName = `${row!.given_names} ${row!.family_names}`;
    holderSex = row!.sex;
    if (input.organ !== 'fiscal_auditor') {
      const reasons = (
        await eligibilityOf(exec, a, params, input.organ, [memberId], input.startsOn, input.startsOn)
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
    throw invalid('error.invalid_body', [{ path: 'memberNumber', code: 'governance.holder_must_be_member' }]);
  }
  return { memberId, holderName, holderSex };
}

export async function appointTerm(deps: OrgansDeps, actor: Actor, slug: string, input: AppointInput) {
  return inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const at = deps.clock.now();
    const { result } = await idempotentCreate(
      trx,
      { orgId: a.org.org_id, id: input.id, operation: 'term.appoint', body: input, at },
      async () => {
        const { params } = await deps.governance.paramsOn(trx, a, input.startsOn);
        const endsOn = input.endsOn ?? addYears(input.startsOn, params.termYears);
        if (endsOn <= input.startsOn)
          throw invalid('error.invalid_body', [
            { path: 'endsOn', code: 'governance.term_ends_before_start' },
          ]);
        const { memberId, holderName, holderSex } = await holderOf(trx, a, params, input);
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

type TermChange = {
  position?: OfficePosition | undefined;
  endedOn?: string | undefined;
  endedReason?: string | undefined;
};

/** A change names a position or an end; an end falls within the term, has a reason, and comes once. */
function checkTermChange(
  term: { starts_on: string; ends_on: string; ended_on: string | null },
  change: TermChange,
) {
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
}

/** The organ assigns positions after an election; a holder may also leave before the term ends. */
export async function changeTerm(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  termId: string,
  change: TermChange,
) {
  const { db, governance } = deps;
  await inTransaction(db, async (trx) => {
    const a = await governance.manageAccess(trx, actor, slug);
    const term = await q.findTerm(trx, a.org.org_id, termId);
    if (!term) throw notFound('governance.term_not_found');
    checkTermChange(term, change);
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
      at: deps.clock.now(),
    });
  });
  const a = await governance.readAccess(db, actor, slug);
  return termView(await facts.termOf(deps.members, db, a.org.org_id, termId));
}
