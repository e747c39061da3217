import { memberIdOf } from '../members/index.js';
import type { OrgAccess } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import { conflict, invalid } from '../platform/errors.js';
import { viewOf } from './elections.service.js';
import * as q from './governance.queries.js';
import * as facts from './member-facts.js';
import { assemblyOf, assemblyParams, type OrgansDeps } from './organs.common.js';
import type { StatuteParams } from './quorum.js';

/**
 * Proxies at an assembly (representación): a member on the roll represented by another where the
 * statute allows it; and what a member sees at an assembly, the proxies they hold included.
 */

type ProxyInput = { grantorNumber: string; holderNumber: string; documentRef?: string | undefined };

/**
 * Both on the roll, the grantor not in the room, no proxy already given, no chains (a holder who
 * gave a proxy, or a grantor who holds one), and no more per holder than the statute says.
 */
async function checkProxy(
  trx: Trx,
  a: OrgAccess,
  assembly: { assembly_id: string; cutoff_date: string },
  params: StatuteParams,
  input: ProxyInput,
  grantorId: string,
  holderId: string,
) {
  const orgId = a.org.org_id;
  const assemblyId = assembly.assembly_id;
  if (grantorId === holderId)
    throw invalid('error.invalid_body', [{ path: 'holderNumber', code: 'governance.proxy_to_self' }]);
  for (const [id, number] of [
    [grantorId, input.grantorNumber],
    [holderId, input.holderNumber],
  ] as const) {
    if (!(await q.rollEntry(trx, orgId, assemblyId, id)))
      throw conflict('governance.not_on_roll', { memberNumber: number, cutoff: assembly.cutoff_date });
  }
  if ((await q.rollEntry(trx, orgId, assemblyId, grantorId))!.checked_in_at)
    throw conflict('governance.grantor_present', { memberNumber: input.grantorNumber });
  if (await q.proxyOf(trx, orgId, assemblyId, grantorId))
    throw conflict('governance.proxy_exists', { memberNumber: input.grantorNumber });
  if (
    (await q.proxyOf(trx, orgId, assemblyId, holderId)) ||
    (await q.isProxyHolder(trx, orgId, assemblyId, grantorId))
  )
    throw conflict('governance.proxy_chain');
  const held = await q.proxiesHeldForUpdate(trx, orgId, assemblyId, holderId);
  if (held.length >= params.proxies.maxPerPerson)
    throw conflict('governance.too_many_proxies', {
      memberNumber: input.holderNumber,
      max: params.proxies.maxPerPerson,
    });
}

/**
 * Registers that a member on the roll is represented by another, where the statute allows proxies: not
 * in a delegates' assembly, not for someone already in the room, no chains, and no more per holder
 * than the statute says.
 */
export async function registerProxy(
  deps: OrgansDeps,
  actor: Actor,
  slug: string,
  assemblyId: string,
  input: ProxyInput,
) {
  await inTransaction(deps.db, async (trx) => {
    const a = await deps.governance.manageAccess(trx, actor, slug);
    const assembly = await assemblyOf(trx, a, assemblyId);
    const params = assemblyParams(a, assembly);
    if (!params.proxies.allowed || assembly.kind === 'delegates')
      throw conflict('governance.proxies_not_allowed');
    const grantorId = await memberIdOf(trx, a.org.org_id, input.grantorNumber);
    const holderId = await memberIdOf(trx, a.org.org_id, input.holderNumber);
    await checkProxy(trx, a, assembly, params, input, grantorId, holderId);
    const at = deps.clock.now();
    await q.insertProxy(trx, {
      org_id: a.org.org_id,
      assembly_id: assemblyId,
      grantor_member_id: grantorId,
      holder_member_id: holderId,
      document_ref: input.documentRef ?? null,
      registered_at: at,
      registered_by_label: auditActor(actor).label,
    });
    await appendAudit(trx, {
      orgId: a.org.org_id,
      actor: auditActor(actor),
      action: 'assembly.proxy',
      entityType: 'assembly',
      entityId: assemblyId,
      data: input,
      at,
    });
  });
  return listProxies(deps, actor, slug, assemblyId);
}

export async function listProxies(deps: OrgansDeps, actor: Actor, slug: string, assemblyId: string) {
  const a = await deps.governance.readAccess(deps.db, actor, slug);
  await assemblyOf(deps.db, a, assemblyId);
  return (await facts.proxiesOf(deps.members, deps.db, a.org.org_id, assemblyId)).map((p) => ({
    grantorNumber: p.grantor_number,
    grantorName: p.grantor_name,
    holderNumber: p.holder_number,
    holderName: p.holder_name,
    documentRef: p.document_ref,
    registeredAt: p.registered_at.toISOString(),
  }));
}

/** Which of the members a holder represents already voted in a vote or election (participation is public). */
async function votedForOf(exec: Executor, a: OrgAccess, represented: { grantor_number: string }[]) {
  const grantorIds = await Promise.all(
    represented.map(async (p) => ({
      number: p.grantor_number,
      id: await memberIdOf(exec, a.org.org_id, p.grantor_number),
    })),
  );
  return async (kind: 'vote' | 'election', id: string) => {
    const done: string[] = [];
    for (const g of grantorIds) if (await q.hasVoted(exec, a.org.org_id, kind, id, g.id)) done.push(g.number);
    return done;
  };
}

/**
 * What a member sees at an assembly: whether they are on the roll and checked in, the proxies they
 * hold, and the open secret votes and elections they (or those they represent) have not voted in yet.
 */
export async function myAssembly(deps: OrgansDeps, actor: Actor, slug: string, assemblyId: string) {
  const { db } = deps;
  const own = await deps.members.ownMember(actor, slug);
  const a = await deps.orgs.resolve(db, actor, slug);
  const assembly = await assemblyOf(db, a, assemblyId);
  const entry = await q.rollEntry(db, a.org.org_id, assemblyId, own.member.id);
  const represented = (await facts.proxiesOf(deps.members, db, a.org.org_id, assemblyId)).filter(
    (p) => p.holder_number === own.member.memberNumber,
  );
  const elections = await q.electionsOf(db, a.org.org_id, assemblyId);
  const votes = await q.secretVotesOf(db, a.org.org_id, assemblyId);
  const params = assemblyParams(a, assembly);
  const votedFor = await votedForOf(db, a, represented);
  return {
    assemblyId,
    title: assembly.title,
    onRoll: entry !== undefined,
    checkedIn: Boolean(entry?.checked_in_at),
    represents: represented.map((p) => ({ memberNumber: p.grantor_number, name: p.grantor_name })),
    proxiesAllowed: params.proxies.allowed,
    openVotes: await Promise.all(
      votes
        .filter((v) => v.status === 'open')
        .map(async (v) => ({
          id: v.vote_id,
          title: v.title,
          voted: await q.hasVoted(db, a.org.org_id, 'vote', v.vote_id, own.member.id),
          votedFor: await votedFor('vote', v.vote_id),
        })),
    ),
    openElections: await Promise.all(
      elections
        .filter((e) => e.status === 'open')
        .map(async (e) => ({
          ...(await viewOf(deps, a, e)),
          votedByMe: await q.hasVoted(db, a.org.org_id, 'election', e.election_id, own.member.id),
          votedFor: await votedFor('election', e.election_id),
        })),
    ),
  };
}
