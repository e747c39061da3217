/**
 * The whole database's type, assembled in this one place: platform's tables are declared in
 * platform/db/schema.ts and each domain's here, from its `<domain>.tables.ts`, by declaration merging, so
 * `Kysely<Database>` (platform/db/transaction.ts) knows every table while platform imports no domain.
 * A new domain adds its `…Tables` interface to the `extends` list. This is the only file outside a domain
 * that may import its tables file (.dependency-cruiser.cjs).
 */
import type { CollectionTables } from './collection/collection.tables.js';
import type { GovernanceTables } from './governance/governance.tables.js';
import type { LedgerTables } from './ledger/ledger.tables.js';
import type { LotsTables } from './lots/lots.tables.js';
import type { MembersTables } from './members/members.tables.js';
import type { OrgsTables } from './orgs/orgs.tables.js';
import type { PaymentsTables } from './payments/payments.tables.js';
import type { QualityTables } from './quality/quality.tables.js';
import type { SalesTables } from './sales/sales.tables.js';
import type { SettlementTables } from './settlement/settlement.tables.js';
import type { TraceabilityTables } from './traceability/traceability.tables.js';

declare module './platform/db/schema.js' {
  interface Database
    extends OrgsTables,
      MembersTables,
      LedgerTables,
      CollectionTables,
      SettlementTables,
      PaymentsTables,
      GovernanceTables,
      LotsTables,
      SalesTables,
      TraceabilityTables,
      QualityTables {}
}
