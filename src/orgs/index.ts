/**
 * The public face of orgs: the only file (besides orgs.contract.ts) that other domains and the
 * composition roots may import. Everything else in this folder is internal; `npm run lint` fails on a
 * reach past this file (.dependency-cruiser.cjs).
 */
import './messages.js';

// Who acts, and what they may do.
export { type Actor, actorUserId, auditActor, personActor, systemActor } from './actor.js';
// The HTTP edge: authentication and the routes of this domain.
export { registerAuthentication, requireActor } from './auth.plugin.js';
export { registerAuthRoutes } from './auth.routes.js';
export { type AuthSettings, createAuthService, DEFAULT_AUTH_SETTINGS } from './auth.service.js';
// The demo's deterministic ids, which every domain's demo part uses.
export { demoId } from './orgs.demo.js';
/** Organizations by slug or ids, for other domains after they authorized the caller (a trace across a central's cooperatives, a lot's public page). */
export { findOrgBySlug, findOrgsByIds, listAllOrgs, listUsersWithOrgs, type OrgRow } from './orgs.queries.js';
export { registerOrgRoutes } from './orgs.routes.js';
// The service other domains call to authorize and to read organizations.
export { createOrgsService, type OrgAccess, type OrgsService, type OrgView } from './orgs.service.js';
export { ACTIONS, type Action, type DataArea, isRole, ROLES, type Role } from './permissions.js';
