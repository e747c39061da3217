import type { Services } from '../app.js';
import { collectionDemo } from '../collection/collection.demo.js';
import { governanceDemo } from '../governance/governance.demo.js';
import { ledgerDemo } from '../ledger/ledger.demo.js';
import { lotsDemo } from '../lots/lots.demo.js';
import { membersDemo } from '../members/members.demo.js';
import { orgsDemo } from '../orgs/orgs.demo.js';
import { AppError } from '../platform/errors.js';
import { salesDemo } from '../sales/sales.demo.js';

/**
 * The demo loader. Each domain contributes a part that builds on the parts before it (people first,
 * then members, then deliveries, …). Every person and figure in the demo is fictitious, and the
 * organizations are marked `is_demo`.
 */
export interface DemoContext {
  services: Services;
  password: string;
  progress(message: string): void;
  /** Ids of what earlier parts created, by slug, for later parts. */
  orgIds: Map<string, string>;
  /** `<role>@<slug>.example` → user id. */
  userIds: Map<string, string>;
}

export interface DemoPart {
  name: string;
  load(ctx: DemoContext): Promise<void>;
}

/** In dependency order. A new domain appends its part here. */
export const DEMO_PARTS: DemoPart[] = [
  orgsDemo,
  membersDemo,
  ledgerDemo,
  collectionDemo,
  governanceDemo,
  lotsDemo,
  salesDemo,
];

export const DEMO_PASSWORD = 'ayni-demo';

export async function loadDemo(
  services: Services,
  progress: (message: string) => void = () => {},
): Promise<void> {
  const existing = await services.deps.db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    throw new AppError('conflict', 'demo.not_empty');
  }
  const ctx: DemoContext = {
    services,
    password: DEMO_PASSWORD,
    progress,
    orgIds: new Map(),
    userIds: new Map(),
  };
  for (const part of DEMO_PARTS) {
    progress(`demo: ${part.name}`);
    await part.load(ctx);
  }
}
