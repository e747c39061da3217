import { requireActor } from '../orgs/index.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  Assembly,
  AssemblyList,
  AssemblyParams,
  BallotReceipt,
  CastBallotBody,
  CheckInBody,
  CheckInResponse,
  ConveneBody,
  MotionBody,
  OpenSecretVoteBody,
  SecretVote,
  StatuteBody,
  StatuteVersion,
  StatuteView,
  TallySecretVoteBody,
  VoteParams,
} from './governance.contract.js';
import type { GovernanceService } from './governance.service.js';

export function registerGovernanceRoutes(app: HttpServer, governance: GovernanceService) {
  const tags = ['governance'];
  app.post(
    '/api/v1/orgs/:org/statutes',
    {
      schema: {
        tags,
        summary:
          'Statute parameters from a date (quorum, majorities, notice, terms), from a preset (admin, manager, board)',
        params: OrgParams,
        body: StatuteBody,
        response: {
          201: StatuteVersion,
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.setStatute(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    '/api/v1/orgs/:org/statute',
    {
      schema: {
        tags,
        summary:
          'The statute in force today (or the country preset when none was recorded), and its versions',
        params: OrgParams,
        response: {
          200: StatuteView,
          ...problemResponses,
        },
      },
    },
    async (request) => governance.statuteView(requireActor(request), request.params.org),
  );
  app.get(
    '/api/v1/orgs/:org/assemblies',
    {
      schema: {
        tags,
        summary: 'Assemblies',
        params: OrgParams,
        response: {
          200: AssemblyList,
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: await governance.listAssemblies(requireActor(request), request.params.org),
    }),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies',
    {
      schema: {
        tags,
        summary:
          'Convene an assembly: notice checked, roll of members in good standing frozen at the cut-off',
        params: OrgParams,
        body: ConveneBody,
        response: { 201: Assembly, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.convene(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId',
    {
      schema: {
        tags,
        summary: 'An assembly with its live quorum and motions',
        params: AssemblyParams,
        response: { 200: Assembly, ...problemResponses },
      },
    },
    async (request) =>
      governance.getAssembly(requireActor(request), request.params.org, request.params.assemblyId),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/check-in',
    {
      schema: {
        operationId: 'checkInMember',
        tags,
        summary: 'Check a member in by number',
        params: AssemblyParams,
        // a member number, or the code scanned from the member's card
        body: CheckInBody,
        response: {
          200: CheckInResponse,
          ...problemResponses,
        },
      },
    },
    async (request) =>
      governance.checkIn(
        requireActor(request),
        request.params.org,
        request.params.assemblyId,
        request.body.memberNumber,
      ),
  );
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/motions',
    {
      schema: {
        tags,
        summary: 'Record a motion decided by hands or named votes, by the statute’s majority',
        params: AssemblyParams,
        body: MotionBody,
        response: { 200: Assembly, ...problemResponses },
      },
    },
    async (request) =>
      governance.recordMotion(
        requireActor(request),
        request.params.org,
        request.params.assemblyId,
        request.body,
      ),
  );

  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/secret-votes',
    {
      schema: {
        tags,
        summary: 'Open a secret electronic vote; the tellers’ passphrase seals it until the tally',
        params: AssemblyParams,
        body: OpenSecretVoteBody,
        response: { 201: SecretVote, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await governance.openSecretVote(
            requireActor(request),
            request.params.org,
            request.params.assemblyId,
            request.body,
          ),
        ),
  );
  app.get(
    '/api/v1/orgs/:org/secret-votes/:voteId',
    {
      schema: {
        tags,
        summary: 'A secret vote; once tallied, every ballot under its receipt code',
        params: VoteParams,
        response: { 200: SecretVote, ...problemResponses },
      },
    },
    async (request) =>
      governance.secretVoteView(requireActor(request), request.params.org, request.params.voteId),
  );
  app.post(
    '/api/v1/orgs/:org/secret-votes/:voteId/ballot',
    {
      schema: {
        operationId: 'castSecretVoteBallot',
        tags,
        summary: 'Cast my own ballot (a member checked in); returns my receipt code',
        params: VoteParams,
        body: CastBallotBody,
        response: { 201: BallotReceipt, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await governance.castBallot(
            requireActor(request),
            request.params.org,
            request.params.voteId,
            request.body.choice,
            request.body.forMemberNumber,
          ),
        ),
  );
  app.post(
    '/api/v1/orgs/:org/secret-votes/:voteId/tally',
    {
      schema: {
        tags,
        summary:
          'Close and count with the tellers’ passphrase; the ballots are published in a shuffled order',
        params: VoteParams,
        body: TallySecretVoteBody,
        response: { 200: SecretVote, ...problemResponses },
      },
    },
    async (request) =>
      governance.tallySecretVote(
        requireActor(request),
        request.params.org,
        request.params.voteId,
        request.body.passphrase,
      ),
  );
}
