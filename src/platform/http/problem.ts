import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError, fromDatabaseError, HTTP_STATUS } from '../errors.js';
import { type Locale, translate } from '../i18n.js';

/**
 * Errors leave the server as RFC 9457 problem details, in the caller's language, with field-level
 * details. Nothing else ever reaches a client: an unexpected error becomes a 500 with a generic
 * message and a reference the operator finds in the log.
 */
export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem'),
    title: z.string().describe('A short summary of the kind of problem, in the caller’s language'),
    status: z.number().int().describe('The HTTP status code'),
    detail: z.string().describe('What went wrong this time, in the caller’s language'),
    code: z.string().describe('The stable message code, e.g. `error.not_found`'),
    instance: z.string().optional().describe('The request path'),
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per field at fault'),
  })
  .describe('RFC 9457 problem details');
export type ProblemBody = z.infer<typeof Problem>;

interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function joinPath(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const prefix = context && context !== 'body' ? context : '';
  return [prefix, path].filter(Boolean).join('.');
}

/** One field error per zod issue; unknown keys give one entry per key. */
export function fieldErrorsFromValidation(entries: ValidationEntry[], context?: string): FieldError[] {
  const fields: FieldError[] = [];
  for (const entry of entries) {
    const params = entry.params ?? {};
    const path = joinPath(context, entry.instancePath);
    switch (entry.keyword) {
      case 'unrecognized_keys':
        for (const key of (params.keys as string[] | undefined) ?? []) {
          fields.push({ path: path ? `${path}.${key}` : key, code: 'field.unrecognized_key' });
        }
        break;
      case 'invalid_type':
        // zod does not echo the input back; its message says when nothing was sent.
        fields.push(
          /received undefined$/.test(entry.message ?? '')
            ? { path, code: 'field.required' }
            : { path, code: 'field.invalid_type', params: { expected: String(params.expected ?? '?') } },
        );
        break;
      case 'too_small':
        fields.push({ path, code: 'field.too_small', params: { minimum: String(params.minimum ?? '?') } });
        break;
      case 'too_big':
        fields.push({ path, code: 'field.too_big', params: { maximum: String(params.maximum ?? '?') } });
        break;
      case 'invalid_format':
        fields.push({ path, code: 'field.invalid_format', params: { format: String(params.format ?? '?') } });
        break;
      case 'invalid_value':
        fields.push({
          path,
          code: 'field.invalid_value',
          params: { options: ((params.values as unknown[] | undefined) ?? []).map(String).join(', ') },
        });
        break;
      default:
        fields.push({ path, code: 'field.invalid' });
    }
  }
  return fields;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  validation?: unknown;
  validationContext?: string;
}

/** Turns anything thrown while handling a request into an AppError, or undefined for a real bug. */
export function toAppError(error: unknown, bodyLimit: number): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const e = error as unknown as FastifyLikeError & { validation: ValidationEntry[] };
    return new AppError('invalid', 'error.invalid_body', {
      fields: fieldErrorsFromValidation(e.validation, e.validationContext),
    });
  }
  const mapped = fromDatabaseError(error);
  if (mapped) return mapped;
  const e = (error ?? {}) as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'error.invalid_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('invalid', 'error.body_too_large', { params: { limit: bodyLimit } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid', 'error.unsupported_media_type');
    default:
      break;
  }
  if (e instanceof SyntaxError && e.statusCode === 400) return new AppError('invalid', 'error.invalid_json');
  // Other 4xx raised by Fastify itself (bad URL encoding, etc.) stay client errors.
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('invalid', 'error.invalid_body');
  }
  return undefined;
}

export function problemFor(error: AppError, locale: Locale, instance?: string): ProblemBody {
  const status = HTTP_STATUS[error.kind];
  const body: ProblemBody = {
    type: `https://ayni.coop/problems/${error.code.replaceAll('.', '/')}`,
    title: translate(locale, `error.${error.kind === 'invalid' ? 'invalid_body' : error.kind}`),
    status,
    detail: translate(locale, error.code, error.params),
    code: error.code,
  };
  if (instance) body.instance = instance;
  if (error.fields.length > 0) {
    body.errors = error.fields.map((f) => ({
      path: f.path,
      code: f.code,
      message: translate(locale, f.code, f.params),
    }));
  }
  return body;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  const body = problemFor(error, request.locale, request.url);
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}
