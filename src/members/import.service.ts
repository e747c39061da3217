import { createHash } from 'node:crypto';
import type { Actor } from '../orgs/index.js';
import { todayIn } from '../platform/dates.js';
import { inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { currencyOf, parseMoney } from '../platform/money.js';
import type { MassUnit } from '../platform/units.js';
import {
  type CanonicalField,
  type ImportKind,
  MEMBER_FIELDS,
  mapHeaders,
  normalizeTable,
  PLOT_FIELDS,
  readSheet,
} from './import/index.js';
import type { MemberImportRecord, PlotImportRecord } from './import/types.js';
import type {
  CreateMemberBody as CreateMemberInput,
  UpdateMemberBody as UpdateMemberInput,
} from './members.contract.js';
import type { MembersService } from './members.facade.js';
import * as q from './members.queries.js';

/**
 * Importing a cooperative's register from the spreadsheet it has today. Always two steps: a dry run
 * that reports every row's problems and what would be created or updated, then a commit that writes all
 * of it in one transaction or nothing at all. Re-importing the same file updates by member number and
 * creates no duplicates.
 */

export type ImportRequestKind = ImportKind | 'plots-geojson';

export interface ImportIssueOut {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportResult {
  kind: ImportRequestKind;
  dryRun: boolean;
  committed: boolean;
  encoding: string | null;
  sheetName: string | null;
  headers: string[];
  mapping: (string | null)[];
  fields: string[];
  unmapped: { index: number; header: string }[];
  missingRequired: string[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  errors: ImportIssueOut[];
  warnings: ImportIssueOut[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  created: number;
  updated: number;
}

const MAX_REPORTED = 1000;

/** The counts of a result before any row is looked at. */
const NOTHING_YET = {
  validRows: 0,
  errorRows: 0,
  errors: [],
  warnings: [],
  toCreate: 0,
  toUpdate: 0,
  unchanged: 0,
  created: 0,
  updated: 0,
} satisfies Partial<ImportResult>;

/** A plot row's latitude and longitude as a GeoJSON point, longitude first; null without both. */
function pointOf(record: PlotImportRecord) {
  return record.latitude && record.longitude
    ? { type: 'Point', coordinates: [Number(record.longitude), Number(record.latitude)] }
    : null;
}

export interface ImportOptions {
  kind: ImportRequestKind;
  dryRun: boolean;
  mapping?: Record<number, string | null>;
  sheetName?: string;
  /** Called with (rows done, rows in all) on long imports; the CLI prints it. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

const MEMBER_COLUMNS: Partial<Record<keyof MemberImportRecord, keyof q.MemberRow>> = {
  givenNames: 'given_names',
  familyNames: 'family_names',
  nationalId: 'national_id',
  sex: 'sex',
  birthDate: 'birth_date',
  joinDate: 'join_date',
  phone: 'phone',
  region: 'region',
  province: 'province',
  district: 'district',
  community: 'community',
  householdSize: 'household_size',
  paymentMethod: 'payment_method',
  bankName: 'bank_name',
  bankAccount: 'bank_account',
  walletPhone: 'wallet_phone',
};

const MONEY_COLUMNS = {
  entryFee: 'entry_fee_minor',
  shareCapitalSubscribed: 'share_capital_subscribed_minor',
  shareCapitalPaid: 'share_capital_paid_minor',
} as const;

/** The fields of a record that the file gives (non-null), as a patch for the member API. */
function patchOf(record: MemberImportRecord): UpdateMemberInput {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || key === 'memberNumber' || key === 'status' || key === 'fullName') continue;
    if (key === 'nationalIdType' && record.nationalId === null) continue;
    patch[key] = value;
  }
  return patch as UpdateMemberInput;
}

/** True when applying the patch would change nothing on the stored member. */
function unchanged(member: q.MemberRow, record: MemberImportRecord): boolean {
  for (const [field, column] of Object.entries(MEMBER_COLUMNS) as [
    keyof MemberImportRecord,
    keyof q.MemberRow,
  ][]) {
    const value = record[field];
    if (value !== null && value !== undefined && member[column] !== value) return false;
  }
  for (const [field, column] of Object.entries(MONEY_COLUMNS) as [
    keyof typeof MONEY_COLUMNS,
    keyof q.MemberRow,
  ][]) {
    const value = record[field];
    // money compared in minor units, parsed exactly: never through a float
    if (value !== null && parseMoney(value, currencyOf(member.currency)) !== BigInt(member[column] as number))
      return false;
  }
  return record.status === null || record.status === member.status;
}

export function createImportService(deps: ServiceDeps, members: MembersService) {
  const { db, clock } = deps;

  async function importFile(
    actor: Actor,
    slug: string,
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const access = await members.writeAccess(db, actor, slug);
    if (options.kind === 'plots-geojson') return importPlotsGeoJson(actor, slug, bytes, options);
    const kind = options.kind;
    const today = todayIn(access.org.time_zone, clock.now());
    const table = await readSheet(bytes, {
      kind,
      ...(options.sheetName && { sheetName: options.sheetName }),
    });
    const header = mapHeaders(
      table.headers,
      kind,
      (options.mapping ?? {}) as Record<number, CanonicalField | null>,
      { country: access.org.country },
    );
    const result: ImportResult = {
      kind,
      dryRun: options.dryRun,
      committed: false,
      encoding: table.encoding ?? null,
      sheetName: table.sheetName ?? null,
      headers: table.headers,
      mapping: header.mapping,
      fields: [...(kind === 'members' ? MEMBER_FIELDS : PLOT_FIELDS)],
      unmapped: header.unmapped,
      missingRequired: header.missingRequired,
      totalRows: table.rows.length,
      ...NOTHING_YET,
    };
    if (header.missingRequired.length > 0) return result;

    options.onProgress?.(0, table.rows.length, 'checking');
    const massUnit: MassUnit | null = header.massUnit ?? (access.org.display_mass_unit as MassUnit);
    const normalizeOptions = { country: access.org.country, today, massUnit };
    const rows =
      kind === 'members'
        ? normalizeTable(table, header.mapping, 'members', normalizeOptions)
        : normalizeTable(table, header.mapping, 'plots', normalizeOptions);
    const errors: ImportIssueOut[] = [];
    const warnings: ImportIssueOut[] = [];
    for (const row of rows) {
      for (const e of row.errors)
        errors.push({
          row: row.rowNumber,
          field: e.field,
          code: e.code,
          ...(e.params && { params: e.params }),
        });
      for (const w of row.warnings)
        warnings.push({
          row: row.rowNumber,
          field: w.field,
          code: w.code,
          ...(w.params && { params: w.params }),
        });
    }

    const numbers = [...new Set(rows.flatMap((r) => (r.record ? [r.record.memberNumber] : [])))];
    const existing = new Map<string, q.MemberRow>();
    for (let i = 0; i < numbers.length; i += 1000) {
      for (const m of await q.findMembersByNumbers(db, access.org.org_id, numbers.slice(i, i + 1000)))
        existing.set(m.member_number, m);
    }

    const creates: { rowNumber: number; input: CreateMemberInput }[] = [];
    const updates: { rowNumber: number; member: q.MemberRow; record: MemberImportRecord }[] = [];
    const plotRows: { rowNumber: number; member: q.MemberRow; record: PlotImportRecord }[] = [];
    if (kind === 'members') {
      // A national ID already held by another member is refused here, with the row, rather than at commit.
      const idHolders = new Map<string, string>();
      for (const m of await q.allMembers(db, access.org.org_id))
        if (m.national_id) idHolders.set(m.national_id, m.member_number);
      for (const row of rows) {
        const record = row.record as MemberImportRecord | undefined;
        if (!record) continue;
        const holder = record.nationalId ? idHolders.get(record.nationalId) : undefined;
        if (holder && holder !== record.memberNumber) {
          errors.push({
            row: row.rowNumber,
            field: 'nationalId',
            code: 'import.national_id_taken',
            params: { memberNumber: holder },
          });
          continue;
        }
        const member = existing.get(record.memberNumber);
        if (!member) {
          creates.push({
            rowNumber: row.rowNumber,
            input: {
              id: deps.ids.next(),
              memberNumber: record.memberNumber,
              ...patchOf(record),
              ...(record.status && { status: record.status }),
            } as CreateMemberInput,
          });
        } else if (unchanged(member, record)) {
          result.unchanged++;
        } else {
          updates.push({ rowNumber: row.rowNumber, member, record });
        }
      }
    } else {
      for (const row of rows) {
        const record = row.record as PlotImportRecord | undefined;
        if (!record) continue;
        const member = existing.get(record.memberNumber);
        if (!member) {
          errors.push({
            row: row.rowNumber,
            field: 'memberNumber',
            code: 'import.unknown_member',
            params: { memberNumber: record.memberNumber },
          });
          continue;
        }
        const problems = members.checkPlotGeometry(access, pointOf(record), record.declaredAreaHa);
        for (const p of problems)
          errors.push({
            row: row.rowNumber,
            field: p.path === 'geometry' ? 'latitude' : p.path,
            code: p.code,
            ...(p.params && { params: p.params }),
          });
        if (problems.length === 0) plotRows.push({ rowNumber: row.rowNumber, member, record });
      }
    }

    const badRows = new Set(errors.map((e) => e.row));
    result.errorRows = badRows.size;
    result.validRows = rows.length - badRows.size;
    result.errors = errors.slice(0, MAX_REPORTED);
    result.warnings = warnings.slice(0, MAX_REPORTED);
    result.toCreate = creates.length;
    result.toUpdate = updates.length;
    if (kind === 'plots') {
      const existingPlots = new Map<string, string>();
      for (const { member } of plotRows) {
        for (const p of await q.plotsOfMember(db, access.org.org_id, member.member_id))
          existingPlots.set(`${member.member_number}\u0000${p.name}`, p.plot_id);
      }
      result.toUpdate = plotRows.filter((p) =>
        existingPlots.has(`${p.member.member_number}\u0000${p.record.plotName}`),
      ).length;
      result.toCreate = plotRows.length - result.toUpdate;
    }
    if (options.dryRun || errors.length > 0) return result;

    // All or nothing: one transaction; any failure rolls every row back.
    const source = `file:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
    await inTransaction(db, async (trx) => {
      await members.bulkCreateMembersIn(
        trx,
        actor,
        access,
        creates.map((c) => c.input),
        'members.reason_imported',
        source,
      );
      options.onProgress?.(creates.length, rows.length, 'writing');
      let done = creates.length;
      for (const { member, record } of updates) {
        await members.updateMemberIn(trx, actor, access, member, patchOf(record));
        if (record.status && record.status !== member.status) {
          await members.changeStatusIn(trx, actor, access, member, {
            status: record.status,
            effectiveDate: today,
            reason: 'members.reason_imported',
          });
        }
        if (++done % 500 === 0) options.onProgress?.(done, rows.length, 'writing');
      }
      for (const { member, record } of plotRows) {
        const geometry = pointOf(record);
        const input = {
          name: record.plotName,
          declaredAreaHa: record.declaredAreaHa,
          altitudeM: record.altitudeM,
          coffeeAreaHa: record.coffeeAreaHa,
          varieties: record.varieties,
          treeCount: record.treeCount,
          plantingYear: record.plantingYear,
          shade: record.shade,
          tenure: record.tenure,
          yearlyEstimateKg:
            record.yearlyEstimateGrams === null ? null : (record.yearlyEstimateGrams / 1000).toFixed(3),
          ...(geometry !== null && { geometry }),
        };
        await members.upsertPlotIn(trx, actor, access, member, input);
        if (++done % 500 === 0) options.onProgress?.(done, rows.length, 'writing');
      }
    });
    options.onProgress?.(rows.length, rows.length, 'done');
    result.committed = true;
    result.created = result.toCreate;
    result.updated = result.toUpdate;
    return result;
  }

  /** Plots from a GeoJSON FeatureCollection whose features carry memberNumber and plotName properties. */
  async function importPlotsGeoJson(
    actor: Actor,
    slug: string,
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const access = await members.writeAccess(db, actor, slug);
    let collection: unknown;
    try {
      collection = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new AppError('invalid', 'import.invalid_geojson');
    }
    const features =
      (collection as { type?: string; features?: unknown[] })?.type === 'FeatureCollection'
        ? ((collection as { features: unknown[] }).features ?? [])
        : null;
    if (!features) throw new AppError('invalid', 'import.invalid_geojson');
    const result: ImportResult = {
      kind: 'plots-geojson',
      dryRun: options.dryRun,
      committed: false,
      encoding: 'utf-8',
      sheetName: null,
      headers: ['memberNumber', 'plotName', 'declaredAreaHa', 'geometry'],
      mapping: ['memberNumber', 'plotName', 'declaredAreaHa', 'geometry'],
      fields: ['memberNumber', 'plotName', 'declaredAreaHa', 'geometry'],
      unmapped: [],
      missingRequired: [],
      totalRows: features.length,
      ...NOTHING_YET,
    };
    const errors: ImportIssueOut[] = [];
    const plans: {
      member: q.MemberRow;
      input: { name: string; declaredAreaHa?: string | null; geometry: unknown };
    }[] = [];
    const numbers = features.map((f) =>
      String((f as { properties?: Record<string, unknown> })?.properties?.memberNumber ?? ''),
    );
    const existing = new Map(
      (await q.findMembersByNumbers(db, access.org.org_id, [...new Set(numbers.filter(Boolean))])).map(
        (m) => [m.member_number, m],
      ),
    );
    for (const [index, feature] of features.entries()) {
      const row = index + 1;
      const props = ((feature as { properties?: Record<string, unknown> })?.properties ?? {}) as Record<
        string,
        unknown
      >;
      const memberNumber = String(props.memberNumber ?? '').trim();
      const plotName = String(props.plotName ?? props.name ?? '').trim();
      if (!memberNumber) {
        errors.push({ row, field: 'memberNumber', code: 'import.required' });
        continue;
      }
      if (!plotName) {
        errors.push({ row, field: 'plotName', code: 'import.required' });
        continue;
      }
      const member = existing.get(memberNumber);
      if (!member) {
        errors.push({
          row,
          field: 'memberNumber',
          code: 'import.unknown_member',
          params: { memberNumber },
        });
        continue;
      }
      const declared =
        props.declaredAreaHa === undefined || props.declaredAreaHa === null
          ? null
          : String(props.declaredAreaHa);
      if (declared !== null && !/^\d{1,6}(\.\d{1,4})?$/.test(declared)) {
        errors.push({ row, field: 'declaredAreaHa', code: 'import.invalid_number' });
        continue;
      }
      const problems = members.checkPlotGeometry(
        access,
        (feature as { geometry?: unknown }).geometry ?? null,
        declared,
      );
      for (const p of problems)
        errors.push({ row, field: p.path, code: p.code, ...(p.params && { params: p.params }) });
      if (problems.length === 0)
        plans.push({
          member,
          input: {
            name: plotName,
            declaredAreaHa: declared,
            geometry: (feature as { geometry: unknown }).geometry,
          },
        });
    }
    const badRows = new Set(errors.map((e) => e.row));
    result.errorRows = badRows.size;
    result.validRows = features.length - badRows.size;
    result.errors = errors.slice(0, MAX_REPORTED);
    result.toCreate = plans.length;
    if (options.dryRun || errors.length > 0) return result;
    await inTransaction(db, async (trx) => {
      for (const plan of plans) await members.upsertPlotIn(trx, actor, access, plan.member, plan.input);
    });
    result.committed = true;
    result.created = plans.length;
    return result;
  }

  return { importFile };
}

export type ImportService = ReturnType<typeof createImportService>;
