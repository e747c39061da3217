import type { ColumnType } from 'kysely';
import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the ledger domain owns (created by migrations/0003_ledger.sql). Only this
 * domain's queries read and write them; other domains ask through ledger/index.ts. src/database.ts adds
 * `LedgerTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
export type AccountKind = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export interface LedgerAccountsTable {
  org_id: string;
  account_id: string;
  code: string;
  name: string;
  kind: AccountKind;
  member_subledger: ColumnType<boolean, boolean | undefined, boolean>;
  purpose: string | null;
  created_at: Timestamp;
}
export interface JournalEntriesTable {
  org_id: string;
  entry_id: string;
  entry_date: string;
  description: string;
  currency: string;
  source_type: string;
  source_id: string;
  reverses_entry_id: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface JournalLinesTable {
  org_id: string;
  entry_id: string;
  line_no: number;
  account_id: string;
  member_id: string | null;
  amount_minor: number;
  memo: string | null;
}
export interface LedgerBalancesTable {
  org_id: string;
  account_id: string;
  member_key: string;
  balance_minor: number;
  lines: number;
}

/** The ledger domain's tables by name, as src/database.ts merges them into Database. */
export interface LedgerTables {
  ledger_accounts: LedgerAccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  ledger_balances: LedgerBalancesTable;
}
