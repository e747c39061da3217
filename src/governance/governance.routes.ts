import { z } from 'zod';
import { requireActor } from '../orgs/auth.plugin.js';
import { ClientId, OrgParams, problemResponses, Slug } from '../orgs/orgs.schema.js';
import type { HttpServer } from '../platform/http/server.js';
import { type Locale, registerMessages, translate } from '../platform/i18n.js';
import { renderPdf } from '../platform/pdf.js';
import type { GovernanceService } from './governance.service.js';

registerMessages('es', {
  'governance.notice_too_short':
    'El estatuto pide convocar con {days} días de anticipación; esta convocatoria da {given}.',
  'governance.second_call_too_soon':
    'La segunda convocatoria debe ser al menos {minutes} minutos después de la primera.',
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
});
registerMessages('en', {
  'governance.notice_too_short': 'The statute asks for {days} days’ notice; this convocation gives {given}.',
  'governance.second_call_too_soon': 'The second call must be at least {minutes} minutes after the first.',
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
});

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
const Assembly = z.object({
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
    }),
  ),
});
const MotionBody = z.strictObject({
  id: ClientId,
  title: z.string().trim().min(1).max(300),
  decisionType: z.enum(['ordinary', 'statute_reform', 'merger_dissolution', 'election']),
  method: z.enum(['hands', 'named']),
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

registerMessages('es', {
  'minutes.title': 'Acta de asamblea (borrador)',
  'minutes.convocation': 'Convocatoria',
  'minutes.attendance': 'Asistencia y quórum',
  'minutes.agenda': 'Agenda',
  'minutes.motions': 'Acuerdos',
  'minutes.secret': 'Votaciones secretas',
  'minutes.passed': 'aprobado',
  'minutes.rejected': 'no aprobado',
  'minutes.pending': 'en curso',
  'minutes.footer':
    'Borrador generado del registro de la asamblea; lo revisa la secretaría y lo firman quienes el estatuto señala.',
});
registerMessages('en', {
  'minutes.title': 'Minutes of the assembly (draft)',
  'minutes.convocation': 'Convocation',
  'minutes.attendance': 'Attendance and quorum',
  'minutes.agenda': 'Agenda',
  'minutes.motions': 'Decisions',
  'minutes.secret': 'Secret votes',
  'minutes.passed': 'passed',
  'minutes.rejected': 'not passed',
  'minutes.pending': 'in progress',
  'minutes.footer':
    'Draft made from the assembly’s record; the secretary reviews it and the people the statute names sign it.',
});

function minutesPdf(minutes: Awaited<ReturnType<GovernanceService['minutesDraft']>>, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  const es = locale === 'es';
  const a = minutes.assembly;
  const result = (passed: boolean | null) =>
    t(passed === null ? 'minutes.pending' : passed ? 'minutes.passed' : 'minutes.rejected');
  return renderPdf({
    title: `${t('minutes.title')}: ${a.title}`,
    subtitle: [minutes.organization],
    sections: [
      {
        heading: t('minutes.convocation'),
        pairs: [
          [es ? 'Lugar' : 'Place', a.place],
          [es ? 'Primera convocatoria' : 'First call', a.firstCallAt],
          [es ? 'Segunda convocatoria' : 'Second call', a.secondCallAt],
          [es ? 'Padrón al' : 'Roll as of', a.cutoffDate],
        ],
      },
      {
        heading: t('minutes.attendance'),
        pairs: [
          [es ? 'Socios hábiles' : 'Members in good standing', String(a.eligible)],
          [es ? 'Presentes' : 'Present', String(a.present)],
          [es ? 'Quórum requerido' : 'Quorum required', String(a.quorum.required)],
          [es ? 'Hay quórum' : 'Quorum met', a.quorum.met ? (es ? 'sí' : 'yes') : 'no'],
        ],
      },
      {
        heading: t('minutes.agenda'),
        text: a.agenda.map((item, i) => `${i + 1}. ${item}`).join('\n') || '-',
      },
      {
        heading: t('minutes.motions'),
        table: {
          headers: [es ? 'Moción' : 'Motion', es ? 'Sí' : 'Yes', 'No', 'Abst.', es ? 'Resultado' : 'Result'],
          rows: a.motions.map((m) => [m.title, m.yes, m.no, m.abstain, result(m.passed)]),
          numeric: [1, 2, 3],
        },
      },
      {
        heading: t('minutes.secret'),
        table: {
          headers: [es ? 'Votación' : 'Vote', es ? 'Sí' : 'Yes', 'No', 'Abst.', es ? 'Resultado' : 'Result'],
          rows: minutes.secretVotes.map((v) => [v.title, v.yes, v.no, v.abstain, result(v.passed)]),
          numeric: [1, 2, 3],
        },
      },
    ],
    footer: t('minutes.footer'),
  });
}

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
        tags,
        summary: 'Check a member in by number',
        params: AssemblyParams,
        body: z.strictObject({ memberNumber: z.string().trim().min(1).max(30) }),
        response: { 200: Assembly, ...problemResponses },
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
        tags,
        summary: 'Cast my own ballot (a member checked in); returns my receipt code',
        params: VoteParams,
        body: z.strictObject({ choice: z.enum(['yes', 'no', 'abstain']) }),
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
  app.get(
    '/api/v1/orgs/:org/assemblies/:assemblyId/minutes.pdf',
    {
      schema: {
        tags,
        summary: 'The draft of the minutes, from the assembly’s record, as PDF',
        params: AssemblyParams,
        response: problemResponses,
      },
    },
    async (request, reply) => {
      const minutes = await governance.minutesDraft(
        requireActor(request),
        request.params.org,
        request.params.assemblyId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="acta.pdf"')
        .send((await minutesPdf(minutes, request.locale)) as never);
    },
  );
}
