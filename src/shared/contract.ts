import { z } from 'zod';

/**
 * The building blocks every domain's contract uses: identifiers, the organization in the path, and
 * the RFC 9457 problem every route may answer with. zod only, so the web app imports it too.
 */

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
export const ClientId = z.uuid().describe('Client-made UUID; repeating a create with it is safe.');

export const OrgParams = z.strictObject({ org: Slug });
export type OrgParams = z.infer<typeof OrgParams>;

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');
export type Problem = z.infer<typeof Problem>;

/** The error answers every route may give, for the OpenAPI document. */
export const NoContent = z.null().describe('No content');
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  429: Problem,
};
export const noContentResponses = { 204: NoContent, ...problemResponses };

/** `{ items: [...] }`, the shape of every plain list the API answers with. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
