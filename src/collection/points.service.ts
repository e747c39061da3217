import type { Actor } from '../orgs/index.js';
import { auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { accessTo, type CollectionDeps, readAccess } from './access.js';
import * as q from './collection.queries.js';

/**
 * Collection points (puntos de acopio): where tickets are weighed, each numbering its own tickets, and
 * the cashiers assigned to record there.
 */

async function pointView(exec: Executor, orgId: string, p: Awaited<ReturnType<typeof q.listPoints>>[number]) {
  return {
    id: p.point_id,
    code: p.code,
    name: p.name,
    community: p.community,
    lastTicketNumber: p.last_ticket_number,
    cashiers: (await q.cashiersOf(exec, orgId, p.point_id)).map((c) => c.user_id),
  };
}

export async function createPoint(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  input: { id: string; code: string; name: string; community?: string | null | undefined },
) {
  return inTransaction(deps.db, async (trx) => {
    const a = await accessTo(deps, trx, actor, slug, 'collection.configure');
    const at = deps.clock.now();
    const { result } = await idempotentCreate(
      trx,
      { orgId: a.org.org_id, id: input.id, operation: 'point.create', body: input, at },
      async () => {
        if (await q.findPointByCode(trx, a.org.org_id, input.code))
          throw conflict('collection.point_code_taken', { code: input.code });
        const row = await q.insertPoint(trx, {
          org_id: a.org.org_id,
          point_id: input.id,
          code: input.code,
          name: input.name,
          community: input.community ?? null,
          created_at: at,
        });
        await appendAudit(trx, {
          orgId: a.org.org_id,
          actor: auditActor(actor),
          action: 'point.create',
          entityType: 'collection_point',
          entityId: row.point_id,
          data: input,
          at,
        });
        return pointView(trx, a.org.org_id, row);
      },
    );
    return result;
  });
}

export async function listPoints(deps: CollectionDeps, actor: Actor, slug: string) {
  const { db } = deps;
  const a = await readAccess(deps, db, actor, slug);
  return Promise.all((await q.listPoints(db, a.org.org_id)).map((p) => pointView(db, a.org.org_id, p)));
}

/** Assigns a cashier (a person with the cashier role here) to a point; once a point has cashiers, only they record there. */
export async function assignCashier(
  deps: CollectionDeps,
  actor: Actor,
  slug: string,
  pointCode: string,
  email: string,
) {
  return inTransaction(deps.db, async (trx) => {
    const a = await accessTo(deps, trx, actor, slug, 'collection.configure');
    const userId = await deps.orgs.userWithRole(trx, a.org.org_id, email, 'cashier');
    if (!userId)
      throw invalid('collection.not_a_cashier', [{ path: 'email', code: 'collection.not_a_cashier' }]);
    const point = await q.findPointByCode(trx, a.org.org_id, pointCode);
    if (!point) throw notFound('collection.point_not_found', { code: pointCode });
    await q.assignCashier(trx, {
      org_id: a.org.org_id,
      point_id: point.point_id,
      user_id: userId,
      assigned_at: deps.clock.now(),
    });
    await appendAudit(trx, {
      orgId: a.org.org_id,
      actor: auditActor(actor),
      action: 'point.assign_cashier',
      entityType: 'collection_point',
      entityId: point.point_id,
      data: { userId },
      at: deps.clock.now(),
    });
    return pointView(trx, a.org.org_id, point);
  });
}
