import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { hasMessage, type Locale, translate } from '../platform/i18n.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { dashboardRows } from './dashboard.js';
import { memberCardPdf } from './documents/card.js';
import { writeCsv } from './import/export.js';
import {
  CardQuery,
  CertificationList,
  CertificationParams,
  CertificationView,
  ChangeStatusBody,
  ConsentView,
  CreateCertificationBody,
  CreateInspectionBody,
  CreateMemberBody,
  CreatePlotBody,
  DashboardQuery,
  InspectionDueList,
  InspectionList,
  InspectionsDueQuery,
  InspectionView,
  MemberDetail,
  MemberListQuery,
  MemberPage,
  MemberParams,
  MemberView,
  MyMemberRecord,
  PlotCollection,
  PlotList,
  PlotParams,
  PlotView,
  RecordConsentBody,
  SocialBaseDashboard,
  StandingQuery,
  StandingRuleBody,
  StandingRuleList,
  StandingRuleView,
  StandingView,
  StatusChangeList,
  UpdateCertificationBody,
  UpdateMemberBody,
  UpdatePlotBody,
} from './members.contract.js';
import type { MembersService } from './members.facade.js';
import type { Standing } from './standing.js';

type Issue = { code: string; path: string; params?: Record<string, string | number> };

/** Codes become sentences in the caller's language here, at the edge. */
const standingText = (s: Standing, locale: Locale) => ({
  ...s,
  reasons: s.reasons.map((r) => ({
    code: r.code,
    // a status inside a sentence reads in the caller's language too ("suspendido", not "suspended")
    message: translate(
      locale,
      r.code,
      r.params?.status
        ? { ...r.params, status: translate(locale, `members.status.${r.params.status}`) }
        : r.params,
    ),
  })),
});
function withText<T extends { standing: Standing }>(detail: T, locale: Locale) {
  return { ...detail, standing: standingText(detail.standing, locale) };
}
function plotText<T extends { warnings: Issue[] }>(plot: T, locale: Locale) {
  return {
    ...plot,
    warnings: plot.warnings.map((w) => ({
      code: w.code,
      path: w.path,
      message: translate(locale, w.code, w.params),
    })),
  };
}

