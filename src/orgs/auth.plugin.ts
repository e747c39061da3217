import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { HttpServer } from '../platform/http/server.js';
import type { Actor } from './actor.js';
import type { AuthService } from './auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved before the handler on every /api route; undefined when nobody is signed in. */
    actor?: Actor;
  }
}

export const SESSION_COOKIE = 'ayni_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds who is calling (bearer token or session cookie) and enforces CSRF for cookie sessions: a
 * write must carry the session's X-CSRF-Token, which a foreign site cannot read. Bearer tokens are
 * not sent by browsers on their own, so they need no CSRF token.
 */
export function registerAuthentication(app: HttpServer, auth: AuthService): void {
  app.decorateRequest('actor', undefined);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match ? await auth.actorFromToken(match[1]!) : undefined;
      if (!actor) throw new AppError('unauthenticated', 'auth.token_revoked');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const actor = await auth.actorFromSession(cookie);
    if (actor?.kind !== 'user') return;
    if (
      UNSAFE.has(request.method) &&
      (!actor.csrfToken || request.headers['x-csrf-token'] !== actor.csrfToken)
    ) {
      throw new AppError('forbidden', 'error.csrf');
    }
    request.actor = actor;
  });
}

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError(
      'unauthenticated',
      request.cookies[SESSION_COOKIE] ? 'auth.session_expired' : 'error.unauthenticated',
    );
  }
  return request.actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  secret: string,
  maxAgeSeconds: number,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
