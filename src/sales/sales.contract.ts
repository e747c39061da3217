import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import {
  CERT_CLASSES,
  CONTRACT_QUANTITY_UNITS,
  CONTRACT_STATUSES,
  INCOTERMS,
  PRICE_BASES,
  PRICE_KINDS,
  PRODUCTS,
  SHIPMENT_STATUSES,
} from '../shared/enums.js';

/**
 * The HTTP contract of sales (buyers, contracts, fixations, allocations, shipments): the routes validate
 * with these schemas and the web app types its calls with them. Masses in kg as decimal text (up to 3
 * decimals: grams); prices as decimal text: US$ per lb or kg with up to 6 decimals, differentials and
 * "C" levels in US cents per lb with up to 4; money as decimal text.
 */
const IsoDate = z.iso.date();
const Kg = z.string().regex(/^\d{1,9}(\.\d{1,3})?$/, 'kilograms with up to 3 decimals');
const Price = z.string().regex(/^\d{1,5}(\.\d{1,6})?$/, 'price with up to 6 decimals, e.g. 2.45');
const Cents = z
  .string()
  .regex(/^-?\d{1,5}(\.\d{1,4})?$/, 'US cents per lb with up to 4 decimals, e.g. -5.25');
const Rate = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, 'exchange rate with up to 6 decimals');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const ContractNumber = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9./-]{0,31}$/);
export const FuturesMonth = z
  .string()
  .regex(/^(Mar|May|Jul|Sep|Dec)-\d{2}$/, 'a "C" delivery month, e.g. Mar-27');
export const IcoMark = z.string().regex(/^\d{3}-\d{1,4}-\d{1,5}$/, 'ICO mark, e.g. 029-0123-00042');
export const ContainerNo = z
  .string()
  .regex(/^[A-Z]{3}[UJZ]\d{7}$/, 'ISO 6346 container number, e.g. MSCU1234565');

// ---- buyers ---------------------------------------------------------------------------------------

export const CreateBuyerBody = z.strictObject({
  id: ClientId,
  /** An organization in Ayni of kind 'buyer', by its slug; or a named buyer outside Ayni. */
  buyerOrg: Slug.nullable().optional(),
  name: Text(160).optional(),
  country: z.string().regex(/^[A-Z]{2}$/),
  contact: z.string().trim().max(300).nullable().optional(),
});
export type CreateBuyerBody = z.infer<typeof CreateBuyerBody>;
export const BuyerView = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string(),
  contact: z.string().nullable(),
  inAyni: z.boolean(),
});
export type BuyerView = z.infer<typeof BuyerView>;
export const BuyerList = itemsOf(BuyerView);

// ---- contracts ------------------------------------------------------------------------------------

export const CreateContractBody = z.strictObject({
  id: ClientId,
  number: ContractNumber,
  buyerId: z.uuid(),
  contractDate: IsoDate,
  quantity: z.discriminatedUnion('unit', [
    z.strictObject({ unit: z.literal('kg'), kg: Kg }),
    z.strictObject({
      unit: z.enum(CONTRACT_QUANTITY_UNITS.filter((u) => u !== 'kg') as ['bag-69', 'bag-70']),
      bags: z.number().int().min(1).max(100_000),
    }),
  ]),
  product: z.enum(PRODUCTS),
  certificationClass: z.enum(CERT_CLASSES),
  grade: Text(80).nullable().optional(),
  minCupScore: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/)
    .nullable()
    .optional(),
  maxMoisturePercent: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2})?$/)
    .nullable()
    .optional(),
  minScreen: z.number().int().min(8).max(20).nullable().optional(),
  maxDefects: z.number().int().min(0).max(10_000).nullable().optional(),
  price: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), basis: z.enum(PRICE_BASES), usd: Price }),
    z.strictObject({ kind: z.literal('differential'), differentialCents: Cents, futuresMonth: FuturesMonth }),
  ]),
  incoterm: z.enum(INCOTERMS),
  incotermPlace: Text(120),
  shipmentFrom: IsoDate,
  shipmentTo: IsoDate,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CreateContractBody = z.input<typeof CreateContractBody>;

