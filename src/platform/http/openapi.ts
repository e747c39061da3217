import type { SwaggerTransformObject } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from './problem.js';

/**
 * The OpenAPI document as a contract other programs can build on: every operation has a stable
 * `operationId` and its success response, every error is the one shared `Problem`, and schemas
 * registered with an id (`z.globalRegistry.add(schema, { id })` or `.meta({ id })`) become
 * components instead of being repeated inline under every operation that uses them.
 */

type OpenApiDocument = ReturnType<SwaggerTransformObject>;

// ---------------------------------------------------------------------------------------------
// operationId: derived from the method and the path, unless a route states its own.

/** Nouns that read the same in the singular and the plural, or are no collection at all. */
const NOT_PLURAL = new Set(['status', 'minutes', 'news', 'series']);

function isParam(segment: string | undefined): boolean {
  return segment !== undefined && (segment.startsWith(':') || segment.startsWith('{'));
}

function isPlural(word: string): boolean {
  return word.endsWith('s') && !word.endsWith('ss') && !NOT_PLURAL.has(word);
}

function singular(word: string): string {
  if (!isPlural(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function camelCase(words: string[]): string {
  const parts = words.flatMap((w) => w.split(/[-_]/)).filter(Boolean);
  return parts
    .map((p, i) => (i === 0 ? p.toLowerCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()))
    .join('');
}

/**
 * The operationId a route gets when it does not state one, e.g.
 * `GET /api/v1/orgs/:org/members` → `listMembers`, `POST …/members` → `createMember`,
 * `GET …/members/:memberNumber/card.pdf` → `getMemberCardPdf`,
 * `POST …/tickets/:ticketId/void` → `voidTicket`, `PATCH …/plots/:plotId` → `updatePlot`.
 *
 * The rule: drop `/api/vN` and the organization scope (`/orgs/:org/…`); a segment followed by a
 * parameter is named in the singular (`tickets/:id` → `ticket`); `me` before more of the path reads
 * `my`; a file extension is one more word. The verb: GET → `list` on a collection (the path ends in
 * a plural noun), else `get`; POST → `create` on a collection or a single-segment path, else the
 * last segment is the action (`…/:id/approve` → `approve…`); PATCH → `update`; PUT → `replace`;
 * DELETE → `delete`.
 */
export function operationIdFor(method: string, url: string): string {
  let segments = url
    .split('?')[0]!
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean);
  if (segments[0] === 'orgs' && isParam(segments[1]) && segments.length > 2) segments = segments.slice(2);
  const last = segments.at(-1) ?? '';
  const words: string[] = [];
  segments.forEach((segment, i) => {
    if (isParam(segment)) return;
    const [base = '', ...extensions] = segment.split('.');
    let word = base === 'me' && i < segments.length - 1 ? 'my' : base;
    if (isParam(segments[i + 1])) word = singular(word);
    words.push(word, ...extensions);
  });
  const endsInCollection = !isParam(last) && !last.includes('.') && isPlural(last);
  let verb: string;
  switch (method.toUpperCase()) {
    case 'GET':
      verb = endsInCollection ? 'list' : 'get';
      break;
    case 'POST':
      if (endsInCollection) {
        verb = 'create';
        words[words.length - 1] = singular(words.at(-1) ?? '');
      } else if (isParam(last) || words.length <= 1) {
        verb = 'create';
      } else {
        verb = words.pop() ?? 'post';
      }
      break;
    case 'PATCH':
      verb = 'update';
      break;
    case 'PUT':
      verb = 'replace';
      break;
    case 'DELETE':
      verb = 'delete';
      break;
    default:
      verb = method.toLowerCase();
  }
  return camelCase([verb, ...words]);
}

interface RouteLike {
  method: string | string[];
  url: string;
  schema?: { hide?: boolean; operationId?: string } & Record<string, unknown>;
}

/**
 * Gives every documented route an operationId (its own, or the derived one) and refuses a second
 * route with the same id: a clash is found when the app starts, not by a client generator later.
 * (A route answering several methods would need one id per method; none does, and the document
 * test fails if one appears without.)
 */
export function operationIdHook(): (route: RouteLike) => void {
  const taken = new Map<string, string>();
  return (route) => {
    const methods = [route.method].flat().filter((m) => m !== 'HEAD');
    if (!route.schema || route.schema.hide || methods.length !== 1) return;
    const method = methods[0] as string;
    const id = route.schema.operationId ?? operationIdFor(method, route.url);
    const where = `${method} ${route.url}`;
    const other = taken.get(id);
    if (other !== undefined && other !== where) {
      throw new Error(
        `operationId "${id}" of ${where} is already used by ${other}; give one an explicit operationId`,
      );
    }
    taken.set(id, where);
    // A copy: one schema object may serve several routes.
    route.schema = { ...route.schema, operationId: id };
  };
}

// ---------------------------------------------------------------------------------------------
// Success responses that are files.

/** A response body that is a file, not JSON: a PDF, a spreadsheet, a CSV, a printable page. */
const FileBody = z.custom<Buffer | string>(() => true);

/** The media types a route may answer with instead of JSON. */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  html: 'text/html',
  geojson: 'application/geo+json',
  json: 'application/json',
  svg: 'image/svg+xml',
} as const;
export type FileKind = keyof typeof FILE_TYPES;

const BINARY: ReadonlySet<string> = new Set([FILE_TYPES.pdf, FILE_TYPES.xlsx]);

/**
 * The success response of a route that answers with a file, documented under its media type(s),
 * e.g. `response: { 200: fileResponse('The member card', 'pdf'), ...problemResponses }`.
 * Fastify never serializes such a body (a Buffer or a string sent with its own content type).
 */
export function fileResponse(description: string, ...kinds: [FileKind, ...FileKind[]]) {
  return {
    description,
    content: Object.fromEntries(kinds.map((kind) => [FILE_TYPES[kind], { schema: FileBody }])),
  };
}

/** What a file body is, for the document (zod sees only an opaque value). */
function fileSchema(type: string): Record<string, unknown> {
  return BINARY.has(type)
    ? { type: 'string', format: 'binary', contentMediaType: type }
    : { type: 'string', contentMediaType: type };
}

// ---------------------------------------------------------------------------------------------
// Errors: every 4xx/5xx is RFC 9457 problem details, one shared response per status.

const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'The request is invalid; `errors` lists each field at fault' },
  '401': { name: 'Unauthorized', description: 'No valid session or API token' },
  '403': { name: 'Forbidden', description: 'The caller’s roles do not allow this' },
  '404': { name: 'NotFound', description: 'No such resource, or not visible to the caller' },
  '409': { name: 'Conflict', description: 'The resource’s state does not allow this' },
  '413': { name: 'PayloadTooLarge', description: 'The body is larger than the server accepts' },
  '429': { name: 'TooManyRequests', description: 'Too many attempts; retry after the time given' },
  '500': { name: 'InternalServerError', description: 'An unexpected error; its reference is in the log' },
  '503': { name: 'ServiceUnavailable', description: 'The database does not answer' },
};

