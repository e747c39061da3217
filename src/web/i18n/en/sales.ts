import type { Messages } from '../es/index.js';

/** English, namespace `sales`. */
export const sales: Messages['sales'] = {
  sales: {
    title: 'Sales',
    contractStatus: { draft: 'Draft', signed: 'Signed', cancelled: 'Cancelled' },
    priceKind: { fixed: 'Fixed price', differential: 'To be fixed (differential to New York “C”)' },
    priceBasis: { lb: 'per pound', kg: 'per kilogram' },
    priceStatus: {
      fixed: 'Fixed price',
      unfixed: 'Unfixed',
      partly_fixed: 'Partly fixed',
      wholly_fixed: 'Fixed',
    },
    incoterm: {
      EXW: 'EXW — ex works',
      FCA: 'FCA — free carrier',
      FOT: 'FOT — free on truck',
      FOB: 'FOB — free on board',
      CFR: 'CFR — cost and freight',
      CIF: 'CIF — cost, insurance and freight',
      DAP: 'DAP — delivered at place',
      DDP: 'DDP — delivered duty paid',
    },
    shipmentStatus: { planned: 'Planned', shipped: 'Shipped' },
  },
};
