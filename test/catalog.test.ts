import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './harness/context.js';

/**
 * The tenancy rule that makes distribution by org_id possible (ARCHITECTURE.md, Data rules): every
 * tenant table has org_id first in its primary key, and every foreign key between tenant tables
 * includes org_id. Global tables are listed here on purpose, each with its reason.
 */
const GLOBAL_TABLES: Record<string, string> = {
  schema_migrations: 'the migration ledger',
  countries: 'reference data',
  currencies: 'reference data',
  mass_units: 'reference data',
  fairtrade_price_terms: 'reference data: Fairtrade’s own prices, the same for every cooperative',
  organizations: 'the tenants themselves: a reference table keyed by org_id',
  users: 'a person may belong to several organizations',
  sessions: 'a person’s sign-ins, across organizations',
  login_attempts: 'rate limiting by email and address',
};

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('schema catalog', () => {
  it('every tenant table has org_id first in its primary key', async () => {
    const rows = await sql<{ table_name: string; first_key_column: string | null }>`
      SELECT c.relname AS table_name,
             (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
               WHERE i.indrelid = c.oid AND i.indisprimary) AS first_key_column
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(handle.db);
    expect(rows.rows.length).toBeGreaterThan(10);
    const offenders = rows.rows
      .filter((r) => !(r.table_name in GLOBAL_TABLES))
      .filter((r) => r.first_key_column !== 'org_id')
      .map((r) => `${r.table_name} (primary key starts with ${r.first_key_column ?? 'nothing'})`);
    expect(offenders).toEqual([]);
  });

  it('every foreign key between tenant tables includes org_id', async () => {
    const rows = await sql<{
      constraint_name: string;
      from_table: string;
      to_table: string;
      columns: string[];
    }>`
      SELECT con.conname AS constraint_name, src.relname AS from_table, dst.relname AS to_table,
             array(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k) AS columns
        FROM pg_constraint con
        JOIN pg_class src ON src.oid = con.conrelid
        JOIN pg_class dst ON dst.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
       WHERE con.contype = 'f' AND n.nspname = 'public'`.execute(handle.db);
    const offenders = rows.rows
      .filter((r) => !(r.from_table in GLOBAL_TABLES) && !(r.to_table in GLOBAL_TABLES))
      .filter((r) => !r.columns.includes('org_id'))
      .map((r) => `${r.constraint_name}: ${r.from_table} → ${r.to_table} (${r.columns.join(', ')})`);
    expect(offenders).toEqual([]);
  });

  it('the append-only facts refuse UPDATE and DELETE through triggers', async () => {
    const rows = await sql<{ table_name: string }>`
      SELECT DISTINCT c.relname AS table_name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'refuse_change'`.execute(handle.db);
    expect(rows.rows.map((r) => r.table_name)).toContain('audit_events');
  });
});
