import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { type Locale, negotiateLocale } from '../i18n.js';
import { openApiTransform, openApiTransformObject, operationIdHook } from './openapi.js';
import { sendProblem, toAppError } from './problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as `METHOD /path`, for the authorization matrix test and the docs. */
    routeList: string[];
  }
  interface FastifyRequest {
    /** The caller's language for messages: Accept-Language, else Spanish. */
    locale: Locale;
  }
}

export type HttpServer = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpOptions {
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** Built web app (dist/web) to serve at `/`, when present. */
  webRoot?: string;
  logger: boolean | { level: string };
  version: string;
}

/**
 * The HTTP edge shared by every domain: JSON only, zod-validated, errors as problem+json in the caller's
 * language, OpenAPI 3.1 generated from the same zod schemas. Domains add their routes as plugins.
 */
export async function createHttpServer(options: HttpOptions): Promise<HttpServer> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    trustProxy: false,
    // ids of our own make log lines and problem reports traceable without leaking anything
    genReqId: () => Math.random().toString(36).slice(2, 10),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
  });
  app.addHook('onRoute', operationIdHook());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('locale', 'es');
  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, options.bodyLimit);
    if (appError) return sendProblem(request, reply, appError);
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal', 'error.internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/healthz';
    if (
      !isApi &&
      options.webRoot &&
      request.method === 'GET' &&
      existsSync(`${options.webRoot}/index.html`)
    ) {
      // The web app routes on the client: every other GET path gets its page.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(
      request,
      reply,
      new AppError('not_found', 'error.route_not_found', {
        params: { method: request.method, url: request.url.split('?')[0] ?? '' },
      }),
    );
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ayni API',
        version: options.version,
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        description:
          'The API of Ayni, software that coffee cooperatives run themselves. Errors are RFC 9457 problem details ' +
          'in the language of the Accept-Language header (es, en). Cookie sessions must send X-CSRF-Token on ' +
          'writes; scripts use `Authorization: Bearer ayni_…` tokens.',
      },
      // Relative: the document describes the server that serves it.
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ayni_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
      maxAge: '1h',
      setHeaders(reply, path) {
        // Hashed assets never change; the page itself is always revalidated so updates show up.
        if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else reply.header('cache-control', 'no-cache');
      },
    });
  }

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  return app;
}
