import { z } from 'zod';
import { verifyAuditChain } from '../platform/audit.js';
import type { Db } from '../platform/db/transaction.js';
import type { HttpServer } from '../platform/http/server.js';
import { requireActor } from './auth.plugin.js';
import {
  AddUserBody,
  AddUserResponse,
  AuditPage,
  AuditQuery,
  AuditVerdict,
  CreatedToken,
  CreateGrantBody,
  CreateOrgBody,
  CreateTokenBody,
  GrantList,
  GrantParams,
  GrantView,
  noContentResponses,
  OrgList,
  OrgParams,
  OrgUser,
  OrgView,
  problemResponses,
  TokenParams,
  TokenView,
  UpdateOrgBody,
  UserRoleParams,
} from './orgs.contract.js';
import type { OrgsService } from './orgs.service.js';

/** Thin routes: parse (zod), find the actor, call the service. Rights are checked in the service. */
export function registerOrgRoutes(app: HttpServer, orgs: OrgsService, db: Db) {
  const tags = ['organizations'];

  app.get(
    '/api/v1/orgs',
    { schema: { tags, summary: 'Organizations I may see', response: { 200: OrgList, ...problemResponses } } },
    async (request) => ({
      items: await orgs.listVisibleOrgs(requireActor(request)),
    }),
  );

  app.post(
    '/api/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Create an organization (platform administrators)',
        body: CreateOrgBody,
        response: { 201: OrgView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orgs.createOrg(requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/orgs/:org',
    {
      schema: {
        tags,
        summary: 'One organization',
        params: OrgParams,
        response: { 200: OrgView, ...problemResponses },
      },
    },
    async (request) => orgs.getOrg(requireActor(request), request.params.org),
  );

  app.patch(
    '/api/v1/orgs/:org',
    {
      schema: {
        tags,
        summary: 'Update an organization (admin)',
        params: OrgParams,
        body: UpdateOrgBody,
        response: { 200: OrgView, ...problemResponses },
      },
    },
    async (request) => orgs.updateOrg(requireActor(request), request.params.org, request.body),
  );

  app.get(
    '/api/v1/orgs/:org/users',
    {
      schema: {
        tags: ['people'],
        summary: 'People and their roles (admin, manager)',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(OrgUser) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await orgs.listOrgUsers(requireActor(request), request.params.org) }),
  );

  app.post(
    '/api/v1/orgs/:org/users',
    {
      schema: {
        operationId: 'addUserRole',
        tags: ['people'],
        summary: 'Give a person a role, creating the account if new (admin)',
        params: OrgParams,
        body: AddUserBody,
        response: { 200: AddUserResponse, 201: AddUserResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await orgs.addUserRole(requireActor(request), request.params.org, request.body);
      return reply.status(result.addedRole ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/api/v1/orgs/:org/users/:userId/roles/:role',
    {
      schema: {
        tags: ['people'],
        summary: 'Take a role away (admin)',
        params: UserRoleParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await orgs.removeUserRole(
        requireActor(request),
        request.params.org,
        request.params.userId,
        request.params.role,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/orgs/:org/grants',
    {
      schema: {
        tags: ['data sharing'],
        summary: 'Data-sharing grants given and received',
        params: OrgParams,
        response: { 200: GrantList, ...problemResponses },
      },
    },
    async (request) => orgs.listGrants(requireActor(request), request.params.org),
  );

  app.post(
    '/api/v1/orgs/:org/grants',
    {
      schema: {
        tags: ['data sharing'],
        summary: 'Let a central or program read one data area (cooperative admin)',
        params: OrgParams,
        body: CreateGrantBody,
        response: { 201: GrantView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orgs.createGrant(requireActor(request), request.params.org, request.body)),
  );

  app.post(
    '/api/v1/orgs/:org/grants/:grantId/revoke',
    {
      schema: {
        tags: ['data sharing'],
        summary: 'Revoke a grant (cooperative admin)',
        params: GrantParams,
        response: { 200: GrantView, ...problemResponses },
      },
    },
    async (request) => orgs.revokeGrant(requireActor(request), request.params.org, request.params.grantId),
  );

  app.get(
    '/api/v1/orgs/:org/tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'API tokens (admin)',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(TokenView) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await orgs.listTokens(requireActor(request), request.params.org) }),
  );

  app.post(
    '/api/v1/orgs/:org/tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Create an API token for one of my roles (admin); the secret is shown once',
        params: OrgParams,
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orgs.createToken(requireActor(request), request.params.org, request.body)),
  );

  app.post(
    '/api/v1/orgs/:org/tokens/:tokenId/revoke',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Revoke an API token (admin)',
        params: TokenParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await orgs.revokeToken(requireActor(request), request.params.org, request.params.tokenId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/orgs/:org/audit',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'Audit trail, newest first (admin, oversight)',
        params: OrgParams,
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses },
      },
    },
    async (request) => ({
      items: await orgs.listAudit(requireActor(request), request.params.org, {
        limit: request.query.limit,
        ...(request.query.beforeSeq !== undefined && { beforeSeq: request.query.beforeSeq }),
      }),
    }),
  );

  app.get(
    '/api/v1/orgs/:org/audit/verify',
    {
      schema: {
        operationId: 'verifyAuditTrail',
        tags: ['audit'],
        summary: 'Recompute the hash chain (admin, oversight)',
        params: OrgParams,
        response: { 200: AuditVerdict, ...problemResponses },
      },
    },
    async (request) => {
      const access = await orgs.authorize(db, requireActor(request), request.params.org, 'audit.read');
      const verdict = await verifyAuditChain(db, access.org.org_id);
      return {
        ok: verdict.ok,
        events: verdict.events,
        ...(verdict.firstBroken && { firstBroken: verdict.firstBroken }),
      };
    },
  );
}
