/**
 * Texts for every import message key, in Spanish and English, for the i18n catalog (platform/i18n.ts):
 * `{name}` placeholders are filled from the issue's params. Field labels ('import.field.memberNumber')
 * come from FIELD_LABELS, the same headers the export writes.
 */
import { FIELD_LABELS } from './headers.js';
import type { CanonicalField, ImportFileCode, ImportIssueCode } from './types.js';

export type ImportMessageKey = ImportIssueCode | ImportFileCode;

const es: Record<ImportMessageKey, string> = {
  'import.required': 'Falta este dato; es obligatorio.',
  'import.too_long': 'Es demasiado largo: máximo {max} caracteres.',
  'import.too_many': 'Son demasiados: máximo {max}.',
  'import.invalid_dni': '«{value}» no es un DNI válido: debe tener 8 dígitos.',
  'import.invalid_cedula': '«{value}» no es una cédula válida: debe tener de 6 a 10 dígitos.',
  'import.invalid_national_id':
    '«{value}» no es un documento válido: use de 4 a 20 letras, dígitos o guiones.',
  'import.digits_lost':
    'Excel guardó «{value}» como número y perdió las cifras después de la decimoquinta. Dé formato de texto a la columna y vuelva a escribir el dato.',
  'import.invalid_date': '«{value}» no es una fecha válida. Use día/mes/año, por ejemplo 15/03/1980.',
  'import.future_date': 'La fecha «{value}» es posterior a hoy ({today}).',
  'import.join_before_birth':
    'La fecha de ingreso ({joinDate}) debe ser posterior a la fecha de nacimiento ({birthDate}).',
  'import.invalid_phone':
    '«{value}» no es un celular válido (Perú: 9 dígitos que empiezan con 9; Colombia: 10 dígitos).',
  'import.invalid_number': '«{value}» no es un número válido.',
  'import.invalid_integer': '«{value}» no es un número entero válido.',
  'import.invalid_money': '«{value}» no es un monto válido. Ejemplos: 1234.50, 1.234,50, S/ 50.',
  'import.too_many_decimals': '«{value}» tiene más de {max} decimales.',
  'import.negative_not_allowed': '«{value}» no puede ser negativo.',
  'import.out_of_range': '«{value}» está fuera del rango permitido ({min} a {max}).',
  'import.unknown_value': 'No se reconoce «{value}». Valores posibles: {options}.',
  'import.invalid_coordinate':
    '«{value}» no es una coordenada válida. Use grados decimales (-5.7083) o grados, minutos y segundos (5°42\'30"S).',
  'import.incomplete_coordinates': 'Falta este dato: la ubicación necesita latitud y longitud.',
  'import.coffee_area_exceeds_plot':
    'El área de café ({coffeeArea} ha) es mayor que el área de la parcela ({area} ha).',
  'import.unit_unknown':
    'No se sabe en qué unidad está la producción estimada. Indíquela en el encabezado o junto al número ({options}).',
  'import.full_name_needs_comma':
    'No se pudo separar «{value}» en apellidos y nombres. Escríbalo como «Apellidos, Nombres» o use columnas separadas.',
  'import.invalid_bank_account':
    '«{value}» no es un número de cuenta válido: solo dígitos, espacios y guiones.',
  'import.duplicate_in_file': '«{value}» ya aparece en la fila {row} de este archivo.',
  'import.dni_zero_restored':
    'El DNI «{value}» tenía 7 dígitos: se completó como {restored}, con el cero inicial que Excel suele borrar. Verifíquelo.',
  'import.extra_phone_ignored': 'Se importó el primer número; «{value}» no se importó.',
  'import.leading_zeros_lost':
    'El N° de socio {value} estaba guardado como número en Excel y otros tienen ceros a la izquierda: pudo haber perdido los suyos. Verifíquelo.',
  'import.file_empty': 'El archivo está vacío o no tiene filas con datos.',
  'import.unsupported_format':
    'No se puede leer este tipo de archivo ({format}). Guárdelo como libro de Excel (.xlsx) o CSV e inténtelo de nuevo.',
  'import.unreadable_xlsx': 'El archivo Excel está dañado o no es un .xlsx válido.',
  'import.sheet_not_found': 'El libro no tiene una hoja llamada «{sheet}». Hojas: {sheets}.',
  'import.missing_column': 'Falta la columna obligatoria «{field}».',
  'import.unmapped_column': 'La columna «{header}» no se importará.',
};

