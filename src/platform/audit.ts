import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Trx } from './db/transaction.js';

/**
 * The audit trail: every write appends an event to its organization's hash chain in the same
 * transaction as the write. Each event's hash covers the previous hash, so changing or removing any
 * past event breaks every later link; `verifyAuditChain` finds the first broken one.
 */

export interface AuditActor {
  userId: string | null;
  /** What a person reads in the trail: an email, `token:<name>`, `cli`, `demo`. */
  label: string;
}

export interface AuditInput {
  orgId: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  /** What was written; only its digest is kept in the chain. */
  data: unknown;
  at: Date;
}

export const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so the same data always has the same digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const digestOf = (data: unknown) => sha256(canonicalJson(data));

interface LinkFields {
  orgId: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  digest: string;
  prevHash: string;
}

export function linkHash(f: LinkFields): string {
  return sha256(
    [
      f.prevHash,
      f.orgId,
      String(f.seq),
      f.occurredAt.toISOString(),
      f.actorUserId ?? '',
      f.actorLabel,
      f.action,
      f.entityType,
      f.entityId,
      f.digest,
    ].join('\n'),
  );
}

export async function appendAudit(trx: Trx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  // The head row's lock orders appends within one organization; INSERT … ON CONFLICT creates it once.
  await sql`INSERT INTO audit_heads (org_id, last_seq, last_hash) VALUES (${input.orgId}, 0, ${GENESIS_HASH})
            ON CONFLICT (org_id) DO NOTHING`.execute(trx);
  const head = await trx
    .selectFrom('audit_heads')
    .select(['last_seq', 'last_hash'])
    .where('org_id', '=', input.orgId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Millisecond precision, as timestamptz stores microseconds and JS dates hold milliseconds.
  const occurredAt = new Date(Math.floor(input.at.getTime()));
  const fields: LinkFields = {
    orgId: input.orgId,
    seq: head.last_seq + 1,
    occurredAt,
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    digest: digestOf(input.data),
    prevHash: head.last_hash,
  };
  const hash = linkHash(fields);
  await trx
    .insertInto('audit_events')
    .values({
      org_id: fields.orgId,
      seq: fields.seq,
      occurred_at: occurredAt,
      actor_user_id: fields.actorUserId,
      actor_label: fields.actorLabel,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      digest: fields.digest,
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  await trx
    .updateTable('audit_heads')
    .set({ last_seq: fields.seq, last_hash: hash })
    .where('org_id', '=', input.orgId)
    .execute();
  return { seq: fields.seq, hash };
}

export interface ChainVerdict {
  orgId: string;
  events: number;
  ok: boolean;
  /** The first event whose link does not hold, and why. */
  firstBroken?: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' };
}

/** Recomputes an organization's chain from the first event, in pages, and names the first broken link. */
export async function verifyAuditChain(db: Executor, orgId: string, pageSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return { orgId, events: count, ok: false, firstBroken: { seq: expectedSeq, reason: 'gap' } };
      }
      if (row.prev_hash !== prevHash) {
        return {
          orgId,
          events: count,
          ok: false,
          firstBroken: { seq: row.seq, reason: 'prev_hash_mismatch' },
        };
      }
      const recomputed = linkHash({
        orgId,
        seq: row.seq,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorLabel: row.actor_label,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        digest: row.digest,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) {
        return { orgId, events: count, ok: false, firstBroken: { seq: row.seq, reason: 'hash_mismatch' } };
      }
      prevHash = row.hash;
      expectedSeq++;
      count++;
    }
    if (page.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_heads')
    .select(['last_seq', 'last_hash'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (head && (head.last_seq !== count || head.last_hash !== prevHash)) {
    // Events were removed from the end, or the head was moved: the tip no longer matches.
    return { orgId, events: count, ok: false, firstBroken: { seq: count + 1, reason: 'head_mismatch' } };
  }
  return { orgId, events: count, ok: true };
}
