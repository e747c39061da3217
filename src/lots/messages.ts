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
    'db.constraint.inventory_count_second_person':
      'Quien contó el inventario no puede aprobarlo: lo aprueba una segunda persona.',
    'db.constraint.inventory_count_approved_once':
      'Un conteo de inventario solo se aprueba una vez y no se modifica.',
    'lots.warehouse_not_found': 'No existe el almacén {code}.',
    'lots.warehouse_code_taken': 'Ya existe un almacén con el código {code}.',
    'lots.lot_not_found': 'No existe el lote {code}.',
    'lots.transfer_same_warehouse': 'El almacén de destino es el mismo que el de origen.',
    'lots.lot_not_in_warehouse': 'El lote {lot} no está en el almacén {warehouse}.',
    'lots.lot_not_movable':
      'El lote {code} ya no tiene café disponible aquí (fue entregado, trillado o usado).',
    'lots.count_needs_person': 'Un conteo de inventario lo registra y lo aprueba una persona con su usuario.',
    'lots.count_line_twice': 'Ese producto y clase ya está en el conteo.',
    'lots.count_not_found': 'No existe ese conteo de inventario.',
    'lots.count_already_approved': 'Este conteo ya fue aprobado.',
    'lots.ticket_twice': 'Un ticket aparece dos veces.',
    'lots.ticket_not_found': 'No existe ese ticket, o fue anulado.',
    'lots.ticket_used_up': 'Del ticket {ticket} quedan {kg} kg fuera de lotes.',
    'lots.lot_used_up': 'Del lote {code} quedan {kg} kg disponibles.',
    'lots.inputs_invalid': 'Revise el café elegido para el lote.',
    'lots.no_inputs': 'Elija al menos un ticket o un lote.',
    'lots.ticket_without_plot':
      'El ticket {ticket} de {member} no tiene parcela: visite al socio para georreferenciarla.',
    'lots.lot_not_eudr': 'El lote {code} no es EUDR: su origen no está probado.',
    'lots.mixed_products': 'Un lote lleva un solo producto: el café elegido mezcla productos.',
    'lots.class_not_covered': 'La certificación del café elegido no cubre la clase del lote.',
    'lots.eudr_unknown_origin': 'Un lote EUDR solo lleva café de parcelas conocidas: hay café sin parcela.',
    'lots.warehouse_needed': 'El café elegido está en varios almacenes: diga en cuál queda el lote.',
    'lots.lot_code_taken': 'Ya existe un lote con el código {code}.',
    'lots.lot_not_open': 'El lote {code} está cerrado: no recibe más café.',
    'lots.lot_already_delivered': 'El lote {code} ya fue entregado.',
    'lots.not_a_central': 'Esa organización no es una central.',
    'lots.not_a_central_view': 'Esta vista es de una central.',
    'lots.milling_not_found': 'No existe la orden de trilla {code}.',
    'lots.not_a_mill': 'El almacén {code} no es una planta de trilla.',
    'lots.client_not_found': 'No existe esa organización cliente.',
    'lots.milling_code_taken': 'Ya existe una orden de trilla con el código {code}.',
    'lots.mill_takes_parchment': 'A la trilla entra pergamino seco: el lote {code} es otro producto.',
    'lots.milling_done': 'La orden de trilla {code} ya está terminada.',
    'lots.milling_no_output': 'Registre lo que salió de la trilla {code} antes de terminarla.',
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
    'db.constraint.inventory_count_second_person':
      'Whoever counted the stock cannot approve the count: a second person approves it.',
    'db.constraint.inventory_count_approved_once': 'An inventory count is approved once and never changed.',
    'lots.warehouse_not_found': 'There is no warehouse {code}.',
    'lots.warehouse_code_taken': 'A warehouse with code {code} already exists.',
    'lots.lot_not_found': 'There is no lot {code}.',
    'lots.transfer_same_warehouse': 'The destination is the same warehouse as the origin.',
    'lots.lot_not_in_warehouse': 'Lot {lot} is not in warehouse {warehouse}.',
    'lots.lot_not_movable': 'Lot {code} has no coffee available here any more (delivered, milled or used).',
    'lots.count_needs_person':
      'An inventory count is recorded and approved by a person with their own account.',
    'lots.count_line_twice': 'That product and class are already in the count.',
    'lots.count_not_found': 'There is no such inventory count.',
    'lots.count_already_approved': 'This count was already approved.',
    'lots.ticket_twice': 'A ticket appears twice.',
    'lots.ticket_not_found': 'There is no such ticket, or it was voided.',
    'lots.ticket_used_up': 'Ticket {ticket} has {kg} kg left outside lots.',
    'lots.lot_used_up': 'Lot {code} has {kg} kg available.',
    'lots.inputs_invalid': 'Check the coffee chosen for the lot.',
    'lots.no_inputs': 'Choose at least one ticket or lot.',
    'lots.ticket_without_plot': 'Ticket {ticket} of {member} has no plot: visit the member to map it.',
    'lots.lot_not_eudr': 'Lot {code} is not an EUDR lot: its origin is not proven.',
    'lots.mixed_products': 'A lot holds one product: the coffee chosen mixes products.',
    'lots.class_not_covered': 'The certification of the coffee chosen does not cover the lot’s class.',
    'lots.eudr_unknown_origin': 'An EUDR lot only takes coffee from known plots: some coffee has no plot.',
    'lots.warehouse_needed': 'The coffee chosen lies in several warehouses: say where the lot stays.',
    'lots.lot_code_taken': 'A lot with code {code} already exists.',
    'lots.lot_not_open': 'Lot {code} is closed: it takes no more coffee.',
    'lots.lot_already_delivered': 'Lot {code} was already delivered.',
    'lots.not_a_central': 'That organization is not a central.',
    'lots.not_a_central_view': 'This view belongs to a central.',
    'lots.milling_not_found': 'There is no milling order {code}.',
    'lots.not_a_mill': 'Warehouse {code} is not a mill.',
    'lots.client_not_found': 'There is no such client organization.',
    'lots.milling_code_taken': 'A milling order with code {code} already exists.',
    'lots.mill_takes_parchment': 'Milling takes dry parchment: lot {code} is another product.',
    'lots.milling_done': 'Milling order {code} is already finished.',
    'lots.milling_no_output': 'Record what came out of milling {code} before finishing it.',
  },
});
