import { writeCsv } from '../members/import/export.js';
import { requireActor } from '../orgs/auth.plugin.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { hasMessage, type Locale, registerMessages, translate } from '../platform/i18n.js';
import { renderPdf } from '../platform/pdf.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  BatchParams,
  CreateBatchBody,
  MarkPaidBody,
  MarkPaidResponse,
  PaymentBatch,
  PaymentParams,
  SlipParams,
  SlipQuery,
  SlipView,
} from './payments.contract.js';
import type { PaymentsService } from './payments.service.js';

registerMessages('es', {
  'payments.nothing_to_pay': 'No hay socios con saldo por cobrar sin un pago pendiente.',
  'payments.batch_not_found': 'No se encontró el lote de pagos.',
  'payments.not_found': 'No se encontró el pago.',
  'payments.already_paid': 'Ese pago ya fue registrado como pagado (referencia {reference}).',
  'payments.member_not_in_settlement': 'El socio N.º {memberNumber} no figura en esta liquidación.',
  'slip.title': 'Boleta de liquidación',
  'slip.tickets': 'Entregas del periodo',
  'slip.settlement': 'Liquidación',
  'slip.deductions': 'Descuentos',
  'slip.payments': 'Pagos',
  'slip.balance': 'Saldo por cobrar',
  'slip.net': 'Neto de la liquidación',
  'slip.gross': 'Reintegro bruto',
  'slip.code.conventional': 'Convencional',
  'slip.code.organic': 'Orgánico',
  'slip.code.fairtrade': 'Comercio justo',
  'slip.code.organic_fairtrade': 'Orgánico y comercio justo',
  'slip.code.share_capital': 'Aporte de capital por quintal',
  'slip.code.owed': 'Deudas con la cooperativa',
  'slip.code.paid': 'pagado',
  'slip.code.pending': 'pendiente',
});
registerMessages('en', {
  'payments.nothing_to_pay': 'No member is owed money without a payment already pending.',
  'payments.batch_not_found': 'The payment batch was not found.',
  'payments.not_found': 'The payment was not found.',
  'payments.already_paid': 'That payment has already been marked paid (reference {reference}).',
  'payments.member_not_in_settlement': 'Member No. {memberNumber} is not in this settlement.',
  'slip.title': 'Settlement slip',
  'slip.tickets': 'Deliveries in the period',
  'slip.settlement': 'Settlement',
  'slip.deductions': 'Deductions',
  'slip.payments': 'Payments',
  'slip.balance': 'Balance owed to the member',
  'slip.net': 'Settlement net',
  'slip.gross': 'Gross second payment',
  'slip.code.conventional': 'Conventional',
  'slip.code.organic': 'Organic',
  'slip.code.fairtrade': 'Fairtrade',
  'slip.code.organic_fairtrade': 'Organic and Fairtrade',
  'slip.code.share_capital': 'Share capital per quintal',
  'slip.code.owed': 'Owed to the cooperative',
  'slip.code.paid': 'paid',
  'slip.code.pending': 'pending',
});

