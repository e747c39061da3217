import { registerMessages } from '../platform/i18n.js';

registerMessages('es', {
  'collection.point_code_taken': 'Ya existe un centro de acopio con el código {code}.',
  'collection.point_not_found': 'No existe el centro de acopio {code}.',
  'collection.not_a_cashier': 'Esa persona no tiene el rol de cajero en esta cooperativa.',
  'collection.not_your_point': 'No está asignado(a) como cajero(a) de este centro de acopio.',
  'collection.no_schedule':
    'No hay un precio vigente el {date} para {coffeeState} ({certificationClass}). Registre la tabla de precios antes de recibir café.',
  'collection.gross_positive': 'El peso bruto debe ser mayor que cero.',
  'collection.tare_not_below_gross': 'La tara debe ser menor que el peso bruto.',
  'collection.percent_range': 'Debe estar entre 0 y 100.',
  'collection.member_cannot_deliver': 'El socio está «{status}»: no puede entregar café.',
  'collection.not_certified': 'El socio no tiene certificación vigente para esta clase: falta {missing}.',
  'collection.zero_value': 'Con estos datos la entrega no tiene valor; revise el precio y la calidad.',
  'collection.cash_above_value': 'El pago en caja no puede superar el valor del ticket ({value}).',
  'collection.replace_only_voided': 'Solo se reemplaza un ticket anulado.',
  'collection.ticket_not_found': 'No se encontró el ticket.',
  'collection.already_voided': 'El ticket ya está anulado.',
  'pricing.net': 'Peso neto: {netKg} kg.',
  'pricing.moisture_discount':
    'Humedad {moisture} %, sobre la referencia de {reference} %: peso pagable = neto × (100 − {moisture}) / (100 − {reference}) = {payableKg} kg.',
  'pricing.moisture_within_reference':
    'Humedad {moisture} %, dentro de la referencia de {reference} %: sin descuento.',
  'pricing.market_minimum':
    'Café {certification}: el mercado ({market} US¢/lb) está por debajo del precio mínimo ({minimum} US¢/lb); se aplica el mínimo.',
  'pricing.base': 'Precio base: {currency} {price} por kg.',
  'pricing.base_from_market':
    'Precio base: FOB {fob} US¢/lb de café oro (bolsa «C» {cPrice}, diferencial {differential}) × tipo de cambio {exchangeRate} ÷ 0.45359237 kg/lb × {greenKg} kg de oro por {purchasedKg} kg comprados − costos {currency} {costs} = {currency} {price} por kg.',
  'pricing.yield_adjustment':
    'Rendimiento {yield} % frente a la referencia de {reference} %: {points} puntos × {currency} {perPoint} = {currency} {amount} por kg.',
  'pricing.yield_factor':
    'Factor de rendimiento {factor} (base {reference}): precio base × {reference} / {factor}, un ajuste de {currency} {amount} por kg.',
  'pricing.certification_premium': 'Prima por certificación {certification}: {currency} {amount} por kg.',
  'pricing.cup_premium': 'Puntaje de taza {score} (desde {threshold}): prima de {currency} {amount} por kg.',
  'pricing.cup_below_threshold': 'Puntaje de taza {score}, por debajo de {threshold}: sin prima de taza.',
  'pricing.price_floor':
    'Los ajustes dan {currency} {computed} por kg; el precio no puede ser negativo y queda en {currency} 0.',
  'pricing.unit_price': 'Precio por kg: {currency} {price}.',
  'pricing.value':
    'Valor: {payableKg} kg × {currency} {price} = {currency} {value} (redondeado una sola vez, al final).',
  'pricing.invalid_currency': 'La moneda no es válida: sus decimales deben estar entre 0 y 6.',
  'pricing.invalid_net_mass': 'El peso neto debe ser mayor que cero.',
  'pricing.missing_moisture': 'Falta la humedad: la regla de precio descuenta por humedad.',
  'pricing.invalid_moisture': 'La humedad debe ser de 0 % a menos de 100 %, con hasta dos decimales.',
  'pricing.invalid_reference_moisture': 'La humedad de referencia debe ser de 0 % a menos de 100 %.',
  'pricing.missing_yield': 'Falta el rendimiento: la regla de precio ajusta por rendimiento.',
  'pricing.invalid_yield': 'El rendimiento debe estar entre 0 % y 100 %, con hasta dos decimales.',
  'pricing.invalid_reference_yield':
    'El rendimiento de referencia debe ser mayor que 0 % y como máximo 100 %.',
  'pricing.missing_factor': 'Falta el factor de rendimiento.',
  'pricing.invalid_factor': 'El factor de rendimiento debe ser al menos 70, con hasta dos decimales.',
  'pricing.factor_above_maximum':
    'El factor de rendimiento {factor} supera el máximo que se compra ({maximum}).',
  'pricing.invalid_reference_factor':
    'El factor de rendimiento base o máximo de la regla debe ser al menos 70.',
  'pricing.invalid_cup_score': 'El puntaje de taza debe estar entre 0 y 100, con hasta dos decimales.',
  'pricing.invalid_cup_threshold':
    'Los umbrales de puntaje de taza deben estar entre 0 y 100 y ser distintos.',
  'pricing.negative_price': 'Los precios, primas, ajustes y costos no pueden ser negativos.',
  'pricing.missing_market_quote': 'Falta la cotización del día: bolsa «C» y tipo de cambio.',
  'pricing.invalid_market_price': 'El precio de la bolsa «C» debe ser mayor que cero.',
  'pricing.invalid_exchange_rate': 'El tipo de cambio debe ser mayor que cero.',
  'pricing.invalid_conversion':
    'La conversión a café oro debe darse en kilos enteros y positivos, con los kilos de oro sin superar los kilos comprados.',
});

