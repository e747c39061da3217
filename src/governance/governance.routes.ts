import { requireActor } from '../orgs/auth.plugin.js';
import type { HttpServer } from '../platform/http/server.js';
import { registerMessages } from '../platform/i18n.js';
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

registerMessages('es', {
  'governance.notice_too_short':
    'El estatuto pide convocar con {days} días de anticipación; esta convocatoria da {given}.',
  'governance.second_call_too_soon':
    'La segunda convocatoria debe ser al menos {minutes} minuto(s) después de la primera.',
  'governance.statute_date_taken':
    'Ya hay una versión del estatuto vigente desde el {date}: elija otra fecha (las versiones no se sobrescriben).',
  'governance.cutoff_after_assembly': 'La fecha de corte del padrón debe ser anterior a la asamblea.',
  'governance.assembly_not_found': 'No se encontró la asamblea.',
  'governance.not_on_roll': 'El socio N.º {memberNumber} no está en el padrón de socios hábiles al {cutoff}.',
  'governance.no_quorum': 'No hay quórum: {present} presentes, se necesitan {required}.',
  'governance.voter_not_present': 'El socio N.º {memberNumber} no registró su asistencia.',
  'governance.more_votes_than_present': 'Hay {votes} votos y solo {present} presentes.',
  'governance.vote_not_found': 'No se encontró la votación.',
  'governance.vote_closed': 'La votación ya se cerró.',
  'governance.already_voted': 'Usted ya votó en esta votación.',
  'governance.wrong_passphrase': 'La clave de los escrutadores no es correcta.',
  'governance.envelopes_mismatch': 'Hay {voters} votantes y {envelopes} sobres: el escrutinio se detiene.',
  'governance.no_such_agenda_item': 'La agenda no tiene ese punto.',
  'governance.cutoff_in_future':
    'La fecha de corte no puede ser posterior a hoy: el padrón se congela al convocar, con lo que se sabe hoy.',
  'governance.voted_twice': 'El socio N.º {memberNumber} aparece dos veces en la votación nominal.',
  'governance.no_such_motion': 'La moción que se enmienda no existe en esta asamblea.',
});
registerMessages('en', {
  'governance.notice_too_short': 'The statute asks for {days} days’ notice; this convocation gives {given}.',
  'governance.second_call_too_soon': 'The second call must be at least {minutes} minute(s) after the first.',
  'governance.statute_date_taken':
    'There is already a statute version in force from {date}: choose another date (versions are never overwritten).',
  'governance.cutoff_after_assembly': 'The roll’s cut-off date must be before the assembly.',
  'governance.assembly_not_found': 'The assembly was not found.',
  'governance.not_on_roll':
    'Member No. {memberNumber} is not on the roll of members in good standing on {cutoff}.',
  'governance.no_quorum': 'There is no quorum: {present} present, {required} needed.',
  'governance.voter_not_present': 'Member No. {memberNumber} has not checked in.',
  'governance.more_votes_than_present': 'There are {votes} votes and only {present} people present.',
  'governance.vote_not_found': 'The vote was not found.',
  'governance.vote_closed': 'The vote is closed.',
  'governance.already_voted': 'You have already voted in this vote.',
  'governance.wrong_passphrase': 'The tellers’ passphrase is not correct.',
  'governance.envelopes_mismatch': 'There are {voters} voters and {envelopes} envelopes: the tally stops.',
  'governance.no_such_agenda_item': 'The agenda has no such item.',
  'governance.cutoff_in_future':
    'The cut-off date cannot be after today: the roll is frozen when convening, from what is known today.',
  'governance.voted_twice': 'Member No. {memberNumber} appears twice in the named vote.',
  'governance.no_such_motion': 'The motion being amended does not exist in this assembly.',
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
