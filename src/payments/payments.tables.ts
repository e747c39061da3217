import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the payments domain owns (created by migrations/0006_payments.sql). Only this
 * domain's queries read and write them; other domains ask through payments/index.ts. src/database.ts adds
 * `PaymentsTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
export interface PaymentBatchesTable {
  org_id: string;
  batch_id: string;
  method: 'cash' | 'bank' | 'mobile_wallet';
  note: string | null;
  currency: string;
  created_at: Timestamp;
  created_by_label: string;
}
export interface PaymentsTable {
  org_id: string;
  payment_id: string;
  batch_id: string;
  member_id: string;
  amount_minor: number;
  status: 'pending' | 'paid' | 'cancelled';
  reference: string | null;
  paid_on: string | null;
  entry_id: string | null;
  marked_at: Timestamp | null;
  marked_by_label: string | null;
}

/** The payments domain's tables by name, as src/database.ts merges them into Database. */
export interface PaymentsTables {
  payment_batches: PaymentBatchesTable;
  payments: PaymentsTable;
}
