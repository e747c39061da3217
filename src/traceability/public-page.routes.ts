import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../orgs/index.js';
import { AppError } from '../platform/errors.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import type { Locale } from '../platform/i18n.js';
import { noContentResponses, problemResponses } from '../shared/contract.js';
import { publicLotHtml, publicLotNotFoundHtml, qrSvg } from './documents/public-lot.html.js';
import { type PublicPageService, publicLotPath } from './public-page.service.js';
import {
  LotTraceParams,
  PublicationView,
  PublicLotParams,
  PublicLotView,
  PublishLotBody,
} from './traceability.contract.js';

const PublicPageQuery = z.object({ lang: z.enum(['es', 'en']).optional() });

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/**
 * The lot's public page: published by the organization (signed in), read by anyone at `/l/<org>/<code>` —
 * a server-rendered page with its Open Graph tags — and as JSON; its QR code as SVG for the bag's label.
 */
export function registerPublicPageRoutes(app: HttpServer, pages: PublicPageService) {
  const tags = ['traceability'];

  app.put(
    '/api/v1/orgs/:org/lots/:code/public-page',
    {
      schema: {
        tags,
        summary: 'Publish a lot’s public page, or change what it says (admin, manager, warehouse)',
        params: LotTraceParams,
        body: PublishLotBody,
        response: { 200: PublicationView, ...problemResponses },
      },
    },
    async (request) =>
      pages.publish(requireActor(request), request.params.org, request.params.code, request.body),
  );
  app.get(
    '/api/v1/orgs/:org/lots/:code/public-page',
    {
      schema: {
        tags,
        summary: 'Whether a lot’s page is published, and what it says',
        params: LotTraceParams,
        response: { 200: PublicationView, ...problemResponses },
      },
    },
    async (request) => pages.publication(requireActor(request), request.params.org, request.params.code),
  );
  app.delete(
    '/api/v1/orgs/:org/lots/:code/public-page',
    {
      schema: {
        tags,
        summary: 'Withdraw a lot’s public page',
        params: LotTraceParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await pages.withdraw(requireActor(request), request.params.org, request.params.code);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/public/lots/:org/:code',
    {
      schema: {
        tags,
        summary: 'A published lot as anyone may read it (no sign-in): origin, producers, area, in aggregate',
        params: PublicLotParams,
        security: [],
        response: { 200: PublicLotView, ...problemResponses },
      },
    },
    async (request) => pages.publicLot(request.params.org, request.params.code, request.locale),
  );
  app.get(
    '/l/:org/:code',
    { schema: { hide: true, params: PublicLotParams, querystring: PublicPageQuery } },
    async (request, reply) => {
      const locale: Locale = request.query.lang ?? request.locale;
      try {
        const view = await pages.publicLot(request.params.org, request.params.code, locale);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(publicLotHtml(view, locale, originOf(request)));
      } catch (error) {
        if (error instanceof AppError && error.kind === 'not_found')
          return reply.status(404).type('text/html; charset=utf-8').send(publicLotNotFoundHtml(locale));
        throw error;
      }
    },
  );
  app.get(
    '/l/:org/:code/qr.svg',
    {
      // A part of the public page (not the API), like the page itself: left out of the API document.
      schema: {
        hide: true,
        tags,
        summary: 'The QR code of a lot’s public page, for the bag or the offer',
        params: PublicLotParams,
        response: { 200: fileResponse('The QR code', 'svg') },
      },
    },
    async (request, reply) => {
      const url = `${originOf(request)}${publicLotPath(request.params.org, request.params.code)}`;
      return reply.type('image/svg+xml').send(qrSvg(url, request.params.code));
    },
  );
}
