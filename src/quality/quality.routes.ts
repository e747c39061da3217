import { requireActor } from '../orgs/index.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  AnalysisBody,
  AnalysisView,
  CreateSampleBody,
  CreateSessionBody,
  DispatchBody,
  DispatchView,
  LotParams,
  LotQualityHistory,
  SampleDetail,
  SampleList,
  SampleListQuery,
  SampleParams,
  SampleView,
  ScoreBody,
  SessionDetail,
  SessionList,
  SessionParams,
  SessionView,
} from './quality.contract.js';
import type { QualityService } from './quality.service.js';

/** Thin routes for the quality lab: samples, analyses, cupping sessions, a lot's quality history. */
export function registerQualityRoutes(app: HttpServer, quality: QualityService) {
  const tags = ['quality'];
  const base = '/api/v1/orgs/:org/quality';

  app.get(
    `${base}/samples`,
    {
      schema: {
        tags,
        summary: 'Samples, newest first (optionally of one lot)',
        params: OrgParams,
        querystring: SampleListQuery,
        response: { 200: SampleList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await quality.listSamples(requireActor(request), request.params.org, request.query.lot),
    }),
  );
  app.post(
    `${base}/samples`,
    {
      schema: {
        tags,
        summary: 'Register a sample: drawn from a lot, or received (lab, manager)',
        params: OrgParams,
        body: CreateSampleBody,
        response: { 201: SampleView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await quality.createSample(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/samples/:sampleCode`,
    {
      schema: {
        tags,
        summary: 'A sample, where it went and its analyses',
        params: SampleParams,
        response: { 200: SampleDetail, ...problemResponses },
      },
    },
    async (request) =>
      quality.getSample(requireActor(request), request.params.org, request.params.sampleCode),
  );
  app.post(
    `${base}/samples/:sampleCode/dispatches`,
    {
      schema: {
        tags,
        summary: 'Record where a sample was sent (lab, manager)',
        params: SampleParams,
        body: DispatchBody,
        response: { 201: DispatchView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await quality.dispatchSample(
            requireActor(request),
            request.params.org,
            request.params.sampleCode,
            request.body,
          ),
        ),
  );
  app.post(
    `${base}/samples/:sampleCode/analyses`,
    {
      schema: {
        tags,
        summary: 'Record a physical analysis: moisture, density, screens, defects (lab, manager)',
        params: SampleParams,
        body: AnalysisBody,
        response: { 201: AnalysisView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await quality.recordAnalysis(
            requireActor(request),
            request.params.org,
            request.params.sampleCode,
            request.body,
          ),
        ),
  );

  app.get(
    `${base}/sessions`,
    {
      schema: {
        tags,
        summary: 'Cupping sessions, newest first',
        params: OrgParams,
        response: { 200: SessionList, ...problemResponses },
      },
    },
    async (request) => ({ items: await quality.listSessions(requireActor(request), request.params.org) }),
  );
  app.post(
    `${base}/sessions`,
    {
      schema: {
        tags,
        summary: 'Open a cupping session with samples presented blind (lab, manager)',
        params: OrgParams,
        body: CreateSessionBody,
        response: { 201: SessionView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await quality.createSession(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/sessions/:sessionId`,
    {
      schema: {
        tags,
        summary: 'A cupping session: blind codes and your scores while open; everything once closed',
        params: SessionParams,
        response: { 200: SessionDetail, ...problemResponses },
      },
    },
    async (request) =>
      quality.getSession(requireActor(request), request.params.org, request.params.sessionId),
  );
  app.post(
    `${base}/sessions/:sessionId/scores`,
    {
      schema: {
        tags,
        summary: 'Score one sample (SCA 2004 form), once per cupper (lab, manager)',
        params: SessionParams,
        body: ScoreBody,
        response: { 201: SessionDetail, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await quality.scoreSample(
            requireActor(request),
            request.params.org,
            request.params.sessionId,
            request.body,
          ),
        ),
  );
  app.post(
    `${base}/sessions/:sessionId/close`,
    {
      schema: {
        tags,
        summary: 'Close a session and reveal its samples (lab, manager)',
        params: SessionParams,
        response: { 200: SessionDetail, ...problemResponses },
      },
    },
    async (request) =>
      quality.closeSession(requireActor(request), request.params.org, request.params.sessionId),
  );
  app.get(
    `${base}/lots/:lotCode`,
    {
      schema: {
        tags,
        summary: 'A lot’s quality history: samples, analyses and cuppings over time',
        params: LotParams,
        response: { 200: LotQualityHistory, ...problemResponses },
      },
    },
    async (request) => quality.lotHistory(requireActor(request), request.params.org, request.params.lotCode),
  );
}
