import type { MembersService } from '../members/index.js';
import type { OrgsService } from '../orgs/index.js';
import type { ServiceDeps } from '../platform/deps.js';
import { recordElectionCounts, tallyElection } from './election-count.service.js';
import {
  addCandidates,
  castElectionBallot,
  checkCandidates,
  createElection,
  electionsOfAssembly,
  electionView,
  openElection,
  startRunoff,
} from './elections.service.js';
import type { GovernanceService } from './governance.service.js';
import type { OrgansDeps } from './organs.common.js';
import { listProxies, myAssembly, registerProxy } from './proxies.service.js';
import { appointTerm, changeTerm, organsView } from './terms.service.js';

/**
 * The organs of a cooperative and who holds their seats (terms.service.ts); elections at an assembly,
 * secret (sealed envelopes opened by the tellers' passphrase, as for secret votes) or counted by the
 * tellers from paper ballots, whose winners enter office on the date set (elections.service.ts,
 * election-count.service.ts); proxies at an assembly (proxies.service.ts).
 *
 * This object only binds the module-level functions of those files to their deps, for the routes and
 * the minutes.
 */
export function createOrgansService(
  deps: ServiceDeps,
  orgs: OrgsService,
  members: MembersService,
  governance: GovernanceService,
) {
  const d: OrgansDeps = { ...deps, orgs, members, governance };
  const bind =
    <A extends unknown[], R>(fn: (deps: OrgansDeps, ...args: A) => R) =>
    (...args: A): R =>
      fn(d, ...args);
  return {
    organsView: bind(organsView),
    appointTerm: bind(appointTerm),
    changeTerm: bind(changeTerm),
    checkCandidates: bind(checkCandidates),
    startRunoff: bind(startRunoff),
    createElection: bind(createElection),
    addCandidates: bind(addCandidates),
    openElection: bind(openElection),
    castElectionBallot: bind(castElectionBallot),
    tallyElection: bind(tallyElection),
    recordElectionCounts: bind(recordElectionCounts),
    electionView: bind(electionView),
    electionsOfAssembly: bind(electionsOfAssembly),
    registerProxy: bind(registerProxy),
    listProxies: bind(listProxies),
    myAssembly: bind(myAssembly),
  };
}

export type OrgansService = ReturnType<typeof createOrgansService>;
