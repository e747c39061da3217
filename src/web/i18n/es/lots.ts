/** Spanish, namespace `lots`: the value chain — warehouses, stock, lots, milling. */
export const lots = {
  lots: {
    product: {
      cherry: 'Café cereza',
      wet_parchment: 'Pergamino húmedo',
      parchment: 'Pergamino seco',
      green_export: 'Café verde exportable',
      green_second: 'Café de segunda',
      rejects: 'Descarte',
      husk: 'Cascarilla',
    },
    warehouseKind: {
      collection_point: 'Centro de acopio',
      warehouse: 'Almacén',
      mill: 'Planta de beneficio seco',
      port: 'Almacén en puerto',
    },
    movementKind: {
      reception: 'Recepción de tickets',
      reception_void: 'Ticket anulado',
      transfer_out: 'Traslado (salida)',
      transfer_in: 'Traslado (ingreso)',
      processing_out: 'Trillado (entra a planta)',
      processing_in: 'Trillado (producto)',
      reclass_out: 'Reclasificación (salida)',
      reclass_in: 'Reclasificación (ingreso)',
      dispatch: 'Despacho',
      delivery_out: 'Entrega a la central',
      delivery_in: 'Recibido de una cooperativa',
      adjustment: 'Ajuste de inventario',
    },
    lotOrigin: {
      tickets: 'De tickets de acopio',
      blend: 'Mezcla de lotes',
      milling: 'Salida de trilla',
      delivery: 'Recibido de una cooperativa',
    },
    lotStatus: {
      open: 'Abierto',
      closed: 'Cerrado',
      delivered: 'Entregado a la central',
      consumed: 'Usado en otro lote',
      shipped: 'Embarcado',
    },
    drawKind: {
      milling: 'A trilla',
      shipment: 'Embarque',
      sample: 'Muestra',
      loss: 'Merma',
    },
    millingStatus: {
      open: 'En proceso',
      done: 'Terminada',
    },
  },
} as const;
