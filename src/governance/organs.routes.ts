import { requireActor } from '../orgs/auth.plugin.js';
import type { HttpServer } from '../platform/http/server.js';
import { registerMessages } from '../platform/i18n.js';
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

registerMessages('es', {
  'governance.ineligible': 'Hay {count} impedimento(s) para ocupar el cargo.',
  'governance.ineligible.not_in_good_standing': 'El socio N.º {memberNumber} no es socio hábil.',
  'governance.ineligible.reelection_limit':
    'El socio N.º {memberNumber} llegó al límite de reelecciones consecutivas del estatuto.',
  'governance.ineligible.on_electoral_committee':
    'El socio N.º {memberNumber} integra el Comité Electoral y no puede postular a otro órgano.',
  'governance.ineligible.incompatible_office':
    'El socio N.º {memberNumber} ocupa un cargo incompatible (Consejo de Administración y de Vigilancia).',
  'governance.already_candidate': 'El socio N.º {memberNumber} ya es candidato.',
  'governance.not_a_candidate': 'El socio N.º {memberNumber} no es candidato en esta elección.',
  'governance.holder_must_be_member':
    'Solo el Revisor Fiscal puede no ser socio: indique el número de socio.',
  'governance.term_ends_before_start': 'El periodo debe terminar después de empezar.',
  'governance.term_starts_before_election': 'El periodo no puede empezar antes de la asamblea que elige.',
  'governance.organ_not_in_statute': 'El estatuto no prevé ese órgano.',
  'governance.term_not_found': 'No se encontró el periodo del cargo.',
  'governance.term_already_ended': 'Ese cargo ya terminó el {endedOn}.',
  'governance.ended_outside_term': 'La fecha de término debe estar dentro del periodo.',
  'governance.election_not_found': 'No se encontró la elección.',
  'governance.nominations_closed': 'La inscripción de candidatos ya se cerró.',
  'governance.election_is_counted':
    'Esta elección es con cédulas contadas por los escrutadores, no electrónica.',
  'governance.election_is_secret': 'Esta elección es con voto secreto electrónico: se escruta con la clave.',
  'governance.election_already_open': 'La elección ya está abierta.',
  'governance.election_not_open': 'La elección todavía no está abierta.',
  'governance.no_candidates': 'No hay candidatos inscritos.',
  'governance.duplicate_choice': 'Marcó al mismo candidato dos veces.',
  'governance.too_many_choices': 'Puede marcar como máximo {seats} candidatos.',
  'governance.count_above_voters': 'Un conteo supera el número de votantes.',
  'governance.counts_exceed_ballots':
    'Los votos suman más de lo que permiten las cédulas ({seats} marcas por cédula).',
  'governance.proxies_not_allowed': 'El estatuto no permite poderes en esta asamblea.',
  'governance.proxy_to_self': 'Un socio no puede darse poder a sí mismo.',
  'governance.grantor_present': 'El socio N.º {memberNumber} está presente: vota en persona.',
  'governance.proxy_exists': 'El socio N.º {memberNumber} ya dio su poder.',
  'governance.proxy_chain': 'Quien representa a otro no puede a su vez ser representado.',
  'governance.too_many_proxies':
    'El socio N.º {memberNumber} ya tiene {max} poder(es), el máximo del estatuto.',
  'governance.no_proxy': 'Usted no tiene el poder del socio N.º {memberNumber}.',
  'governance.empty_roll':
    'No hay nadie en el padrón a esa fecha de corte (socios hábiles o delegados en funciones).',
  'governance.term_expiring': 'El periodo de {holderName} termina el {endsOn}.',
  'governance.vacant_seats': '{seats} cargo(s) vacante(s).',
  'governance.card_of_other_org': 'Ese carné es de otra cooperativa.',
  'governance.ineligible.incompatible_candidacy':
    'El socio N.º {memberNumber} ya postula en esta asamblea a un órgano incompatible con este.',
  'governance.nothing_to_change': 'Indique el nuevo cargo o la fecha en que dejó el cargo.',
  'governance.no_tie': 'Esta elección no dejó empates por resolver.',
});
registerMessages('en', {
  'governance.ineligible': 'There are {count} reason(s) this person cannot hold the office.',
  'governance.ineligible.not_in_good_standing': 'Member No. {memberNumber} is not in good standing.',
  'governance.ineligible.reelection_limit':
    'Member No. {memberNumber} has reached the statute’s limit of consecutive terms.',
  'governance.ineligible.on_electoral_committee':
    'Member No. {memberNumber} sits on the Electoral Committee and cannot stand for another organ.',
  'governance.ineligible.incompatible_office':
    'Member No. {memberNumber} holds an incompatible office (Board and Oversight Council).',
  'governance.already_candidate': 'Member No. {memberNumber} is already a candidate.',
  'governance.not_a_candidate': 'Member No. {memberNumber} is not a candidate in this election.',
  'governance.holder_must_be_member':
    'Only the statutory auditor may be a non-member: give the member number.',
  'governance.term_ends_before_start': 'The term must end after it starts.',
  'governance.term_starts_before_election': 'The term cannot start before the assembly that elects it.',
  'governance.organ_not_in_statute': 'The statute has no such organ.',
  'governance.term_not_found': 'The term of office was not found.',
  'governance.term_already_ended': 'That term already ended on {endedOn}.',
  'governance.ended_outside_term': 'The end date must fall within the term.',
  'governance.election_not_found': 'The election was not found.',
  'governance.nominations_closed': 'Nominations are closed.',
  'governance.election_is_counted':
    'This election uses paper ballots counted by the tellers, not electronic ones.',
  'governance.election_is_secret':
    'This election uses secret electronic ballots: it is tallied with the passphrase.',
  'governance.election_already_open': 'The election is already open.',
  'governance.election_not_open': 'The election is not open yet.',
  'governance.no_candidates': 'There are no candidates.',
  'governance.duplicate_choice': 'The same candidate was marked twice.',
  'governance.too_many_choices': 'You may mark at most {seats} candidates.',
  'governance.count_above_voters': 'A count exceeds the number of voters.',
  'governance.counts_exceed_ballots':
    'The votes add up to more than the ballots allow ({seats} marks per ballot).',
  'governance.proxies_not_allowed': 'The statute does not allow proxies at this assembly.',
  'governance.proxy_to_self': 'A member cannot hold their own proxy.',
  'governance.grantor_present': 'Member No. {memberNumber} is present and votes in person.',
  'governance.proxy_exists': 'Member No. {memberNumber} has already given a proxy.',
  'governance.proxy_chain': 'Someone representing another cannot be represented in turn.',
  'governance.too_many_proxies':
    'Member No. {memberNumber} already holds {max} proxy(ies), the statute’s maximum.',
  'governance.no_proxy': 'You do not hold the proxy of member No. {memberNumber}.',
  'governance.empty_roll':
    'Nobody is on the roll at that cut-off (members in good standing, or delegates in office).',
  'governance.term_expiring': 'The term of {holderName} ends on {endsOn}.',
  'governance.vacant_seats': '{seats} seat(s) vacant.',
  'governance.card_of_other_org': 'That card belongs to another cooperative.',
  'governance.ineligible.incompatible_candidacy':
    'Member No. {memberNumber} already stands at this assembly for an organ incompatible with this one.',
  'governance.nothing_to_change': 'Give the new position or the date the holder left office.',
  'governance.no_tie': 'This election left no tie to settle.',
});

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
