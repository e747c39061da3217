import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { ACTIONS, type Actor, actorUserId, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { ageOn, todayIn, yearsBefore } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney, parseMoney } from '../platform/money.js';
import { fromGrams, hectaresToM2, m2ToHectares, toGrams } from '../platform/units.js';
import { buildDashboard } from './dashboard.js';
import { polygonsOverlap, validatePlotGeometry } from './geo.js';
import type {
  CreateMemberBody as CreateMemberInput,
  MemberListQuery as MemberListQueryT,
  MemberView as MemberViewT,
  PlotGeometry,
  UpdatePlotBody as PlotInput,
  UpdateMemberBody as UpdateMemberInput,
} from './members.contract.js';
import * as q from './members.queries.js';
import { type CertificationScheme, NonConformitiesColumn, PolygonColumn } from './members.tables.js';
import { goodStanding, type StandingRule } from './standing.js';

/**
 * The social base: the register of members, their status history, consents, plots, certifications
 * and inspections. Reads are open to the cooperative's staff and, per consent, to its central or
 * program; writes to its admins and managers. A member reads only their own record (ownMember).
 */

const READ_ROLES = ACTIONS['members.read'];

/**
 * Warnings that stay on a plot as flags to review; the others (a ring closed for the user, repeated
 * points removed) describe a correction already made.
 */
const FLAGGING_WARNINGS = new Set(['geo.area_mismatch', 'geo.low_precision']);
export const plotFlags = (warnings: { code: string }[]) =>
  warnings.filter((w) => FLAGGING_WARNINGS.has(w.code)).map((w) => w.code.replace(/^geo\./, ''));

