import { registerMessages } from '../platform/i18n.js';

/** Messages of the social base, Spanish first. */
registerMessages('es', {
  'members.not_a_cooperative': '«{slug}» no es una cooperativa: no tiene registro de socios.',
  'members.not_found': 'No se encontró al socio N.º {memberNumber}.',
  'members.no_own_record': 'Su usuario no está vinculado a un registro de socio en esta organización.',
  'members.number_taken': 'Ya existe un socio con el número {memberNumber}.',
  'members.invalid_dni': 'El DNI debe tener exactamente 8 dígitos.',
  'members.invalid_cedula': 'La cédula debe tener entre 6 y 10 dígitos.',
  'members.born_after_joining': 'La fecha de nacimiento debe ser anterior a la fecha de ingreso.',
  'members.deceased_final': 'El socio figura como fallecido: su estado ya no cambia.',
  'members.same_status': 'El socio ya tiene el estado «{status}».',
  'members.reason_registered': 'Registro en el padrón',
  'members.reason_imported': 'Importado desde una planilla',
  'members.invalid_plot': 'Los datos de la parcela no son válidos.',
  'members.plot_not_found': 'No se encontró la parcela.',
  'members.plot_not_of_member': 'La parcela no pertenece a este socio.',
  'members.certification_not_found': 'No se encontró la certificación.',
  'members.conversion_year_rule':
    'El año de conversión se indica solo, y siempre, en estado «en conversión».',
  'members.future_date': 'La fecha no puede ser futura.',
  'standing.not_yet_member': 'Aún no era socio en esa fecha.',
  'standing.status': 'Su estado en esa fecha era «{status}», no «activo».',
  'standing.too_recent': 'Tiene menos de {months} meses como socio.',
  'standing.share_capital':
    'No ha pagado el mínimo exigido del capital suscrito ({requiredBp} puntos básicos).',
  'standing.inspection_rejected': 'Su última inspección interna fue rechazada.',
});

registerMessages('en', {
  'members.not_a_cooperative': '“{slug}” is not a cooperative: it has no member register.',
  'members.not_found': 'Member No. {memberNumber} was not found.',
  'members.no_own_record': 'Your account is not linked to a member record in this organization.',
  'members.number_taken': 'A member with number {memberNumber} already exists.',
  'members.invalid_dni': 'A DNI has exactly 8 digits.',
  'members.invalid_cedula': 'A cédula has 6 to 10 digits.',
  'members.born_after_joining': 'The birth date must be before the join date.',
  'members.deceased_final': 'The member is recorded as deceased: the status no longer changes.',
  'members.same_status': 'The member already has the status “{status}”.',
  'members.reason_registered': 'Entered in the register',
  'members.reason_imported': 'Imported from a spreadsheet',
  'members.invalid_plot': 'The plot’s data is not valid.',
  'members.plot_not_found': 'The plot was not found.',
  'members.plot_not_of_member': 'The plot does not belong to this member.',
  'members.certification_not_found': 'The certification was not found.',
  'members.conversion_year_rule':
    'A conversion year is given only, and always, with the status “in conversion”.',
  'members.future_date': 'The date cannot be in the future.',
  'standing.not_yet_member': 'Was not yet a member on that date.',
  'standing.status': 'The status on that date was “{status}”, not “active”.',
  'standing.too_recent': 'Has been a member for less than {months} months.',
  'standing.share_capital':
    'Has not paid the required minimum of the subscribed capital ({requiredBp} basis points).',
  'standing.inspection_rejected': 'The last internal inspection was rejected.',
});