export const FixationView = z.object({
  id: z.uuid(),
  fixedOn: z.string(),
  /** "C" level, US cents per lb. */
  levelCents: z.string(),
  /** Level + differential, US$ per lb. */
  priceUsdPerLb: z.string(),
  kg: z.string(),
  bags: z.number().nullable(),
  lotCode: z.string().nullable(),
});
export const AllocationView = z.object({
  lotId: z.uuid(),
  lotCode: z.string(),
  kg: z.string(),
  shippedKg: z.string(),
});
export const ContractSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  buyer: z.string(),
  buyerCountry: z.string(),
  contractDate: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  product: z.enum(PRODUCTS),
  certificationClass: z.enum(CERT_CLASSES),
  quantityKg: z.string(),
  quantityUnit: z.string(),
  quantityBags: z.number().nullable(),
  allocatedKg: z.string(),
  shippedKg: z.string(),
  priceKind: z.enum(PRICE_KINDS),
  /** Fixed-price contracts: "fixed"; to be fixed: none, partly or wholly fixed. */
  priceStatus: z.enum(['fixed', 'unfixed', 'partly_fixed', 'wholly_fixed']),
  fixedKg: z.string(),
  shipmentFrom: z.string(),
  shipmentTo: z.string(),
});
export const ContractView = ContractSummary.extend({
  buyerId: z.uuid(),
  grade: z.string().nullable(),
  minCupScore: z.string().nullable(),
  maxMoisturePercent: z.string().nullable(),
  minScreen: z.number().nullable(),
  maxDefects: z.number().nullable(),
  currency: z.string(),
  priceBasis: z.enum(PRICE_BASES),
  /** Fixed price in US$ per basis (6 decimals). */
  fixedPrice: z.string().nullable(),
  /** The fixed price per the other basis, rounded to the millionth of a dollar. */
  fixedPriceOtherBasis: z.string().nullable(),
  differentialCents: z.string().nullable(),
  futuresMonth: z.string().nullable(),
  fairtrade: z
    .object({
      termsFrom: z.string(),
      minimumUsdPerLb: z.string(),
      premiumUsdPerLb: z.string(),
      organicDifferentialUsdPerLb: z.string().nullable(),
    })
    .nullable(),
  incoterm: z.enum(INCOTERMS),
  incotermPlace: z.string(),
  note: z.string().nullable(),
  signedAt: z.string().nullable(),
  fixations: z.array(FixationView),
  allocations: z.array(AllocationView),
  shipments: z.array(
    z.object({ id: z.uuid(), icoMark: z.string(), status: z.enum(SHIPMENT_STATUSES), kg: z.string() }),
  ),
});
export type ContractView = z.infer<typeof ContractView>;
export type ContractSummary = z.infer<typeof ContractSummary>;
export const ContractList = itemsOf(ContractSummary);
export const ContractParams = z.strictObject({ org: Slug, contractId: z.uuid() });

export const FixBody = z.strictObject({
  id: ClientId,
  fixedOn: IsoDate,
  levelCents: Cents,
  /** What the fixation prices: kg, or bags of the contract's bag. */
  kg: Kg.optional(),
  bags: z.number().int().min(1).max(100_000).optional(),
  lotId: z.uuid().nullable().optional(),
});
export type FixBody = z.infer<typeof FixBody>;

export const AllocateBody = z.strictObject({
  lots: z
    .array(z.strictObject({ lotId: z.uuid(), kg: Kg }))
    .min(1)
    .max(200),
});
export type AllocateBody = z.infer<typeof AllocateBody>;

export const AvailableLot = z.object({
  lotId: z.uuid(),
  code: z.string(),
  product: z.enum(PRODUCTS),
  certificationClass: z.enum(CERT_CLASSES),
  /** What the lot holds less what other contracts hold of it and have not shipped. */
  availableKg: z.string(),
  allocatedHereKg: z.string(),
});
export const AvailableLotList = itemsOf(AvailableLot);

// ---- shipments ------------------------------------------------------------------------------------

export const CreateShipmentBody = z.strictObject({
  id: ClientId,
  icoMark: IcoMark,
  portOfLoading: Text(120).nullable().optional(),
  portOfDischarge: Text(120).nullable().optional(),
  vessel: Text(120).nullable().optional(),
  billOfLading: Text(60).nullable().optional(),
  containers: z
    .array(
      z.strictObject({
        number: ContainerNo,
        seal: Text(40),
        grossKg: Kg,
        /** Bags of each lot in this container, and their net kg. */
        lots: z
          .array(z.strictObject({ lotId: z.uuid(), bags: z.number().int().min(1), netKg: Kg }))
          .min(1)
          .max(100),
      }),
    )
    .min(1)
    .max(50),
});
export type CreateShipmentBody = z.infer<typeof CreateShipmentBody>;
export const ShipmentParams = z.strictObject({ org: Slug, shipmentId: z.uuid() });
export const ShipBody = z.strictObject({
  shippedOn: IsoDate,
  /** Units of the organization's currency per US$ (e.g. the SBS rate of the day): "3.7525". */
  exchangeRate: Rate,
});
export const DdsBody = z.strictObject({ ddsReference: Text(80) });

export const ShipmentView = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  contractNumber: z.string(),
  buyer: z.string(),
  icoMark: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  portOfLoading: z.string().nullable(),
  portOfDischarge: z.string().nullable(),
  vessel: z.string().nullable(),
  billOfLading: z.string().nullable(),
  netKg: z.string(),
  bags: z.number(),
  shippedOn: z.string().nullable(),
  ddsReference: z.string().nullable(),
  containers: z.array(
    z.object({
      number: z.string(),
      seal: z.string(),
      bags: z.number(),
      grossKg: z.string(),
      netKg: z.string(),
      lots: z.array(z.object({ lotId: z.uuid(), lotCode: z.string(), bags: z.number(), netKg: z.string() })),
    }),
  ),
  earnings: z
    .object({
      currency: z.string(),
      goods: z.string(),
      premium: z.string(),
      total: z.string(),
      exchangeRate: z.string(),
      localCurrency: z.string(),
      localTotal: z.string(),
      localPremium: z.string(),
      entryId: z.uuid(),
    })
    .nullable(),
});
export type ShipmentView = z.infer<typeof ShipmentView>;
export const PdfQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });
