import * as collection from '../../src/collection/collection.queries.js';
import * as governance from '../../src/governance/governance.queries.js';
import * as ledger from '../../src/ledger/ledger.queries.js';
import * as members from '../../src/members/members.queries.js';
import * as auth from '../../src/orgs/auth.queries.js';
import * as orgs from '../../src/orgs/orgs.queries.js';
import * as payments from '../../src/payments/payments.queries.js';
import type { Executor } from '../../src/platform/db/transaction.js';
import * as sales from '../../src/sales/sales.queries.js';
import * as settlement from '../../src/settlement/settlement.queries.js';

/**
 * Sample calls of every exported query function, from which `npm run sql:snapshots` records the SQL
 * (`test/sql/snapshots.ts`). One entry per queries module (its path under `src/`, without `.ts`), one
 * key per exported function, each a list of calls: a plain tuple is the arguments after the executor;
 * `{ label, args, rows }` names a variant (a branch that builds other SQL: a lock, a filter, a chunk)
 * and may give the fake rows every query of that call answers with (by default none), for functions
 * that read a row they cannot do without (`executeTakeFirstOrThrow`, a count).
 *
 * The SQL of an insert lists the keys of its sample row, so sample rows carry every column the
 * table takes. Values never reach the snapshot (only `$n` placeholders), so they need only be typed.
 * A new query function without an entry here fails the type check and `test/sql/sql-snapshots.test.ts`.
 */

export type FakeRow = Record<string, unknown>;

/**
 * Queries modules of the value chain merged before their sample calls were written (issue 12, this
 * round): their SQL is not snapshotted yet. Listed by name so the gap is visible and closes one module at a
 * time; a module listed here that gains cases, or disappears, fails the check.
 */
export const SNAPSHOTS_PENDING: Record<string, string> = {
  'lots/lots.queries': 'stock, lots and milling (issue 12): sample calls not written yet',
  'quality/quality.queries': 'samples, analyses and cupping (issue 12): sample calls not written yet',
  'traceability/traceability.queries':
    'EUDR packages and public pages (issue 12): sample calls not written yet',
};

type ArgsOf<F> = F extends (db: Executor, ...args: infer A) => unknown ? A : never;
type QueryFunction = (db: Executor, ...args: never[]) => unknown;
/** A call: its arguments after the executor, or a named variant of them with fake rows. */
export type Call<A extends unknown[] = unknown[]> = A | { label?: string; args: A; rows?: FakeRow[] };
type CasesOf<M> = { [K in keyof M as M[K] extends QueryFunction ? K : never]: Call<ArgsOf<M[K]>>[] };
/** The first argument after the executor, to type a sample row shared by several calls. */
type Row<F> = ArgsOf<F>[0];

/** Cases for one module; the type demands a case for every exported query function and no other. */
function casesOf<M>(_module: M, cases: CasesOf<M>): Record<string, Call[]> {
  return cases as Record<string, Call[]>;
}

/** One row, for a statement the function requires to return something. */
const ONE_ROW: FakeRow[] = [{}];

const ORG = '01900000-0000-7000-8000-000000000001';
const OTHER_ORG = '01900000-0000-7000-8000-000000000002';
const USER = '01900000-0000-7000-8000-000000000003';
const MEMBER = '01900000-0000-7000-8000-000000000004';
const OTHER_MEMBER = '01900000-0000-7000-8000-000000000005';
const ID = '01900000-0000-7000-8000-000000000006';
const OTHER_ID = '01900000-0000-7000-8000-000000000007';
const DAY = '2026-03-01';
const LATER_DAY = '2026-03-31';
const AT = new Date('2026-03-01T12:00:00Z');
const HASH = Buffer.alloc(32);
const EMAIL = 'ana@example.org';

// ---- sample rows shared by several calls -----------------------------------------------------------

const memberRow: Row<typeof members.insertMember> = {
  org_id: ORG,
  member_id: MEMBER,
  member_number: '0001',
  given_names: 'Rosa',
  family_names: 'Quispe Mamani',
  national_id_type: 'dni',
  national_id: '40000001',
  sex: 'female',
  birth_date: '1970-05-01',
  phone: null,
  region: 'Cajamarca',
  province: 'Jaén',
  district: 'Jaén',
  community: 'Huabal',
  household_size: 4,
  join_date: '2010-01-15',
  status: 'active',
  currency: 'PEN',
  entry_fee_minor: 5000,
  share_capital_subscribed_minor: 100000,
  share_capital_paid_minor: 50000,
  payment_method: 'bank',
  bank_name: null,
  bank_account: null,
  wallet_phone: null,
  user_id: null,
  search_text: 'rosa quispe mamani 0001 40000001',
  created_at: AT,
  updated_at: AT,
};

const statusChangeRow: Row<typeof members.insertStatusChange> = {
  org_id: ORG,
  change_id: ID,
  member_id: MEMBER,
  from_status: 'applicant',
  to_status: 'active',
  effective_date: DAY,
  reason: 'admitted by the board',
  recorded_at: AT,
  recorded_by_label: 'manager',
  recorded_by: USER,
};

const plotRow: Row<typeof members.insertPlot> = {
  org_id: ORG,
  plot_id: ID,
  member_id: MEMBER,
  name: 'La Esperanza',
  declared_area_m2: 20000,
  geometry: '{"type":"Point","coordinates":[-78.8,-5.7]}',
  geometry_type: 'Point',
  computed_area_m2: null,
  centroid_lon: -78.8,
  centroid_lat: -5.7,
  min_lon: -78.8,
  min_lat: -5.7,
  max_lon: -78.8,
  max_lat: -5.7,
  altitude_m: 1600,
  coffee_area_m2: 15000,
  varieties: ['caturra'],
  tree_count: 5000,
  planting_year: 2015,
  shade: 'agroforestry',
  tenure: 'owned',
  yearly_estimate_grams: 1_380_000,
  flags: [],
  created_at: AT,
  updated_at: AT,
};

const certificationRow: Row<typeof members.insertCertification> = {
  org_id: ORG,
  certification_id: ID,
  member_id: MEMBER,
  plot_id: null,
  scheme: 'organic_eu',
  status: 'certified',
  conversion_year: null,
  valid_from: DAY,
  valid_until: null,
  certificate_ref: 'EU-0001',
  created_at: AT,
  updated_at: AT,
};

const inspectionRow: Row<typeof members.insertInspection> = {
  org_id: ORG,
  inspection_id: ID,
  member_id: MEMBER,
  inspected_on: DAY,
  inspector: 'inspector',
  result: 'approved',
  non_conformities: '[]',
  sanctions: null,
  recorded_at: AT,
};

// ---- the cases, one entry per queries module --------------------------------------------------------