registerMessages('en', {
  'collection.point_code_taken': 'A collection point with code {code} already exists.',
  'collection.point_not_found': 'There is no collection point {code}.',
  'collection.not_a_cashier': 'That person does not have the cashier role in this cooperative.',
  'collection.not_your_point': 'You are not assigned as a cashier of this collection point.',
  'collection.no_schedule':
    'No price is in force on {date} for {coffeeState} ({certificationClass}). Enter the price schedule before receiving coffee.',
  'collection.gross_positive': 'The gross weight must be greater than zero.',
  'collection.tare_not_below_gross': 'The tare must be less than the gross weight.',
  'collection.percent_range': 'Must be between 0 and 100.',
  'collection.member_cannot_deliver': 'The member is “{status}”: they cannot deliver coffee.',
  'collection.not_certified': 'The member holds no certification in force for this class: missing {missing}.',
  'collection.zero_value': 'With these figures the delivery has no value; check the price and the quality.',
  'collection.cash_above_value': 'Cash paid at the desk cannot exceed the ticket’s value ({value}).',
  'collection.replace_only_voided': 'Only a voided ticket can be replaced.',
  'collection.ticket_not_found': 'The ticket was not found.',
  'collection.already_voided': 'The ticket is already voided.',
  'pricing.net': 'Net weight: {netKg} kg.',
  'pricing.moisture_discount':
    'Moisture {moisture} %, above the reference of {reference} %: payable weight = net × (100 − {moisture}) / (100 − {reference}) = {payableKg} kg.',
  'pricing.moisture_within_reference':
    'Moisture {moisture} %, within the reference of {reference} %: no discount.',
  'pricing.market_minimum':
    '{certification} coffee: the market ({market} US¢/lb) is below the minimum price ({minimum} US¢/lb); the minimum applies.',
  'pricing.base': 'Base price: {currency} {price} per kg.',
  'pricing.base_from_market':
    'Base price: FOB {fob} US¢/lb of green coffee (ICE “C” {cPrice}, differential {differential}) × exchange rate {exchangeRate} ÷ 0.45359237 kg/lb × {greenKg} kg of green per {purchasedKg} kg bought − costs {currency} {costs} = {currency} {price} per kg.',
  'pricing.yield_adjustment':
    'Yield {yield} % against the reference of {reference} %: {points} points × {currency} {perPoint} = {currency} {amount} per kg.',
  'pricing.yield_factor':
    'Yield factor {factor} (base {reference}): base price × {reference} / {factor}, an adjustment of {currency} {amount} per kg.',
  'pricing.certification_premium': '{certification} certification premium: {currency} {amount} per kg.',
  'pricing.cup_premium': 'Cup score {score} (from {threshold}): premium of {currency} {amount} per kg.',
  'pricing.cup_below_threshold': 'Cup score {score}, below {threshold}: no cup premium.',
  'pricing.price_floor':
    'The adjustments come to {currency} {computed} per kg; the price cannot be negative and stays at {currency} 0.',
  'pricing.unit_price': 'Price per kg: {currency} {price}.',
  'pricing.value':
    'Value: {payableKg} kg × {currency} {price} = {currency} {value} (rounded once, at the end).',
  'pricing.invalid_currency': 'The currency is not valid: its decimals must be between 0 and 6.',
  'pricing.invalid_net_mass': 'The net weight must be greater than zero.',
  'pricing.missing_moisture': 'The moisture is missing: the price rule discounts for moisture.',
  'pricing.invalid_moisture': 'Moisture must be from 0 % to less than 100 %, with up to two decimals.',
  'pricing.invalid_reference_moisture': 'The reference moisture must be from 0 % to less than 100 %.',
  'pricing.missing_yield': 'The yield is missing: the price rule adjusts for yield.',
  'pricing.invalid_yield': 'The yield must be between 0 % and 100 %, with up to two decimals.',
  'pricing.invalid_reference_yield': 'The reference yield must be above 0 % and at most 100 %.',
  'pricing.missing_factor': 'The yield factor (factor de rendimiento) is missing.',
  'pricing.invalid_factor': 'The yield factor must be at least 70, with up to two decimals.',
  'pricing.factor_above_maximum': 'The yield factor {factor} is above the highest factor bought ({maximum}).',
  'pricing.invalid_reference_factor': 'The rule’s base or maximum yield factor must be at least 70.',
  'pricing.invalid_cup_score': 'The cup score must be between 0 and 100, with up to two decimals.',
  'pricing.invalid_cup_threshold': 'Cup score thresholds must be between 0 and 100 and all different.',
  'pricing.negative_price': 'Prices, premiums, adjustments and costs cannot be negative.',
  'pricing.missing_market_quote': 'The day’s quote is missing: ICE “C” price and exchange rate.',
  'pricing.invalid_market_price': 'The ICE “C” price must be greater than zero.',
  'pricing.invalid_exchange_rate': 'The exchange rate must be greater than zero.',
  'pricing.invalid_conversion':
    'The conversion to green coffee must be in whole, positive kilograms, with the green kilograms not above the kilograms bought.',
});
