import { defineMessages } from '../platform/i18n.js';

/** Messages of settlements (*liquidación*), Spanish first; with the words for its deduction codes. */
export const settlementMessages = defineMessages({
  es: {
    'settlement.not_found': 'No se encontró la liquidación.',
    'settlement.period_order': 'El periodo termina antes de empezar.',
    'settlement.already_posted': 'La liquidación ya fue contabilizada; ya no cambia.',
    'settlement.not_approved':
      'La liquidación necesita la aprobación de un gerente y de un contador antes de contabilizarse.',
    'settlement.same_person':
      'Usted ya aprobó esta liquidación: la segunda aprobación debe darla otra persona.',
    'settlement.role_already_approved':
      'Ya aprobó alguien con su rol; falta la aprobación del otro rol (gerente o contador).',
    'settlement.person_must_approve': 'Una liquidación la aprueban personas, no tokens ni procesos.',
    'settlement.nothing_to_settle':
      'Esta liquidación no toma ningún ticket: no hay nada que aprobar. Revise el periodo y los precios.',
    'settlement.stale_tickets':
      'Desde que se calculó este borrador, {count} ticket(s) se anularon o se liquidaron en otra liquidación ({tickets}). Recalcule el borrador: los dejará fuera.',
    'db.constraint.settled_tickets_pkey':
      'Un ticket de esta liquidación ya fue liquidado en otra liquidación contabilizada: un ticket se liquida una sola vez. Recalcule el borrador.',
    'db.constraint.voided_ticket_not_settled':
      'Un ticket anulado no se liquida. Recalcule el borrador: lo dejará fuera.',
    'db.constraint.settled_ticket_not_voided':
      'Este ticket ya fue liquidado en una liquidación contabilizada y no se puede anular. Corrija la diferencia con un ajuste en la cuenta del socio.',
    'db.constraint.settlement_tickets_frozen': 'Los tickets de una liquidación contabilizada ya no cambian.',
    'db.constraint.settlement_stays_posted': 'Una liquidación contabilizada sigue contabilizada.',
    'settlement.deduction.share_capital': 'Aporte de capital por quintal',
    'settlement.deduction.owed': 'Deudas con la cooperativa',
  },
  en: {
    'settlement.not_found': 'The settlement was not found.',
    'settlement.period_order': 'The period ends before it starts.',
    'settlement.already_posted': 'The settlement has been posted; it no longer changes.',
    'settlement.not_approved':
      'The settlement needs the approval of a manager and of an accountant before posting.',
    'settlement.same_person':
      'You already approved this settlement: the second approval must come from someone else.',
    'settlement.role_already_approved':
      'Someone with your role already approved; the other role (manager or accountant) must approve.',
    'settlement.person_must_approve': 'Settlements are approved by people, not by tokens or processes.',
    'settlement.nothing_to_settle':
      'This settlement takes no ticket: there is nothing to approve. Check the period and the prices.',
    'settlement.stale_tickets':
      'Since this draft was computed, {count} ticket(s) were voided or settled by another settlement ({tickets}). Recompute the draft: it will leave them out.',
    'db.constraint.settled_tickets_pkey':
      'A ticket of this settlement was already settled by another posted settlement: a ticket is settled once. Recompute the draft.',
    'db.constraint.voided_ticket_not_settled':
      'A voided ticket is not settled. Recompute the draft: it will leave it out.',
    'db.constraint.settled_ticket_not_voided':
      'This ticket was settled by a posted settlement and cannot be voided. Correct the difference with an adjustment on the member’s account.',
    'db.constraint.settlement_tickets_frozen': 'The tickets of a posted settlement no longer change.',
    'db.constraint.settlement_stays_posted': 'A posted settlement stays posted.',
    'settlement.deduction.share_capital': 'Share capital per quintal',
    'settlement.deduction.owed': 'Owed to the cooperative',
  },
});
