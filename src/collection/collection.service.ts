import type { LedgerService } from '../ledger/index.js';
import type { OrgsService } from '../orgs/index.js';
import type { ServiceDeps } from '../platform/deps.js';
import type { CollectionDeps } from './access.js';
import { assignCashier, createPoint, listPoints } from './points.service.js';
import { createSchedule, listSchedules, pricePreview } from './schedules.service.js';
import {
  createTicket,
  createTicketBatch,
  deliverySummary,
  getTicket,
  listTickets,
  ticketsOfMember,
  voidTicket,
} from './tickets.service.js';

/**
 * Collection (*acopio*): collection points and their cashiers (points.service.ts), price schedules and
 * the price they give (schedules.service.ts), and weigh tickets priced by the schedule in force,
 * credited to the member's account and any cash paid at the desk debited, all in the ticket's
 * transaction (tickets.service.ts).
 *
 * This object only binds the module-level functions of those files to their deps, for the routes and
 * the domains that read tickets.
 */
export function createCollectionService(deps: ServiceDeps, orgs: OrgsService, ledger: LedgerService) {
  const d: CollectionDeps = { ...deps, orgs, ledger };
  const bind =
    <A extends unknown[], R>(fn: (deps: CollectionDeps, ...args: A) => R) =>
    (...args: A): R =>
      fn(d, ...args);
  return {
    ticketsOfMember: bind(ticketsOfMember),
    deliverySummary: bind(deliverySummary),
    createPoint: bind(createPoint),
    listPoints: bind(listPoints),
    assignCashier: bind(assignCashier),
    createSchedule: bind(createSchedule),
    listSchedules: bind(listSchedules),
    pricePreview: bind(pricePreview),
    createTicket: bind(createTicket),
    createTicketBatch: bind(createTicketBatch),
    voidTicket: bind(voidTicket),
    getTicket: bind(getTicket),
    listTickets: bind(listTickets),
  };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
