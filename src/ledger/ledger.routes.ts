import { MemberParams } from '../members/members.contract.js';
import type { MembersService } from '../members/members.service.js';
import { requireActor } from '../orgs/auth.plugin.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { type Locale, registerMessages, translate } from '../platform/i18n.js';
import { renderPdf } from '../platform/pdf.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { Statement, StatementQuery, TrialBalance } from './ledger.contract.js';
import type { LedgerService } from './ledger.service.js';

registerMessages('es', {
  'statement.title': 'Estado de cuenta',
  'statement.account.payable_members': 'Cuenta por cobrar del socio (acopio)',
  'statement.account.receivable_members': 'Deudas del socio con la cooperativa',
  'statement.account.share_capital': 'Aportaciones de capital',
  'statement.date': 'Fecha',
  'statement.description': 'Concepto',
  'statement.amount': 'Importe',
  'statement.balance': 'Saldo',
  'statement.closing': 'Saldo final',
  'statement.footer':
    'Cada cifra sale de los asientos del libro de la cooperativa; pida el detalle de cualquier línea.',
});
registerMessages('en', {
  'statement.title': 'Statement of account',
  'statement.account.payable_members': 'Owed to the member (deliveries)',
  'statement.account.receivable_members': 'Owed by the member to the cooperative',
  'statement.account.share_capital': 'Share capital',
  'statement.date': 'Date',
  'statement.description': 'Description',
  'statement.amount': 'Amount',
  'statement.balance': 'Balance',
  'statement.closing': 'Closing balance',
  'statement.footer':
    'Every figure comes from the cooperative’s ledger entries; ask for the detail of any line.',
});

type StatementData = Awaited<ReturnType<LedgerService['memberStatement']>>;

/** The statement as a PDF a member can take home. */
export function statementPdf(statement: StatementData, who: { org: string; member: string }, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  return renderPdf({
    title: `${t('statement.title')} — ${who.member}`,
    subtitle: [who.org, `${t(`statement.account.${statement.account}`)} (${statement.currency})`],
    sections: [
      {
        table: {
          headers: [
            t('statement.date'),
            t('statement.description'),
            t('statement.amount'),
            t('statement.balance'),
          ],
          rows: statement.lines.map((l) => [l.date, l.description, l.amount, l.balance]),
          numeric: [2, 3],
        },
        total: [t('statement.closing'), `${statement.currency} ${statement.balance}`],
      },
    ],
    footer: t('statement.footer'),
  });
}

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
