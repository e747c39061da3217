/**
 * Server-side messages in the caller's language. Spanish first: organizations in Peru and Colombia
 * work in Spanish, and a message nobody can read is no message. Keys are stable codes that clients may
 * also match on; `{name}` placeholders are filled from the error's params.
 */
export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];

type Catalog = Record<string, string>;
export type MessageParams = Record<string, string | number>;

/**
 * One domain's messages in both languages, typed by key: `t(locale, key)` accepts only keys the
 * domain defined, and `defineMessages` refuses (at compile time) an English text missing for a
 * Spanish key or an English key with no Spanish text.
 */
export interface Messages<K extends string> {
  readonly es: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
  /** The text of `key` in `locale`, with its `{name}` placeholders filled from `params`. */
  t(locale: Locale, key: K, params?: MessageParams): string;
  /** Whether `key` is one of this catalogue's keys (for codes that come from data). */
  has(key: string): key is K;
}

const catalogs: Record<Locale, Catalog> = { es: {}, en: {} };

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/**
 * Declares a domain's messages (its `messages.ts` is the only place that calls this) and adds them to
 * the catalogue the error handler and `translate` read. Spanish first: the Spanish keys define the
 * set, and the English object must have exactly the same keys.
 *
 * @example
 * export const ledgerMessages = defineMessages({
 *   es: { 'ledger.entry_not_found': 'No se encontró el asiento.' },
 *   en: { 'ledger.entry_not_found': 'The entry was not found.' },
 * });
 * ledgerMessages.t('en', 'ledger.entry_not_found');
 */
export function defineMessages<K extends string>(texts: {
  es: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): Messages<K> {
  Object.assign(catalogs.es, texts.es);
  Object.assign(catalogs.en, texts.en);
  return {
    es: texts.es,
    en: texts.en,
    t: (locale, key, params = {}) => fill(texts[locale][key] ?? texts.es[key], params),
    has: (key): key is K => Object.hasOwn(texts.es, key),
  };
}

/** Every registered message, by language: for tests that compare the two languages. */
export function allMessages(): Readonly<Record<Locale, Readonly<Catalog>>> {
  return catalogs;
}

/** Messages of the platform itself: the problem titles, database errors and field errors. */
export const platformMessages = defineMessages({
  es: {
    'error.internal': 'Ocurrió un error inesperado. Se registró para revisarlo; intente de nuevo.',
    'error.not_found': 'No se encontró el recurso solicitado.',
    'error.route_not_found': 'No existe la ruta {method} {url}.',
    'error.forbidden': 'No tiene permiso para hacer esto en esta organización.',
    'error.conflict': 'La operación choca con el estado actual de los datos.',
    'error.too_many_requests': 'Demasiadas solicitudes.',
    'error.unauthenticated': 'Inicie sesión para continuar.',
    'error.invalid_body': 'Los datos enviados no son válidos.',
    'error.invalid_json': 'El cuerpo de la solicitud no es JSON válido.',
    'error.body_too_large': 'El cuerpo de la solicitud es demasiado grande (máximo {limit} bytes).',
    'error.unsupported_media_type': 'Tipo de contenido no admitido: envíe application/json.',
    'error.csrf': 'Falta el encabezado X-CSRF-Token o no coincide con su sesión. Recargue la página.',
    'error.unavailable': 'El servicio no está disponible por el momento.',
    'idempotency.mismatch':
      'El identificador {id} ya se usó con otros datos. Use un identificador nuevo para un registro nuevo.',
    'db.unique_violation': 'Ya existe un registro con esos datos ({constraint}).',
    'db.foreign_key_violation': 'Un registro relacionado no existe ({constraint}).',
    'db.check_violation': 'Los datos no cumplen una regla de la base de datos ({constraint}).',
    'db.not_null_violation': 'Falta un dato obligatorio ({column}).',
    'db.invalid_value': 'Un valor no tiene el formato correcto.',
    'db.serialization_failure': 'Otra operación modificó los mismos datos. Intente de nuevo.',
    'db.lock_not_available': 'Los datos están en uso por otra operación. Intente de nuevo.',
    'db.append_only': 'Este registro no se puede modificar ni borrar; registre una corrección.',
    'field.required': 'Este campo es obligatorio.',
    'field.invalid_type': 'Se esperaba {expected}.',
    'field.too_small': 'Debe tener al menos {minimum}.',
    'field.too_big': 'Debe tener como máximo {maximum}.',
    'field.invalid_format': 'El formato no es válido ({format}).',
    'field.invalid_value': 'Valor no permitido. Valores posibles: {options}.',
    'field.unrecognized_key': 'Campo desconocido.',
    'field.invalid': 'Valor no válido.',
  },
  en: {
    'error.internal': 'Something unexpected went wrong. It was logged for review; please try again.',
    'error.not_found': 'The requested resource was not found.',
    'error.route_not_found': 'There is no route {method} {url}.',
    'error.forbidden': 'You are not allowed to do this in this organization.',
    'error.conflict': 'The operation conflicts with the current state of the data.',
    'error.too_many_requests': 'Too many requests.',
    'error.unauthenticated': 'Please sign in to continue.',
    'error.invalid_body': 'The data sent is not valid.',
    'error.invalid_json': 'The request body is not valid JSON.',
    'error.body_too_large': 'The request body is too large (at most {limit} bytes).',
    'error.unsupported_media_type': 'Unsupported content type: send application/json.',
    'error.csrf': 'The X-CSRF-Token header is missing or does not match your session. Reload the page.',
    'error.unavailable': 'The service is not available right now.',
    'idempotency.mismatch': 'The id {id} was already used with other data. Use a new id for a new record.',
    'db.unique_violation': 'A record with that data already exists ({constraint}).',
    'db.foreign_key_violation': 'A related record does not exist ({constraint}).',
    'db.check_violation': 'The data breaks a database rule ({constraint}).',
    'db.not_null_violation': 'A required value is missing ({column}).',
    'db.invalid_value': 'A value has the wrong format.',
    'db.serialization_failure': 'Another operation changed the same data. Please try again.',
    'db.lock_not_available': 'The data is in use by another operation. Please try again.',
    'db.append_only': 'This record cannot be changed or deleted; record a correction instead.',
    'field.required': 'This field is required.',
    'field.invalid_type': 'Expected {expected}.',
    'field.too_small': 'Must be at least {minimum}.',
    'field.too_big': 'Must be at most {maximum}.',
    'field.invalid_format': 'Invalid format ({format}).',
    'field.invalid_value': 'Value not allowed. Allowed values: {options}.',
    'field.unrecognized_key': 'Unknown field.',
    'field.invalid': 'Invalid value.',
  },
});

/**
 * The text of any registered message code (an error's code travels as data, so it is looked up by
 * string); a code with no text comes back as itself. Prefer a domain's typed `t` where the key is known.
 */
export function translate(locale: Locale, code: string, params: MessageParams = {}): string {
  return fill(catalogs[locale][code] ?? catalogs.es[code] ?? code, params);
}

export function hasMessage(code: string): boolean {
  return code in catalogs.es;
}

/** Picks es or en from an Accept-Language header; Spanish when nothing matches. */
export function negotiateLocale(acceptLanguage: string | undefined, fallback: Locale = 'es'): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return fallback;
}