export const sqlCases: Record<string, Record<string, Call[]>> = {
  'orgs/auth.queries': casesOf(auth, {
    insertSession: [
      [
        {
          session_hash: HASH,
          user_id: USER,
          csrf_token: 'csrf',
          created_at: AT,
          expires_at: AT,
          user_agent: null,
        },
      ],
    ],
    findLiveSession: [[HASH, AT]],
    deleteSession: [[HASH]],
    deleteSessionsOfUser: [[USER], { label: 'but the current session', args: [USER, HASH] }],
    deleteExpiredSessions: [[AT]],
    recordLoginAttempt: [[{ email: EMAIL, ip: '192.0.2.1', attempted_at: AT, succeeded: false }]],
    recentFailures: [{ args: [EMAIL, '192.0.2.1', AT], rows: ONE_ROW }],
    deleteLoginAttemptsBefore: [[AT]],
    findLiveToken: [[HASH, AT]],
  }),

  'orgs/orgs.queries': casesOf(orgs, {
    findCountry: [['PE']],
    findOrgBySlug: [['cooperativa']],
    findOrgsByIds: [[[ORG, OTHER_ORG]]],
    lockOrganization: [[ORG]],
    listAllOrgs: [[]],
    insertOrg: [
      {
        args: [
          {
            org_id: ORG,
            slug: 'cooperativa',
            name: 'Cooperativa',
            kind: 'cooperative',
            country: 'PE',
            currency: 'PEN',
            time_zone: 'America/Lima',
            locale: 'es',
            display_mass_unit: 'qq',
            region: null,
            province: null,
            district: null,
            is_demo: false,
            created_at: AT,
          },
        ],
        rows: ONE_ROW,
      },
    ],
    updateOrg: [
      {
        args: [
          ORG,
          {
            name: 'Cooperativa',
            locale: 'es',
            time_zone: 'America/Lima',
            display_mass_unit: 'qq',
            region: 'Cajamarca',
            province: 'Jaén',
            district: 'Jaén',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    membershipsOfUser: [[USER]],
    rolesOfUserInOrg: [[USER, ORG]],
    grantedAreas: [[ORG, [OTHER_ORG]]],
    grantsReceivedBy: [[[ORG, OTHER_ORG]]],
    listGrantsOfOrg: [[ORG]],
    insertGrant: [
      {
        args: [
          {
            org_id: ORG,
            grant_id: ID,
            grantee_org_id: OTHER_ORG,
            area: 'members',
            granted_at: AT,
            granted_by: USER,
            revoked_at: null,
            revoked_by: null,
          },
        ],
        rows: ONE_ROW,
      },
    ],
    revokeGrant: [[ORG, ID, USER, AT]],
    findUserByEmail: [[EMAIL]],
    findUserById: [[USER]],
    insertUser: [
      {
        args: [
          {
            user_id: USER,
            email: EMAIL,
            display_name: 'Ana',
            password_hash: '$argon2id$…',
            locale: 'es',
            is_platform_admin: false,
            created_at: AT,
            password_changed_at: AT,
          },
        ],
        rows: ONE_ROW,
      },
    ],
    updateUser: [
      { label: 'profile', args: [USER, { display_name: 'Ana', locale: 'es' }], rows: ONE_ROW },
      {
        label: 'password',
        args: [USER, { password_hash: '$argon2id$…', password_changed_at: AT }],
        rows: ONE_ROW,
      },
    ],
    insertMembership: [[{ org_id: ORG, user_id: USER, role: 'manager', granted_at: AT, granted_by: null }]],
    deleteMembership: [[ORG, USER, 'manager']],
    countRoleHolders: [{ args: [ORG, 'admin'], rows: [{ n: 1 }] }],
    listMembersOfOrg: [[ORG]],
    listUsersWithOrgs: [[], { label: 'of one organization', args: [ORG] }],
    listTokensOfOrg: [[ORG]],
    insertToken: [
      {
        args: [
          {
            org_id: ORG,
            token_id: ID,
            user_id: USER,
            role: 'accountant',
            name: 'export script',
            token_hash: HASH,
            created_at: AT,
            expires_at: null,
          },
        ],
        rows: ONE_ROW,
      },
    ],
    revokeToken: [[ORG, ID, USER, AT]],
    listAuditEvents: [
      [ORG, { limit: 50 }],
      { label: 'older page', args: [ORG, { beforeSeq: 100, limit: 50 }] },
    ],
  }),

  'members/members.queries': casesOf(members, {
    findMemberByNumber: [[ORG, '0001']],
    findMemberByUser: [[ORG, USER]],
    findMembersByIds: [[ORG, [MEMBER, OTHER_MEMBER]]],
    findMembersByNumbers: [[ORG, ['0001', '0002']]],
    memberNumbersByIds: [[ORG, [MEMBER, OTHER_MEMBER]]],
    certificationsInForce: [[ORG, MEMBER, DAY]],
    yearlyEstimateGrams: [{ args: [ORG, MEMBER], rows: [{ grams: 0 }] }],
    womenShareOfActiveMembers: [{ args: [ORG], rows: [{ women: 0, known: 0 }] }],
    insertMember: [{ args: [memberRow], rows: ONE_ROW }],
    updateMember: [
      {
        label: 'edited fields',
        args: [
          ORG,
          MEMBER,
          { phone: '+51900000000', search_text: 'rosa quispe mamani 0001', updated_at: AT },
        ],
        rows: ONE_ROW,
      },
      { label: 'status', args: [ORG, MEMBER, { status: 'suspended', updated_at: AT }], rows: ONE_ROW },
    ],
    listMembers: [
      [ORG, {}, { limit: 50 }],
      {
        label: 'every filter, next page',
        args: [
          ORG,
          {
            search: 'quispe',
            status: 'active',
            community: 'Huabal',
            sex: 'female',
            certification: 'organic_eu',
            bornOnOrAfter: '1960-01-01',
            bornOnOrBefore: '1990-12-31',
          },
          { limit: 50, after: ['Quispe Mamani', 'Rosa', MEMBER] },
        ],
      },
    ],
    countMembers: [
      { args: [ORG, {}], rows: [{ n: 0 }] },
      {
        label: 'every filter',
        args: [
          ORG,
          {
            search: 'quispe',
            status: 'active',
            community: 'Huabal',
            sex: 'female',
            certification: 'organic_eu',
            bornOnOrAfter: '1960-01-01',
            bornOnOrBefore: '1990-12-31',
          },
        ],
        rows: [{ n: 0 }],
      },
    ],
    allMembers: [[ORG]],
    insertStatusChange: [[statusChangeRow]],
    statusChangesOf: [[ORG, MEMBER]],
    insertConsent: [
      {
        args: [
          {
            org_id: ORG,
            consent_id: ID,
            member_id: MEMBER,
            kind: 'share_with_federation',
            granted: true,
            effective_date: DAY,
            note: null,
            recorded_at: AT,
            recorded_by_label: 'manager',
            recorded_by: USER,
          },
        ],
        rows: ONE_ROW,
      },
    ],
    currentConsents: [[ORG, MEMBER]],
    standingRules: [[ORG]],
    insertStandingRule: [
      {
        args: [
          {
            org_id: ORG,
            rule_id: ID,
            effective_from: DAY,
            min_months_since_joining: 6,
            min_share_capital_paid_bp: 10000,
            exclude_rejected_inspection: true,
            recorded_at: AT,
            recorded_by_label: 'manager',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    lastInspectionOn: [[ORG, MEMBER, DAY]],
    plotsOfMember: [[ORG, MEMBER]],
    countPlots: [{ args: [ORG, MEMBER], rows: [{ n: 0 }] }],
    findPlot: [[ORG, ID]],
    insertPlot: [{ args: [plotRow], rows: ONE_ROW }],
    updatePlot: [
      { args: [ORG, ID, { name: 'La Esperanza', tree_count: 5200, updated_at: AT }], rows: ONE_ROW },
    ],
    overlapCandidates: [[ORG, MEMBER, [-78.81, -5.71, -78.79, -5.69]]],
    replaceOverlaps: [[ORG, ID, [OTHER_ID], AT], { label: 'no overlap left', args: [ORG, ID, [], AT] }],
    overlapsOf: [[ORG, [ID, OTHER_ID]]],
    refreshOverlapFlag: [[ORG, [ID, OTHER_ID]]],
    allPlotsWithMembers: [[ORG]],
    insertCertification: [{ args: [certificationRow], rows: ONE_ROW }],
    updateCertification: [
      [ORG, ID, { status: 'suspended', conversion_year: null, valid_until: LATER_DAY, updated_at: AT }],
    ],
    certificationsOf: [[ORG, MEMBER]],
    insertInspection: [{ args: [inspectionRow], rows: ONE_ROW }],
    inspectionsOf: [[ORG, MEMBER]],
    inspectionsDue: [[ORG, DAY, '2025-03-01']],
    insertMembersBulk: [[[memberRow]]],
    insertStatusChangesBulk: [[[statusChangeRow]]],
    insertPlotsBulk: [[[plotRow]]],
    insertCertificationsBulk: [[[certificationRow]]],
    insertInspectionsBulk: [[[inspectionRow]]],
    linkMemberUser: [[ORG, '0001', USER]],
    countByStatus: [[[ORG, OTHER_ORG]]],
    countBySexAndAge: [[[ORG], '1996-03-01', '1981-03-01', '1966-03-01']],
    joinsPerYear: [[[ORG]]],
    withdrawalsPerYear: [[[ORG]]],
    areasPerMember: [[[ORG]]],
    certificationCoverage: [[[ORG], DAY]],
    membersAndPlotsByIds: [[ORG, [MEMBER, OTHER_MEMBER], DAY]],
  }),

  'collection/collection.queries': casesOf(collection, {
    findPointByCode: [[ORG, 'P01']],
    listPoints: [[ORG]],
    insertPoint: [
      {
        args: [{ org_id: ORG, point_id: ID, code: 'P01', name: 'Huabal', community: null, created_at: AT }],
        rows: ONE_ROW,
      },
    ],
    cashiersOf: [[ORG, ID]],
    assignCashier: [[{ org_id: ORG, point_id: ID, user_id: USER, assigned_at: AT }]],
    takeTicketNumber: [{ args: [ORG, ID], rows: [{ last_ticket_number: 1 }] }],
    insertSchedule: [
      {
        args: [
          {
            org_id: ORG,
            schedule_id: ID,
            effective_from: DAY,
            coffee_state: 'dry_parchment',
            certification_class: 'conventional',
            rule: '{}',
            recorded_at: AT,
            recorded_by_label: 'manager',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    listSchedules: [[ORG]],
    scheduleOn: [[ORG, 'dry_parchment', 'conventional', DAY]],
    insertTicket: [
      {
        args: [
          {
            org_id: ORG,
            ticket_id: ID,
            point_id: OTHER_ID,
            ticket_number: 1,
            member_id: MEMBER,
            delivered_at: AT,
            delivery_date: DAY,
            coffee_state: 'dry_parchment',
            certification_class: 'conventional',
            plot_ids: [],
            sacks: 2,
            sack_type: null,
            gross_grams: 92_500,
            tare_grams: 500,
            net_grams: 92_000,
            moisture_bp: 1200,
            yield_bp: null,
            factor_hundredths: null,
            defects: null,
            cup_score_hundredths: null,
            cup_protocol: null,
            schedule_id: ID,
            payable_grams: 92_000,
            unit_price: '9.50',
            value_minor: 87_400,
            cash_paid_minor: 0,
            currency: 'PEN',
            pricing: '{}',
            entry_id: ID,
            replaces_ticket_id: null,
            recorded_at: AT,
            recorded_by: USER,
            recorded_by_label: 'cashier',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    findTicket: [[ORG, ID]],
    listTickets: [
      [ORG, { limit: 50 }],
      {
        label: 'every filter',
        args: [ORG, { pointId: ID, memberId: MEMBER, from: DAY, to: LATER_DAY, limit: 50 }],
      },
    ],
    insertVoid: [
      [
        {
          org_id: ORG,
          ticket_id: ID,
          reason: 'wrong member',
          reversal_entry_id: OTHER_ID,
          voided_at: AT,
          voided_by_label: 'manager',
        },
      ],
    ],
    findVoid: [[ORG, ID]],
    deliveredGrams: [{ args: [ORG, MEMBER, DAY, LATER_DAY], rows: [{ grams: 0 }] }],
    ticketOrigins: [
      [ORG, { pointIds: [ID], from: DAY, to: LATER_DAY, certificationClass: 'organic', limit: 500 }],
    ],
    ticketsByIds: [[ORG, [ID, OTHER_ID]]],
    ticketIdsOfMember: [[ORG, MEMBER], { label: 'of one plot', args: [ORG, MEMBER, ID] }],
  }),

  'ledger/ledger.queries': casesOf(ledger, {
    accountsOf: [[ORG]],
    insertAccounts: [
      [
        [
          {
            org_id: ORG,
            account_id: ID,
            code: '4212',
            name: 'Members payable',
            kind: 'liability',
            member_subledger: true,
            purpose: 'payable_members',
            created_at: AT,
          },
        ],
      ],
    ],
    insertEntry: [
      [
        {
          org_id: ORG,
          entry_id: ID,
          entry_date: DAY,
          description: 'Weigh ticket 1',
          currency: 'PEN',
          source_type: 'weigh_ticket',
          source_id: OTHER_ID,
          reverses_entry_id: null,
          recorded_at: AT,
          recorded_by_label: 'cashier',
        },
      ],
    ],
    insertLines: [
      [
        [
          {
            org_id: ORG,
            entry_id: ID,
            line_no: 1,
            account_id: OTHER_ID,
            member_id: MEMBER,
            amount_minor: -87_400,
            memo: null,
          },
        ],
      ],
    ],
    findEntry: [[ORG, ID]],
    linesOf: [[ORG, ID]],
    findReversal: [[ORG, ID]],
    trialBalance: [[ORG]],
    memberBalances: [[ORG, MEMBER]],
    memberBalancesByPurpose: [
      { label: 'debit', args: [ORG, 'receivable_members', 'debit'] },
      { label: 'credit', args: [ORG, 'payable_members', 'credit'] },
    ],
    memberStatementLines: [[ORG, MEMBER, ID]],
    allEntriesWithLines: [[ORG]],
  }),

  'settlement/settlement.queries': casesOf(settlement, {
    insertSettlement: [
      {
        args: [
          {
            org_id: ORG,
            settlement_id: ID,
            name: 'March 2026',
            period_from: DAY,
            period_to: LATER_DAY,
            currency: 'PEN',
            rule: '{}',
            services: '[]',
            status: 'draft',
            computed_at: AT,
            created_at: AT,
            created_by_label: 'accountant',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    findSettlement: [[ORG, ID], { label: 'locked', args: [ORG, ID, true] }],
    listSettlements: [[ORG]],
    setStatus: [
      { label: 'approved', args: [ORG, ID, { status: 'approved' }] },
      {
        label: 'posted',
        args: [ORG, ID, { status: 'posted', posted_at: AT, posted_by_label: 'accountant' }],
      },
      { label: 'recomputed', args: [ORG, ID, { status: 'draft', computed_at: AT }] },
    ],
    takeTickets: [[ORG, ID, DAY, LATER_DAY, ['conventional', 'organic']]],
    releaseTickets: [[ORG, ID]],
    takenByMemberAndClass: [[ORG, ID]],
    ticketsOf: [[ORG, ID], { label: 'one member', args: [ORG, ID, MEMBER] }],
    settledElsewhere: [[ORG, ID, DAY, LATER_DAY, ['conventional']]],
    staleTickets: [[ORG, ID]],
    deleteLines: [[ORG, ID]],
    insertLines: [
      [
        [
          {
            org_id: ORG,
            settlement_id: ID,
            member_id: MEMBER,
            payable_grams: 92_000,
            gross_minor: 87_400,
            net_minor: 80_000,
            floor_applied: false,
            detail: {},
          },
        ],
      ],
    ],
    linesOf: [[ORG, ID]],
    setLineEntry: [[ORG, ID, MEMBER, OTHER_ID]],
    approvalsOf: [[ORG, ID]],
    insertApproval: [[{ org_id: ORG, settlement_id: ID, user_id: USER, role: 'manager', approved_at: AT }]],
    deleteApprovals: [[ORG, ID]],
  }),

  'payments/payments.queries': casesOf(payments, {
    pendingMemberIds: [[ORG]],
    insertBatch: [
      [
        {
          org_id: ORG,
          batch_id: ID,
          method: 'bank',
          note: null,
          currency: 'PEN',
          created_at: AT,
          created_by_label: 'accountant',
        },
      ],
    ],
    insertPayments: [
      [
        [
          {
            org_id: ORG,
            payment_id: ID,
            batch_id: OTHER_ID,
            member_id: MEMBER,
            amount_minor: 80_000,
            status: 'pending',
          },
        ],
      ],
    ],
    findBatch: [[ORG, ID]],
    paymentsOfBatch: [[ORG, ID]],
    findPayment: [[ORG, ID], { label: 'locked', args: [ORG, ID, true] }],
    markPaid: [
      [
        ORG,
        ID,
        { reference: 'OP-1', paid_on: DAY, entry_id: OTHER_ID, marked_at: AT, marked_by_label: 'accountant' },
      ],
    ],
    paymentsOfMember: [[ORG, MEMBER]],
  }),

  'governance/governance.queries': casesOf(governance, {
    statuteOn: [[ORG, DAY]],
    statuteFrom: [[ORG, DAY]],
    statutesOf: [[ORG]],
    insertStatute: [
      [
        {
          org_id: ORG,
          statute_id: ID,
          effective_from: DAY,
          params: '{}',
          recorded_at: AT,
          recorded_by_label: 'manager',
        },
      ],
    ],
    insertAssembly: [
      [
        {
          org_id: ORG,
          assembly_id: ID,
          kind: 'ordinary',
          title: 'Ordinary general assembly 2026',
          place: 'Jaén',
          first_call_at: AT,
          second_call_at: AT,
          cutoff_date: DAY,
          agenda: '[]',
          params: '{}',
          convened_at: AT,
          convened_by_label: 'president',
        },
      ],
    ],
    findAssembly: [[ORG, ID]],
    listAssemblies: [[ORG]],
    insertRoll: [[[{ org_id: ORG, assembly_id: ID, member_id: MEMBER }]]],
    rollEntry: [[ORG, ID, MEMBER]],
    checkIn: [[ORG, ID, MEMBER, AT, 'secretary']],
    rollCounts: [{ args: [ORG, ID], rows: [{ eligible: 0, present: 0, n: 0 }] }],
    insertMotion: [
      [
        {
          org_id: ORG,
          motion_id: ID,
          assembly_id: OTHER_ID,
          title: 'Approve the accounts',
          decision_type: 'ordinary',
          method: 'hands',
          present: 100,
          yes: 80,
          no: 10,
          abstain: 10,
          required_yes: 51,
          passed: true,
          recorded_at: AT,
          recorded_by_label: 'secretary',
          agenda_item: 1,
          amends_motion_id: null,
        },
      ],
    ],
    insertNamedVotes: [[[{ org_id: ORG, motion_id: ID, member_id: MEMBER, choice: 'yes' }]]],
    motionsOf: [[ORG, ID]],
    insertSecretVote: [
      [
        {
          org_id: ORG,
          vote_id: ID,
          assembly_id: OTHER_ID,
          title: 'Exclusion of a member',
          decision_type: 'exclusion',
          status: 'open',
          public_key: 'public key',
          sealed_private_key: 'sealed key',
          opened_at: AT,
          opened_by_label: 'president',
        },
      ],
    ],
    findSecretVote: [
      [ORG, ID],
      { label: 'locked', args: [ORG, ID, true] },
      { label: 'share lock', args: [ORG, ID, 'share'] },
    ],
    secretVotesOf: [[ORG, ID]],
    insertParticipation: [[{ org_id: ORG, vote_id: ID, member_id: MEMBER }]],
    insertEnvelope: [[{ org_id: ORG, vote_id: ID, envelope_id: OTHER_ID, sealed: 'sealed ballot' }]],
    envelopesOf: [[ORG, ID]],
    deleteEnvelopes: [[ORG, ID]],
    insertBallots: [[[{ org_id: ORG, vote_id: ID, receipt_code: 'K7Q2', choice: 'yes' }]]],
    ballotsOf: [[ORG, ID]],
    participationCount: [{ args: [ORG, ID], rows: [{ n: 0 }] }],
    tallied: [
      [
        ORG,
        ID,
        { tallied_at: AT, present: 100, yes: 70, no: 20, abstain: 10, required_yes: 67, passed: true },
      ],
    ],
    establishQuorum: [[ORG, ID, { call: 'first', present: 100, eligible: 150 }]],
    termsOf: [[ORG]],
    termOf: [{ args: [ORG, ID], rows: ONE_ROW }],
    termsOfMember: [[ORG, MEMBER]],
    findTerm: [[ORG, ID]],
    insertTerms: [
      [
        [
          {
            org_id: ORG,
            term_id: ID,
            organ: 'board',
            position: 'president',
            member_id: MEMBER,
            holder_name: 'Rosa Quispe Mamani',
            holder_sex: 'female',
            zone: null,
            starts_on: DAY,
            ends_on: '2029-03-01',
            ended_on: null,
            ended_reason: null,
            election_id: null,
            recorded_at: AT,
            recorded_by_label: 'secretary',
          },
        ],
      ],
    ],
    updateTerm: [
      { label: 'position', args: [ORG, ID, { position: 'vice_president' }] },
      { label: 'ended', args: [ORG, ID, { ended_on: DAY, ended_reason: 'resigned' }] },
    ],
    delegatesInOffice: [[ORG, DAY]],
    proxyOf: [[ORG, ID, MEMBER]],
    proxiesHeldForUpdate: [[ORG, ID, MEMBER]],
    isProxyHolder: [[ORG, ID, MEMBER]],
    insertProxy: [
      [
        {
          org_id: ORG,
          assembly_id: ID,
          grantor_member_id: MEMBER,
          holder_member_id: OTHER_MEMBER,
          document_ref: 'letter 12',
          registered_at: AT,
          registered_by_label: 'secretary',
        },
      ],
    ],
    proxiesOf: [[ORG, ID]],
    insertElection: [
      [
        {
          org_id: ORG,
          election_id: ID,
          assembly_id: OTHER_ID,
          organ: 'board',
          seats: 3,
          alternates: 1,
          term_starts_on: DAY,
          term_ends_on: '2029-03-01',
          method: 'secret',
          tie_break: 'seniority',
          status: 'nominating',
          public_key: null,
          sealed_private_key: null,
          created_at: AT,
          created_by_label: 'electoral committee',
          opened_at: null,
          tallied_at: null,
          voters: null,
          blank: null,
          draw_seed: null,
        },
      ],
    ],
    findElection: [
      [ORG, ID],
      { label: 'locked', args: [ORG, ID, true] },
      { label: 'share lock', args: [ORG, ID, 'share'] },
    ],
    electionsOf: [[ORG, ID]],
    updateElection: [
      {
        label: 'opened',
        args: [
          ORG,
          ID,
          { status: 'open', public_key: 'public key', sealed_private_key: 'sealed', opened_at: AT },
        ],
      },
      {
        label: 'tallied',
        args: [
          ORG,
          ID,
          {
            status: 'tallied',
            tallied_at: AT,
            voters: 100,
            blank: 2,
            draw_seed: null,
            sealed_private_key: null,
          },
        ],
      },
    ],
    candidatesOf: [[ORG, ID]],
    insertCandidates: [
      [
        [
          {
            org_id: ORG,
            election_id: ID,
            member_id: MEMBER,
            ballot_index: 1,
            nominated_at: AT,
            votes: null,
            outcome: null,
            tie_note: null,
          },
        ],
      ],
    ],
    setCandidateResult: [[ORG, ID, MEMBER, { votes: 40, outcome: 'elected', tie_note: null }]],
    insertElectionParticipation: [[{ org_id: ORG, election_id: ID, member_id: MEMBER }]],
    electionParticipationCount: [{ args: [ORG, ID], rows: [{ n: 0 }] }],
    insertElectionEnvelope: [
      [{ org_id: ORG, election_id: ID, envelope_id: OTHER_ID, sealed: 'sealed ballot' }],
    ],
    electionEnvelopesOf: [[ORG, ID]],
    deleteElectionEnvelopes: [[ORG, ID]],
    insertElectionBallots: [[[{ org_id: ORG, election_id: ID, receipt_code: 'K7Q2', choices: [1, 3] }]]],
    electionBallotsOf: [[ORG, ID]],
    findMinutes: [[ORG, ID], { label: 'locked', args: [ORG, ID, true] }],
    insertMinutes: [
      [
        {
          org_id: ORG,
          assembly_id: ID,
          status: 'draft',
          body: '# Minutes',
          version: 1,
          book_number: null,
          approved_at: null,
          approved_by_label: null,
          signed_at: null,
          designated_member_ids: [],
        },
      ],
    ],
    updateMinutes: [
      { label: 'edited', args: [ORG, ID, { body: '# Minutes', version: 2 }] },
      {
        label: 'approved',
        args: [
          ORG,
          ID,
          {
            status: 'approved',
            book_number: 12,
            approved_at: AT,
            approved_by_label: 'president',
            designated_member_ids: [MEMBER],
          },
        ],
      },
      { label: 'signed', args: [ORG, ID, { status: 'signed', signed_at: AT }] },
    ],
    insertMinutesVersion: [
      [
        {
          org_id: ORG,
          assembly_id: ID,
          version: 1,
          body: '# Minutes',
          saved_at: AT,
          saved_by_label: 'secretary',
        },
      ],
    ],
    minutesVersionsOf: [[ORG, ID]],
    nextBookNumber: [{ args: [ORG], rows: [{ n: 0 }] }],
    signaturesOf: [[ORG, ID]],
    insertSignature: [
      [
        {
          org_id: ORG,
          assembly_id: ID,
          role: 'president',
          seq: 1,
          signer_name: 'Rosa Quispe Mamani',
          member_id: MEMBER,
          method: 'in_app',
          signed_at: AT,
          recorded_by_label: 'president',
        },
      ],
    ],
    insertOversightReport: [
      [
        {
          org_id: ORG,
          report_id: ID,
          period_end: DAY,
          filed_on: DAY,
          title: 'Oversight report',
          summary: 'No findings',
          recorded_at: AT,
          recorded_by_label: 'oversight',
        },
      ],
    ],
    oversightReportsOf: [[ORG]],
    assembliesBetween: [[ORG, AT, AT]],
    hasVoted: [
      { label: 'secret vote', args: [ORG, 'vote', ID, MEMBER] },
      { label: 'election', args: [ORG, 'election', ID, MEMBER] },
    ],
  }),
  'sales/sales.queries': casesOf(sales, {
    insertBuyer: [
      {
        args: [
          {
            org_id: ORG,
            buyer_id: ID,
            buyer_org_id: null,
            name: 'Importer',
            country: 'DE',
            contact: null,
            created_at: AT,
          },
        ],
        rows: ONE_ROW,
      },
    ],
    listBuyers: [[ORG]],
    findBuyer: [[ORG, ID]],
    fairtradeTermsOn: [[DAY]],
    insertContract: [
      {
        args: [
          {
            org_id: ORG,
            contract_id: ID,
            number: 'SC-1',
            buyer_id: ID,
            contract_date: DAY,
            quantity_grams: 69_000,
            quantity_unit: 'bag-69',
            quantity_bags: 1,
            product: 'green_export',
            certification_class: 'fairtrade',
            grade: null,
            min_cup_score_hundredths: null,
            max_moisture_bp: null,
            min_screen: null,
            max_defects: null,
            currency: 'USD',
            price_kind: 'fixed',
            price_basis: 'lb',
            fixed_price: 2_000_000,
            differential_per_lb: null,
            futures_month: null,
            fairtrade_terms_from: DAY,
            ft_minimum_per_lb: 1_800_000,
            ft_premium_per_lb: 200_000,
            ft_organic_differential_per_lb: 400_000,
            incoterm: 'FOB',
            incoterm_place: 'Callao',
            shipment_from: DAY,
            shipment_to: LATER_DAY,
            note: null,
            signed_at: null,
            signed_by_label: null,
            created_at: AT,
            created_by_label: 'manager',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    findContract: [[ORG, ID], { label: 'locked', args: [ORG, ID, true] }],
    findContractByNumber: [[ORG, 'SC-1']],
    listContracts: [[ORG]],
    signContract: [[ORG, ID, AT, 'manager']],
    insertFixation: [
      {
        args: [
          {
            org_id: ORG,
            fixation_id: ID,
            contract_id: ID,
            fixed_on: DAY,
            level_per_lb: 3_500_000,
            grams: 69_000,
            bags: 1,
            lot_id: null,
            recorded_at: AT,
            recorded_by_label: 'manager',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    fixationsOf: [[ORG, ID]],
    allocationsOf: [[ORG, ID]],
    heldByLot: [[ORG, [ID, OTHER_ID]]],
    addAllocation: [
      [
        {
          org_id: ORG,
          contract_id: ID,
          lot_id: OTHER_ID,
          grams: 69_000,
          allocated_at: AT,
          allocated_by_label: 'manager',
        },
      ],
    ],
    markShipped: [[ORG, ID, OTHER_ID, 69_000]],
    lotIdsWithGrams: [[ORG, 'green_export']],
    insertShipment: [
      {
        args: [
          {
            org_id: ORG,
            shipment_id: ID,
            contract_id: ID,
            ico_mark: '029-0001-00001',
            port_of_loading: null,
            port_of_discharge: null,
            vessel: null,
            bill_of_lading: null,
            net_grams: 69_000,
            shipped_on: null,
            goods_minor: null,
            premium_minor: null,
            exchange_rate_micro: null,
            local_total_minor: null,
            local_premium_minor: null,
            entry_id: null,
            dds_reference: null,
            created_at: AT,
            created_by_label: 'manager',
          },
        ],
        rows: ONE_ROW,
      },
    ],
    insertContainers: [
      [
        [
          {
            org_id: ORG,
            shipment_id: ID,
            container_no: 'MSCU1234565',
            seal: 'S1',
            bags: 1,
            gross_grams: 69_500,
            net_grams: 69_000,
          },
        ],
      ],
    ],
    insertPackingLines: [
      [
        [
          {
            org_id: ORG,
            shipment_id: ID,
            container_no: 'MSCU1234565',
            lot_id: OTHER_ID,
            bags: 1,
            net_grams: 69_000,
          },
        ],
      ],
    ],
    findShipment: [[ORG, ID], { label: 'locked', args: [ORG, ID, true] }],
    shipmentsOf: [[ORG, ID]],
    containersOf: [[ORG, ID]],
    packingLinesOf: [[ORG, ID]],
    shippedGramsOf: [{ args: [ORG, ID], rows: [{ g: 0 }] }],
    recordShipped: [
      [
        ORG,
        ID,
        {
          shipped_on: DAY,
          goods_minor: 100,
          premium_minor: 10,
          exchange_rate_micro: 3_750_000,
          local_total_minor: 412,
          local_premium_minor: 38,
          entry_id: OTHER_ID,
        },
      ],
    ],
    recordDds: [[ORG, ID, 'DDS-1']],
  }),
};
