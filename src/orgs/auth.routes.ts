import type { HttpServer } from '../platform/http/server.js';
import { clearSessionCookie, requireActor, setSessionCookie } from './auth.plugin.js';
import type { AuthService } from './auth.service.js';
import {
  ChangePasswordBody,
  MeView,
  noContentResponses,
  problemResponses,
  SignInBody,
  SignInResponse,
  UpdateMeBody,
} from './orgs.contract.js';

/** Sign-in, sign-out, the caller's own profile and password. */
export function registerAuthRoutes(app: HttpServer, auth: AuthService, options: { secureCookies: boolean }) {
  const tags = ['session'];

  app.post(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: SignInBody,
        response: { 200: SignInResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await auth.signIn({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
      });
      setSessionCookie(reply, session.secret, session.maxAgeSeconds, options.secureCookies);
      const actor = await auth.actorFromSession(session.secret);
      const user = await auth.me(actor!);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags, summary: 'Sign out', response: noContentResponses } },
    async (request, reply) => {
      await auth.signOut(requireActor(request));
      clearSessionCookie(reply, options.secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/sessions',
    {
      schema: {
        tags,
        summary: 'Sign out everywhere: ends every session of the caller',
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await auth.signOutEverywhere(requireActor(request));
      clearSessionCookie(reply, options.secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'Who am I', response: { 200: MeView, ...problemResponses } } },
    async (request) => auth.me(requireActor(request)),
  );

  app.patch(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Change my language or name',
        body: UpdateMeBody,
        response: { 200: MeView, ...problemResponses },
      },
    },
    async (request) => auth.updateMe(requireActor(request), request.body),
  );

  app.put(
    '/api/v1/me/password',
    {
      schema: {
        operationId: 'changeMyPassword',
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: ChangePasswordBody,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await auth.changePassword(
        requireActor(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
}
