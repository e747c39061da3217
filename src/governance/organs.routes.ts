import { z } from 'zod';
import { requireActor } from '../orgs/index.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.contract.js';
import type { HttpServer } from '../platform/http/server.js';
import type { OrgansService } from './organs.service.js';

const Organ = z.enum(['board', 'oversight', 'electoral', 'education', 'fiscal_auditor', 'delegates']);
const Position = z.enum(['president', 'vice_president', 'secretary', 'treasurer', 'member', 'alternate']);
const MemberNumber = z.string().trim().min(1).max(30);

export const Term = z.object({
  id: z.uuid(),
  organ: z.string(),
  position: z.string(),
  memberNumber: z.string().nullable(),
  holderName: z.string(),
  holderSex: z.string().nullable(),
  zone: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  endedOn: z.string().nullable(),
  endedReason: z.string().nullable(),
  electionId: z.string().nullable(),
});

export const Election = z.object({
  id: z.uuid(),
  assemblyId: z.uuid(),
  organ: z.string(),
  seats: z.number(),
  alternates: z.number(),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  method: z.enum(['secret', 'counted']),
  tieBreak: z.string(),
  /** The seed of the draw, published at the tally: sha256(seed:memberId) orders those tied. */
  drawSeed: z.string().nullable(),
  status: z.enum(['nominating', 'open', 'tallied']),
  voted: z.number(),
  blank: z.number().nullable(),
  candidates: z.array(
    z.object({
      ballotNumber: z.number(),
      memberNumber: z.string(),
      name: z.string(),
      sex: z.string().nullable(),
      votes: z.number().nullable(),
      outcome: z.string().nullable(),
      tieNote: z.string().nullable(),
    }),
  ),
  ballots: z.array(z.object({ receiptCode: z.string(), choices: z.array(z.string()) })),
});

const ProxyView = z.object({
  grantorNumber: z.string(),
  grantorName: z.string(),
  holderNumber: z.string(),
  holderName: z.string(),
  documentRef: z.string().nullable(),
  registeredAt: z.string(),
});

const AssemblyParams = z.strictObject({ org: Slug, assemblyId: z.uuid() });
const ElectionParams = z.strictObject({ org: Slug, electionId: z.uuid() });
const Passphrase = z.strictObject({ passphrase: z.string().min(8).max(200) });

export function registerOrganRoutes(app: HttpServer, organs: OrgansService) {
  const tags = ['governance'];
  app.get(
    '/api/v1/orgs/:org/organs',
    {
      schema: {
        tags,
        summary: 'The organs on a date: seats, holders in office, vacancies, terms about to expire',
        params: OrgParams,
        querystring: z.strictObject({ on: z.iso.date().optional() }),
        response: {
          200: z.object({
            date: z.string(),
            organs: z.array(
              z.object({
                organ: z.string(),
                seats: z.number(),
                alternates: z.number(),
                vacancies: z.number(),
                current: z.array(Term),
                history: z.array(Term),
              }),
            ),
            warnings: z.array(
              z.object({
                code: z.string(),
                organ: z.string(),
                holderName: z.string().optional(),
                endsOn: z.string().optional(),
                days: z.number().optional(),
                seats: z.number().optional(),
              }),
            ),
          }),
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
        body: z.strictObject({
          id: ClientId,
          organ: Organ,
          position: Position,
          memberNumber: MemberNumber.optional(),
          holderName: z.string().trim().min(1).max(200).optional(),
          holderSex: z.enum(['female', 'male']).optional(),
          zone: z.string().trim().min(1).max(120).optional(),
          startsOn: z.iso.date(),
          endsOn: z.iso.date().optional(),
        }),
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses },
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
        params: z.strictObject({ org: Slug, termId: z.uuid() }),
        body: z.strictObject({
          position: Position.optional(),
          endedOn: z.iso.date().optional(),
          endedReason: z.string().trim().min(1).max(300).optional(),
        }),
        response: { 200: Term, ...problemResponses },
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
        response: { 200: z.object({ items: z.array(Election) }), ...problemResponses },
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
        body: z.strictObject({
          id: ClientId,
          organ: Organ,
          seats: z.number().int().min(1).max(15).optional(),
          alternates: z.number().int().min(0).max(15).optional(),
          termStartsOn: z.iso.date(),
          termEndsOn: z.iso.date().optional(),
          method: z.enum(['secret', 'counted']),
          candidates: z.array(MemberNumber).max(60).default([]),
        }),
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
        body: z.strictObject({
          organ: Organ,
          termStartsOn: z.iso.date(),
          memberNumbers: z.array(MemberNumber).min(1).max(60),
        }),
        response: {
          200: z.object({
            items: z.array(z.object({ memberNumber: z.string(), reasons: z.array(z.string()) })),
          }),
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
        body: z.strictObject({ id: ClientId, method: z.enum(['secret', 'counted']).optional() }),
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
        body: z.strictObject({ memberNumbers: z.array(MemberNumber).min(1).max(60) }),
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
        body: z.strictObject({
          choices: z.array(MemberNumber).max(15),
          forMemberNumber: MemberNumber.optional(),
        }),
        response: { 201: z.object({ receiptCode: z.string() }), ...problemResponses },
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
        body: z.strictObject({
          voters: z.number().int().min(0),
          blank: z.number().int().min(0).default(0),
          counts: z
            .array(z.strictObject({ memberNumber: MemberNumber, votes: z.number().int().min(0) }))
            .max(60),
        }),
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
        response: { 200: z.object({ items: z.array(ProxyView) }), ...problemResponses },
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
        body: z.strictObject({
          grantorNumber: MemberNumber,
          holderNumber: MemberNumber,
          documentRef: z.string().trim().min(1).max(120).optional(),
        }),
        response: { 201: z.object({ items: z.array(ProxyView) }), ...problemResponses },
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
          200: z.object({
            assemblyId: z.uuid(),
            title: z.string(),
            onRoll: z.boolean(),
            checkedIn: z.boolean(),
            proxiesAllowed: z.boolean(),
            represents: z.array(z.object({ memberNumber: z.string(), name: z.string() })),
            /** `votedFor`: the represented members (numbers) whose ballot was already cast. */
            openVotes: z.array(
              z.object({
                id: z.uuid(),
                title: z.string(),
                voted: z.boolean(),
                votedFor: z.array(z.string()),
              }),
            ),
            openElections: z.array(
              Election.extend({ votedByMe: z.boolean(), votedFor: z.array(z.string()) }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      organs.myAssembly(requireActor(request), request.params.org, request.params.assemblyId),
  );
}
