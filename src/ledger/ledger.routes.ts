import type { MembersService } from '../members/index.js';
import { MemberParams } from '../members/members.contract.js';
import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { statementPdf } from './documents/statement.js';
import { Statement, StatementQuery, TrialBalance } from './ledger.contract.js';
import type { LedgerService } from './ledger.service.js';

/** Members' accounts: the trial balance and each member's statement (*estado de cuenta*). */
export function registerLedgerRoutes(app: HttpServer, ledger: LedgerService, members: MembersService) {
  const tags = ['accounts'];
  app.get(
    '/api/v1/orgs/:org/ledger/trial-balance',
    {
      schema: {
        tags,
        summary: 'Trial balance (balanza de comprobación)',
        params: OrgParams,
        response: { 200: TrialBalance, ...problemResponses },
      },
    },
    async (request) => ledger.trialBalance(requireActor(request), request.params.org),
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/statement',
    {
      schema: {
        tags,
        summary: 'A member’s statement with running balance (estado de cuenta)',
        params: MemberParams,
        querystring: StatementQuery,
        response: { 200: Statement, ...problemResponses },
      },
    },
    async (request) => {
      return ledger.memberStatement(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
        request.query.account,
      );
    },
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/statement.pdf',
    {
      schema: {
        tags,
        summary: 'The statement as PDF',
        params: MemberParams,
        querystring: StatementQuery,
        response: { 200: fileResponse('The statement', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const statement = await ledger.memberStatement(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
        request.query.account,
      );
      const pdf = await statementPdf(
        statement,
        { org: statement.organization, member: request.params.memberNumber },
        request.locale,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="estado-${request.params.memberNumber}.pdf"`)
        .send(pdf as never); // bytes, not JSON
    },
  );
  app.get(
    '/api/v1/orgs/:org/me/statement',
    {
      schema: {
        tags,
        summary: 'My own statement (a member)',
        params: OrgParams,
        querystring: StatementQuery,
        response: { 200: Statement, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const own = await members.ownMember(actor, request.params.org);
      return ledger.ownStatement(actor, request.params.org, own.member.id, request.query.account);
    },
  );
}
