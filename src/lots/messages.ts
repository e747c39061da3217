import { defineMessages } from '../platform/i18n.js';

/** Messages of the value chain's stock, lots and milling, Spanish first. The database's own refusals first. */
export const lotsMessages = defineMessages({
  es: {
    'db.constraint.stock_not_negative':
      'No hay suficiente café en el almacén para este movimiento: el stock no puede quedar negativo.',
    'db.constraint.stock_movement_sign':
      'Un ingreso suma y una salida resta: el signo del movimiento no corresponde a su tipo.',
    'db.constraint.stock_adjustment_reason': 'Un ajuste de inventario necesita el motivo.',
    'db.constraint.lot_mass_balance':
      'El lote no tiene tanto café: lo que sale de un lote no puede superar lo que entró.',
    'db.constraint.lotted_ticket_not_voided':
      'Este ticket ya está en un lote y no se puede anular. Corrija el lote primero o ajuste la cuenta del socio.',
    'db.constraint.lot_input_ticket_voided': 'Un ticket anulado no entra en un lote.',
    'db.constraint.lot_input_ticket_mass': 'Un ticket no puede dar a los lotes más kilos de los que pesó.',
    'db.constraint.lot_input_class':
      'Ese café no puede entrar en este lote: es otro producto, o su certificación no cubre la del lote (café convencional no entra en un lote orgánico o de Comercio Justo).',
    'db.constraint.lot_input_eudr_origin':
      'Un lote EUDR solo recibe café de origen conocido: ese ticket no tiene parcela, o ese lote no es EUDR.',
    'db.constraint.lot_input_not_delivered': 'Ese lote es de otra organización y no fue entregado a esta.',
    'db.constraint.milling_mass_balance':
      'La trilla no cuadra: lo que entra debe ser igual a lo que sale más la merma, al gramo.',
    'db.constraint.milling_order_done': 'Una orden de trilla terminada ya no recibe café.',
  },
  en: {
    'db.constraint.stock_not_negative':
      'There is not enough coffee in the warehouse for this movement: stock cannot go below zero.',
    'db.constraint.stock_movement_sign':
      'What comes in adds and what leaves subtracts: the movement’s sign does not match its kind.',
    'db.constraint.stock_adjustment_reason': 'An inventory adjustment needs its reason.',
    'db.constraint.lot_mass_balance':
      'The lot does not hold that much coffee: what leaves a lot cannot exceed what went in.',
    'db.constraint.lotted_ticket_not_voided':
      'This ticket is already in a lot and cannot be voided. Correct the lot first or adjust the member’s account.',
    'db.constraint.lot_input_ticket_voided': 'A voided ticket does not go into a lot.',
    'db.constraint.lot_input_ticket_mass': 'A ticket cannot give lots more kilograms than it weighed.',
    'db.constraint.lot_input_class':
      'That coffee cannot go into this lot: it is another product, or its certification does not cover the lot’s (conventional coffee never goes into an organic or Fairtrade lot).',
    'db.constraint.lot_input_eudr_origin':
      'An EUDR lot only takes coffee of known origin: that ticket has no plot, or that lot is not an EUDR lot.',
    'db.constraint.lot_input_not_delivered':
      'That lot belongs to another organization and was not delivered to this one.',
    'db.constraint.milling_mass_balance':
      'The milling does not balance: what goes in must equal what comes out plus the loss, to the gram.',
    'db.constraint.milling_order_done': 'A finished milling order takes no more coffee.',
  },
});
