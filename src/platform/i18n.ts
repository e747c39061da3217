/**
 * Server-side messages in the caller's language. Spanish first: organizations in Peru and Colombia
 * work in Spanish, and a message nobody can read is no message. Keys are stable codes that clients may
 * also match on; `{name}` placeholders are filled from the error's params.
 */
export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];

type Catalog = Record<string, string>;

const es: Catalog = {
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
  'auth.invalid_credentials': 'Correo o contraseña incorrectos.',
  'auth.too_many_attempts': 'Demasiados intentos fallidos. Espere {seconds} segundos e intente de nuevo.',
  'auth.session_expired': 'Su sesión expiró. Inicie sesión de nuevo.',
  'auth.wrong_current_password': 'La contraseña actual no es correcta.',
  'auth.token_revoked': 'El token de API fue revocado o expiró.',
  'auth.weak_password': 'La contraseña debe tener al menos {min} caracteres.',
  'org.not_found': 'No se encontró la organización «{slug}».',
  'org.slug_taken': 'Ya existe una organización con el identificador «{slug}».',
  'org.role_not_allowed': 'El rol «{role}» no corresponde a una organización de tipo {kind}.',
  'org.grant_not_cooperative': 'Solo una cooperativa comparte sus datos con una central o un programa.',
  'org.grantee_kind': 'Los datos solo se comparten con una central o un programa.',
  'org.grant_exists': 'Ese permiso ya está vigente.',
  'org.grant_not_found': 'No se encontró el permiso.',
  'org.token_not_found': 'No se encontró el token.',
  'org.user_not_found': 'No se encontró el usuario.',
  'org.last_admin': 'No se puede quitar al último administrador de la organización.',
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
};

const en: Catalog = {
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
  'auth.invalid_credentials': 'Wrong email or password.',
  'auth.too_many_attempts': 'Too many failed attempts. Wait {seconds} seconds and try again.',
  'auth.session_expired': 'Your session has expired. Please sign in again.',
  'auth.wrong_current_password': 'The current password is not correct.',
  'auth.token_revoked': 'The API token was revoked or has expired.',
  'auth.weak_password': 'The password must have at least {min} characters.',
  'org.not_found': 'Organization “{slug}” was not found.',
  'org.slug_taken': 'An organization with the identifier “{slug}” already exists.',
  'org.role_not_allowed': 'The role “{role}” does not fit an organization of kind {kind}.',
  'org.grant_not_cooperative': 'Only a cooperative shares its data with a central or a program.',
  'org.grantee_kind': 'Data can only be shared with a central or a program.',
  'org.grant_exists': 'That grant is already in force.',
  'org.grant_not_found': 'The grant was not found.',
  'org.token_not_found': 'The token was not found.',
  'org.user_not_found': 'The user was not found.',
  'org.last_admin': 'The last administrator of an organization cannot be removed.',
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
};

const catalogs: Record<Locale, Catalog> = { es, en };

/** Adds a domain's messages; each domain registers its own keys at import time. */
export function registerMessages(locale: Locale, messages: Catalog): void {
  Object.assign(catalogs[locale], messages);
}

export function translate(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  const template = catalogs[locale][code] ?? catalogs.es[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
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