export function registerMemberRoutes(app: HttpServer, members: MembersService) {
  const tags = ['members'];
  const base = '/api/v1/orgs/:org/members';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Search and list members (keyset pages)',
        params: OrgParams,
        querystring: MemberListQuery,
        response: { 200: MemberPage, ...problemResponses },
      },
    },
    async (request) => members.listMembers(requireActor(request), request.params.org, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Register a member (admin, manager)',
        params: OrgParams,
        body: CreateMemberBody,
        response: { 201: MemberView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await members.createMember(requireActor(request), request.params.org, request.body)),
  );

  app.get(
    `${base}/:memberNumber/card.pdf`,
    {
      schema: {
        tags,
        summary:
          'The member’s card with a QR code the assembly desk scans to check them in (A4 or thermal 80 mm)',
        params: MemberParams,
        querystring: CardQuery,
        response: { 200: fileResponse('The member card', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { organization: org, member } = await members.cardOf(
        actor,
        request.params.org,
        request.params.memberNumber,
      );
      const pdf = await memberCardPdf(
        { orgSlug: request.params.org, organization: org, member },
        request.query.paper,
        request.locale,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="carne-${member.memberNumber}.pdf"`)
        .send(pdf as never);
    },
  );

  app.get(
    `${base}/:memberNumber`,
    {
      schema: {
        tags,
        summary: 'One member, with standing, consents and certifications',
        params: MemberParams,
        response: { 200: MemberDetail, ...problemResponses },
      },
    },
    async (request) =>
      withText(
        await members.getMember(requireActor(request), request.params.org, request.params.memberNumber),
        request.locale,
      ),
  );

  app.patch(
    `${base}/:memberNumber`,
    {
      schema: {
        tags,
        summary: 'Correct a member’s data (admin, manager)',
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberView, ...problemResponses },
      },
    },
    async (request) =>
      members.updateMember(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
        request.body,
      ),
  );

  app.post(
    `${base}/:memberNumber/status`,
    {
      schema: {
        operationId: 'changeMemberStatus',
        tags,
        summary: 'Change status with a reason and an effective date (admin, manager)',
        params: MemberParams,
        body: ChangeStatusBody,
        response: { 200: MemberDetail, ...problemResponses },
      },
    },
    async (request) =>
      withText(
        await members.changeStatus(
          requireActor(request),
          request.params.org,
          request.params.memberNumber,
          request.body,
        ),
        request.locale,
      ),
  );

  app.get(
    `${base}/:memberNumber/history`,
    {
      schema: {
        tags,
        summary: 'Every status change: who, when, why',
        params: MemberParams,
        response: { 200: StatusChangeList, ...problemResponses },
      },
    },
    async (request) => ({
      // reasons the system wrote are message keys; people's reasons are their own words
      items: (
        await members.statusHistory(requireActor(request), request.params.org, request.params.memberNumber)
      ).map((h) => ({
        ...h,
        reason: hasMessage(h.reason) ? translate(request.locale, h.reason) : h.reason,
      })),
    }),
  );

  app.post(
    `${base}/:memberNumber/consents`,
    {
      schema: {
        tags,
        summary: 'Record a consent given or withdrawn (admin, manager)',
        params: MemberParams,
        body: RecordConsentBody,
        response: { 201: ConsentView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await members.recordConsent(
            requireActor(request),
            request.params.org,
            request.params.memberNumber,
            request.body,
          ),
        ),
  );

  app.get(
    `${base}/:memberNumber/standing`,
    {
      schema: {
        tags,
        summary: 'Good standing (socio hábil) on a date',
        params: MemberParams,
        querystring: StandingQuery,
        response: { 200: StandingView, ...problemResponses },
      },
    },
    async (request) =>
      standingText(
        await members.standing(
          requireActor(request),
          request.params.org,
          request.params.memberNumber,
          request.query.asOf,
        ),
        request.locale,
      ),
  );

  app.get(
    '/api/v1/orgs/:org/standing-rules',
    {
      schema: {
        tags,
        summary: 'Good-standing rules, effective-dated',
        params: OrgParams,
        response: { 200: StandingRuleList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await members.listStandingRules(requireActor(request), request.params.org),
    }),
  );

  app.post(
    '/api/v1/orgs/:org/standing-rules',
    {
      schema: {
        tags,
        summary: 'Add a good-standing rule from a date (admin)',
        params: OrgParams,
        body: StandingRuleBody,
        response: { 201: StandingRuleView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await members.addStandingRule(requireActor(request), request.params.org, request.body)),
  );

  app.get(
    '/api/v1/orgs/:org/me/member',
    {
      schema: {
        tags,
        summary: 'My own member record, plots and certifications (a member)',
        params: OrgParams,
        response: {
          200: MyMemberRecord,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const own = await members.ownMember(requireActor(request), request.params.org);
      return {
        ...own,
        member: withText(own.member, request.locale),
        plots: own.plots.map((p) => plotText(p, request.locale)),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:org/dashboard/social-base',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Social-base dashboard (a cooperative, or a central or program over the cooperatives that granted it)',
        params: OrgParams,
        querystring: DashboardQuery,
        response: { 200: SocialBaseDashboard, ...problemResponses },
      },
    },
    async (request) =>
      members.socialBaseDashboard(requireActor(request), request.params.org, request.query.asOf),
  );

  app.get(
    '/api/v1/orgs/:org/dashboard/social-base.csv',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'The dashboard’s figures as CSV',
        params: OrgParams,
        querystring: DashboardQuery,
        response: { 200: fileResponse('The dashboard figures', 'csv'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const dashboard = await members.socialBaseDashboard(
        requireActor(request),
        request.params.org,
        request.query.asOf,
      );
      const csv = writeCsv(['section', 'key', 'value'], dashboardRows(dashboard));
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="social-base-${request.params.org}-${dashboard.asOf}.csv"`,
        )
        .send(csv as never); // text, not JSON: no response schema for 200
    },
  );

  // ---- plots
  app.get(
    `${base}/:memberNumber/plots`,
    {
      schema: {
        tags: ['plots'],
        summary: 'A member’s plots',
        params: MemberParams,
        response: { 200: PlotList, ...problemResponses },
      },
    },
    async (request) => ({
      items: (
        await members.listPlots(requireActor(request), request.params.org, request.params.memberNumber)
      ).map((p) => plotText(p, request.locale)),
    }),
  );

  app.post(
    `${base}/:memberNumber/plots`,
    {
      schema: {
        tags: ['plots'],
        summary: 'Add a plot; the geometry is checked against the EUDR rules (admin, manager)',
        params: MemberParams,
        body: CreatePlotBody,
        response: { 201: PlotView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          plotText(
            await members.createPlot(
              requireActor(request),
              request.params.org,
              request.params.memberNumber,
              request.body,
            ),
            request.locale,
          ),
        ),
  );

  app.get(
    '/api/v1/orgs/:org/plots/:plotId',
    {
      schema: {
        tags: ['plots'],
        summary: 'One plot',
        params: PlotParams,
        response: { 200: PlotView, ...problemResponses },
      },
    },
    async (request) =>
      plotText(
        await members.getPlot(requireActor(request), request.params.org, request.params.plotId),
        request.locale,
      ),
  );

  app.patch(
    '/api/v1/orgs/:org/plots/:plotId',
    {
      schema: {
        tags: ['plots'],
        summary: 'Correct a plot (admin, manager)',
        params: PlotParams,
        body: UpdatePlotBody,
        response: { 200: PlotView, ...problemResponses },
      },
    },
    async (request) =>
      plotText(
        await members.updatePlot(
          requireActor(request),
          request.params.org,
          request.params.plotId,
          request.body,
        ),
        request.locale,
      ),
  );

  app.get(
    '/api/v1/orgs/:org/plots.geojson',
    {
      schema: {
        tags: ['plots'],
        summary: 'Every plot as a GeoJSON FeatureCollection keyed by member number',
        params: OrgParams,
        response: {
          200: PlotCollection,
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .type('application/geo+json')
        .send(await members.plotsGeoJson(requireActor(request), request.params.org)),
  );

  // ---- certifications and inspections
  app.get(
    `${base}/:memberNumber/certifications`,
    {
      schema: {
        tags: ['certifications'],
        summary: 'A member’s certifications',
        params: MemberParams,
        response: { 200: CertificationList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await members.listCertifications(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
      ),
    }),
  );

  app.post(
    `${base}/:memberNumber/certifications`,
    {
      schema: {
        tags: ['certifications'],
        summary: 'Record a certification (admin, manager)',
        params: MemberParams,
        body: CreateCertificationBody,
        response: { 201: CertificationView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await members.addCertification(
            requireActor(request),
            request.params.org,
            request.params.memberNumber,
            request.body,
          ),
        ),
  );

  app.patch(
    '/api/v1/orgs/:org/certifications/:certificationId',
    {
      schema: {
        tags: ['certifications'],
        summary: 'Change a certification’s status (admin, manager)',
        params: CertificationParams,
        body: UpdateCertificationBody,
        response: { 200: CertificationView, ...problemResponses },
      },
    },
    async (request) =>
      members.updateCertification(
        requireActor(request),
        request.params.org,
        request.params.certificationId,
        request.body,
      ),
  );

  app.get(
    `${base}/:memberNumber/inspections`,
    {
      schema: {
        tags: ['certifications'],
        summary: 'A member’s internal inspections',
        params: MemberParams,
        response: { 200: InspectionList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await members.listInspections(
        requireActor(request),
        request.params.org,
        request.params.memberNumber,
      ),
    }),
  );

  app.post(
    `${base}/:memberNumber/inspections`,
    {
      schema: {
        tags: ['certifications'],
        summary: 'Record an internal inspection (admin, manager)',
        params: MemberParams,
        body: CreateInspectionBody,
        response: { 201: InspectionView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await members.addInspection(
            requireActor(request),
            request.params.org,
            request.params.memberNumber,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/v1/orgs/:org/inspections/due',
    {
      schema: {
        operationId: 'listDueInspections',
        tags: ['certifications'],
        summary: 'Certified members whose yearly internal inspection is due',
        params: OrgParams,
        querystring: InspectionsDueQuery,
        response: { 200: InspectionDueList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await members.inspectionsDue(requireActor(request), request.params.org, request.query.asOf),
    }),
  );
}
