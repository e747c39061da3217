import { hasMessage } from './i18n.js';
/**
 * The one error type of Ayni. Services throw it; the HTTP layer maps `kind` to a status and renders
 * `code` in the caller's language (see i18n.ts). Database errors are turned into it in one place:
 * `fromDatabaseError`.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  /** JSON path of the field, e.g. `email` or `items.3.grossGrams`. */
  path: string;
  /** Message key, rendered in the caller's language. */
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];
  /** Seconds a client should wait, for `too_many_requests`. */
  readonly retryAfter?: number;

  constructor(
    kind: ErrorKind,
    code: string,
    options: {
      params?: Record<string, string | number>;
      fields?: FieldError[];
      retryAfter?: number;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  column?: unknown;
  message?: unknown;
}

/**
 * Maps PostgreSQL SQLSTATEs to the error kinds, once for the whole application.
 * 23505 unique → conflict, 23503 foreign key → invalid, 23514 check/our invariant triggers → invalid,
 * 23502 not null → invalid, 22P02/22003/22007/22008 bad values → invalid, 40001/40P01 → conflict (retry).
 * Anything else is not an AppError and stays a 500 (logged, never shown).
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const pg = error as PgErrorLike;
  const code = typeof pg.code === 'string' ? pg.code : undefined;
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  const constraint = typeof pg.constraint === 'string' ? pg.constraint : '';
  const params: Record<string, string> = { constraint: constraint || '?' };
  // A constraint or invariant trigger that a domain explains in words (`db.constraint.<name>`) speaks for itself.
  const named =
    constraint && hasMessage(`db.constraint.${constraint}`) ? `db.constraint.${constraint}` : undefined;
  switch (code) {
    case '23505':
      return new AppError('conflict', named ?? 'db.unique_violation', { params, cause: error });
    case '23503':
      return new AppError('invalid', 'db.foreign_key_violation', { params, cause: error });
    case '23514':
    case '23P01':
      return new AppError(named ? 'conflict' : 'invalid', named ?? 'db.check_violation', {
        params,
        cause: error,
      });
    case '23502':
      return new AppError('invalid', 'db.not_null_violation', {
        params: { column: typeof pg.column === 'string' ? pg.column : '' },
        cause: error,
      });
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return new AppError('invalid', 'db.invalid_value', { cause: error });
    case '40001':
    case '40P01':
      return new AppError('conflict', 'db.serialization_failure', { cause: error });
    case '55P03':
      return new AppError('conflict', 'db.lock_not_available', { cause: error });
    default:
      return undefined;
  }
}

export const notFound = (code = 'error.not_found', params?: Record<string, string | number>) =>
  new AppError('not_found', code, params ? { params } : {});
export const forbidden = (code = 'error.forbidden') => new AppError('forbidden', code);
export const invalid = (code: string, fields: FieldError[] = [], params?: Record<string, string | number>) =>
  new AppError('invalid', code, { fields, ...(params ? { params } : {}) });
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new AppError('conflict', code, params ? { params } : {});
