/**
 * The public face of governance: the only file that other domains and the composition roots may
 * import (.dependency-cruiser.cjs).
 */
import './messages.js';

export { registerGovernanceRoutes } from './governance.routes.js';
export { createGovernanceService, type GovernanceService } from './governance.service.js';
export { registerMinutesRoutes } from './minutes.routes.js';
export { createMinutesService, type MinutesService } from './minutes.service.js';
export { registerOrganRoutes } from './organs.routes.js';
export { createOrgansService, type OrgansService } from './organs.service.js';
