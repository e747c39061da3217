import type { LedgerService } from '../ledger/index.js';
import type { Actor, OrgAccess, OrgsService } from '../orgs/index.js';
import { ACTIONS } from '../orgs/index.js';
import type { Executor } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';

/** What the collection services are built from: the shared deps, authorization, and the ledger tickets post to. */
export interface CollectionDeps extends ServiceDeps {
  orgs: OrgsService;
  ledger: LedgerService;
}

/** Access to record at the desk (`collection.write`) or to configure points and prices, in a cooperative. */
export async function accessTo(
  deps: Pick<CollectionDeps, 'orgs'>,
  exec: Executor,
  actor: Actor,
  slug: string,
  action: 'collection.write' | 'collection.configure',
): Promise<OrgAccess> {
  const a = await deps.orgs.authorize(exec, actor, slug, action);
  if (a.org.kind !== 'cooperative') throw notFound('members.not_a_cooperative', { slug });
  return a;
}

/** Read access to collection: the cooperative's staff, or a central or program it granted the area. */
export const readAccess = (deps: Pick<CollectionDeps, 'orgs'>, exec: Executor, actor: Actor, slug: string) =>
  deps.orgs.authorizeArea(exec, actor, slug, 'collection', ACTIONS['collection.read']);
