import { defineMessages } from '../platform/i18n.js';
import { IMPORT_MESSAGES } from './import/messages.js';

/** Messages of the social base (with the import's), Spanish first. */
export const membersMessages = defineMessages({
  es: {
    ...IMPORT_MESSAGES.es,
    'card.subtitle': 'Carné de socio',
    'card.member_number': 'Socio N.º',
    'card.name': 'Nombre',
    'card.national_id': 'Documento',
    'card.community': 'Comunidad',
    'card.footer': 'Presente este carné en la asamblea: el código registra su asistencia.',
    'members.status.applicant': 'postulante',
    'members.status.active': 'activo',
    'members.status.suspended': 'suspendido',
    'members.status.withdrawn': 'retirado',
    'members.status.deceased': 'fallecido',
    'members.status.none': 'sin estado',
    'members.national_id_taken': 'Ese documento ya está registrado para otro socio.',
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
    'import.national_id_taken': 'Ese documento ya pertenece al socio N.º {memberNumber}.',
    'import.unknown_member': 'No hay un socio N.º {memberNumber} en el padrón: importe primero los socios.',
    'import.invalid_geojson': 'El archivo no es un GeoJSON FeatureCollection válido.',
    'import.not_committed': 'No se importó nada: corrija las filas con errores y vuelva a intentarlo.',
    'standing.not_yet_member': 'Aún no era socio en esa fecha.',
    'standing.status': 'Su estado en esa fecha era «{status}», no «activo».',
    'standing.too_recent': 'Tiene menos de {months} meses como socio.',
    'standing.share_capital':
      'No ha pagado el mínimo exigido del capital suscrito ({requiredBp} puntos básicos).',
    'standing.inspection_rejected': 'Su última inspección interna fue rechazada.',
    'geo.not_geojson':
      'El dato no es GeoJSON válido: se esperaba un punto (Point), un polígono (Polygon) o un Feature que los contenga.',
    'geo.empty_geometry': 'No contiene ninguna geometría.',
    'geo.type_not_allowed':
      'El tipo «{type}» no está permitido: use un punto (Point) o un polígono (Polygon).',
    'geo.multiple_plots':
      'Contiene {count} parcelas; registre cada parcela por separado (un polígono por parcela).',
    'geo.invalid_position': 'Se esperaba un par de números [longitud, latitud].',
    'geo.too_many_positions':
      'El polígono tiene {count} puntos; el máximo es {max}. Simplifíquelo antes de cargarlo.',
    'geo.coordinate_out_of_range':
      'Coordenada fuera de rango (longitud {lon}, latitud {lat}): la longitud va de -180 a 180 y la latitud de -90 a 90.',
    'geo.too_few_positions': 'El polígono necesita al menos {min} vértices distintos; tiene {count}.',
    'geo.has_holes':
      'El polígono tiene {count} hueco(s) y el sistema de la UE no los acepta. Registre solo el contorno exterior.',
    'geo.self_intersection':
      'El contorno se cruza o se toca a sí mismo cerca de {where} (longitud, latitud). Corrija el orden de los puntos o divida la parcela en dos.',
    'geo.area_too_small': 'El área del polígono es menor de {min} m²; revise los puntos.',
    'geo.outside_country': 'La ubicación cae fuera del país declarado ({country}).',
    'geo.polygon_required_over_4ha':
      'La parcela declara {declared} ha: por encima de {max} ha la EUDR exige un polígono, no un punto.',
    'geo.ring_not_closed':
      'El polígono no estaba cerrado; se cerró uniendo el último punto con el primero. Verifique la forma.',
    'geo.duplicate_consecutive_points':
      'Se quitaron {count} punto(s) repetido(s) (iguales al anterior con 6 decimales).',
    'geo.low_precision':
      'Las coordenadas tienen solo {decimals} decimales; la EUDR pide al menos {min}. Tómelas de nuevo con GPS si es posible.',
    'geo.area_mismatch':
      'El área declarada ({declared} ha) difiere en más de 20 % del área del polígono ({computed} ha).',
    'geo.hint.swapped':
      '¿Están invertidas la latitud y la longitud? Intercambiadas, la ubicación cae dentro del país. En GeoJSON la longitud va primero.',
    'geo.hint.sign':
      '¿Falta o sobra un signo menos? Con el signo cambiado, la ubicación cae dentro del país (en Perú latitud y longitud son negativas; en Colombia la longitud es negativa).',
  },
  en: {
    ...IMPORT_MESSAGES.en,
    'card.subtitle': 'Member card',
    'card.member_number': 'Member No.',
    'card.name': 'Name',
    'card.national_id': 'ID',
    'card.community': 'Community',
    'card.footer': 'Show this card at the assembly: the code checks you in.',
    'members.status.applicant': 'applicant',
    'members.status.active': 'active',
    'members.status.suspended': 'suspended',
    'members.status.withdrawn': 'withdrawn',
    'members.status.deceased': 'deceased',
    'members.status.none': 'no status',
    'members.national_id_taken': 'That ID is already registered for another member.',
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
    'import.national_id_taken': 'That ID already belongs to member No. {memberNumber}.',
    'import.unknown_member':
      'There is no member No. {memberNumber} in the register: import the members first.',
    'import.invalid_geojson': 'The file is not a valid GeoJSON FeatureCollection.',
    'import.not_committed': 'Nothing was imported: correct the rows with errors and try again.',
    'standing.not_yet_member': 'Was not yet a member on that date.',
    'standing.status': 'The status on that date was “{status}”, not “active”.',
    'standing.too_recent': 'Has been a member for less than {months} months.',
    'standing.share_capital':
      'Has not paid the required minimum of the subscribed capital ({requiredBp} basis points).',
    'standing.inspection_rejected': 'The last internal inspection was rejected.',
    'geo.not_geojson': 'This is not valid GeoJSON: expected a Point, a Polygon, or a Feature containing one.',
    'geo.empty_geometry': 'It contains no geometry.',
    'geo.type_not_allowed': 'Type “{type}” is not allowed: use a Point or a Polygon.',
    'geo.multiple_plots': 'It contains {count} plots; register each plot separately (one polygon per plot).',
    'geo.invalid_position': 'Expected a pair of numbers [longitude, latitude].',
    'geo.too_many_positions':
      'The polygon has {count} positions; the maximum is {max}. Simplify it before uploading.',
    'geo.coordinate_out_of_range':
      'Coordinate out of range (longitude {lon}, latitude {lat}): longitude runs from -180 to 180 and latitude from -90 to 90.',
    'geo.too_few_positions': 'A polygon needs at least {min} distinct corners; this one has {count}.',
    'geo.has_holes':
      'The polygon has {count} hole(s), which the EU system does not accept. Register the outer boundary only.',
    'geo.self_intersection':
      'The boundary crosses or touches itself near {where} (longitude, latitude). Fix the order of the points or split the plot in two.',
    'geo.area_too_small': 'The polygon’s area is under {min} m²; check its points.',
    'geo.outside_country': 'The location falls outside the declared country ({country}).',
    'geo.polygon_required_over_4ha':
      'The plot declares {declared} ha: above {max} ha the EUDR requires a polygon, not a point.',
    'geo.ring_not_closed':
      'The polygon was not closed; it was closed by joining the last point to the first. Check the shape.',
    'geo.duplicate_consecutive_points':
      'Removed {count} repeated point(s) (equal to the previous one at 6 decimals).',
    'geo.low_precision':
      'Coordinates have only {decimals} decimals; the EUDR asks for at least {min}. Re-take them with GPS if possible.',
    'geo.area_mismatch':
      'The declared area ({declared} ha) differs by more than 20% from the polygon’s area ({computed} ha).',
    'geo.hint.swapped':
      'Are latitude and longitude swapped? Exchanged, the location falls inside the country. In GeoJSON, longitude comes first.',
    'geo.hint.sign':
      'Is a minus sign missing or extra? With the sign changed, the location falls inside the country (in Peru both latitude and longitude are negative; in Colombia longitude is negative).',
  },
});
