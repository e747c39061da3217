import { defineMessages } from '../platform/i18n.js';

/** Messages of the quality lab, Spanish first. The database's own refusals first. */
export const qualityMessages = defineMessages({
  es: {
    'db.constraint.cupping_score_once':
      'Ya calificó esta muestra en esta sesión: cada catador califica cada muestra una sola vez.',
    'db.constraint.cupping_session_closed': 'La sesión de catación está cerrada: ya no recibe puntajes.',
    'db.constraint.cupping_defect_cups':
      'Una taza tiene a lo sumo un defecto: tazas con sabor extraño más tazas con falla no pueden pasar de cinco.',
    'db.constraint.quality_screens_within_portion':
      'Lo retenido en las zarandas no puede pesar más que la porción analizada.',
    'db.constraint.quality_out_turn': 'El café oro pilado no puede pesar más que el pergamino del que salió.',
    'db.constraint.quality_sample_source':
      'Una muestra viene de un lote (y se descuenta de él) o de fuera (y se dice de quién), no de ambos.',
    'db.constraint.cupping_blind_code_unique':
      'Dos muestras de la sesión recibieron el mismo código; vuelva a intentar.',
    'quality.sample_not_found': 'No existe la muestra {code}.',
    'quality.session_not_found': 'No existe esa sesión de catación.',
    'quality.lot_not_found': 'No existe el lote {code}.',
    'quality.lot_required': 'Indique el lote del que se toma la muestra.',
    'quality.received_from_required': 'Indique de quién se recibió la muestra.',
    'quality.screens_above_portion': 'Lo retenido en las zarandas pesa más que la porción analizada.',
    'quality.out_turn_above_parchment': 'El café oro pilado no puede pesar más que el pergamino.',
    'quality.defect_cups': 'Tazas con sabor extraño más tazas con falla no pueden pasar de cinco.',
    'quality.descriptor_twice': 'Cada descriptor se anota una sola vez por muestra.',
    'quality.not_descriptive': 'Esta sesión no registra descriptores.',
    'quality.blind_code_not_found': 'No hay una muestra con el código {code} en esta sesión.',
    'quality.cupper_is_a_person': 'Solo una persona (un catador) puede calificar una muestra.',
  },
  en: {
    'db.constraint.cupping_score_once':
      'You already scored this sample in this session: each cupper scores each sample once.',
    'db.constraint.cupping_session_closed': 'The cupping session is closed: it takes no more scores.',
    'db.constraint.cupping_defect_cups':
      'A cup has at most one defect: tainted plus faulty cups cannot exceed five.',
    'db.constraint.quality_screens_within_portion':
      'What the screens retained cannot weigh more than the portion analysed.',
    'db.constraint.quality_out_turn':
      'The husked green coffee cannot weigh more than the parchment it came from.',
    'db.constraint.quality_sample_source':
      'A sample comes from a lot (and is drawn from it) or from outside (saying from whom), not both.',
    'db.constraint.cupping_blind_code_unique': 'Two samples of the session got the same code; try again.',
    'quality.sample_not_found': 'There is no sample {code}.',
    'quality.session_not_found': 'There is no such cupping session.',
    'quality.lot_not_found': 'There is no lot {code}.',
    'quality.lot_required': 'Say which lot the sample is taken from.',
    'quality.received_from_required': 'Say who the sample was received from.',
    'quality.screens_above_portion': 'What the screens retained weighs more than the portion analysed.',
    'quality.out_turn_above_parchment': 'The husked green coffee cannot weigh more than the parchment.',
    'quality.defect_cups': 'Tainted plus faulty cups cannot exceed five.',
    'quality.descriptor_twice': 'Each descriptor is noted once per sample.',
    'quality.not_descriptive': 'This session does not record descriptors.',
    'quality.blind_code_not_found': 'There is no sample with code {code} in this session.',
    'quality.cupper_is_a_person': 'Only a person (a cupper) can score a sample.',
  },
});