const html = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A printable page (A4, or 80 mm with the browser's print scale): the browser prints it or saves a PDF. */
function slipHtml(slip: Awaited<ReturnType<PaymentsService['slip']>>, locale: Locale): string {
  const t = (key: string) => html(translate(locale, key));
  const rows = (cells: unknown[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t('slip.title')} ${html(slip.member.memberNumber)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left}td:nth-child(n+3){text-align:right}h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:1.5rem}@media print{body{margin:0}}</style></head><body>
<h1>${t('slip.title')} — ${html(slip.organization.name)}</h1>
<p><strong>${html(slip.member.memberNumber)}</strong> ${html(slip.member.name)}<br>${html(slip.settlement.name)} (${html(slip.settlement.periodFrom)} – ${html(slip.settlement.periodTo)})</p>
<h2>${t('slip.tickets')}</h2><table><tr><th>Ticket</th><th>${locale === 'es' ? 'Fecha' : 'Date'}</th><th>${locale === 'es' ? 'Neto kg' : 'Net kg'}</th><th>${locale === 'es' ? 'Humedad %' : 'Moisture %'}</th><th>${locale === 'es' ? 'Rend. %' : 'Yield %'}</th><th>${locale === 'es' ? 'Pagable kg' : 'Payable kg'}</th><th>${slip.currency}/kg</th><th>${slip.currency}</th></tr>
${rows(slip.tickets.map((k) => [k.number, k.date, k.netKg, k.moisturePercent ?? '', k.yieldPercent ?? '', k.payableKg, k.unitPricePerKg, k.value]))}</table>
<h2>${t('slip.settlement')}</h2><table>${rows(slip.settlementLine.byClass.map((c) => [c.certificationClass, '', c.payableKg, c.amount]))}<tr><td><strong>${t('slip.gross')}</strong></td><td></td><td></td><td><strong>${html(slip.settlementLine.gross)}</strong></td></tr></table>
<h2>${t('slip.deductions')}</h2><table>${rows(slip.settlementLine.deductions.map((d) => [d.code, '', d.requested, d.taken]))}<tr><td><strong>${t('slip.net')}</strong></td><td></td><td></td><td><strong>${html(slip.settlementLine.net)}</strong></td></tr></table>
<h2>${t('slip.payments')}</h2><table>${rows(slip.payments.map((p) => [p.paidOn ?? '', p.reference ?? '', p.status, p.amount]))}</table>
<p><strong>${t('slip.balance')}: ${html(slip.currency)} ${html(slip.balance)}</strong></p></body></html>`;
}

/** The slip as a PDF: the same figures as the printable page. */
function slipPdf(slip: Awaited<ReturnType<PaymentsService['slip']>>, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  // codes (a class, a deduction, a status) read as words where the catalog has them
  const word = (code: string) => (hasMessage(`slip.code.${code}`) ? t(`slip.code.${code}`) : code);
  const es = locale === 'es';
  return renderPdf({
    title: `${t('slip.title')} — ${slip.member.memberNumber}`,
    subtitle: [
      slip.organization.name,
      slip.member.name,
      `${slip.settlement.name} (${slip.settlement.periodFrom} – ${slip.settlement.periodTo})`,
    ],
    sections: [
      {
        heading: t('slip.tickets'),
        table: {
          headers: [
            'Ticket',
            es ? 'Fecha' : 'Date',
            es ? 'Neto kg' : 'Net kg',
            es ? 'Hum. %' : 'Moist. %',
            es ? 'Rend. %' : 'Yield %',
            es ? 'Pagable kg' : 'Payable kg',
            `${slip.currency}/kg`,
            slip.currency,
          ],
          rows: slip.tickets.map((k) => [
            k.number,
            k.date,
            k.netKg,
            k.moisturePercent,
            k.yieldPercent,
            k.payableKg,
            k.unitPricePerKg,
            k.value,
          ]),
          numeric: [2, 3, 4, 5, 6, 7],
        },
      },
      {
        heading: t('slip.settlement'),
        table: {
          headers: [es ? 'Clase' : 'Class', es ? 'Pagable kg' : 'Payable kg', slip.currency],
          rows: slip.settlementLine.byClass.map((c) => [word(c.certificationClass), c.payableKg, c.amount]),
          numeric: [1, 2],
        },
        total: [t('slip.gross'), slip.settlementLine.gross],
      },
      {
        heading: t('slip.deductions'),
        table: {
          headers: [es ? 'Concepto' : 'Item', es ? 'Pedido' : 'Requested', es ? 'Descontado' : 'Taken'],
          rows: slip.settlementLine.deductions.map((d) => [word(d.code), d.requested, d.taken]),
          numeric: [1, 2],
        },
        total: [t('slip.net'), slip.settlementLine.net],
      },
      {
        heading: t('slip.payments'),
        table: {
          headers: [
            es ? 'Fecha' : 'Date',
            es ? 'Referencia' : 'Reference',
            es ? 'Estado' : 'Status',
            slip.currency,
          ],
          rows: slip.payments.map((p) => [p.paidOn, p.reference, word(p.status), p.amount]),
          numeric: [3],
        },
        total: [t('slip.balance'), `${slip.currency} ${slip.balance}`],
      },
    ],
  });
}

export function registerPaymentRoutes(app: HttpServer, payments: PaymentsService) {
  const tags = ['payments'];
  app.post(
    '/api/v1/orgs/:org/payment-batches',
    {
      schema: {
        tags,
        summary: 'A batch paying each member what the cooperative owes them (admin, manager, accountant)',
        params: OrgParams,
        body: CreateBatchBody,
        response: { 201: PaymentBatch, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await payments.createBatch(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    '/api/v1/orgs/:org/payment-batches/:batchId',
    {
      schema: {
        tags,
        summary: 'A payment batch',
        params: BatchParams,
        response: { 200: PaymentBatch, ...problemResponses },
      },
    },
    async (request) => payments.getBatch(requireActor(request), request.params.org, request.params.batchId),
  );
  app.get(
    '/api/v1/orgs/:org/payment-batches/:batchId/bank-file.csv',
    {
      schema: {
        tags,
        summary: 'The pending payments as CSV for the bank',
        params: BatchParams,
        response: { 200: fileResponse('The bank file', 'csv'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await payments.bankFile(requireActor(request), request.params.org, request.params.batchId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="pagos-${request.params.batchId}.csv"`)
        .send(writeCsv(file.headers, file.rows, { delimiter: ',' }) as never);
    },
  );
  app.post(
    '/api/v1/orgs/:org/payments/:paymentId/paid',
    {
      schema: {
        operationId: 'markPaymentPaid',
        tags,
        summary: 'Mark a payment paid with its reference: posted to the ledger once',
        params: PaymentParams,
        body: MarkPaidBody,
        response: {
          200: MarkPaidResponse,
          ...problemResponses,
        },
      },
    },
    async (request) =>
      payments.markPaid(requireActor(request), request.params.org, request.params.paymentId, request.body),
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/slip',
    {
      schema: {
        tags,
        summary: 'A member’s settlement slip: every ticket, price, deduction and payment',
        params: SlipParams,
        querystring: SlipQuery,
        response: { 200: SlipView, ...problemResponses },
      },
    },
    async (request) =>
      payments.slip(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
        request.query.settlementId,
      ),
  );
  app.get(
    '/api/v1/orgs/:org/me/slip.pdf',
    {
      schema: {
        tags,
        summary: 'My own settlement slip as PDF (a member)',
        params: OrgParams,
        querystring: SlipQuery,
        response: { 200: fileResponse('The settlement slip', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const slip = await payments.ownSlip(
        requireActor(request),
        request.params.org,
        request.query.settlementId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="boleta-${slip.member.memberNumber}.pdf"`)
        .send((await slipPdf(slip, request.locale)) as never);
    },
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/slip.pdf',
    {
      schema: {
        tags,
        summary: 'The slip as PDF',
        params: SlipParams,
        querystring: SlipQuery,
        response: { 200: fileResponse('The settlement slip', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const slip = await payments.slip(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
        request.query.settlementId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="boleta-${request.params.memberNumber}.pdf"`)
        .send((await slipPdf(slip, request.locale)) as never);
    },
  );
  app.get(
    '/api/v1/orgs/:org/members/:memberNumber/slip.html',
    {
      schema: {
        tags,
        summary: 'The slip as a printable page (print or save as PDF from the browser)',
        params: SlipParams,
        querystring: SlipQuery,
        response: { 200: fileResponse('The printable settlement slip', 'html'), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          slipHtml(
            await payments.slip(
              requireActor(request),
              request.params.org,
              request.params.memberNumber,
              request.query.settlementId,
            ),
            request.locale,
          ) as never,
        ),
  );
}
