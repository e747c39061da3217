import type { Actor, OrgAccess } from '../orgs/index.js';
import { actorUserId, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { addDays, ageOn, yearsBefore } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import { AppError, conflict, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney, parseMoney } from '../platform/money.js';
import { type MembersDeps, memberOrThrow, readAccess, today, writeAccess } from './access.js';
import { certificationView } from './certifications.service.js';
import { inspectionView } from './inspections.service.js';
import type {
  CreateMemberBody as CreateMemberInput,
  MemberListQuery as MemberListQueryT,
  MemberView as MemberViewT,
  UpdateMemberBody as UpdateMemberInput,
} from './members.contract.js';
import * as q from './members.queries.js';
import { plotViews } from './plots.service.js';
import { standingOf } from './standing.service.js';

/**
 * The register of members: a member's fields, their status history and consents, the list and its
 * search, the export; and the named reads other domains make of it. Plots, certifications,
 * inspections and good standing have their own files beside this one; `members.facade.ts` assembles
 * them into the service the composition root builds.
 */

type Status = q.MemberRow['status'];

/** The text a member is found by: accents, case and spacing ignored («Quispe Ñaupa» ~ «quispe naupa»). */
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

/** The national ID's type and value as stored: the country's usual document when none is named. */
function nationalIdColumns(input: UpdateMemberInput, country: string) {
  const idType = input.nationalId
    ? (input.nationalIdType ?? (country === 'CO' ? 'cedula' : 'dni'))
    : input.nationalId === null
      ? null
      : undefined;
  return { idType, problem: nationalIdProblem(idType, input.nationalId) };
}

/** Field values shared by create and update, checked and converted to the database's units. */
function memberColumns(input: UpdateMemberInput, currency: string, country: string) {
  const fields: FieldError[] = [];
  const { idType, problem } = nationalIdColumns(input, country);
  if (problem) fields.push(problem);
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

/** The first entry of a new member's status history: from nothing to their status, on joining. */
function firstStatusChange(
  deps: MembersDeps,
  actor: Actor,
  access: OrgAccess,
  row: { member_id: string; status: Status; join_date?: string | null },
  reason: string,
  at: Date,
) {
  return {
    org_id: access.org.org_id,
    change_id: deps.ids.next(),
    member_id: row.member_id,
    from_status: null,
    to_status: row.status,
    effective_date: row.join_date ?? today(deps, access),
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
export async function insertMemberIn(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  input: CreateMemberInput,
  reason: string,
): Promise<q.MemberRow> {
  const at = deps.clock.now();
  const row = await guardNationalId(q.insertMember(trx, memberRowFor(access, input, at)));
  await q.insertStatusChange(trx, firstStatusChange(deps, actor, access, row, reason, at));
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
export async function bulkCreateMembersIn(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  inputs: CreateMemberInput[],
  reason: string,
  source: string,
) {
  if (inputs.length === 0) return;
  const at = deps.clock.now();
  const rows = inputs.map((input) => memberRowFor(access, input, at));
  await q.insertMembersBulk(trx, rows);
  await q.insertStatusChangesBulk(
    trx,
    rows.map((row) =>
      firstStatusChange(
        deps,
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

export async function createMember(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  input: CreateMemberInput,
): Promise<MemberViewT> {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const { result } = await idempotentCreate(
      trx,
      {
        orgId: access.org.org_id,
        id: input.id,
        operation: 'member.create',
        body: input,
        at: deps.clock.now(),
      },
      async () => {
        if (await q.findMemberByNumber(trx, access.org.org_id, input.memberNumber.trim())) {
          throw conflict('members.number_taken', { memberNumber: input.memberNumber });
        }
        return toView(
          await insertMemberIn(deps, trx, actor, access, input, 'members.reason_registered'),
          today(deps, access),
        );
      },
    );
    return result;
  });
}

/** Applies a change of fields inside an open transaction (API and re-import). Returns false if nothing changed. */
export async function updateMemberIn(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  member: q.MemberRow,
  patch: UpdateMemberInput,
) {
  const columns = memberColumns(patch, access.org.currency, access.org.country);
  const changed = Object.entries(columns).filter(([k, v]) => (member as Record<string, unknown>)[k] !== v);
  if (changed.length === 0) return { row: member, changed: false };
  const at = deps.clock.now();
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

export async function updateMember(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
  patch: UpdateMemberInput,
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
    const { row } = await updateMemberIn(deps, trx, actor, access, member, patch);
    return toView(row, today(deps, access));
  });
}

/** A member with their standing today, current consents, number of plots and certifications. */
async function detailOf(deps: MembersDeps, exec: Executor, access: OrgAccess, member: q.MemberRow) {
  const on = today(deps, access);
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

export async function getMember(deps: MembersDeps, actor: Actor, slug: string, memberNumber: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  return detailOf(deps, deps.db, access, await memberOrThrow(deps.db, access.org.org_id, memberNumber));
}

/** What a member's card shows: the organization's name and the member. */
export async function cardOf(deps: MembersDeps, actor: Actor, slug: string, memberNumber: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const member = await detailOf(
    deps,
    deps.db,
    access,
    await memberOrThrow(deps.db, access.org.org_id, memberNumber),
  );
  return { organization: access.org.name, member };
}

/** The signed-in member's own record: a member sees themself and nobody else. */
export async function ownMember(deps: MembersDeps, actor: Actor, slug: string) {
  const { db } = deps;
  const access = await deps.orgs.resolve(db, actor, slug);
  if (actor.kind === 'system' || access.via !== 'member') throw notFound('members.no_own_record');
  const member = await q.findMemberByUser(db, access.org.org_id, actor.userId);
  if (!member) throw notFound('members.no_own_record');
  const [detail, plots, certifications, inspections] = await Promise.all([
    detailOf(deps, db, access, member),
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

/** The list's filter in the database's terms: ages become ranges of birth dates. */
function memberFilter(query: MemberListQueryT, on: string): q.MemberFilter {
  return {
    ...(query.q && { search: normalizeForSearch(query.q) }),
    ...(query.status && { status: query.status }),
    ...(query.community && { community: query.community }),
    ...(query.sex && { sex: query.sex }),
    ...(query.certification && { certification: query.certification }),
    // age ≥ minAge ⇔ born on or before today − minAge years; age ≤ maxAge ⇔ born after today − (maxAge+1) years
    ...(query.minAge !== undefined && { bornOnOrBefore: yearsBefore(on, query.minAge) }),
    ...(query.maxAge !== undefined && { bornOnOrAfter: addDays(yearsBefore(on, query.maxAge + 1), 1) }),
  };
}

/** One page of the register, in name order; the total only on the first page. */
export async function listMembers(deps: MembersDeps, actor: Actor, slug: string, query: MemberListQueryT) {
  const { db } = deps;
  const access = await readAccess(deps, db, actor, slug);
  const on = today(deps, access);
  const filter = memberFilter(query, on);
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
export async function changeStatusIn(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  member: q.MemberRow,
  input: { status: Status; effectiveDate: string; reason: string },
) {
  if (member.status === 'deceased') throw conflict('members.deceased_final');
  if (member.status === input.status) throw conflict('members.same_status', { status: input.status });
  const at = deps.clock.now();
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

export async function changeStatus(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
  input: { status: Status; effectiveDate: string; reason: string },
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
    return detailOf(deps, trx, access, await changeStatusIn(deps, trx, actor, access, member, input));
  });
}

export async function statusHistory(deps: MembersDeps, actor: Actor, slug: string, memberNumber: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const member = await memberOrThrow(deps.db, access.org.org_id, memberNumber);
  return (await q.statusChangesOf(deps.db, access.org.org_id, member.member_id)).map((c) => ({
    id: c.change_id,
    fromStatus: c.from_status,
    toStatus: c.to_status,
    effectiveDate: c.effective_date,
    reason: c.reason,
    recordedAt: c.recorded_at.toISOString(),
    recordedBy: c.recorded_by_label,
  }));
}

export async function recordConsent(
  deps: MembersDeps,
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
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
    const at = deps.clock.now();
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

/** The register as rows in the export's column order (the import reads them back unchanged). */
export async function exportMembers(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
): Promise<(string | number | null)[][]> {
  const access = await readAccess(deps, deps.db, actor, slug);
  const money = (minor: number, code: string) => formatMoney(BigInt(minor), currencyOf(code));
  return (await q.allMembers(deps.db, access.org.org_id)).map((m) => [
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

// ---- reads for other domains' services, after they authorized the caller ---------------------------

/**
 * A member's id by number, or 404 `members.not_found`.
 *
 * @example const memberId = await memberIdOf(trx, access.org.org_id, '0042');
 */
export async function memberIdOf(exec: Executor, orgId: string, memberNumber: string): Promise<string> {
  return (await memberOrThrow(exec, orgId, memberNumber)).member_id;
}

/** Member rows by id (ids not found are left out). */
export function memberRowsByIds(exec: Executor, orgId: string, memberIds: string[]) {
  return q.findMembersByIds(exec, orgId, memberIds);
}

/** Member numbers by member id. */
export function memberNumbersByIds(exec: Executor, orgId: string, memberIds: string[]) {
  return q.memberNumbersByIds(exec, orgId, memberIds);
}

/** The governance scorecard's figure: women's share of the active members, in basis points. */
export function womenShareOfActiveMembers(exec: Executor, orgId: string) {
  return q.womenShareOfActiveMembers(exec, orgId);
}
