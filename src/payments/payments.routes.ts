import { z } from 'zod';
import { writeCsv } from '../members/index.js';
import { requireActor } from '../orgs/index.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.contract.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { slipHtml, slipPdf } from './documents/slip.js';
import type { PaymentsService } from './payments.service.js';

const CreateBatchBody = z.strictObject({
  id: ClientId,
  method: z.enum(['cash', 'bank', 'mobile_wallet']),
  memberNumbers: z.array(z.string().min(1).max(30)).max(100_000).optional(),
  note: z.string().trim().max(300).nullable().optional(),
});
const BatchParams = z.strictObject({ org: Slug, batchId: z.uuid() });
const PaymentParams = z.strictObject({ org: Slug, paymentId: z.uuid() });
const SlipParams = z.strictObject({ org: Slug, memberNumber: z.string().min(1).max(30) });
const SlipQuery = z.strictObject({ settlementId: z.uuid() });
export const Batch = z.object({
  id: z.uuid(),
  method: z.string(),
  note: z.string().nullable(),
  currency: z.string(),
  createdAt: z.string(),
  total: z.string(),
  payments: z.array(
    z.object({
      id: z.uuid(),
      memberNumber: z.string(),
      memberName: z.string(),
      nationalId: z.string().nullable(),
      bankName: z.string().nullable(),
      bankAccount: z.string().nullable(),
      walletPhone: z.string().nullable(),
      amount: z.string(),
      status: z.string(),
      reference: z.string().nullable(),
      paidOn: z.string().nullable(),
    }),
  ),
});

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
        response: { 201: Batch, ...problemResponses },
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
        response: { 200: Batch, ...problemResponses },
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
        body: z.strictObject({ reference: z.string().trim().min(1).max(100), paidOn: z.iso.date() }),
        response: {
          200: z.object({ id: z.uuid(), status: z.literal('paid'), reference: z.string().nullable() }),
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
        response: { 200: z.unknown(), ...problemResponses },
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
