import { z } from 'zod';
import { requireActor } from '../orgs/index.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import {
  AddInputsBody,
  CooperativeLotsView,
  CountBody,
  CountList,
  CountParams,
  CountView,
  CreateLotBody,
  CreateMillingBody,
  CreateWarehouseBody,
  DeliverBody,
  DrawBody,
  FinishMillingBody,
  LotDetail,
  LotList,
  LotParams,
  LotQuery,
  MillingList,
  MillingOutputBody,
  MillingParams,
  MillingView,
  MovementList,
  MovementQuery,
  StockQuery,
  StockView,
  SuggestCodeQuery,
  SuggestedCode,
  TicketCandidateList,
  TicketCandidatesQuery,
  TransferBody,
  TransferView,
  WarehouseList,
  WarehouseView,
} from './lots.contract.js';
import type { LotsService } from './lots.service.js';
import type { MillingService } from './milling.service.js';
import type { StockService } from './stock.service.js';

const LotOwnerQuery = z.strictObject({
  owner: z.string().max(60).optional().describe('the cooperative that owns the lot (a central reading it)'),
});

/** Thin routes of the value chain's first half: warehouses, stock, counts, lots, deliveries, milling. */
export function registerLotsRoutes(
  app: HttpServer,
  services: { stock: StockService; lots: LotsService; milling: MillingService },
) {
  const { stock, lots, milling } = services;
  const tags = ['lots'];
  const base = '/api/v1/orgs/:org';

  // ---- warehouses and stock ----------------------------------------------------------------------
  app.get(
    `${base}/warehouses`,
    {
      schema: {
        tags,
        summary: 'Warehouses, mills, port stores and collection points’ stores',
        params: OrgParams,
        response: { 200: WarehouseList, ...problemResponses },
      },
    },
    async (request) => ({ items: await stock.listWarehouses(requireActor(request), request.params.org) }),
  );
  app.post(
    `${base}/warehouses`,
    {
      schema: {
        tags,
        summary: 'Open a warehouse, mill or port store (admin, manager)',
        params: OrgParams,
        body: CreateWarehouseBody,
        response: { 201: WarehouseView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await stock.createWarehouse(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/stock`,
    {
      schema: {
        tags,
        summary: 'Stock per warehouse, product and class: now, or at the end of a day',
        params: OrgParams,
        querystring: StockQuery,
        response: { 200: StockView, ...problemResponses },
      },
    },
    async (request) => stock.stock(requireActor(request), request.params.org, request.query),
  );
  app.get(
    `${base}/stock/movements`,
    {
      schema: {
        tags,
        summary: 'Stock movements, newest first, with filters',
        params: OrgParams,
        querystring: MovementQuery,
        response: { 200: MovementList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await stock.movements(requireActor(request), request.params.org, request.query),
    }),
  );
  app.post(
    `${base}/stock/transfers`,
    {
      schema: {
        tags,
        summary: 'Move a lot or loose product between warehouses',
        params: OrgParams,
        body: TransferBody,
        response: { 201: TransferView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await stock.transfer(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/stock/counts`,
    {
      schema: {
        tags,
        summary: 'Inventory counts, newest first',
        params: OrgParams,
        response: { 200: CountList, ...problemResponses },
      },
    },
    async (request) => ({ items: await stock.listCounts(requireActor(request), request.params.org) }),
  );
  app.post(
    `${base}/stock/counts`,
    {
      schema: {
        tags,
        summary: 'Record an inventory count (differences wait for a second person)',
        params: OrgParams,
        body: CountBody,
        response: { 201: CountView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await stock.recordCount(requireActor(request), request.params.org, request.body)),
  );
  app.post(
    `${base}/stock/counts/:count/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a count: its differences become adjustments (not by who counted)',
        params: CountParams,
        response: { 200: CountView, ...problemResponses },
      },
    },
    async (request) => stock.approveCount(requireActor(request), request.params.org, request.params.count),
  );

  // ---- lots ----------------------------------------------------------------------------------------
  app.get(
    `${base}/lots/ticket-candidates`,
    {
      schema: {
        tags,
        summary: 'Tickets with coffee not yet in a lot',
        params: OrgParams,
        querystring: TicketCandidatesQuery,
        response: { 200: TicketCandidateList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await lots.ticketCandidates(requireActor(request), request.params.org, request.query),
    }),
  );
  app.get(
    `${base}/lots/suggested-code`,
    {
      schema: {
        tags,
        summary: 'The next lot code <PREFIX>-<YY>-<NNN>',
        params: OrgParams,
        querystring: SuggestCodeQuery,
        response: { 200: SuggestedCode, ...problemResponses },
      },
    },
    async (request) => lots.suggest(requireActor(request), request.params.org, request.query.prefix),
  );
  app.get(
    `${base}/lots/cooperatives`,
    {
      schema: {
        tags,
        summary: 'A central’s view: its cooperatives’ lots (delivered, or all under their grant)',
        params: OrgParams,
        response: { 200: CooperativeLotsView, ...problemResponses },
      },
    },
    async (request) => lots.cooperativeLots(requireActor(request), request.params.org),
  );
  app.get(
    `${base}/lots`,
    {
      schema: {
        tags,
        summary: 'Lots, newest first',
        params: OrgParams,
        querystring: LotQuery,
        response: { 200: LotList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await lots.listLots(requireActor(request), request.params.org, request.query),
    }),
  );
  app.post(
    `${base}/lots`,
    {
      schema: {
        tags,
        summary: 'Make a lot from tickets (or parts) and lots',
        params: OrgParams,
        body: CreateLotBody,
        response: { 201: LotDetail, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lots.createLot(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/lots/:lot`,
    {
      schema: {
        tags,
        summary: 'A lot: mass balance, inputs, where its coffee went',
        params: LotParams,
        querystring: LotOwnerQuery,
        response: { 200: LotDetail, ...problemResponses },
      },
    },
    async (request) =>
      lots.getLot(requireActor(request), request.params.org, request.params.lot, request.query.owner),
  );
  app.post(
    `${base}/lots/:lot/inputs`,
    {
      schema: {
        tags,
        summary: 'Add tickets or lots to an open lot',
        params: LotParams,
        body: AddInputsBody,
        response: { 200: LotDetail, ...problemResponses },
      },
    },
    async (request) =>
      lots.addInputs(requireActor(request), request.params.org, request.params.lot, request.body),
  );
  app.post(
    `${base}/lots/:lot/close`,
    {
      schema: {
        tags,
        summary: 'Close a lot: it takes no more inputs',
        params: LotParams,
        response: { 200: LotDetail, ...problemResponses },
      },
    },
    async (request) => lots.closeLot(requireActor(request), request.params.org, request.params.lot),
  );
  app.post(
    `${base}/lots/:lot/draws`,
    {
      schema: {
        tags,
        summary: 'Record a loss or a sample taken from a lot, with its reason',
        params: LotParams,
        body: DrawBody,
        response: { 200: LotDetail, ...problemResponses },
      },
    },
    async (request) => lots.draw(requireActor(request), request.params.org, request.params.lot, request.body),
  );
  app.post(
    `${base}/lots/:lot/deliver`,
    {
      schema: {
        tags,
        summary: 'Deliver a lot to the central',
        params: LotParams,
        body: DeliverBody,
        response: { 200: LotDetail, ...problemResponses },
      },
    },
    async (request) =>
      lots.deliver(requireActor(request), request.params.org, request.params.lot, request.body),
  );

  // ---- milling ------------------------------------------------------------------------------------
  app.get(
    `${base}/milling-orders`,
    {
      schema: {
        tags,
        summary: 'Milling orders, newest first',
        params: OrgParams,
        response: { 200: MillingList, ...problemResponses },
      },
    },
    async (request) => ({ items: await milling.listOrders(requireActor(request), request.params.org) }),
  );
  app.post(
    `${base}/milling-orders`,
    {
      schema: {
        tags,
        summary: 'Open a milling order at a mill with parchment lots',
        params: OrgParams,
        body: CreateMillingBody,
        response: { 201: MillingView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await milling.createOrder(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/milling-orders/:milling`,
    {
      schema: {
        tags,
        summary: 'A milling order with its outturn',
        params: MillingParams,
        response: { 200: MillingView, ...problemResponses },
      },
    },
    async (request) => milling.getOrder(requireActor(request), request.params.org, request.params.milling),
  );
  app.post(
    `${base}/milling-orders/:milling/outputs`,
    {
      schema: {
        tags,
        summary: 'An output lot of the milling',
        params: MillingParams,
        body: MillingOutputBody,
        response: { 200: MillingView, ...problemResponses },
      },
    },
    async (request) =>
      milling.addOutput(requireActor(request), request.params.org, request.params.milling, request.body),
  );
  app.post(
    `${base}/milling-orders/:milling/finish`,
    {
      schema: {
        tags,
        summary: 'Finish a milling: the loss is what did not come out',
        params: MillingParams,
        body: FinishMillingBody,
        response: { 200: MillingView, ...problemResponses },
      },
    },
    async (request) =>
      milling.finish(requireActor(request), request.params.org, request.params.milling, request.body),
  );
}
