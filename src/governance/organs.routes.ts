import { requireActor } from '../orgs/index.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  AddCandidatesBody,
  AppointTermBody,
  AppointTermResponse,
  AssemblyParams,
  BallotReceipt,
  CastElectionBallotBody,
  ChangeTermBody,
  ChangeTermParams,
  CheckCandidatesBody,
  CheckCandidatesResponse,
  CreateElectionBody,
  Election,
  ElectionList,
  ElectionParams,
  MyAssembly,
  OrgansQuery,
  OrgansView,
  Passphrase,
  ProxyList,
  RecordElectionCountsBody,
  RegisterProxyBody,
  StartRunoffBody,
  TermView,
} from './governance.contract.js';
import type { OrgansService } from './organs.service.js';

export function registerOrganRoutes(app: HttpServer, organs: OrgansService) {
  const tags = ['governance'];
  app.get(
    '/api/v1/orgs/:org/organs',
    {
      schema: {
        tags,
        summary: 'The organs on a date: seats, holders in office, vacancies, terms about to expire',
        params: OrgParams,
        querystring: OrgansQuery,
        response: {
          200: OrgansView,
          ...problemResponses,
        },
      },
    },
    async (request) => organs.organsView(requireActor(request), request.params.org, request.query.on),
  );
  app.post(
    '/api/v1/orgs/:org/terms',
    {
      schema: {
        tags,
        summary: 'Record who holds an office, from and to (eligibility checked against the statute)',
        params: OrgParams,
        body: AppointTermBody,
        response: { 201: AppointTermResponse, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await organs.appointTerm(requireActor(request), request.params.org, request.body)),
  );
  app.patch(
    '/api/v1/orgs/:org/terms/:termId',
    {
      schema: {
        tags,
        summary: 'Assign the position within the organ, or record that the holder left before the end',
        params: ChangeTermParams,
        body: ChangeTermBody,
        response: { 200: TermView, ...problemResponses },
      },
    },
    async (request) =>
      organs.changeTerm(requireActor(request), request.params.org, request.params.termId, request.body),
  );
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId/elections',
    {
      schema: {
        tags,
        summary: 'The elections of an assembly',
        params: AssemblyParams,
        response: { 200: ElectionList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await organs.electionsOfAssembly(
        requireActor(request),
        request.params.org,
        request.params.assemblyId,
      ),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/elections',
    {
      schema: {
        tags,
        summary: 'An election of an organ at an assembly, with its candidates (each checked for eligibility)',
        params: AssemblyParams,
        body: CreateElectionBody,
        response: { 201: Election, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await organs.createElection(
            requireActor(request),
            request.params.org,
            request.params.assemblyId,
            request.body,
          ),
        ),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/eligibility',
    {
      schema: {
        operationId: 'checkCandidateEligibility',
        tags,
        summary: 'Whether members may stand for an organ at this assembly, and if not why (changes nothing)',
        params: AssemblyParams,
        body: CheckCandidatesBody,
        response: {
          200: CheckCandidatesResponse,
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: await organs.checkCandidates(
        requireActor(request),
        request.params.org,
        request.params.assemblyId,
        request.body,
      ),
    }),
  );
  app.get(
    '/api/v1/orgs/:org/elections/:electionId',
    {
      schema: {
        tags,
        summary: 'An election; once tallied, the results and every secret ballot under its receipt code',
        params: ElectionParams,
        response: { 200: Election, ...problemResponses },
      },
    },
    async (request) =>
      organs.electionView(requireActor(request), request.params.org, request.params.electionId),
  );
  app.post(
    '/api/v1/orgs/:org/elections/:electionId/runoff',
    {
      schema: {
        operationId: 'createElectionRunoff',
        tags,
        summary: 'A runoff among those tied, for the places a tie left open (statute tie-break: runoff)',
        params: ElectionParams,
        body: StartRunoffBody,
        response: { 201: Election, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await organs.startRunoff(
            requireActor(request),
            request.params.org,
            request.params.electionId,
            request.body,
          ),
        ),
  );
  app.post(
    '/api/v1/orgs/:org/elections/:electionId/candidates',
    {
      schema: {
        tags,
        summary: 'Add candidates while nominations are open',
        params: ElectionParams,
        body: AddCandidatesBody,
        response: { 200: Election, ...problemResponses },
      },
    },
    async (request) =>
      organs.addCandidates(
        requireActor(request),
        request.params.org,
        request.params.electionId,
        request.body.memberNumbers,
      ),
  );
  app.post(
    '/api/v1/orgs/:org/elections/:electionId/open',
    {
      schema: {
        tags,
        summary: 'Close nominations and open a secret election, sealed with the tellers’ passphrase',
        params: ElectionParams,
        body: Passphrase,
        response: { 200: Election, ...problemResponses },
      },
    },
    async (request) =>
      organs.openElection(
        requireActor(request),
        request.params.org,
        request.params.electionId,
        request.body.passphrase,
      ),
  );
  app.post(
    '/api/v1/orgs/:org/elections/:electionId/ballot',
    {
      schema: {
        operationId: 'castElectionBallot',
        tags,
        summary: 'Cast my own ballot (or that of a member whose proxy I hold); returns my receipt code',
        params: ElectionParams,
        body: CastElectionBallotBody,
        response: { 201: BallotReceipt, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await organs.castElectionBallot(
            requireActor(request),
            request.params.org,
            request.params.electionId,
            request.body,
          ),
        ),
  );
  app.post(
    '/api/v1/orgs/:org/elections/:electionId/tally',
    {
      schema: {
        tags,
        summary:
          'The tellers open the envelopes with their passphrase; the elected enter office on the date set',
        params: ElectionParams,
        body: Passphrase,
        response: { 200: Election, ...problemResponses },
      },
    },
    async (request) =>
      organs.tallyElection(
        requireActor(request),
        request.params.org,
        request.params.electionId,
        request.body.passphrase,
      ),
  );
  app.post(
    '/api/v1/orgs/:org/elections/:electionId/counts',
    {
      schema: {
        operationId: 'recordElectionCounts',
        tags,
        summary:
          'Paper ballots: the tellers enter each candidate’s count; the elected enter office on the date set',
        params: ElectionParams,
        body: RecordElectionCountsBody,
        response: { 200: Election, ...problemResponses },
      },
    },
    async (request) =>
      organs.recordElectionCounts(
        requireActor(request),
        request.params.org,
        request.params.electionId,
        request.body,
      ),
  );
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId/proxies',
    {
      schema: {
        tags,
        summary: 'The proxies registered for an assembly',
        params: AssemblyParams,
        response: { 200: ProxyList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await organs.listProxies(requireActor(request), request.params.org, request.params.assemblyId),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/proxies',
    {
      schema: {
        tags,
        summary: 'Register a proxy (where the statute allows it, up to its maximum per person)',
        params: AssemblyParams,
        body: RegisterProxyBody,
        response: { 201: ProxyList, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        items: await organs.registerProxy(
          requireActor(request),
          request.params.org,
          request.params.assemblyId,
          request.body,
        ),
      }),
  );
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId/me',
    {
      schema: {
        operationId: 'getMyAssembly',
        tags,
        summary: 'For the member signed in: on the roll, checked in, proxies held, open votes and elections',
        params: AssemblyParams,
        response: {
          200: MyAssembly,
          ...problemResponses,
        },
      },
    },
    async (request) =>
      organs.myAssembly(requireActor(request), request.params.org, request.params.assemblyId),
  );
}
