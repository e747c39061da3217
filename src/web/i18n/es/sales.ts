/** Spanish, namespace `sales`: buyers, contracts, fixations, allocations, shipments. */
export const sales = {
  sales: {
    title: 'Ventas',
    contractStatus: { draft: 'Borrador', signed: 'Firmado', cancelled: 'Anulado' },
    priceKind: { fixed: 'Precio fijo', differential: 'Por fijar (diferencial a la bolsa de Nueva York)' },
    priceBasis: { lb: 'por libra', kg: 'por kilogramo' },
    priceStatus: {
      fixed: 'Precio fijo',
      unfixed: 'Sin fijar',
      partly_fixed: 'Fijado en parte',
      wholly_fixed: 'Fijado',
    },
    incoterm: {
      EXW: 'EXW — en fábrica',
      FCA: 'FCA — franco transportista',
      FOT: 'FOT — franco camión',
      FOB: 'FOB — franco a bordo',
      CFR: 'CFR — costo y flete',
      CIF: 'CIF — costo, seguro y flete',
      DAP: 'DAP — entregado en lugar',
      DDP: 'DDP — entregado con derechos pagados',
    },
    shipmentStatus: { planned: 'Planificado', shipped: 'Embarcado' },
  },
};
