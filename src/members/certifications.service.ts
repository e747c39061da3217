import type { Actor } from '../orgs/index.js';
import { auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import { invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { type MembersDeps, memberOrThrow, readAccess, writeAccess } from './access.js';
import * as q from './members.queries.js';
import type { CertificationScheme } from './members.tables.js';

/**
 * A member's certifications (organic, Fairtrade, Rainforest…), whole-farm or for one plot; an organic
 * certification in conversion carries its conversion year, and only then.
 */

type CertificationStatus = Parameters<typeof q.insertCertification>[1]['status'];

export function certificationView(
  c: Awaited<ReturnType<typeof q.certificationsOf>>[number],
  memberNumber: string,
) {
  return {
    id: c.certification_id,
    memberNumber,
    plotId: c.plot_id,
    scheme: c.scheme,
    status: c.status,
    conversionYear: c.conversion_year,
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    certificateRef: c.certificate_ref,
  };
}

/** In conversion ⇔ a conversion year is given. */
function checkConversionYear(input: {
  status: CertificationStatus;
  conversionYear?: number | null | undefined;
}) {
  if ((input.status === 'in_conversion') !== (input.conversionYear != null)) {
    throw invalid('error.invalid_body', [{ path: 'conversionYear', code: 'members.conversion_year_rule' }]);
  }
}

export async function listCertifications(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const member = await memberOrThrow(deps.db, access.org.org_id, memberNumber);
  return (await q.certificationsOf(deps.db, access.org.org_id, member.member_id)).map((c) =>
    certificationView(c, memberNumber),
  );
}

export async function addCertification(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
  input: {
    id: string;
    scheme: CertificationScheme;
    status: CertificationStatus;
    conversionYear?: number | null | undefined;
    validFrom: string;
    validUntil?: string | null | undefined;
    certificateRef?: string | null | undefined;
    plotId?: string | null | undefined;
  },
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
    const at = deps.clock.now();
    checkConversionYear(input);
    if (input.plotId) {
      const plot = await q.findPlot(trx, access.org.org_id, input.plotId);
      if (!plot || plot.member_id !== member.member_id)
        throw invalid('error.invalid_body', [{ path: 'plotId', code: 'members.plot_not_of_member' }]);
    }
    const { result } = await idempotentCreate(
      trx,
      {
        orgId: access.org.org_id,
        id: input.id,
        operation: 'certification.create',
        body: { memberNumber, ...input },
        at,
      },
      async () => {
        const row = await q.insertCertification(trx, {
          org_id: access.org.org_id,
          certification_id: input.id,
          member_id: member.member_id,
          plot_id: input.plotId ?? null,
          scheme: input.scheme,
          status: input.status,
          conversion_year: input.conversionYear ?? null,
          valid_from: input.validFrom,
          valid_until: input.validUntil ?? null,
          certificate_ref: input.certificateRef ?? null,
          created_at: at,
          updated_at: at,
        });
        await appendAudit(trx, {
          orgId: access.org.org_id,
          actor: auditActor(actor),
          action: 'certification.create',
          entityType: 'certification',
          entityId: row.certification_id,
          data: input,
          at,
        });
        return certificationView(row, memberNumber);
      },
    );
    return result;
  });
}

export async function updateCertification(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  certificationId: string,
  input: {
    status: CertificationStatus;
    conversionYear?: number | null | undefined;
    validUntil?: string | null | undefined;
  },
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const at = deps.clock.now();
    checkConversionYear(input);
    const row = await q.updateCertification(trx, access.org.org_id, certificationId, {
      status: input.status,
      conversion_year: input.conversionYear ?? null,
      ...(input.validUntil !== undefined && { valid_until: input.validUntil }),
      updated_at: at,
    });
    if (!row) throw notFound('members.certification_not_found');
    await appendAudit(trx, {
      orgId: access.org.org_id,
      actor: auditActor(actor),
      action: 'certification.update',
      entityType: 'certification',
      entityId: certificationId,
      data: input,
      at,
    });
    const member = (await q.allMembers(trx, access.org.org_id)).find((m) => m.member_id === row.member_id)!;
    return certificationView(row, member.member_number);
  });
}

/** For other domains' services (collection's classes): the member's certifications in force on a date. */
export function certificationsInForce(exec: Executor, orgId: string, memberId: string, date: string) {
  return q.certificationsInForce(exec, orgId, memberId, date);
}
