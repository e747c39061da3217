/**
 * Texts of the EUDR package, Spanish first: every problem code (types.ts), every checker rule (validate.ts)
 * and the PDF's words. traceability/messages.ts registers them with the domain's other messages.
 */
import type { EudrProblemCode, EudrSeverity } from './types.js';
import type { EudrCheckRule } from './validate.js';

type Key =
  | EudrProblemCode
  | EudrCheckRule
  | `eudr.severity.${EudrSeverity}`
  | `eudr.pdf.${
      | 'title'
      | 'complete'
      | 'incomplete'
      | 'dds'
      | 'field'
      | 'value'
      | 'reference'
      | 'activity'
      | 'activity_import'
      | 'hs_heading'
      | 'description'
      | 'net_weight'
      | 'country'
      | 'harvest'
      | 'harvest_range'
      | 'summary'
      | 'producers_count'
      | 'plots_count'
      | 'polygons_points'
      | 'area'
      | 'complete_share'
      | 'producers'
      | 'member_number'
      | 'name'
      | 'plots'
      | 'hectares'
      | 'mass_kg'
      | 'share'
      | 'to_visit'
      | 'nothing_to_visit'
      | 'shipment_problems'
      | 'to_review'
      | 'plot'
      | 'problem'
      | 'files'
      | 'file'
      | 'size'
      | 'generated'
      | 'footer'}`;