export function normalizeForSearch(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function encodeCursor(row: { family_names: string; given_names: string; member_id: string }): string {
  return Buffer.from(JSON.stringify([row.family_names, row.given_names, row.member_id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string')) {
      return value as [string, string, string];
    }
  } catch {
    // fall through
  }
  throw invalid('error.invalid_body', [{ path: 'cursor', code: 'field.invalid' }]);
}

/** Peru: DNI of 8 digits; Colombia: cédula of 6 to 10 digits (REFERENCE.md). */
export function nationalIdProblem(
  type: string | null | undefined,
  id: string | null | undefined,
): FieldError | undefined {
  if (!id || !type) return undefined;
  if (type === 'dni' && !/^\d{8}$/.test(id)) return { path: 'nationalId', code: 'members.invalid_dni' };
  if (type === 'cedula' && !/^\d{6,10}$/.test(id))
    return { path: 'nationalId', code: 'members.invalid_cedula' };
  return undefined;
}

export function createMembersService(deps: ServiceDeps, orgs: OrgsService) {
  const { db, clock } = deps;

  const today = (access: OrgAccess) => todayIn(access.org.time_zone, clock.now());

  async function readAccess(exec: Executor, actor: Actor, slug: string) {
    const access = await orgs.authorizeArea(exec, actor, slug, 'members', READ_ROLES);
    if (access.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
    return access;
  }

  async function writeAccess(exec: Executor, actor: Actor, slug: string) {
    const access = await orgs.authorize(exec, actor, slug, 'members.write');
    if (access.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
    return access;
  }

  async function memberOrThrow(exec: Executor, orgId: string, memberNumber: string) {
    const member = await q.findMemberByNumber(exec, orgId, memberNumber);
    if (!member) throw notFound('members.not_found', { memberNumber });
    return member;
  }

  function toView(m: q.MemberRow, on: string): MemberViewT {
    const currency = currencyOf(m.currency);
    return {
      id: m.member_id,
      memberNumber: m.member_number,
      givenNames: m.given_names,
      familyNames: m.family_names,
      nationalIdType: m.national_id_type,
      nationalId: m.national_id,
      sex: m.sex,
      birthDate: m.birth_date,
      age: m.birth_date ? ageOn(m.birth_date, on) : null,
      phone: m.phone,
      region: m.region,
      province: m.province,
      district: m.district,
      community: m.community,
      householdSize: m.household_size,
      joinDate: m.join_date,
      status: m.status,
      currency: m.currency,
      entryFee: formatMoney(BigInt(m.entry_fee_minor), currency),
      shareCapitalSubscribed: formatMoney(BigInt(m.share_capital_subscribed_minor), currency),
      shareCapitalPaid: formatMoney(BigInt(m.share_capital_paid_minor), currency),
      paymentMethod: m.payment_method,
      bankName: m.bank_name,
      bankAccount: m.bank_account,
      walletPhone: m.wallet_phone,
      hasUser: m.user_id !== null,
      createdAt: m.created_at.toISOString(),
      updatedAt: m.updated_at.toISOString(),
    };
  }

  /** Field values shared by create and update, checked and converted to the database's units. */
  function memberColumns(input: UpdateMemberInput, currency: string, country: string) {
    const fields: FieldError[] = [];
    const idType = input.nationalId
      ? (input.nationalIdType ?? (country === 'CO' ? 'cedula' : 'dni'))
      : input.nationalId === null
        ? null
        : undefined;
    const idProblem = nationalIdProblem(idType, input.nationalId);
    if (idProblem) fields.push(idProblem);
    if (input.birthDate && input.joinDate && input.birthDate >= input.joinDate) {
      fields.push({ path: 'birthDate', code: 'members.born_after_joining' });
    }
    const money = (value: string | undefined) =>
      value === undefined ? undefined : Number(parseMoney(value, currencyOf(currency)));
    if (fields.length) throw invalid('error.invalid_body', fields);
    const columns = {
      given_names: input.givenNames?.trim(),
      family_names: input.familyNames?.trim(),
      national_id_type: idType,
      national_id: input.nationalId === undefined ? undefined : input.nationalId,
      sex: input.sex,
      birth_date: input.birthDate,
      phone: input.phone,
      region: input.region,
      province: input.province,
      district: input.district,
      community: input.community,
      household_size: input.householdSize,
      join_date: input.joinDate,
      entry_fee_minor: money(input.entryFee),
      share_capital_subscribed_minor: money(input.shareCapitalSubscribed),
      share_capital_paid_minor: money(input.shareCapitalPaid),
      payment_method: input.paymentMethod,
      bank_name: input.bankName,
      bank_account: input.bankAccount,
      wallet_phone: input.walletPhone,
    };
    return Object.fromEntries(
      Object.entries(columns).filter(([, v]) => v !== undefined),
    ) as Partial<q.MemberRow>;
  }

  /** The row for a new member, its fields checked and converted; the API and the import share it. */
  function memberRowFor(access: OrgAccess, input: CreateMemberInput, at: Date) {
    const columns = memberColumns(input, access.org.currency, access.org.country);
    return {
      org_id: access.org.org_id,
      member_id: input.id,
      member_number: input.memberNumber.trim(),
      given_names: input.givenNames.trim(),
      family_names: input.familyNames.trim(),
      ...columns,
      status: input.status ?? 'applicant',
      currency: access.org.currency,
      search_text: normalizeForSearch(
        input.memberNumber,
        input.givenNames,
        input.familyNames,
        input.nationalId,
      ),
      created_at: at,
      updated_at: at,
    } as Parameters<typeof q.insertMember>[1];
  }

  function firstStatusChange(
    actor: Actor,
    access: OrgAccess,
    row: { member_id: string; status: q.MemberRow['status']; join_date?: string | null },
    reason: string,
    at: Date,
  ) {
    return {
      org_id: access.org.org_id,
      change_id: deps.ids.next(),
      member_id: row.member_id,
      from_status: null,
      to_status: row.status,
      effective_date: row.join_date ?? today(access),
      reason,
      recorded_at: at,
      recorded_by_label: auditActor(actor).label,
      recorded_by: actorUserId(actor),
    };
  }

  /** A national ID held by another member is the person's field error, not a database message. */
  async function guardNationalId<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'members_national_id_key') {
        throw new AppError('conflict', 'members.national_id_taken', {
          fields: [{ path: 'nationalId', code: 'members.national_id_taken' }],
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Creates one member inside an open transaction, with the first entry of its status history. */
  async function insertMemberIn(
    trx: Trx,
    actor: Actor,
    access: OrgAccess,
    input: CreateMemberInput,
    reason: string,
  ): Promise<q.MemberRow> {
    const at = clock.now();
    const row = await guardNationalId(q.insertMember(trx, memberRowFor(access, input, at)));
    await q.insertStatusChange(trx, firstStatusChange(actor, access, row, reason, at));
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'member.create',
      entityType: 'member',
      entityId: row.member_id,
      data: input,
      at,
    });
    return row;
  }

  /**
   * Creates many members in one transaction with multi-row inserts: an import is one write, recorded as
   * one audit event whose digest covers every row.
   */
  async function bulkCreateMembersIn(
    trx: Trx,
    actor: Actor,
    access: OrgAccess,
    inputs: CreateMemberInput[],
    reason: string,
    source: string,
  ) {
    if (inputs.length === 0) return;
    const at = clock.now();
    const rows = inputs.map((input) => memberRowFor(access, input, at));
    await q.insertMembersBulk(trx, rows);
    await q.insertStatusChangesBulk(
      trx,
      rows.map((row) =>
        firstStatusChange(
          actor,
          access,
          { member_id: row.member_id, status: row.status, join_date: row.join_date ?? null },
          reason,
          at,
        ),
      ),
    );
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'member.import',
      entityType: 'member',
      entityId: source,
      data: inputs,
      at,
    });
  }

  async function createMember(actor: Actor, slug: string, input: CreateMemberInput): Promise<MemberViewT> {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const { result } = await idempotentCreate(
        trx,
        { orgId: access.org.org_id, id: input.id, operation: 'member.create', body: input, at: clock.now() },
        async () => {
          if (await q.findMemberByNumber(trx, access.org.org_id, input.memberNumber.trim())) {
            throw conflict('members.number_taken', { memberNumber: input.memberNumber });
          }
          return toView(
            await insertMemberIn(trx, actor, access, input, 'members.reason_registered'),
            today(access),
          );
        },
      );
      return result;
    });
  }

  /** Applies a change of fields inside an open transaction (API and re-import). Returns false if nothing changed. */
  async function updateMemberIn(
    trx: Trx,
    actor: Actor,
    access: OrgAccess,
    member: q.MemberRow,
    patch: UpdateMemberInput,
  ) {
    const columns = memberColumns(patch, access.org.currency, access.org.country);
    const changed = Object.entries(columns).filter(([k, v]) => (member as Record<string, unknown>)[k] !== v);
    if (changed.length === 0) return { row: member, changed: false };
    const at = clock.now();
    const merged = { ...member, ...columns };
    const row = await guardNationalId(
      q.updateMember(trx, access.org.org_id, member.member_id, {
        ...Object.fromEntries(changed),
        search_text: normalizeForSearch(
          merged.member_number,
          merged.given_names,
          merged.family_names,
          merged.national_id,
        ),
        updated_at: at,
      }),
    );
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'member.update',
      entityType: 'member',
      entityId: member.member_id,
      data: Object.fromEntries(changed),
      at,
    });
    return { row, changed: true };
  }

  async function updateMember(actor: Actor, slug: string, memberNumber: string, patch: UpdateMemberInput) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
      const { row } = await updateMemberIn(trx, actor, access, member, patch);
      return toView(row, today(access));
    });
  }

  async function standingOf(exec: Executor, access: OrgAccess, member: q.MemberRow, asOf: string) {
    const [changes, rules, inspection] = await Promise.all([
      q.statusChangesOf(exec, access.org.org_id, member.member_id),
      q.standingRules(exec, access.org.org_id),
      q.lastInspectionOn(exec, access.org.org_id, member.member_id, asOf),
    ]);
    return goodStanding(
      {
        joinDate: member.join_date,
        changes: changes.map((c) => ({ effectiveDate: c.effective_date, toStatus: c.to_status })),
        shareCapitalSubscribedMinor: member.share_capital_subscribed_minor,
        shareCapitalPaidMinor: member.share_capital_paid_minor,
        lastInspectionResult: inspection?.result ?? null,
      },
      rules.map(toRule),
      asOf,
    );
  }

  async function detailOf(exec: Executor, access: OrgAccess, member: q.MemberRow) {
    const on = today(access);
    const [standing, consents, plots, certs] = await Promise.all([
      standingOf(exec, access, member, on),
      q.currentConsents(exec, access.org.org_id, member.member_id),
      q.countPlots(exec, access.org.org_id, member.member_id),
      q.certificationsOf(exec, access.org.org_id, member.member_id),
    ]);
    return {
      ...toView(member, on),
      standing,
      consents: consents.map((c) => ({
        kind: c.kind,
        granted: c.granted,
        effectiveDate: c.effective_date,
        recordedAt: c.recorded_at.toISOString(),
        recordedBy: c.recorded_by_label,
        note: c.note,
      })),
      plotCount: Number(plots.n),
      certifications: certs.map((c) => ({ scheme: c.scheme, status: c.status })),
    };
  }

  async function getMember(actor: Actor, slug: string, memberNumber: string) {
    const access = await readAccess(db, actor, slug);
    return detailOf(db, access, await memberOrThrow(db, access.org.org_id, memberNumber));
  }

  /** What a member's card shows: the organization's name and the member. */
  async function cardOf(actor: Actor, slug: string, memberNumber: string) {
    const access = await readAccess(db, actor, slug);
    const member = await detailOf(db, access, await memberOrThrow(db, access.org.org_id, memberNumber));
    return { organization: access.org.name, member };
  }

  /** The signed-in member's own record: a member sees themself and nobody else. */
  async function ownMember(actor: Actor, slug: string) {
    const access = await orgs.resolve(db, actor, slug);
    if (actor.kind === 'system' || access.via !== 'member') throw notFound('members.no_own_record');
    const member = await q.findMemberByUser(db, access.org.org_id, actor.userId);
    if (!member) throw notFound('members.no_own_record');
    const [detail, plots, certifications, inspections] = await Promise.all([
      detailOf(db, access, member),
      plotViews(db, access, member),
      q.certificationsOf(db, access.org.org_id, member.member_id),
      q.inspectionsOf(db, access.org.org_id, member.member_id),
    ]);
    return {
      member: detail,
      plots,
      certifications: certifications.map((c) => certificationView(c, member.member_number)),
      inspections: inspections.map((i) => inspectionView(i, member.member_number)),
    };
  }

  async function listMembers(actor: Actor, slug: string, query: MemberListQueryT) {
    const access = await readAccess(db, actor, slug);
    const on = today(access);
    const filter: q.MemberFilter = {
      ...(query.q && { search: normalizeForSearch(query.q) }),
      ...(query.status && { status: query.status }),
      ...(query.community && { community: query.community }),
      ...(query.sex && { sex: query.sex }),
      ...(query.certification && { certification: query.certification }),
      // age ≥ minAge ⇔ born on or before today − minAge years; age ≤ maxAge ⇔ born after today − (maxAge+1) years
      ...(query.minAge !== undefined && { bornOnOrBefore: yearsBefore(on, query.minAge) }),
      ...(query.maxAge !== undefined && { bornOnOrAfter: nextDay(yearsBefore(on, query.maxAge + 1)) }),
    };
    const rows = await q.listMembers(db, access.org.org_id, filter, {
      limit: query.limit,
      ...(query.cursor && { after: decodeCursor(query.cursor) }),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((m) => ({
        id: m.member_id,
        memberNumber: m.member_number,
        givenNames: m.given_names,
        familyNames: m.family_names,
        nationalId: m.national_id,
        sex: m.sex,
        age: m.birth_date ? ageOn(m.birth_date, on) : null,
        community: m.community,
        district: m.district,
        status: m.status,
        joinDate: m.join_date,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      total: query.cursor ? null : await q.countMembers(db, access.org.org_id, filter),
    };
  }

  /** Records a change of status inside an open transaction (the API and re-imports). */
  async function changeStatusIn(
    trx: Trx,
    actor: Actor,
    access: OrgAccess,
    member: q.MemberRow,
    input: { status: q.MemberRow['status']; effectiveDate: string; reason: string },
  ) {
    if (member.status === 'deceased') throw conflict('members.deceased_final');
    if (member.status === input.status) throw conflict('members.same_status', { status: input.status });
    const at = clock.now();
    await q.insertStatusChange(trx, {
      org_id: access.org.org_id,
      change_id: deps.ids.next(),
      member_id: member.member_id,
      from_status: member.status,
      to_status: input.status,
      effective_date: input.effectiveDate,
      reason: input.reason,
      recorded_at: at,
      recorded_by_label: auditActor(actor).label,
      recorded_by: actorUserId(actor),
    });
    const row = await q.updateMember(trx, access.org.org_id, member.member_id, {
      status: input.status,
      updated_at: at,
    });
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'member.status',
      entityType: 'member',
      entityId: member.member_id,
      data: { from: member.status, ...input },
      at,
    });
    return row;
  }

  async function changeStatus(
    actor: Actor,
    slug: string,
    memberNumber: string,
    input: { status: q.MemberRow['status']; effectiveDate: string; reason: string },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
      return detailOf(trx, access, await changeStatusIn(trx, actor, access, member, input));
    });
  }

  async function statusHistory(actor: Actor, slug: string, memberNumber: string) {
    const access = await readAccess(db, actor, slug);
    const member = await memberOrThrow(db, access.org.org_id, memberNumber);
    return (await q.statusChangesOf(db, access.org.org_id, member.member_id)).map((c) => ({
      id: c.change_id,
      fromStatus: c.from_status,
      toStatus: c.to_status,
      effectiveDate: c.effective_date,
      reason: c.reason,
      recordedAt: c.recorded_at.toISOString(),
      recordedBy: c.recorded_by_label,
    }));
  }

  async function recordConsent(
    actor: Actor,
    slug: string,
    memberNumber: string,
    input: {
      id: string;
      kind: 'share_with_federation' | 'geolocation_to_buyers';
      granted: boolean;
      effectiveDate: string;
      note?: string | null | undefined;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        {
          orgId: access.org.org_id,
          id: input.id,
          operation: 'member.consent',
          body: { memberNumber, ...input },
          at,
        },
        async () => {
          const row = await q.insertConsent(trx, {
            org_id: access.org.org_id,
            consent_id: input.id,
            member_id: member.member_id,
            kind: input.kind,
            granted: input.granted,
            effective_date: input.effectiveDate,
            note: input.note ?? null,
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
            recorded_by: actorUserId(actor),
          });
          await appendAudit(trx, {
            orgId: access.org.org_id,
            actor: auditActor(actor),
            action: 'member.consent',
            entityType: 'member',
            entityId: member.member_id,
            data: input,
            at,
          });
          return {
            kind: row.kind,
            granted: row.granted,
            effectiveDate: row.effective_date,
            recordedAt: row.recorded_at.toISOString(),
            recordedBy: row.recorded_by_label,
            note: row.note,
          };
        },
      );
      return result;
    });
  }

  async function standing(actor: Actor, slug: string, memberNumber: string, asOf?: string) {
    const access = await readAccess(db, actor, slug);
    const member = await memberOrThrow(db, access.org.org_id, memberNumber);
    return standingOf(db, access, member, asOf ?? today(access));
  }

  /** Every member's standing on a date, for quorum: governance reads it through here. */
  /** For other domains' services, after they authorized the caller: the members in good standing on a date. */
  async function membersInGoodStanding(exec: Executor, access: OrgAccess, asOf: string) {
    const result: { memberId: string; memberNumber: string }[] = [];
    for (const member of await q.allMembers(exec, access.org.org_id)) {
      if (member.status !== 'active') continue; // only the active can be in good standing; spares queries
      if ((await standingOf(exec, access, member, asOf)).inGoodStanding)
        result.push({ memberId: member.member_id, memberNumber: member.member_number });
    }
    return result;
  }

  function toRule(r: Awaited<ReturnType<typeof q.standingRules>>[number]): StandingRule {
    return {
      effectiveFrom: r.effective_from,
      minMonthsSinceJoining: r.min_months_since_joining,
      minShareCapitalPaidBp: r.min_share_capital_paid_bp,
      excludeRejectedInspection: r.exclude_rejected_inspection,
    };
  }

  function ruleView(r: Awaited<ReturnType<typeof q.standingRules>>[number]) {
    return {
      id: r.rule_id,
      effectiveFrom: r.effective_from,
      minMonthsSinceJoining: r.min_months_since_joining,
      minShareCapitalPaidPercent: r.min_share_capital_paid_bp / 100,
      excludeRejectedInspection: r.exclude_rejected_inspection,
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.recorded_by_label,
    };
  }

  async function listStandingRules(actor: Actor, slug: string) {
    const access = await readAccess(db, actor, slug);
    return (await q.standingRules(db, access.org.org_id)).map(ruleView);
  }

  async function addStandingRule(
    actor: Actor,
    slug: string,
    input: {
      id: string;
      effectiveFrom: string;
      minMonthsSinceJoining: number;
      minShareCapitalPaidPercent: number;
      excludeRejectedInspection: boolean;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await orgs.authorize(trx, actor, slug, 'members.rules');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: access.org.org_id, id: input.id, operation: 'standing_rule.create', body: input, at },
        async () => {
          const row = await q.insertStandingRule(trx, {
            org_id: access.org.org_id,
            rule_id: input.id,
            effective_from: input.effectiveFrom,
            min_months_since_joining: input.minMonthsSinceJoining,
            min_share_capital_paid_bp: Math.round(input.minShareCapitalPaidPercent * 100),
            exclude_rejected_inspection: input.excludeRejectedInspection,
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId: access.org.org_id,
            actor: auditActor(actor),
            action: 'standing_rule.create',
            entityType: 'good_standing_rule',
            entityId: row.rule_id,
            data: input,
            at,
          });
          return ruleView(row);
        },
      );
      return result;
    });
  }

  // ---- plots ----------------------------------------------------------------------------------------

  async function plotViews(exec: Executor, access: OrgAccess, member: q.MemberRow) {
    const plots = await q.plotsOfMember(exec, access.org.org_id, member.member_id);
    const overlaps = await q.overlapsOf(
      exec,
      access.org.org_id,
      plots.map((p) => p.plot_id),
    );
    return plots.map((p) => plotView(p, member.member_number, overlaps, []));
  }

  function plotView(
    p: q.PlotRow,
    memberNumber: string,
    overlaps: Awaited<ReturnType<typeof q.overlapsOf>>,
    warnings: { code: string; path: string; params?: Record<string, string | number> }[],
  ) {
    return {
      id: p.plot_id,
      memberNumber,
      name: p.name,
      declaredAreaHa: p.declared_area_m2 === null ? null : m2ToHectares(p.declared_area_m2),
      computedAreaHa: p.computed_area_m2 === null ? null : m2ToHectares(p.computed_area_m2),
      // stored by validatePlotGeometry as a Point or Polygon of [lon, lat] (altitude dropped)
      geometry: (p.geometry ?? null) as PlotGeometry | null,
      centroid:
        p.centroid_lon === null || p.centroid_lat === null
          ? null
          : ([p.centroid_lon, p.centroid_lat] as [number, number]),
      altitudeM: p.altitude_m,
      coffeeAreaHa: p.coffee_area_m2 === null ? null : m2ToHectares(p.coffee_area_m2),
      varieties: p.varieties,
      treeCount: p.tree_count,
      plantingYear: p.planting_year,
      shade: p.shade,
      tenure: p.tenure,
      yearlyEstimateKg:
        p.yearly_estimate_grams === null ? null : fromGrams(BigInt(p.yearly_estimate_grams), 'kg', 3),
      flags: p.flags,
      overlapsWith: overlaps
        .filter((o) => o.plot_id === p.plot_id)
        .map((o) => ({ plotId: o.other_plot_id, memberNumber: o.member_number, name: o.name })),
      warnings,
    };
  }

  /**
   * Checks a plot's geometry against the EUDR rules and converts its fields, or throws field errors.
   * Warnings (area mismatch, low precision) do not stop the write: they become flags to review.
   */
  function plotColumns(access: OrgAccess, input: PlotInput, current?: q.PlotRow) {
    const fields: FieldError[] = [];
    const declared =
      input.declaredAreaHa === undefined
        ? (current?.declared_area_m2 ?? null)
        : input.declaredAreaHa === null
          ? null
          : hectaresToM2(input.declaredAreaHa);
    const columns: Partial<q.PlotRow> & { geometry?: string | null } = {};
    let warnings: { code: string; path: string; params?: Record<string, string | number> }[] = [];
    let flags: string[] = current ? current.flags.filter((f) => f === 'overlap') : [];
    const geometryInput = input.geometry !== undefined ? input.geometry : current?.geometry;
    if (geometryInput !== undefined && geometryInput !== null) {
      const verdict = validatePlotGeometry(geometryInput, {
        country: access.org.country,
        declaredAreaM2: declared,
      });
      for (const e of verdict.errors) {
        const path = e.path ? `geometry.${e.path}` : 'geometry';
        fields.push({ path, code: e.code, ...(e.params && { params: e.params }) });
        // A likely cause the person can act on: swapped latitude/longitude, or a lost minus sign.
        if (e.params?.hint) fields.push({ path, code: `geo.hint.${e.params.hint}` });
      }
      warnings = verdict.warnings;
      flags = [...new Set([...flags, ...plotFlags(verdict.warnings)])].sort();
      if (verdict.ok && verdict.geometry) {
        const bbox = verdict.bbox!;
        Object.assign(columns, {
          geometry: JSON.stringify(verdict.geometry),
          geometry_type: verdict.geometry.type as 'Point' | 'Polygon',
          computed_area_m2: verdict.areaM2 ?? null,
          centroid_lon: verdict.centroid?.[0] ?? null,
          centroid_lat: verdict.centroid?.[1] ?? null,
          min_lon: bbox[0],
          min_lat: bbox[1],
          max_lon: bbox[2],
          max_lat: bbox[3],
        });
      }
    } else if (input.geometry === null) {
      Object.assign(columns, {
        geometry: null,
        geometry_type: null,
        computed_area_m2: null,
        centroid_lon: null,
        centroid_lat: null,
        min_lon: null,
        min_lat: null,
        max_lon: null,
        max_lat: null,
      });
    }
    if (fields.length) throw invalid('members.invalid_plot', fields);
    if (input.name !== undefined) columns.name = input.name.trim();
    if (input.declaredAreaHa !== undefined) columns.declared_area_m2 = declared;
    if (input.altitudeM !== undefined) columns.altitude_m = input.altitudeM;
    if (input.coffeeAreaHa !== undefined)
      columns.coffee_area_m2 = input.coffeeAreaHa === null ? null : hectaresToM2(input.coffeeAreaHa);
    if (input.varieties !== undefined) columns.varieties = input.varieties;
    if (input.treeCount !== undefined) columns.tree_count = input.treeCount;
    if (input.plantingYear !== undefined) columns.planting_year = input.plantingYear;
    if (input.shade !== undefined) columns.shade = input.shade;
    if (input.tenure !== undefined) columns.tenure = input.tenure;
    if (input.yearlyEstimateKg !== undefined) {
      columns.yearly_estimate_grams =
        input.yearlyEstimateKg === null ? null : Number(toGrams(input.yearlyEstimateKg, 'kg'));
    }
    columns.flags = flags;
    return { columns, warnings };
  }

  /** Finds the other members' polygons this plot overlaps and records the pairs both ways. */
  async function detectOverlaps(trx: Trx, access: OrgAccess, plot: q.PlotRow): Promise<q.PlotRow> {
    const before = (await q.overlapsOf(trx, access.org.org_id, [plot.plot_id])).map((o) => o.other_plot_id);
    let others: string[] = [];
    if (plot.geometry_type === 'Polygon' && plot.min_lon !== null) {
      const candidates = await q.overlapCandidates(trx, access.org.org_id, plot.member_id, [
        plot.min_lon,
        plot.min_lat!,
        plot.max_lon!,
        plot.max_lat!,
      ]);
      const polygon = PolygonColumn.parse(plot.geometry);
      others = candidates
        .filter((c) => polygonsOverlap(polygon, PolygonColumn.parse(c.geometry)))
        .map((c) => c.plot_id);
    }
    await q.replaceOverlaps(trx, access.org.org_id, plot.plot_id, others, clock.now());
    await q.refreshOverlapFlag(trx, access.org.org_id, [plot.plot_id, ...others, ...before]);
    return (await q.findPlot(trx, access.org.org_id, plot.plot_id))!;
  }

  async function createPlotIn(
    trx: Trx,
    actor: Actor,
    access: OrgAccess,
    member: q.MemberRow,
    input: PlotInput & { id: string; name: string },
  ) {
    const at = clock.now();
    const { columns, warnings } = plotColumns(access, input);
    const inserted = await q.insertPlot(trx, {
      org_id: access.org.org_id,
      plot_id: input.id,
      member_id: member.member_id,
      ...columns,
      name: input.name.trim(),
      created_at: at,
      updated_at: at,
    } as Parameters<typeof q.insertPlot>[1]);
    const plot = await detectOverlaps(trx, access, inserted);
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'plot.create',
      entityType: 'plot',
      entityId: plot.plot_id,
      data: input,
      at,
    });
    return { plot, warnings };
  }

  async function createPlot(
    actor: Actor,
    slug: string,
    memberNumber: string,
    input: PlotInput & { id: string; name: string },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
      const { result } = await idempotentCreate(
        trx,
        {
          orgId: access.org.org_id,
          id: input.id,
          operation: 'plot.create',
          body: { memberNumber, ...input },
          at: clock.now(),
        },
        async () => {
          const { plot, warnings } = await createPlotIn(trx, actor, access, member, input);
          const overlaps = await q.overlapsOf(trx, access.org.org_id, [plot.plot_id]);
          return plotView(plot, member.member_number, overlaps, warnings);
        },
      );
      return result;
    });
  }

  /** Problems of a plot's geometry as field errors, without writing: the import's dry run uses it. */
  function checkPlotGeometry(
    access: OrgAccess,
    geometry: unknown,
    declaredAreaHa: string | null | undefined,
  ): FieldError[] {
    try {
      plotColumns(access, { geometry, ...(declaredAreaHa != null && { declaredAreaHa }) });
      return [];
    } catch (error) {
      if (error instanceof AppError && error.kind === 'invalid') return error.fields;
      throw error;
    }
  }

  /** Creates the plot, or updates the member's plot of the same name: what a re-import does. */
  async function upsertPlotIn(
    trx: Trx,
    actor: Actor,
    access: OrgAccess,
    member: q.MemberRow,
    input: PlotInput & { name: string },
  ) {
    const current = (await q.plotsOfMember(trx, access.org.org_id, member.member_id)).find(
      (p) => p.name === input.name,
    );
    if (!current)
      return (await createPlotIn(trx, actor, access, member, { ...input, id: deps.ids.next() })).plot;
    const { columns } = plotColumns(access, input, {
      ...current,
      member_number: member.member_number,
      user_id: member.user_id,
    } as never);
    const at = clock.now();
    await q.updatePlot(trx, access.org.org_id, current.plot_id, {
      ...(columns as Partial<q.PlotRow>),
      updated_at: at,
    } as never);
    const plot = await detectOverlaps(
      trx,
      access,
      (await q.findPlot(trx, access.org.org_id, current.plot_id))!,
    );
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'plot.update',
      entityType: 'plot',
      entityId: current.plot_id,
      data: input,
      at,
    });
    return plot;
  }

  async function updatePlot(actor: Actor, slug: string, plotId: string, input: PlotInput) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const current = await q.findPlot(trx, access.org.org_id, plotId);
      if (!current) throw notFound('members.plot_not_found');
      const { columns, warnings } = plotColumns(access, input, current);
      const at = clock.now();
      await q.updatePlot(trx, access.org.org_id, plotId, {
        ...(columns as Partial<q.PlotRow>),
        updated_at: at,
      } as never);
      const plot = await detectOverlaps(trx, access, (await q.findPlot(trx, access.org.org_id, plotId))!);
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'plot.update',
        entityType: 'plot',
        entityId: plotId,
        data: input,
        at,
      });
      return plotView(
        plot,
        current.member_number,
        await q.overlapsOf(trx, access.org.org_id, [plotId]),
        warnings,
      );
    });
  }

  async function listPlots(actor: Actor, slug: string, memberNumber: string) {
    const access = await readAccess(db, actor, slug);
    const member = await memberOrThrow(db, access.org.org_id, memberNumber);
    return plotViews(db, access, member);
  }

  async function getPlot(actor: Actor, slug: string, plotId: string) {
    const access = await readAccess(db, actor, slug);
    const plot = await q.findPlot(db, access.org.org_id, plotId);
    if (!plot) throw notFound('members.plot_not_found');
    return plotView(plot, plot.member_number, await q.overlapsOf(db, access.org.org_id, [plotId]), []);
  }

  /** Every plot with a geometry as one GeoJSON FeatureCollection keyed by member number and plot name. */
  async function plotsGeoJson(actor: Actor, slug: string) {
    const access = await readAccess(db, actor, slug);
    const plots = await q.allPlotsWithMembers(db, access.org.org_id);
    return {
      type: 'FeatureCollection' as const,
      features: plots
        .filter((p) => p.geometry !== null)
        .map((p) => ({
          type: 'Feature' as const,
          id: p.plot_id,
          geometry: p.geometry as PlotGeometry,
          properties: {
            memberNumber: p.member_number,
            plotName: p.name,
            declaredAreaHa: p.declared_area_m2 === null ? null : m2ToHectares(p.declared_area_m2),
            computedAreaHa: p.computed_area_m2 === null ? null : m2ToHectares(p.computed_area_m2),
            flags: p.flags,
          },
        })),
    };
  }

  // ---- certifications and inspections -------------------------------------------------------------

  function certificationView(
    c: Awaited<ReturnType<typeof q.certificationsOf>>[number],
    memberNumber: string,
  ) {
    return {
      id: c.certification_id,
      memberNumber,
      plotId: c.plot_id,
      scheme: c.scheme,
      status: c.status,
      conversionYear: c.conversion_year,
      validFrom: c.valid_from,
      validUntil: c.valid_until,
      certificateRef: c.certificate_ref,
    };
  }

  function inspectionView(i: Awaited<ReturnType<typeof q.inspectionsOf>>[number], memberNumber: string) {
    return {
      id: i.inspection_id,
      memberNumber,
      inspectedOn: i.inspected_on,
      inspector: i.inspector,
      result: i.result,
      nonConformities: NonConformitiesColumn.parse(i.non_conformities),
      sanctions: i.sanctions,
    };
  }

  async function listCertifications(actor: Actor, slug: string, memberNumber: string) {
    const access = await readAccess(db, actor, slug);
    const member = await memberOrThrow(db, access.org.org_id, memberNumber);
    return (await q.certificationsOf(db, access.org.org_id, member.member_id)).map((c) =>
      certificationView(c, memberNumber),
    );
  }

  async function addCertification(
    actor: Actor,
    slug: string,
    memberNumber: string,
    input: {
      id: string;
      scheme: CertificationScheme;
      status: Parameters<typeof q.insertCertification>[1]['status'];
      conversionYear?: number | null | undefined;
      validFrom: string;
      validUntil?: string | null | undefined;
      certificateRef?: string | null | undefined;
      plotId?: string | null | undefined;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
      const at = clock.now();
      if ((input.status === 'in_conversion') !== (input.conversionYear != null)) {
        throw invalid('error.invalid_body', [
          { path: 'conversionYear', code: 'members.conversion_year_rule' },
        ]);
      }
      if (input.plotId) {
        const plot = await q.findPlot(trx, access.org.org_id, input.plotId);
        if (!plot || plot.member_id !== member.member_id)
          throw invalid('error.invalid_body', [{ path: 'plotId', code: 'members.plot_not_of_member' }]);
      }
      const { result } = await idempotentCreate(
        trx,
        {
          orgId: access.org.org_id,
          id: input.id,
          operation: 'certification.create',
          body: { memberNumber, ...input },
          at,
        },
        async () => {
          const row = await q.insertCertification(trx, {
            org_id: access.org.org_id,
            certification_id: input.id,
            member_id: member.member_id,
            plot_id: input.plotId ?? null,
            scheme: input.scheme,
            status: input.status,
            conversion_year: input.conversionYear ?? null,
            valid_from: input.validFrom,
            valid_until: input.validUntil ?? null,
            certificate_ref: input.certificateRef ?? null,
            created_at: at,
            updated_at: at,
          });
          await appendAudit(trx, {
            orgId: access.org.org_id,
            actor: auditActor(actor),
            action: 'certification.create',
            entityType: 'certification',
            entityId: row.certification_id,
            data: input,
            at,
          });
          return certificationView(row, memberNumber);
        },
      );
      return result;
    });
  }

  async function updateCertification(
    actor: Actor,
    slug: string,
    certificationId: string,
    input: {
      status: Parameters<typeof q.insertCertification>[1]['status'];
      conversionYear?: number | null | undefined;
      validUntil?: string | null | undefined;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const at = clock.now();
      if ((input.status === 'in_conversion') !== (input.conversionYear != null)) {
        throw invalid('error.invalid_body', [
          { path: 'conversionYear', code: 'members.conversion_year_rule' },
        ]);
      }
      const row = await q.updateCertification(trx, access.org.org_id, certificationId, {
        status: input.status,
        conversion_year: input.conversionYear ?? null,
        ...(input.validUntil !== undefined && { valid_until: input.validUntil }),
        updated_at: at,
      });
      if (!row) throw notFound('members.certification_not_found');
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'certification.update',
        entityType: 'certification',
        entityId: certificationId,
        data: input,
        at,
      });
      const member = (await q.allMembers(trx, access.org.org_id)).find((m) => m.member_id === row.member_id)!;
      return certificationView(row, member.member_number);
    });
  }

  async function listInspections(actor: Actor, slug: string, memberNumber: string) {
    const access = await readAccess(db, actor, slug);
    const member = await memberOrThrow(db, access.org.org_id, memberNumber);
    return (await q.inspectionsOf(db, access.org.org_id, member.member_id)).map((i) =>
      inspectionView(i, memberNumber),
    );
  }

  async function addInspection(
    actor: Actor,
    slug: string,
    memberNumber: string,
    input: {
      id: string;
      inspectedOn: string;
      inspector: string;
      result: 'approved' | 'approved_with_conditions' | 'rejected';
      nonConformities: { code: string; description: string; severity: string }[];
      sanctions?: string | null | undefined;
    },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await writeAccess(trx, actor, slug);
      const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
      const at = clock.now();
      if (input.inspectedOn > today(access))
        throw invalid('error.invalid_body', [{ path: 'inspectedOn', code: 'members.future_date' }]);
      const { result } = await idempotentCreate(
        trx,
        {
          orgId: access.org.org_id,
          id: input.id,
          operation: 'inspection.create',
          body: { memberNumber, ...input },
          at,
        },
        async () => {
          const row = await q.insertInspection(trx, {
            org_id: access.org.org_id,
            inspection_id: input.id,
            member_id: member.member_id,
            inspected_on: input.inspectedOn,
            inspector: input.inspector,
            result: input.result,
            non_conformities: JSON.stringify(input.nonConformities),
            sanctions: input.sanctions ?? null,
            recorded_at: at,
          });
          await appendAudit(trx, {
            orgId: access.org.org_id,
            actor: auditActor(actor),
            action: 'inspection.create',
            entityType: 'inspection',
            entityId: row.inspection_id,
            data: input,
            at,
          });
          return inspectionView(row, memberNumber);
        },
      );
      return result;
    });
  }

  /** Certified members whose yearly internal inspection is due on a date (none in the last 12 months). */
  async function inspectionsDue(actor: Actor, slug: string, asOf?: string) {
    const access = await readAccess(db, actor, slug);
    const on = asOf ?? today(access);
    const yearAgo = yearsBefore(on, 1);
    const rows = await q.inspectionsDue(db, access.org.org_id, on, yearAgo);
    return rows.map((r) => ({
      memberNumber: r.member_number,
      fullName: `${r.given_names} ${r.family_names}`,
      community: r.community,
      schemes: [...r.schemes].sort(),
      lastInspectedOn: r.last_on ? String(r.last_on) : null,
      dueSince: r.last_on ? nextDay(yearsBefore(String(r.last_on), -1)) : null,
    }));
  }

  /**
   * The social-base dashboard: for a cooperative, its own register; for a central or program, every
   * cooperative that granted it the members area, together and one by one.
   */
  async function socialBaseDashboard(actor: Actor, slug: string, asOf?: string) {
    const { access, orgs: scope } = await orgs.grantorsFor(db, actor, slug, 'members');
    if (access.org.kind === 'cooperative') await readAccess(db, actor, slug);
    else if (access.org.kind === 'buyer') throw notFound('members.not_a_cooperative', { slug });
    const on = asOf ?? today(access);
    const ids = scope.map((o) => o.org_id);
    if (ids.length === 0) {
      return {
        asOf: on,
        scope: 'federation' as const,
        ...buildDashboard({
          orgs: [],
          byStatus: [],
          bySexAndAge: [],
          joins: [],
          withdrawals: [],
          areas: [],
          certifications: [],
          inspectionsDue: 0,
        }),
      };
    }
    const [byStatus, bySexAndAge, joins, withdrawals, areas, certifications] = await Promise.all([
      q.countByStatus(db, ids),
      q.countBySexAndAge(db, ids, yearsBefore(on, 30), yearsBefore(on, 45), yearsBefore(on, 60)),
      q.joinsPerYear(db, ids),
      q.withdrawalsPerYear(db, ids),
      q.areasPerMember(db, ids),
      q.certificationCoverage(db, ids, on),
    ]);
    let inspectionsDueCount = 0;
    for (const id of ids)
      inspectionsDueCount += (await q.inspectionsDue(db, id, on, yearsBefore(on, 1))).length;
    return {
      asOf: on,
      scope: access.org.kind === 'cooperative' ? ('cooperative' as const) : ('federation' as const),
      ...buildDashboard({
        orgs: scope.map((o) => ({ org_id: o.org_id, slug: o.slug, name: o.name })),
        byStatus,
        bySexAndAge,
        joins: joins.filter((j) => j.year !== null),
        withdrawals,
        areas,
        certifications,
        inspectionsDue: inspectionsDueCount,
      }),
    };
  }

  /** The register as rows in the export's column order (the import reads them back unchanged). */
  async function exportMembers(actor: Actor, slug: string): Promise<(string | number | null)[][]> {
    const access = await readAccess(db, actor, slug);
    const money = (minor: number, code: string) => formatMoney(BigInt(minor), currencyOf(code));
    return (await q.allMembers(db, access.org.org_id)).map((m) => [
      m.member_number,
      m.given_names,
      m.family_names,
      m.national_id,
      m.sex,
      m.birth_date,
      m.phone,
      m.region,
      m.province,
      m.district,
      m.community,
      m.household_size,
      m.join_date,
      m.status,
      money(m.entry_fee_minor, m.currency),
      money(m.share_capital_subscribed_minor, m.currency),
      money(m.share_capital_paid_minor, m.currency),
      m.payment_method,
      m.bank_name,
      m.bank_account,
      m.wallet_phone,
    ]);
  }

  async function exportPlots(actor: Actor, slug: string): Promise<(string | number | null)[][]> {
    const access = await readAccess(db, actor, slug);
    const ha = (m2: number | null) => (m2 === null ? null : m2ToHectares(m2));
    return (await q.allPlotsWithMembers(db, access.org.org_id)).map((p) => [
      p.member_number,
      p.name,
      ha(p.declared_area_m2),
      ha(p.computed_area_m2),
      p.centroid_lat === null ? null : p.centroid_lat.toFixed(6),
      p.centroid_lon === null ? null : p.centroid_lon.toFixed(6),
      p.altitude_m,
      ha(p.coffee_area_m2),
      p.varieties.join(', '),
      p.tree_count,
      p.planting_year,
      p.shade,
      p.tenure,
      p.yearly_estimate_grams === null ? null : fromGrams(BigInt(p.yearly_estimate_grams), 'kg', 3),
      p.flags.join(', '),
    ]);
  }

  /** For other domains' services, after they authorized the caller: a member's id by number, or 404. */
  async function memberIdOf(exec: Executor, orgId: string, memberNumber: string): Promise<string> {
    return (await memberOrThrow(exec, orgId, memberNumber)).member_id;
  }

  /** For other domains' services, after they authorized the caller: which of these members are in good standing on a date. */
  async function inGoodStandingOn(exec: Executor, access: OrgAccess, memberIds: string[], asOf: string) {
    const good = new Set<string>();
    for (const member of await q.findMembersByIds(exec, access.org.org_id, memberIds)) {
      if ((await standingOf(exec, access, member, asOf)).inGoodStanding) good.add(member.member_id);
    }
    return good;
  }

  /** For other domains' services, after they authorized the caller: member rows by id. */
  function memberRowsByIds(exec: Executor, orgId: string, memberIds: string[]) {
    return q.findMembersByIds(exec, orgId, memberIds);
  }

  /** For other domains' services, after they authorized the caller: member numbers by member id. */
  function memberNumbersByIds(exec: Executor, orgId: string, memberIds: string[]) {
    return q.memberNumbersByIds(exec, orgId, memberIds);
  }

  /** For other domains' services (the governance scorecard): women's share of the active members, in bp. */
  function womenShareOfActiveMembers(exec: Executor, orgId: string) {
    return q.womenShareOfActiveMembers(exec, orgId);
  }

  /** For other domains' services (collection's classes): the member's certifications in force on a date. */
  function certificationsInForce(exec: Executor, orgId: string, memberId: string, date: string) {
    return q.certificationsInForce(exec, orgId, memberId, date);
  }

  /** For other domains' services (collection's quota): the member's yearly estimate over their plots. */
  function yearlyEstimateGrams(exec: Executor, orgId: string, memberId: string) {
    return q.yearlyEstimateGrams(exec, orgId, memberId);
  }

  return {
    cardOf,
    certificationsInForce,
    yearlyEstimateGrams,
    inGoodStandingOn,
    membersInGoodStanding,
    memberIdOf,
    memberRowsByIds,
    memberNumbersByIds,
    womenShareOfActiveMembers,
    exportMembers,
    exportPlots,
    socialBaseDashboard,
    readAccess,
    writeAccess,
    insertMemberIn,
    changeStatusIn,
    upsertPlotIn,
    checkPlotGeometry,
    bulkCreateMembersIn,
    updateMemberIn,
    createPlotIn,
    createMember,
    getMember,
    ownMember,
    updateMember,
    listMembers,
    changeStatus,
    statusHistory,
    recordConsent,
    standing,
    listStandingRules,
    addStandingRule,
    createPlot,
    updatePlot,
    listPlots,
    getPlot,
    plotsGeoJson,
    listCertifications,
    addCertification,
    updateCertification,
    listInspections,
    addInspection,
    inspectionsDue,
  };
}

export type MembersService = ReturnType<typeof createMembersService>;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
