import { sql } from 'kysely';
import { z } from 'zod';
import { createCollectionService, registerCollectionRoutes } from './collection/index.js';
import {
  createGovernanceService,
  createMinutesService,
  createOrgansService,
  registerGovernanceRoutes,
  registerMinutesRoutes,
  registerOrganRoutes,
} from './governance/index.js';
import { createLedgerService, registerLedgerRoutes } from './ledger/index.js';
import {
  createLotsService,
  createMillingService,
  createStockService,
  registerLotsRoutes,
} from './lots/index.js';
import {
  createImportService,
  createMembersService,
  registerImportRoutes,
  registerMemberRoutes,
} from './members/index.js';
import { nameOpenApiComponents } from './openapi-components.js';
import {
  type AuthSettings,
  createAuthService,
  createOrgsService,
  DEFAULT_AUTH_SETTINGS,
  registerAuthentication,
  registerAuthRoutes,
  registerOrgRoutes,
} from './orgs/index.js';
import { createPaymentsService, registerPaymentRoutes } from './payments/index.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Db } from './platform/db/transaction.js';
import { AppError } from './platform/errors.js';
import { Problem } from './platform/http/problem.js';
import { createHttpServer, type HttpServer } from './platform/http/server.js';
import { type IdGenerator, randomIds } from './platform/ids.js';
import { PACKAGE_VERSION } from './platform/paths.js';
import { createQualityService, registerQualityRoutes } from './quality/index.js';
import { createSalesService, createShipmentsService, registerSalesRoutes } from './sales/index.js';
import { createSettlementService, registerSettlementRoutes } from './settlement/index.js';
import {
  createPublicPageService,
  createTraceService,
  registerPublicPageRoutes,
  registerTraceRoutes,
} from './traceability/index.js';

/**
 * The composition root: builds every service from the database, the clock and the id source, and
 * mounts each domain's routes on the HTTP edge. Later domains add themselves here.
 */

export interface AppOptions {
  db: Db;
  clock?: Clock;
  ids?: IdGenerator;
  auth?: Partial<AuthSettings>;
  bodyLimit?: number;
  webRoot?: string;
  logger?: boolean | { level: string };
  secureCookies?: boolean;
}

export function createServices(options: Pick<AppOptions, 'db' | 'clock' | 'ids' | 'auth'>) {
  const deps = { db: options.db, clock: options.clock ?? systemClock, ids: options.ids ?? randomIds };
  const orgs = createOrgsService(deps);
  const members = createMembersService(deps, orgs);
  const ledger = createLedgerService(deps, orgs, members);
  const collection = createCollectionService(deps, orgs, ledger);
  const settlements = createSettlementService(deps, orgs, members, ledger);
  const governance = createGovernanceService(deps, orgs, members);
  const organs = createOrgansService(deps, orgs, members, governance);
  const sales = createSalesService(deps, orgs);
  return {
    deps,
    orgs,
    auth: createAuthService(deps, { ...DEFAULT_AUTH_SETTINGS, ...options.auth }),
    members,
    imports: createImportService(deps, members),
    ledger,
    collection,
    settlements,
    payments: createPaymentsService(deps, orgs, members, ledger, { collection, settlements }),
    governance,
    organs,
    minutes: createMinutesService(deps, orgs, members, governance, organs),
    stock: createStockService(deps, orgs),
    lots: createLotsService(deps, orgs, members),
    milling: createMillingService(deps, orgs, members),
    sales,
    shipments: createShipmentsService(deps, sales, ledger),
    trace: createTraceService(deps, orgs, members),
    publicPages: createPublicPageService(deps, orgs),
    quality: createQualityService(deps, orgs),
  };
}

export type Services = ReturnType<typeof createServices>;

export async function createApp(options: AppOptions): Promise<{ http: HttpServer; services: Services }> {
  const services = createServices(options);
  nameOpenApiComponents();
  const http = await createHttpServer({
    bodyLimit: options.bodyLimit ?? 1_048_576,
    logger: options.logger ?? false,
    version: PACKAGE_VERSION,
    ...(options.webRoot && { webRoot: options.webRoot }),
  });

  http.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Answers once the database answers',
        response: { 200: z.object({ status: z.literal('ok') }), 503: Problem },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(options.db);
      } catch (error) {
        throw new AppError('unavailable', 'error.unavailable', { cause: error });
      }
      return { status: 'ok' as const };
    },
  );

  registerAuthentication(http, services.auth);
  registerAuthRoutes(http, services.auth, { secureCookies: options.secureCookies ?? false });
  registerOrgRoutes(http, services.orgs, options.db);
  registerMemberRoutes(http, services.members);
  registerImportRoutes(http, services.imports, services.members);
  registerLedgerRoutes(http, services.ledger, services.members);
  registerCollectionRoutes(http, services.collection);
  registerSettlementRoutes(http, services.settlements);
  registerPaymentRoutes(http, services.payments);
  registerGovernanceRoutes(http, services.governance);
  registerOrganRoutes(http, services.organs);
  registerMinutesRoutes(http, services.minutes);
  registerLotsRoutes(http, services);
  registerSalesRoutes(http, services.sales, services.shipments);
  registerTraceRoutes(http, services.trace);
  registerPublicPageRoutes(http, services.publicPages);
  registerQualityRoutes(http, services.quality);
  return { http, services };
}
