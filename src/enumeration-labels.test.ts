import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import './app.js';
import { STATEMENT_ACCOUNTS } from './ledger/messages.js';
import { allMessages } from './platform/i18n.js';
import { DEDUCTION_CODE } from './settlement/compute.js';
import { en } from './web/i18n/en/index.js';
import { es } from './web/i18n/es/index.js';

/**
 * Codes never reach a person raw: every value of every enumeration a user can see has a label in both
 * languages. The enumerations are read from the database's CHECK constraints, so a new column with a
 * CHECK (… IN (…)) fails here until its values are labelled, or it is listed as never shown, with why.
 *
 * The server's catalogue is the one the running app has (every domain's `messages.ts`, loaded by the
 * composition root).
 *
 * A key pattern names where the label lives: `{value}` is the code as stored, `{Value}` the code in
 * PascalCase and `{valueCamel}` in camelCase (`in_app` → `InApp`, `inApp`).
 */
type Pattern = string | { never: string };

/** Where the web app labels each enumeration (keys of the i18next catalogues, without namespace). */
const WEB: Record<string, Pattern> = {
  'organizations.kind': 'orgKind.{value}',
  'organizations.locale': 'language.{value}',
  'users.locale': 'language.{value}',
  'memberships.role': 'roles.{value}',
  'data_grants.area': 'areas.{value}',
  'members.national_id_type': 'nationalIdType.{value}',
  'members.sex': 'sex.{value}',
  'members.status': 'memberStatus.{value}',
  'members.payment_method': 'paymentMethod.{value}',
  'member_status_changes.to_status': 'memberStatus.{value}',
  'member_consents.kind': 'consentKind.{value}',
  'plots.geometry_type': { never: 'drawn on the map as a point or a shape, never written' },
  'plots.shade': 'shade.{value}',
  'plots.tenure': 'tenure.{value}',
  'certifications.scheme': 'certScheme.{value}',
  'certifications.status': 'certStatus.{value}',
  'inspections.result': 'inspectionResult.{value}',
  'ledger_accounts.kind': { never: 'the trial balance shows each account by code and name, not its kind' },
  'price_schedules.coffee_state': 'coffeeState.{value}',
  'price_schedules.certification_class': 'certClass.{value}',
  'weigh_tickets.cup_protocol': 'collection.cupProtocol{Value}',
  'settlements.status': 'settlements.statusName.{value}',
  'settlement_approvals.role': 'roles.{value}',
  'payment_batches.method': 'settlements.method.{value}',
  'payments.status': 'payments.statusName.{value}',
  'assemblies.kind': 'governance.assemblyKind.{value}',
  'motions.decision_type': 'governance.decisionType.{value}',
  'motions.method': 'governance.console.by{Value}',
  'named_votes.choice': 'governance.choice.{value}',
  'secret_votes.decision_type': 'governance.decisionType.{value}',
  'secret_votes.status': 'elections.status.{value}',
  'vote_ballots.choice': 'governance.choice.{value}',
  'office_terms.organ': 'governanceRecords.organ.{value}',
  'office_terms.position': 'governanceRecords.position.{value}',
  'office_terms.holder_sex': 'sex.{value}',
  'elections.organ': 'elections.organ.{value}',
  'elections.method': 'elections.method{Value}',
  'elections.tie_break': 'elections.tieBreakName.{value}',
  'elections.status': 'elections.status.{value}',
  'election_candidates.outcome': 'elections.outcome.{value}',
  'minutes.status': 'governanceRecords.minutes.status.{value}',
  'minutes_signatures.role': 'governanceRecords.minutes.role.{value}',
  'minutes_signatures.method': 'governanceRecords.minutes.{valueCamel}',
  'quality_samples.source': 'quality.sampleSource.{value}',
  'quality_samples.purpose': 'quality.samplePurpose.{value}',
  'cupping_sessions.status': 'quality.sessionStatus.{value}',
  'cupping_descriptors.descriptor': 'quality.descriptor.{value}',
  'warehouses.kind': 'lots.warehouseKind.{value}',
  'stock_movements.product': 'lots.product.{value}',
  'stock_movements.certification_class': 'certClass.{value}',
  'inventory_count_lines.product': 'lots.product.{value}',
  'inventory_count_lines.certification_class': 'certClass.{value}',
  'stock_movements.kind': 'lots.movementKind.{value}',
  'lots.product': 'lots.product.{value}',
  'lots.certification_class': 'certClass.{value}',
  'lots.origin': 'lots.lotOrigin.{value}',
  'lots.status': 'lots.lotStatus.{value}',
  'lot_draws.kind': 'lots.drawKind.{value}',
  'milling_orders.status': 'lots.millingStatus.{value}',
  'sales_contracts.status': 'sales.contractStatus.{value}',
  'sales_contracts.product': 'lots.product.{value}',
  'sales_contracts.certification_class': 'certClass.{value}',
  'sales_contracts.price_kind': 'sales.priceKind.{value}',
  'sales_contracts.price_basis': 'sales.priceBasis.{value}',
  'sales_contracts.incoterm': 'sales.incoterm.{value}',
  'sales_shipments.status': 'sales.shipmentStatus.{value}',
  'eudr_packages.subject_kind': 'traceability.subjectKind.{value}',
  'eudr_packages.pdf_locale': 'language.{value}',
  'lot_public_pages.process': 'traceability.process.{value}',
};

