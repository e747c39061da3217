import { z } from 'zod';
import { requireActor } from '../orgs/index.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.contract.js';
import type { HttpServer } from '../platform/http/server.js';
import type { GovernanceService } from './governance.service.js';

const Majority = z.strictObject({
  kind: z.enum(['simple', 'absolute', 'two_thirds']),
  abstentionsCount: z.boolean(),
});
const StatuteBody = z.strictObject({
  id: ClientId,
  effectiveFrom: z.iso.date(),
  preset: z.enum(['PE', 'CO']).optional(),
  params: z
    .strictObject({
      firstCall: z
        .strictObject({ shareBp: z.number().int().min(0).max(10_000), strictlyMore: z.boolean() })
        .optional(),
      secondCall: z
        .strictObject({
          waitMinutes: z.number().int().min(0).max(1440),
          shareBp: z.number().int().min(0).max(10_000),
          minimumPresent: z.number().int().min(1),
        })
        .optional(),
      majorities: z
        .strictObject({
          ordinary: Majority,
          statute_reform: Majority,
          merger_dissolution: Majority,
          election: Majority,
        })
        .optional(),
      proxies: z
        .strictObject({ allowed: z.boolean(), maxPerPerson: z.number().int().min(0).max(10) })
        .optional(),
      noticeDays: z.number().int().min(0).max(90).optional(),
      termYears: z.number().int().min(1).max(10).optional(),
      maxConsecutiveTerms: z.number().int().min(1).max(10).optional(),
      organs: z
        .array(
          z.strictObject({
            organ: z.enum(['board', 'oversight', 'electoral', 'education', 'fiscal_auditor', 'delegates']),
            seats: z.number().int().min(1).max(15),
            alternates: z.number().int().min(0).max(15),
          }),
        )
        .max(6)
        .refine((organs) => new Set(organs.map((o) => o.organ)).size === organs.length, {
          message: 'each organ once',
        })
        .optional(),
      electionTieBreak: z.enum(['seniority', 'lot', 'runoff']).optional(),
      termWarningDays: z.number().int().min(0).max(365).optional(),
      ordinaryAssemblyMonths: z.number().int().min(1).max(12).optional(),
      minutes: z
        .strictObject({
          signDays: z.number().int().min(1).max(365),
          president: z.boolean(),
          secretary: z.boolean(),
          designatedMembers: z.number().int().min(0).max(9),
        })
        .optional(),
      delegates: z.strictObject({ membersPerDelegate: z.number().int().min(1).max(10_000) }).optional(),
      oversightReportsPerYear: z.number().int().min(0).max(12).optional(),
    })
    .optional(),
});
const ConveneBody = z.strictObject({
  id: ClientId,
  kind: z.enum(['ordinary', 'extraordinary', 'delegates']),
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().min(1).max(200),
  firstCallAt: z.iso.datetime({ offset: true }),
  secondCallAt: z.iso.datetime({ offset: true }),
  cutoffDate: z.iso.date(),
  agenda: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
});
const AssemblyParams = z.strictObject({ org: Slug, assemblyId: z.uuid() });
export const Assembly = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  place: z.string(),
  firstCallAt: z.string(),
  secondCallAt: z.string(),
  cutoffDate: z.string(),
  agenda: z.array(z.string()),
  eligible: z.number(),
  present: z.number(),
  inPerson: z.number(),
  represented: z.number(),
  /** The quorum on which the assembly took its first decision, recorded then. */
  quorumEstablished: z
    .object({
      call: z.enum(['first', 'second']),
      eligible: z.number(),
      present: z.number(),
      required: z.number(),
      met: z.boolean(),
      at: z.string(),
    })
    .nullable(),
  quorum: z.object({
    call: z.enum(['first', 'second']),
    eligible: z.number(),
    present: z.number(),
    required: z.number(),
    met: z.boolean(),
  }),
  motions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      decisionType: z.string(),
      method: z.string(),
      present: z.number(),
      yes: z.number(),
      no: z.number(),
      abstain: z.number(),
      requiredYes: z.number(),
      passed: z.boolean(),
      agendaItem: z.number().nullable(),
      amendsMotionId: z.uuid().nullable(),
    }),
  ),
  secretVotes: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      decisionType: z.string(),
      status: z.enum(['open', 'tallied']),
      passed: z.boolean().nullable(),
    }),
  ),
});
const MotionBody = z.strictObject({
  id: ClientId,
  title: z.string().trim().min(1).max(300),
  decisionType: z.enum(['ordinary', 'statute_reform', 'merger_dissolution', 'election']),
  method: z.enum(['hands', 'named']),
  /** The agenda item (1 for the first) the motion belongs to. */
  agendaItem: z.number().int().min(1).max(50).optional(),
  /** An amendment names the motion it amends. */
  amendsMotionId: z.uuid().optional(),
  yes: z.number().int().min(0).optional(),
  no: z.number().int().min(0).optional(),
  abstain: z.number().int().min(0).optional(),
  votes: z
    .array(
      z.strictObject({ memberNumber: z.string().min(1).max(30), choice: z.enum(['yes', 'no', 'abstain']) }),
    )
    .max(100_000)
    .optional(),
});

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
          201: z.object({ id: z.uuid(), effectiveFrom: z.string(), params: z.unknown() }),
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
          200: z.object({
            params: z.unknown(),
            source: z.enum(['statute', 'preset']),
            effectiveFrom: z.string().nullable(),
            country: z.string(),
            versions: z.array(
              z.object({
                id: z.uuid(),
                effectiveFrom: z.string(),
                recordedAt: z.string(),
                recordedBy: z.string(),
              }),
            ),
          }),
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
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                kind: z.string(),
                title: z.string(),
                firstCallAt: z.string(),
                place: z.string(),
              }),
            ),
          }),
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
        body: z.strictObject({ memberNumber: z.string().trim().min(1).max(120) }),
        response: {
          200: Assembly.extend({
            checkedIn: z.object({ memberNumber: z.string(), name: z.string(), already: z.boolean() }),
          }),
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

  const SecretVote = z.object({
    id: z.uuid(),
    assemblyId: z.uuid(),
    title: z.string(),
    decisionType: z.string(),
    status: z.enum(['open', 'tallied']),
    voted: z.number(),
    result: z
      .object({
        present: z.number(),
        yes: z.number(),
        no: z.number(),
        abstain: z.number(),
        requiredYes: z.number(),
        passed: z.boolean(),
      })
      .nullable(),
    ballots: z.array(z.object({ receiptCode: z.string(), choice: z.string() })),
  });
  const VoteParams = z.strictObject({ org: Slug, voteId: z.uuid() });
  app.post(
    '/api/v1/orgs/:org/assemblies/:assemblyId/secret-votes',
    {
      schema: {
        tags,
        summary: 'Open a secret electronic vote; the tellers’ passphrase seals it until the tally',
        params: AssemblyParams,
        body: z.strictObject({
          id: ClientId,
          title: z.string().trim().min(1).max(300),
          decisionType: z.enum(['ordinary', 'statute_reform', 'merger_dissolution', 'election']),
          passphrase: z.string().min(10).max(200),
        }),
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
        body: z.strictObject({
          choice: z.enum(['yes', 'no', 'abstain']),
          /** A member this voter holds the proxy of, who is not in the room. */
          forMemberNumber: z.string().trim().min(1).max(30).optional(),
        }),
        response: { 201: z.object({ receiptCode: z.string() }), ...problemResponses },
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
        body: z.strictObject({ passphrase: z.string().min(1).max(200) }),
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