const es: Record<Key, string> = {
  'eudr.reference_invalid':
    'La referencia del embarque falta o pasa de {max} caracteres: es el número de referencia interno de la declaración.',
  'eudr.description_invalid':
    'La descripción de la mercancía falta o es demasiado larga ({length} caracteres; máximo {max}).',
  'eudr.hs_heading_not_coffee':
    'La partida arancelaria «{hsHeading}» no es de café: use 0901 o una subpartida de seis dígitos (090111, 090112…).',
  'eudr.net_mass_invalid': 'La masa neta del embarque debe ser mayor que cero.',
  'eudr.country_invalid': '«{country}» no es un código de país ISO de dos letras (PE, CO…).',
  'eudr.harvest_dates_invalid':
    'Las fechas de cosecha no son válidas ({start} a {end}): use AAAA-MM-DD, con el inicio no posterior al fin.',
  'eudr.no_producers': 'El embarque no tiene productores: no hay a quién atribuir el café.',
  'eudr.mass_not_accounted':
    'Los aportes de los socios suman {producersKg} kg pero el embarque pesa {netKg} kg: cada kilo debe venir de un socio conocido.',
  'eudr.needs_several_dds':
    'El paquete tiene {producers} productores y {megabytes} MB en {files} archivo(s): no cabe en una sola declaración (10 000 productores, 25 MB, 100 mercancías); el importador deberá presentar varias.',
  'eudr.producer_without_plots':
    'El socio no tiene ninguna parcela registrada: su café queda sin geolocalización. Hay que registrar sus parcelas.',
  'eudr.producer_name_invalid': 'El nombre del socio falta o pasa de {max} caracteres.',
  'eudr.producer_country_invalid': 'El país del socio, «{country}», no es un código ISO de dos letras.',
  'eudr.producer_country_differs':
    'El socio produce en {country} pero el embarque declara {countryOfProduction} como país de producción.',
  'eudr.producer_too_large':
    'Las parcelas del socio ocupan {megabytes} MB, más que el máximo de un archivo ({max} MB): simplifique sus polígonos.',
  'eudr.plot_without_geometry':
    'La parcela no tiene ubicación (ni punto ni polígono): hay que tomarla en campo con GPS.',
  'eudr.point_needs_polygon':
    'La parcela declara {declared} ha y solo tiene un punto: por encima de {max} ha la EUDR exige el polígono. Hay que recorrer su contorno.',
  'eudr.point_without_area':
    'La parcela es un punto sin área declarada: el sistema de la UE supondría 4 ha. Registre su área.',
  'eudr.geometry_invalid': 'La geometría de la parcela no es válida: {cause}',
  'eudr.plots_overlap':
    'Se superpone con la parcela «{otherPlot}» del socio {otherMemberNumber} {otherMember}: hay que revisar los linderos de ambas.',
  'eudr.plots_overlap_same_producer':
    'Se superpone con otra parcela del mismo socio («{otherPlot}»): el área podría contarse dos veces.',
  'eudr.area_mismatch':
    'El área declarada ({declared} ha) difiere en más de 20 % del área del polígono ({computed} ha).',
  'eudr.low_precision':
    'Las coordenadas tienen solo {decimals} decimales; la EUDR pide al menos {min}. Tómelas de nuevo con GPS si es posible.',

  'eudr.check.not_json': 'El archivo no es JSON válido.',
  'eudr.check.not_feature_collection': 'El archivo no es un FeatureCollection de GeoJSON.',
  'eudr.check.crs_not_allowed':
    'El archivo declara un sistema de coordenadas («crs»): GeoJSON (RFC 7946) usa solo WGS84 y no lleva ese miembro.',
  'eudr.check.no_features': 'El archivo no contiene ninguna parcela.',
  'eudr.check.not_feature': 'Un elemento de «features» no es un Feature.',
  'eudr.check.geometry_missing': 'Un Feature no tiene geometría.',
  'eudr.check.geometry_type_not_allowed':
    'El tipo de geometría «{type}» no está permitido: use Point, MultiPoint, Polygon, MultiPolygon o GeometryCollection.',
  'eudr.check.geometry_malformed':
    'Las coordenadas no tienen la forma esperada: cada posición es un par [longitud, latitud].',
  'eudr.check.coordinate_out_of_range': 'Coordenada fuera de rango (longitud {lon}, latitud {lat}).',
  'eudr.check.too_many_decimals':
    'La posición ({lon}, {lat}) tiene más de 6 decimales; el sistema de la UE los trunca.',
  'eudr.check.outside_country_box':
    'La posición ({lon}, {lat}) cae fuera del país del productor ({country}): ¿están invertidas la latitud y la longitud?',
  'eudr.check.ring_too_short':
    'Un anillo del polígono tiene {count} posiciones; necesita al menos {min}, con la primera repetida al final.',
  'eudr.check.ring_not_closed':
    'Un anillo del polígono no está cerrado: la última posición debe repetir la primera.',
  'eudr.check.polygon_has_holes': 'El polígono tiene {count} hueco(s); el sistema de la UE no los acepta.',
  'eudr.check.duplicate_vertex': 'Los vértices {first} y {second} coinciden con 6 decimales ({where}).',
  'eudr.check.self_crossing':
    'El contorno se cruza o se toca a sí mismo: los lados {first} y {second}, cerca de {where}.',
  'eudr.check.zero_area': 'El polígono no encierra ningún área (sus puntos están en línea).',
  'eudr.check.clockwise_ring':
    'El contorno exterior va en el sentido de las agujas del reloj; GeoJSON (RFC 7946) lo pide en sentido contrario.',
  'eudr.check.properties_missing': 'El Feature no tiene propiedades: faltan ProducerName y ProducerCountry.',
  'eudr.check.producer_name_missing': 'Falta ProducerName, el nombre del productor.',
  'eudr.check.producer_country_invalid': 'ProducerCountry {value} no es un código ISO de dos letras.',
  'eudr.check.production_place_invalid': 'ProductionPlace debe ser un texto no vacío.',
  'eudr.check.property_wrong_case':
    'La propiedad «{key}» debe escribirse «{expected}»: el sistema de la UE distingue mayúsculas.',
  'eudr.check.property_unknown':
    'La propiedad «{key}» no es de la descripción de archivos de la UE; quítela.',
  'eudr.check.area_missing': 'Un punto sin Area: el sistema de la UE supondría 4 ha.',
  'eudr.check.area_not_number': 'Area debe ser un número de hectáreas, no {value} (un texto se lee como 0).',
  'eudr.check.area_out_of_range':
    'Area {area} ha está fuera de lo permitido para un punto ({min} a {max} ha).',
  'eudr.check.file_too_large': 'El archivo ocupa {bytes} bytes; el máximo es {max}.',
  'eudr.check.too_many_producers': 'El archivo tiene {count} productores; el máximo por mercancía es {max}.',

  'eudr.severity.left_out': 'fuera del paquete',
  'eudr.severity.blocking': 'impide la declaración',
  'eudr.severity.review': 'revisar',

  'eudr.pdf.title': 'Paquete de datos EUDR',
  'eudr.pdf.complete': 'Completo: cada kilo del embarque tiene la geolocalización de sus parcelas.',
  'eudr.pdf.incomplete':
    'Incompleto: hay parcelas que visitar o datos que corregir antes de que salga el embarque.',
  'eudr.pdf.dds': 'Datos para la declaración de diligencia debida (DDS)',
  'eudr.pdf.field': 'Campo',
  'eudr.pdf.value': 'Valor',
  'eudr.pdf.reference': 'Referencia interna',
  'eudr.pdf.activity': 'Actividad',
  'eudr.pdf.activity_import': 'Importación (IMPORT)',
  'eudr.pdf.hs_heading': 'Partida arancelaria (SA)',
  'eudr.pdf.description': 'Descripción de la mercancía',
  'eudr.pdf.net_weight': 'Masa neta (kg)',
  'eudr.pdf.country': 'País de producción',
  'eudr.pdf.harvest': 'Periodo de cosecha',
  'eudr.pdf.harvest_range': '{start} a {end}',
  'eudr.pdf.summary': 'Resumen',
  'eudr.pdf.producers_count': 'Productores en el paquete / en el embarque',
  'eudr.pdf.plots_count': 'Parcelas en el paquete / registradas',
  'eudr.pdf.polygons_points': 'Polígonos / puntos',
  'eudr.pdf.area': 'Área de las parcelas (ha)',
  'eudr.pdf.complete_share': 'Masa con geolocalización completa',
  'eudr.pdf.producers': 'Productores',
  'eudr.pdf.member_number': 'N.º socio',
  'eudr.pdf.name': 'Nombre',
  'eudr.pdf.plots': 'Parcelas',
  'eudr.pdf.hectares': 'ha',
  'eudr.pdf.mass_kg': 'kg',
  'eudr.pdf.share': 'Participación',
  'eudr.pdf.to_visit': 'Parcelas que visitar antes de que salga el embarque',
  'eudr.pdf.nothing_to_visit': 'Ninguna: todas las parcelas están en el paquete.',
  'eudr.pdf.shipment_problems': 'Datos del embarque que corregir',
  'eudr.pdf.to_review': 'Para revisar (están en el paquete)',
  'eudr.pdf.plot': 'Parcela',
  'eudr.pdf.problem': 'Qué pasa',
  'eudr.pdf.files': 'Archivos GeoJSON',
  'eudr.pdf.file': 'Archivo',
  'eudr.pdf.size': 'Tamaño (KB)',
  'eudr.pdf.generated': 'Generado el {date}',
  'eudr.pdf.footer':
    'Archivos GeoJSON según la descripción de archivos GeoJSON v1.3 de la Comisión Europea (RFC 7946, WGS84, longitud primero, 6 decimales). Consérvelos con este resumen cinco años (Reglamento (UE) 2023/1115, art. 9).',
};