const PROBLEM_REF = '#/components/schemas/Problem';

function problemResponse(status: string) {
  const known = ERROR_RESPONSES[status];
  return {
    name: known?.name ?? `Problem${status}`,
    response: {
      description: known?.description ?? 'Problem details',
      ...(status === '429' && {
        headers: {
          'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
        },
      }),
      content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Components: schemas with an id are written once and referenced everywhere they are used.

/**
 * Names schemas for the OpenAPI document: each becomes `#/components/schemas/<id>` and every use of
 * that very schema object (a response, an array's items, a field) a `$ref` to it. Ids go in zod's
 * global registry, the one `.meta({ id })` writes to, so a contract file may name its own schemas
 * the same way. An id already naming another schema is refused: components must not collide.
 */
export function nameSchemas(schemas: Record<string, z.ZodType>): void {
  for (const [id, schema] of Object.entries(schemas)) {
    const other = z.globalRegistry._idmap.get(id);
    if (other !== undefined && other !== schema)
      throw new Error(`OpenAPI schema id "${id}" names two schemas`);
    z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
  }
}

// ---------------------------------------------------------------------------------------------
// The transforms handed to @fastify/swagger.

/** Per route: zod → JSON Schema, registered schemas as `$ref`s (the provider's transform). */
export const openApiTransform = createJsonSchemaTransform({});

const zodComponents = createJsonSchemaTransformObject({});

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `$ref` in a value, recursively. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into);
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') into.add(v);
      else collectRefs(v, into);
    }
  }
}

