import type { Messages } from '../es/index.js';

/** English, namespace `lots`. */
export const lots: Messages['lots'] = {
  lots: {
    product: {
      cherry: 'Coffee cherry',
      wet_parchment: 'Wet parchment',
      parchment: 'Dry parchment',
      green_export: 'Green, export grade',
      green_second: 'Green, second grade',
      rejects: 'Rejects',
      husk: 'Husk',
    },
    warehouseKind: {
      collection_point: 'Collection point',
      warehouse: 'Warehouse',
      mill: 'Dry mill',
      port: 'Port warehouse',
    },
    movementKind: {
      reception: 'Tickets received',
      reception_void: 'Ticket voided',
      transfer_out: 'Transfer (out)',
      transfer_in: 'Transfer (in)',
      processing_out: 'Milling (into the mill)',
      processing_in: 'Milling (product)',
      reclass_out: 'Reclassification (out)',
      reclass_in: 'Reclassification (in)',
      dispatch: 'Dispatch',
      delivery_out: 'Delivered to the central',
      delivery_in: 'Received from a cooperative',
      adjustment: 'Inventory adjustment',
    },
    lotOrigin: {
      tickets: 'From weigh tickets',
      blend: 'Blend of lots',
      milling: 'Milling output',
      delivery: 'Received from a cooperative',
    },
    lotStatus: {
      open: 'Open',
      closed: 'Closed',
      delivered: 'Delivered to the central',
      consumed: 'Used in another lot',
      shipped: 'Shipped',
    },
    drawKind: {
      milling: 'To milling',
      shipment: 'Shipment',
      sample: 'Sample',
      loss: 'Loss',
    },
    millingStatus: {
      open: 'In progress',
      done: 'Finished',
    },
  },
};
