import {
  PointView as CollectionPointView,
  ScheduleView,
  TicketView,
} from './collection/collection.contract.js';
import { Assembly } from './governance/governance.routes.js';
import { Minutes } from './governance/minutes.routes.js';
import { Election, Term } from './governance/organs.routes.js';
import { Statement } from './ledger/ledger.routes.js';
import {
  CertificationView,
  InspectionView,
  MemberDetail,
  MemberView,
  PlotView,
  StandingRuleView,
} from './members/members.contract.js';
import { AuditEvent, GrantView, MeView, OrgView, TokenView } from './orgs/orgs.contract.js';
import { Batch } from './payments/payments.routes.js';
import { nameSchemas } from './platform/http/openapi.js';
import { Preview } from './settlement/settlement.routes.js';

/**
 * The schemas the OpenAPI document names as components: the views several operations answer
 * with, written once and referenced (`#/components/schemas/Settlement`) instead of repeated under
 * every operation. When a domain's contract file names its schemas itself (`.meta({ id })`), its
 * entries here go.
 */
export function nameOpenApiComponents(): void {
  nameSchemas({
    Organization: OrgView,
    CurrentUser: MeView,
    Grant: GrantView,
    ApiToken: TokenView,
    AuditEvent,
    Member: MemberView,
    MemberDetail,
    Plot: PlotView,
    Certification: CertificationView,
    Inspection: InspectionView,
    StandingRule: StandingRuleView,
    CollectionPoint: CollectionPointView,
    PriceSchedule: ScheduleView,
    Ticket: TicketView,
    Settlement: Preview,
    PaymentBatch: Batch,
    Statement,
    Assembly,
    Minutes,
    Term,
    Election,
  });
}