/** Drops components nothing refers to (the provider emits an input and an output form of each). */
function pruneComponents(doc: Json): void {
  const components = doc.components as Record<string, Json | undefined>;
  const used = new Set<string>();
  collectRefs({ ...doc, components: undefined }, used);
  // Components referring to components: follow until nothing new turns up.
  let frontier = [...used];
  while (frontier.length > 0) {
    const next = new Set<string>();
    for (const ref of frontier) {
      const [, , kind, name] = ref.split('/');
      const target = kind && name ? components[kind]?.[name] : undefined;
      const found = new Set<string>();
      collectRefs(target, found);
      for (const r of found) if (!used.has(r)) next.add(r);
    }
    for (const r of next) used.add(r);
    frontier = [...next];
  }
  for (const kind of ['schemas', 'responses']) {
    const group = components[kind];
    if (!group) continue;
    for (const name of Object.keys(group)) if (!used.has(`#/components/${kind}/${name}`)) delete group[name];
    if (Object.keys(group).length === 0) delete components[kind];
  }
}

/** Formats whose zod pattern is written once, as a component, rather than at each of its uses. */
const FORMAT_COMPONENTS: Record<string, string> = { uuid: 'Uuid', date: 'IsoDate' };

/**
 * Rewrites schemas in place, keeping what they accept: the long pattern zod gives every `z.uuid()`
 * and `z.iso.date()` becomes a `$ref` to one component holding it (other keywords stay beside the
 * `$ref`); `anyOf` with an empty branch (`z.unknown().nullable()`) already accepts anything, so the
 * `anyOf` goes.
 */
function tidySchemas(value: unknown, schemas: Json): void {
  if (Array.isArray(value)) {
    for (const v of value) tidySchemas(v, schemas);
    return;
  }
  if (!isObject(value)) return;
  for (const v of Object.values(value)) tidySchemas(v, schemas);
  const name = typeof value.format === 'string' ? FORMAT_COMPONENTS[value.format] : undefined;
  if (name && value !== schemas[name] && value.type === 'string' && typeof value.pattern === 'string') {
    const shared = { type: 'string', format: value.format, pattern: value.pattern };
    const existing = schemas[name];
    if (existing === undefined || JSON.stringify(existing) === JSON.stringify(shared)) {
      schemas[name] = shared;
      delete value.type;
      delete value.format;
      delete value.pattern;
      value.$ref = `#/components/schemas/${name}`;
    }
  }
  if (Array.isArray(value.anyOf) && value.anyOf.some((b) => isObject(b) && Object.keys(b).length === 0)) {
    delete value.anyOf;
  }
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
};

/** Whole document: components from the zod registry, shared problem responses, files typed. */
export const openApiTransformObject: SwaggerTransformObject = (input) => {
  const doc = zodComponents(input) as unknown as Json;
  const components = (doc.components ?? {}) as Record<string, Json>;
  doc.components = components;
  components.schemas = {
    ...components.schemas,
    Problem: z.toJSONSchema(Problem, { target: 'draft-2020-12', io: 'output' }) as Json,
  };
  delete (components.schemas.Problem as Json).$schema;
  const responses: Json = { ...components.responses };
  for (const pathItem of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(pathItem)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]/.test(status)) {
          const { name, response: shared } = problemResponse(status);
          responses[name] = shared;
          operation.responses[status] = { $ref: `#/components/responses/${name}` };
          continue;
        }
        if (isObject(response) && response.description === 'Default Response') {
          response.description = STATUS_TEXT[status] ?? 'Success';
        }
        if (isObject(response) && isObject(response.content)) {
          for (const [type, media] of Object.entries(response.content)) {
            // A file body is opaque to zod ({}): say what it is.
            if (isObject(media) && isObject(media.schema) && Object.keys(media.schema).length === 0) {
              media.schema = fileSchema(type);
            }
          }
        }
      }
    }
  }
  components.responses = responses;
  tidySchemas(doc.paths, components.schemas);
  tidySchemas(components.schemas, components.schemas);
  pruneComponents(doc);
  return doc as unknown as OpenApiDocument;
};
