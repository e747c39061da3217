import { z } from 'zod';
import { STATEMENT_ACCOUNTS } from '../shared/enums.js';

/**
 * The HTTP contract of the ledger (a member's statement of account, the trial balance): the routes
 * validate with these schemas and the web app types its calls with them. Each schema has a type of the
 * same name (its parsed shape). Amounts are decimal text in the organization's currency.
 */

export const StatementQuery = z.strictObject({
  account: z.enum(STATEMENT_ACCOUNTS).default('payable_members'),
});
export const Statement = z.object({
  currency: z.string(),
  account: z.string(),
  balance: z.string(),
  lines: z.array(
    z.object({
      entryId: z.uuid(),
      date: z.string(),
      description: z.string(),
      source: z.object({ type: z.string(), id: z.string() }),
      reversal: z.boolean(),
      amount: z.string(),
      balance: z.string(),
    }),
  ),
});
export const TrialBalance = z.object({
  currency: z.string(),
  balanced: z.boolean(),
  accounts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      debit: z.string(),
      credit: z.string(),
      balanceMinor: z.number(),
      lines: z.number(),
    }),
  ),
});

// ---- types: each schema's parsed shape, under the schema's name ----
export type StatementQuery = z.infer<typeof StatementQuery>;
export type Statement = z.infer<typeof Statement>;
export type TrialBalance = z.infer<typeof TrialBalance>;