const en: Record<Key, string> = {
  'eudr.reference_invalid':
    'The shipment’s reference is missing or longer than {max} characters: it is the statement’s internal reference number.',
  'eudr.description_invalid':
    'The description of the goods is missing or too long ({length} characters; at most {max}).',
  'eudr.hs_heading_not_coffee':
    'HS heading “{hsHeading}” is not coffee: use 0901 or a six-digit subheading (090111, 090112…).',
  'eudr.net_mass_invalid': 'The shipment’s net mass must be more than zero.',
  'eudr.country_invalid': '“{country}” is not a two-letter ISO country code (PE, CO…).',
  'eudr.harvest_dates_invalid':
    'The harvest dates are not valid ({start} to {end}): use YYYY-MM-DD, the start not after the end.',
  'eudr.no_producers': 'The shipment has no producers: there is no one to trace the coffee to.',
  'eudr.mass_not_accounted':
    'The members’ deliveries add up to {producersKg} kg but the shipment weighs {netKg} kg: every kilo must come from a known member.',
  'eudr.needs_several_dds':
    'The package has {producers} producers and {megabytes} MB in {files} file(s): more than one statement holds (10,000 producers, 25 MB, 100 commodities); the importer will need to file several.',
  'eudr.producer_without_plots':
    'The member has no plot registered: their coffee has no geolocation. Their plots need registering.',
  'eudr.producer_name_invalid': 'The member’s name is missing or longer than {max} characters.',
  'eudr.producer_country_invalid': 'The member’s country, “{country}”, is not a two-letter ISO code.',
  'eudr.producer_country_differs':
    'The member produces in {country} but the shipment declares {countryOfProduction} as the country of production.',
  'eudr.producer_too_large':
    'The member’s plots take {megabytes} MB, more than one file may hold ({max} MB): simplify their polygons.',
  'eudr.plot_without_geometry':
    'The plot has no location (no point, no polygon): it must be taken in the field with a GPS.',
  'eudr.point_needs_polygon':
    'The plot declares {declared} ha and has only a point: above {max} ha the EUDR requires the polygon. Its boundary must be walked.',
  'eudr.point_without_area':
    'The plot is a point with no declared area: the EU system would assume 4 ha. Record its area.',
  'eudr.geometry_invalid': 'The plot’s geometry is not valid: {cause}',
  'eudr.plots_overlap':
    'It overlaps plot “{otherPlot}” of member {otherMemberNumber} {otherMember}: both boundaries need checking.',
  'eudr.plots_overlap_same_producer':
    'It overlaps another plot of the same member (“{otherPlot}”): the area could be counted twice.',
  'eudr.area_mismatch':
    'The declared area ({declared} ha) differs by more than 20% from the polygon’s area ({computed} ha).',
  'eudr.low_precision':
    'The coordinates have only {decimals} decimals; the EUDR asks for at least {min}. Take them again with a GPS if possible.',

  'eudr.check.not_json': 'The file is not valid JSON.',
  'eudr.check.not_feature_collection': 'The file is not a GeoJSON FeatureCollection.',
  'eudr.check.crs_not_allowed':
    'The file declares a coordinate system (“crs”): GeoJSON (RFC 7946) uses WGS84 only and has no such member.',
  'eudr.check.no_features': 'The file contains no plot.',
  'eudr.check.not_feature': 'An element of “features” is not a Feature.',
  'eudr.check.geometry_missing': 'A Feature has no geometry.',
  'eudr.check.geometry_type_not_allowed':
    'Geometry type “{type}” is not allowed: use Point, MultiPoint, Polygon, MultiPolygon or GeometryCollection.',
  'eudr.check.geometry_malformed':
    'The coordinates do not have the expected shape: each position is a pair [longitude, latitude].',
  'eudr.check.coordinate_out_of_range': 'Coordinate out of range (longitude {lon}, latitude {lat}).',
  'eudr.check.too_many_decimals':
    'Position ({lon}, {lat}) has more than 6 decimals; the EU system truncates them.',
  'eudr.check.outside_country_box':
    'Position ({lon}, {lat}) falls outside the producer’s country ({country}): are latitude and longitude swapped?',
  'eudr.check.ring_too_short':
    'A ring of the polygon has {count} positions; it needs at least {min}, the first repeated at the end.',
  'eudr.check.ring_not_closed':
    'A ring of the polygon is not closed: the last position must repeat the first.',
  'eudr.check.polygon_has_holes': 'The polygon has {count} hole(s); the EU system does not accept them.',
  'eudr.check.duplicate_vertex': 'Vertices {first} and {second} are the same at 6 decimals ({where}).',
  'eudr.check.self_crossing':
    'The boundary crosses or touches itself: sides {first} and {second}, near {where}.',
  'eudr.check.zero_area': 'The polygon encloses no area (its points lie on a line).',
  'eudr.check.clockwise_ring':
    'The outer boundary runs clockwise; GeoJSON (RFC 7946) asks for counter-clockwise.',
  'eudr.check.properties_missing':
    'The Feature has no properties: ProducerName and ProducerCountry are missing.',
  'eudr.check.producer_name_missing': 'ProducerName, the producer’s name, is missing.',
  'eudr.check.producer_country_invalid': 'ProducerCountry {value} is not a two-letter ISO code.',
  'eudr.check.production_place_invalid': 'ProductionPlace must be a non-empty text.',
  'eudr.check.property_wrong_case':
    'Property “{key}” must be spelled “{expected}”: the EU system is case-sensitive.',
  'eudr.check.property_unknown': 'Property “{key}” is not in the EU file description; remove it.',
  'eudr.check.area_missing': 'A point without Area: the EU system would assume 4 ha.',
  'eudr.check.area_not_number': 'Area must be a number of hectares, not {value} (a text is read as 0).',
  'eudr.check.area_out_of_range': 'Area {area} ha is outside what a point may have ({min} to {max} ha).',
  'eudr.check.file_too_large': 'The file takes {bytes} bytes; the maximum is {max}.',
  'eudr.check.too_many_producers': 'The file has {count} producers; at most {max} per commodity.',

  'eudr.severity.left_out': 'left out of the package',
  'eudr.severity.blocking': 'blocks the statement',
  'eudr.severity.review': 'to review',

  'eudr.pdf.title': 'EUDR data package',
  'eudr.pdf.complete': 'Complete: every kilo of the shipment has the geolocation of its plots.',
  'eudr.pdf.incomplete':
    'Incomplete: there are plots to visit or data to correct before the shipment leaves.',
  'eudr.pdf.dds': 'Data for the due diligence statement (DDS)',
  'eudr.pdf.field': 'Field',
  'eudr.pdf.value': 'Value',
  'eudr.pdf.reference': 'Internal reference',
  'eudr.pdf.activity': 'Activity',
  'eudr.pdf.activity_import': 'Import (IMPORT)',
  'eudr.pdf.hs_heading': 'HS heading',
  'eudr.pdf.description': 'Description of the goods',
  'eudr.pdf.net_weight': 'Net mass (kg)',
  'eudr.pdf.country': 'Country of production',
  'eudr.pdf.harvest': 'Harvest period',
  'eudr.pdf.harvest_range': '{start} to {end}',
  'eudr.pdf.summary': 'Summary',
  'eudr.pdf.producers_count': 'Producers in the package / in the shipment',
  'eudr.pdf.plots_count': 'Plots in the package / registered',
  'eudr.pdf.polygons_points': 'Polygons / points',
  'eudr.pdf.area': 'Area of the plots (ha)',
  'eudr.pdf.complete_share': 'Mass with complete geolocation',
  'eudr.pdf.producers': 'Producers',
  'eudr.pdf.member_number': 'Member no.',
  'eudr.pdf.name': 'Name',
  'eudr.pdf.plots': 'Plots',
  'eudr.pdf.hectares': 'ha',
  'eudr.pdf.mass_kg': 'kg',
  'eudr.pdf.share': 'Share',
  'eudr.pdf.to_visit': 'Plots to visit before the shipment leaves',
  'eudr.pdf.nothing_to_visit': 'None: every plot is in the package.',
  'eudr.pdf.shipment_problems': 'Shipment data to correct',
  'eudr.pdf.to_review': 'To review (they are in the package)',
  'eudr.pdf.plot': 'Plot',
  'eudr.pdf.problem': 'What is wrong',
  'eudr.pdf.files': 'GeoJSON files',
  'eudr.pdf.file': 'File',
  'eudr.pdf.size': 'Size (KB)',
  'eudr.pdf.generated': 'Generated on {date}',
  'eudr.pdf.footer':
    'GeoJSON files to the European Commission’s GeoJSON File Description v1.3 (RFC 7946, WGS84, longitude first, 6 decimals). Keep them with this summary for five years (Regulation (EU) 2023/1115, Art. 9).',
};

export const EUDR_MESSAGES = { es, en };
export type EudrMessageKey = Key;
