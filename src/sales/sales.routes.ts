import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { packingListPdf } from './documents/packing-list.js';
import {
  AllocateBody,
  AvailableLotList,
  BuyerList,
  BuyerView,
  ContractList,
  ContractParams,
  ContractView,
  CreateBuyerBody,
  CreateContractBody,
  CreateShipmentBody,
  DdsBody,
  FixBody,
  PdfQuery,
  ShipBody,
  ShipmentParams,
  ShipmentView,
} from './sales.contract.js';
import type { SalesService } from './sales.service.js';
import type { ShipmentsService } from './shipments.service.js';

/** Thin routes for sales: buyers, contracts, fixations, allocations, shipments and the packing list. */
export function registerSalesRoutes(app: HttpServer, sales: SalesService, shipments: ShipmentsService) {
  const tags = ['sales'];
  const base = '/api/v1/orgs/:org';

  app.get(
    `${base}/buyers`,
    {
      schema: {
        tags,
        summary: 'Buyers of the cooperative’s coffee',
        params: OrgParams,
        response: { 200: BuyerList, ...problemResponses },
      },
    },
    async (request) => ({ items: await sales.listBuyers(requireActor(request), request.params.org) }),
  );
  app.post(
    `${base}/buyers`,
    {
      schema: {
        tags,
        summary: 'Register a buyer: an organization in Ayni or a named buyer (admin, manager)',
        params: OrgParams,
        body: CreateBuyerBody,
        response: { 201: BuyerView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sales.createBuyer(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/contracts`,
    {
      schema: {
        tags,
        summary: 'Sales contracts with allocated, shipped and fixed quantities',
        params: OrgParams,
        response: { 200: ContractList, ...problemResponses },
      },
    },
    async (request) => ({ items: await sales.listContracts(requireActor(request), request.params.org) }),
  );
  app.post(
    `${base}/contracts`,
    {
      schema: {
        tags,
        summary: 'Draft a sales contract: fixed price or to be fixed against a "C" month (admin, manager)',
        params: OrgParams,
        body: CreateContractBody,
        response: { 201: ContractView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sales.createContract(requireActor(request), request.params.org, request.body)),
  );
  app.get(
    `${base}/contracts/:contractId`,
    {
      schema: {
        tags,
        summary: 'A sales contract with its fixations, allocations and shipments',
        params: ContractParams,
        response: { 200: ContractView, ...problemResponses },
      },
    },
    async (request) =>
      sales.getContract(requireActor(request), request.params.org, request.params.contractId),
  );
  app.post(
    `${base}/contracts/:contractId/sign`,
    {
      schema: {
        tags,
        summary: 'Sign a contract (admin, manager)',
        params: ContractParams,
        response: { 200: ContractView, ...problemResponses },
      },
    },
    async (request) =>
      sales.signContract(requireActor(request), request.params.org, request.params.contractId),
  );
  app.post(
    `${base}/contracts/:contractId/fixations`,
    {
      schema: {
        tags,
        summary: 'Record a price fixation of a to-be-fixed contract (admin, manager)',
        params: ContractParams,
        body: FixBody,
        response: { 201: ContractView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sales.fix(requireActor(request), request.params.org, request.params.contractId, request.body),
        ),
  );
  app.get(
    `${base}/contracts/:contractId/available-lots`,
    {
      schema: {
        tags,
        summary: 'Lots that could be allocated to the contract, with their free kilograms',
        params: ContractParams,
        response: { 200: AvailableLotList, ...problemResponses },
      },
    },
    async (request) => ({
      items: await sales.availableLots(requireActor(request), request.params.org, request.params.contractId),
    }),
  );
  app.post(
    `${base}/contracts/:contractId/allocations`,
    {
      schema: {
        tags,
        summary: 'Allocate kilograms of lots to the contract, all or none (admin, manager)',
        params: ContractParams,
        body: AllocateBody,
        response: { 200: ContractView, ...problemResponses },
      },
    },
    async (request) =>
      sales.allocate(requireActor(request), request.params.org, request.params.contractId, request.body),
  );
  app.post(
    `${base}/contracts/:contractId/shipments`,
    {
      schema: {
        tags,
        summary: 'Plan a shipment: ICO mark, containers and packing list (admin, manager)',
        params: ContractParams,
        body: CreateShipmentBody,
        response: { 201: ShipmentView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await shipments.createShipment(
            requireActor(request),
            request.params.org,
            request.params.contractId,
            request.body,
          ),
        ),
  );
  app.get(
    `${base}/shipments/:shipmentId`,
    {
      schema: {
        tags,
        summary: 'A shipment with its containers, packing list and earnings',
        params: ShipmentParams,
        response: { 200: ShipmentView, ...problemResponses },
      },
    },
    async (request) =>
      (await shipments.getShipment(requireActor(request), request.params.org, request.params.shipmentId))
        .view,
  );
  app.post(
    `${base}/shipments/:shipmentId/ship`,
    {
      schema: {
        tags,
        summary: 'Ship: the lots’ grams leave them and the sale is posted to the ledger (admin, manager)',
        params: ShipmentParams,
        body: ShipBody,
        response: { 200: ShipmentView, ...problemResponses },
      },
    },
    async (request) =>
      shipments.ship(requireActor(request), request.params.org, request.params.shipmentId, request.body),
  );
  app.post(
    `${base}/shipments/:shipmentId/dds`,
    {
      schema: {
        tags,
        summary: 'Record the buyer’s EUDR due-diligence statement reference (admin, manager)',
        params: ShipmentParams,
        body: DdsBody,
        response: { 200: ShipmentView, ...problemResponses },
      },
    },
    async (request) =>
      shipments.recordDds(
        requireActor(request),
        request.params.org,
        request.params.shipmentId,
        request.body.ddsReference,
      ),
  );
  app.get(
    `${base}/shipments/:shipmentId/packing-list.pdf`,
    {
      schema: {
        tags,
        summary: 'The shipment’s packing list as PDF (A4)',
        params: ShipmentParams,
        querystring: PdfQuery,
        response: { 200: fileResponse('The packing list', 'pdf'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { view, context } = await shipments.getShipment(
        requireActor(request),
        request.params.org,
        request.params.shipmentId,
      );
      const pdf = await packingListPdf(view, context, request.query.lang ?? request.locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="packing-list-${view.icoMark}.pdf"`)
        .send(pdf as never);
    },
  );
}
