import { z } from 'zod';
import { ClientId, itemsOf, OrgParams, Slug } from '../shared/contract.js';
import {
  CERT_CLASSES,
  LOT_DRAW_KINDS,
  LOT_ORIGINS,
  LOT_STATUSES,
  MILLING_STATUSES,
  PRODUCTS,
  STOCK_MOVEMENT_KINDS,
  WAREHOUSE_KINDS,
} from '../shared/enums.js';

/**
 * The lots domain's contract: warehouses, stock, movements, transfers, inventory counts, lots, deliveries to
 * the central, milling orders and their outturn. Mass is in integer grams everywhere (the screens convert).
 */

const IsoDate = z.iso.date();
const Grams = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const WarehouseCode = z.string().regex(/^[A-Z0-9-]{1,12}$/);
const LotCode = z.string().regex(/^[A-Z0-9][A-Z0-9./-]{0,31}$/);
const Product = z.enum(PRODUCTS);
const CertClass = z.enum(CERT_CLASSES);
const Reason = z.string().trim().min(1).max(500);

export const WarehouseParams = OrgParams.extend({ warehouse: WarehouseCode });
export const LotParams = OrgParams.extend({ lot: LotCode });
export const MillingParams = OrgParams.extend({ milling: LotCode });
export const CountParams = OrgParams.extend({ count: z.uuid() });

// ---- warehouses and stock ------------------------------------------------------------------------

export const WarehouseView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(WAREHOUSE_KINDS),
});
export type WarehouseView = z.infer<typeof WarehouseView>;
export const WarehouseList = itemsOf(WarehouseView);

export const CreateWarehouseBody = z.strictObject({
  id: ClientId,
  code: WarehouseCode,
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['warehouse', 'mill', 'port']),
});
export type CreateWarehouseBody = z.infer<typeof CreateWarehouseBody>;

export const StockQuery = z.strictObject({
  on: IsoDate.optional().describe('Stock at the end of this day (default: now)'),
  warehouse: WarehouseCode.optional(),
});
export const StockLine = z.object({
  warehouseCode: z.string(),
  warehouseName: z.string(),
  warehouseKind: z.enum(WAREHOUSE_KINDS),
  product: Product,
  certificationClass: CertClass,
  grams: z.number().int(),
});
export type StockLine = z.infer<typeof StockLine>;
export const StockView = z.object({ on: IsoDate.nullable(), items: z.array(StockLine) });
export type StockView = z.infer<typeof StockView>;

