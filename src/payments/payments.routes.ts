import { writeCsv } from '../members/index.js';
import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { slipHtml, slipPdf } from './documents/slip.js';
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