/** Enumerations the server prints itself (PDFs, printable pages, the minutes' draft), and where. */
const SERVER: Record<string, string> = {
  'members.status': 'members.status.{value}',
  'price_schedules.coffee_state': 'collection.coffee_state.{value}',
  'price_schedules.certification_class': 'collection.certification_class.{value}',
  'payments.status': 'payments.status.{value}',
  'assemblies.kind': 'governance.assembly_kind.{value}',
  'office_terms.organ': 'governance.organ.{value}',
  'elections.organ': 'governance.organ.{value}',
  'election_candidates.outcome': 'governance.candidate_outcome.{value}',
  'minutes_signatures.role': 'minutes.role.{value}',
  'minutes_signatures.method': 'minutes.signed.{value}',
};

/** Enumerations that live in code, not in a CHECK constraint: where the web app and the server word them. */
const CODE_ENUMS: Record<string, { values: readonly string[]; web: string; server: string }> = {
  'statement accounts (ledger)': {
    values: STATEMENT_ACCOUNTS,
    web: 'accounts.accountKind.{value}',
    server: 'statement.account.{value}',
  },
  'deduction codes (settlement)': {
    values: Object.values(DEDUCTION_CODE),
    web: 'settlements.deduction.{value}',
    server: 'settlement.deduction.{value}',
  },
};

const pascal = (code: string) =>
  code
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
const keyFor = (pattern: string, value: string) =>
  pattern
    .replace('{value}', value)
    .replace('{Value}', pascal(value))
    .replace('{valueCamel}', pascal(value).charAt(0).toLowerCase() + pascal(value).slice(1));

/** `table.column` → its allowed values, from every `col text … CHECK (col IN ('a', 'b'))` in migrations. */
function checkEnumerations(): Map<string, string[]> {
  const dir = join(import.meta.dirname, '..', 'migrations');
  const found = new Map<string, string[]>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(join(dir, file), 'utf8');
    for (const match of sql.matchAll(/(\w+) text[^,]*?CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
      const before = [...sql.slice(0, match.index).matchAll(/(?:CREATE|ALTER) TABLE (\w+)/g)];
      const table = before.at(-1)?.[1];
      if (!table) throw new Error(`${file}: a CHECK outside a table: ${match[0]}`);
      found.set(
        `${table}.${match[1]}`,
        [...match[3]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!),
      );
    }
  }
  return found;
}

/** Looks a dotted key up in every namespace of a web catalogue, as `t()` does with the fallbacks. */
function webLabel(catalogue: object, key: string): unknown {
  for (const namespace of Object.values(catalogue)) {
    let node: unknown = namespace;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (node !== undefined) return node;
  }
  return undefined;
}

const enumerations = checkEnumerations();

describe('enumeration labels', () => {
  it('finds the enumerations in the migrations', () => {
    expect(enumerations.get('price_schedules.coffee_state')).toContain('dry_parchment');
    expect(enumerations.get('memberships.role')).toContain('viewer');
    expect(enumerations.size).toBeGreaterThan(40);
  });

  it('every enumeration is labelled in the web app, or said never to be shown', () => {
    expect([...enumerations.keys()].filter((column) => !(column in WEB))).toEqual([]);
    expect(Object.keys(WEB).filter((column) => !enumerations.has(column))).toEqual([]);
  });

  it('the web app has every label in Spanish and English', () => {
    const missing: string[] = [];
    const labelled: (readonly [string, readonly string[], Pattern | undefined])[] = [
      ...[...enumerations].map(([column, values]) => [column, values, WEB[column]] as const),
      ...Object.entries(CODE_ENUMS).map(([what, { values, web }]) => [what, values, web] as const),
    ];
    for (const [column, values, pattern] of labelled) {
      if (pattern === undefined || typeof pattern !== 'string') continue;
      for (const value of values)
        for (const [language, catalogue] of [
          ['es', es],
          ['en', en],
        ] as const) {
          const label = webLabel(catalogue, keyFor(pattern, value));
          if (typeof label !== 'string' || label.trim() === '')
            missing.push(`${language} ${keyFor(pattern, value)} (${column} = ${value})`);
        }
    }
    expect(missing).toEqual([]);
  });

  it('the server has every label it prints, in Spanish and English', () => {
    const catalogues = allMessages();
    const missing: string[] = [];
    const check = (what: string, values: readonly string[], pattern: string) => {
      for (const value of values)
        for (const language of ['es', 'en'] as const) {
          const label = catalogues[language][keyFor(pattern, value)];
          if (!label?.trim()) missing.push(`${language} ${keyFor(pattern, value)} (${what} = ${value})`);
        }
    };
    for (const [column, pattern] of Object.entries(SERVER)) {
      const values = enumerations.get(column);
      if (!values) throw new Error(`no enumeration ${column} in the migrations`);
      check(column, values, pattern);
    }
    for (const [what, { values, server }] of Object.entries(CODE_ENUMS)) check(what, values, server);
    expect(missing).toEqual([]);
  });
});