export const MovementQuery = z.strictObject({
  warehouse: WarehouseCode.optional(),
  product: Product.optional(),
  kind: z.enum(STOCK_MOVEMENT_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  lot: LotCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MovementQuery = z.infer<typeof MovementQuery>;
export const MovementView = z.object({
  id: z.uuid(),
  warehouseCode: z.string(),
  product: Product,
  certificationClass: CertClass,
  grams: z.number().int(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  occurredOn: IsoDate,
  lotCode: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
});
export type MovementView = z.infer<typeof MovementView>;
export const MovementList = itemsOf(MovementView);

export const TransferBody = z
  .strictObject({
    id: ClientId,
    from: WarehouseCode,
    to: WarehouseCode,
    occurredOn: IsoDate.optional(),
    lot: LotCode.optional().describe('Move a whole lot (what it holds) …'),
    product: Product.optional().describe('… or loose product: product, class and grams'),
    certificationClass: CertClass.optional(),
    grams: Grams.optional(),
    reason: Reason.optional(),
  })
  .refine((b) => (b.lot ? !b.product && !b.grams : !!b.product && !!b.certificationClass && !!b.grams), {
    message: 'a lot, or a product with its class and grams',
    path: ['lot'],
  });
export type TransferBody = z.infer<typeof TransferBody>;
export const TransferView = z.object({ id: z.uuid(), movements: z.array(MovementView) });

export const CountBody = z.strictObject({
  id: ClientId,
  warehouse: WarehouseCode,
  countedOn: IsoDate.optional(),
  note: z.string().max(1000).optional(),
  lines: z
    .array(
      z.strictObject({
        product: Product,
        certificationClass: CertClass,
        countedGrams: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .min(1)
    .max(60),
});
export type CountBody = z.infer<typeof CountBody>;
export const CountView = z.object({
  id: z.uuid(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  countedOn: IsoDate,
  countedBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(
    z.object({
      product: Product,
      certificationClass: CertClass,
      bookGrams: z.number().int(),
      countedGrams: z.number().int(),
      differenceGrams: z.number().int(),
    }),
  ),
});
export type CountView = z.infer<typeof CountView>;
export const CountList = itemsOf(CountView);

// ---- lots ----------------------------------------------------------------------------------------

export const TicketCandidatesQuery = z.strictObject({
  point: WarehouseCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  certificationClass: CertClass.optional(),
  member: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type TicketCandidatesQuery = z.infer<typeof TicketCandidatesQuery>;
export const TicketCandidate = z.object({
  ticketId: z.uuid(),
  label: z.string(),
  pointCode: z.string(),
  memberNumber: z.string(),
  memberName: z.string(),
  deliveryDate: IsoDate,
  product: Product,
  certificationClass: CertClass,
  netGrams: z.number().int(),
  availableGrams: z.number().int(),
  hasPlots: z.boolean(),
  yieldBp: z.number().int().nullable(),
});
export type TicketCandidate = z.infer<typeof TicketCandidate>;
export const TicketCandidateList = itemsOf(TicketCandidate);

export const SuggestCodeQuery = z.strictObject({ prefix: WarehouseCode.optional() });
export const SuggestedCode = z.object({ code: z.string() });

export const LotInputBody = z.strictObject({
  tickets: z
    .array(
      z.strictObject({ ticketId: z.uuid(), grams: Grams.optional().describe('part of it; default all') }),
    )
    .max(5000)
    .default([]),
  lots: z
    .array(
      z.strictObject({
        org: Slug.optional().describe('a cooperative whose lot was delivered here'),
        code: LotCode,
        grams: Grams.optional(),
      }),
    )
    .max(500)
    .default([]),
});

export const CreateLotBody = LotInputBody.extend({
  id: ClientId,
  code: LotCode.optional().describe('default: a suggested <WAREHOUSE>-<YY>-<NNN>'),
  product: Product.optional().describe('default: the inputs’ product'),
  certificationClass: CertClass.optional().describe('default: the class all inputs cover'),
  eudr: z.boolean().optional().describe('default: on when every input comes from known plots'),
  warehouse: WarehouseCode.optional().describe('default: where the inputs lie'),
  note: z.string().max(1000).optional(),
});
export type CreateLotBody = z.infer<typeof CreateLotBody>;
export const AddInputsBody = LotInputBody.extend({ id: ClientId });
export type AddInputsBody = z.infer<typeof AddInputsBody>;

export const LotQuery = z.strictObject({
  status: z.enum(LOT_STATUSES).optional(),
  product: Product.optional(),
  q: z.string().max(40).optional(),
});
export type LotQuery = z.infer<typeof LotQuery>;

export const LotView = z.object({
  id: z.uuid(),
  code: z.string(),
  org: z.object({ slug: z.string(), name: z.string() }),
  product: Product,
  certificationClass: CertClass,
  origin: z.enum(LOT_ORIGINS),
  eudr: z.boolean(),
  status: z.enum(LOT_STATUSES),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  gramsIn: z.number().int(),
  gramsOut: z.number().int(),
  availableGrams: z.number().int(),
  harvestFrom: IsoDate.nullable(),
  harvestTo: IsoDate.nullable(),
  deliveredTo: z.object({ slug: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type LotView = z.infer<typeof LotView>;
export const LotList = itemsOf(LotView);

export const LotInputView = z.object({
  kind: z.enum(['ticket', 'lot', 'milling']),
  label: z.string(),
  org: z.string().nullable(),
  memberNumber: z.string().nullable(),
  memberName: z.string().nullable(),
  date: IsoDate.nullable(),
  hasPlots: z.boolean().nullable(),
  grams: z.number().int(),
});
export const LotOutputView = z.object({
  kind: z.enum(['lot', ...LOT_DRAW_KINDS]),
  label: z.string().nullable(),
  org: z.string().nullable(),
  date: IsoDate.nullable(),
  reason: z.string().nullable(),
  grams: z.number().int(),
});
export const LotDetail = LotView.extend({
  inputs: z.array(LotInputView),
  outputs: z.array(LotOutputView),
  members: z.number().int(),
});
export type LotDetail = z.infer<typeof LotDetail>;

export const DrawBody = z.strictObject({
  id: ClientId,
  kind: z.enum(['loss', 'sample']),
  grams: Grams,
  reason: Reason,
  drawnOn: IsoDate.optional(),
});
export type DrawBody = z.infer<typeof DrawBody>;

export const DeliverBody = z.strictObject({
  central: Slug,
  warehouse: WarehouseCode.describe('the central’s warehouse that receives it'),
  deliveredOn: IsoDate.optional(),
});
export type DeliverBody = z.infer<typeof DeliverBody>;

export const CooperativeLotsView = z.object({
  cooperatives: z.array(
    z.object({ slug: z.string(), name: z.string(), granted: z.boolean(), lots: z.array(LotView) }),
  ),
});
export type CooperativeLotsView = z.infer<typeof CooperativeLotsView>;

// ---- milling ---------------------------------------------------------------------------------------

export const CreateMillingBody = z.strictObject({
  id: ClientId,
  code: LotCode.optional(),
  warehouse: WarehouseCode.describe('the mill'),
  clientOrg: Slug.optional().describe('service milling: the organization whose coffee it is'),
  clientName: z.string().trim().min(1).max(120).optional(),
  lots: z
    .array(z.strictObject({ code: LotCode, grams: Grams.optional() }))
    .min(1)
    .max(200),
  note: z.string().max(1000).optional(),
});
export type CreateMillingBody = z.infer<typeof CreateMillingBody>;

export const MILLING_OUTPUTS = ['green_export', 'green_second', 'rejects', 'husk'] as const;
export const MillingOutputBody = z.strictObject({
  id: ClientId,
  code: LotCode.optional(),
  product: z.enum(MILLING_OUTPUTS),
  grams: Grams,
  certificationClass: CertClass.optional(),
});
export type MillingOutputBody = z.infer<typeof MillingOutputBody>;
export const FinishMillingBody = z.strictObject({ milledOn: IsoDate.optional() });

export const OutturnLine = z.object({
  key: z.string(),
  label: z.string(),
  parchmentGrams: z.number().int(),
  intakeYieldBp: z.number().int().nullable(),
  deltaBp: z.number().int().nullable(),
  outlier: z.boolean(),
});
export const OutturnView = z.object({
  parchmentGrams: z.number().int(),
  greenExportGrams: z.number().int(),
  realBp: z.number().int().nullable(),
  intakeYieldBp: z.number().int().nullable(),
  outlierBp: z.number().int(),
  byLot: z.array(OutturnLine),
  byMember: z.array(OutturnLine),
});
export type OutturnView = z.infer<typeof OutturnView>;

export const MillingView = z.object({
  id: z.uuid(),
  code: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  client: z.string().nullable(),
  status: z.enum(MILLING_STATUSES),
  milledOn: IsoDate.nullable(),
  gramsIn: z.number().int(),
  gramsOut: z.number().int(),
  lossGrams: z.number().int().nullable(),
  inputs: z.array(z.object({ lotCode: z.string(), grams: z.number().int() })),
  outputs: z.array(z.object({ lotCode: z.string(), product: Product, grams: z.number().int() })),
  outturn: OutturnView,
});
export type MillingView = z.infer<typeof MillingView>;
export const MillingList = itemsOf(MillingView.omit({ outturn: true, inputs: true, outputs: true }));