const en: Record<ImportMessageKey, string> = {
  'import.required': 'This value is required.',
  'import.too_long': 'Too long: at most {max} characters.',
  'import.too_many': 'Too many: at most {max}.',
  'import.invalid_dni': '“{value}” is not a valid DNI: it must have 8 digits.',
  'import.invalid_cedula': '“{value}” is not a valid cédula: it must have 6 to 10 digits.',
  'import.invalid_national_id': '“{value}” is not a valid ID: use 4 to 20 letters, digits or hyphens.',
  'import.digits_lost':
    'Excel stored “{value}” as a number and lost every digit after the fifteenth. Format the column as text and type the value again.',
  'import.invalid_date': '“{value}” is not a valid date. Use day/month/year, e.g. 15/03/1980.',
  'import.future_date': 'The date “{value}” is after today ({today}).',
  'import.join_before_birth': 'The join date ({joinDate}) must be after the birth date ({birthDate}).',
  'import.invalid_phone':
    '“{value}” is not a valid mobile number (Peru: 9 digits starting with 9; Colombia: 10 digits).',
  'import.invalid_number': '“{value}” is not a valid number.',
  'import.invalid_integer': '“{value}” is not a valid whole number.',
  'import.invalid_money': '“{value}” is not a valid amount. Examples: 1234.50, 1.234,50, S/ 50.',
  'import.too_many_decimals': '“{value}” has more than {max} decimals.',
  'import.negative_not_allowed': '“{value}” cannot be negative.',
  'import.out_of_range': '“{value}” is outside the allowed range ({min} to {max}).',
  'import.unknown_value': '“{value}” is not recognised. Possible values: {options}.',
  'import.invalid_coordinate':
    '“{value}” is not a valid coordinate. Use decimal degrees (-5.7083) or degrees, minutes and seconds (5°42\'30"S).',
  'import.incomplete_coordinates': 'Missing: a location needs both latitude and longitude.',
  'import.coffee_area_exceeds_plot': 'The coffee area ({coffeeArea} ha) is larger than the plot ({area} ha).',
  'import.unit_unknown':
    'The unit of the production estimate is unknown. Name it in the header or next to the number ({options}).',
  'import.full_name_needs_comma':
    'Could not split “{value}” into family and given names. Write it as “Family names, Given names” or use separate columns.',
  'import.invalid_bank_account': '“{value}” is not a valid account number: digits, spaces and hyphens only.',
  'import.duplicate_in_file': '“{value}” already appears in row {row} of this file.',
  'import.dni_zero_restored':
    'The DNI “{value}” had 7 digits: it was completed as {restored}, with the leading zero Excel often drops. Please check it.',
  'import.extra_phone_ignored': 'The first number was imported; “{value}” was not.',
  'import.leading_zeros_lost':
    'Member number {value} was stored as a number in Excel while others have leading zeros: it may have lost its own. Please check it.',
  'import.file_empty': 'The file is empty or has no rows with data.',
  'import.unsupported_format':
    'This kind of file cannot be read ({format}). Save it as an Excel workbook (.xlsx) or CSV and try again.',
  'import.unreadable_xlsx': 'The Excel file is damaged or not a valid .xlsx.',
  'import.sheet_not_found': 'The workbook has no sheet named “{sheet}”. Sheets: {sheets}.',
  'import.missing_column': 'The required column “{field}” is missing.',
  'import.unmapped_column': 'The column “{header}” will not be imported.',
};

const labels = (locale: 'es' | 'en') =>
  Object.fromEntries(
    Object.entries(FIELD_LABELS[locale]).map(([field, label]) => [`import.field.${field}`, label]),
  ) as Record<`import.field.${CanonicalField}`, string>;

/** A key of the import catalogue: an issue or file message, or a field's label. */
export type ImportCatalogKey = ImportMessageKey | `import.field.${CanonicalField}`;

/**
 * Every key in both languages: messages, then one label per field. A fragment of the members
 * domain's catalogue (`members/messages.ts` declares it with the rest).
 */
export const IMPORT_MESSAGES: Record<'es' | 'en', Record<ImportCatalogKey, string>> = {
  es: { ...es, ...labels('es') },
  en: { ...en, ...labels('en') },
};
