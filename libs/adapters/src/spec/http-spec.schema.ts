import { z } from 'zod';
import { isValidJsonPath } from '../http/json-path';
import { templatePlaceholders } from '../http/json-template';
import { decodingParamsSchema } from './decoding-params.schema';
import { apiKeyHeaderSchema, envVarNameSchema, headersSchema } from './headers.schema';
import { limitsSchema } from './limits.schema';

/** Variables a request template may use; see docs/adapters.md. */
export const requestTemplateRoots = ['input', 'prompt', 'messages', 'params', 'model', 'audio'];

function usesOnlyRoots(template: unknown, roots: readonly string[]): boolean {
  return templatePlaceholders(template).every((name) => roots.includes(name.split('.')[0]));
}

/** An http(s) URL whose origin no placeholder can change (input must not pick the host). */
export function urlTemplateSchema(roots: readonly string[]) {
  return z
    .string()
    .refine((template) => {
      // Two different fillers must give the same origin, else input could choose the host.
      const fill = (filler: string) => new URL(template.replace(/\{\{[^}]*\}\}/g, filler));
      try {
        const [a, b] = [fill('a'), fill('b.c')];
        return /^https?:$/.test(a.protocol) && a.origin === b.origin;
      } catch {
        return false;
      }
    }, 'must be an http(s) URL whose scheme, host and port contain no placeholder')
    .refine(
      (template) => usesOnlyRoots(template, roots),
      `placeholders must start with ${roots.join(', ')}`,
    );
}

export function jsonTemplateSchema(roots: readonly string[]) {
  return z
    .json()
    .refine(
      (template) => usesOnlyRoots(template, roots),
      `placeholders must start with ${roots.join(', ')}`,
    );
}

export const jsonPathSchema = z
  .string()
  .refine(isValidJsonPath, 'must be a path such as $.choices[0].text or data.output');

/** A templated JSON request and a selector for the answer text, for any other HTTP API. */
export const httpSpecSchema = z.strictObject({
  kind: z.literal('http'),
  method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  /** May hold placeholders in path and query (URL-encoded), never in scheme, host or port. */
  url: urlTemplateSchema(requestTemplateRoots),
  /** Sent as `model` to templates; purely informational otherwise. */
  model: z.string().min(1).optional(),
  headers: headersSchema.optional(),
  apiKeyEnv: envVarNameSchema.optional(),
  /** Header that carries the raw key instead of `Authorization: Bearer <key>` (e.g. x-api-key). */
  apiKeyHeader: apiKeyHeaderSchema.optional(),
  /** JSON body with `{{input}}`-style placeholders; omitted for GET. */
  body: jsonTemplateSchema(requestTemplateRoots).optional(),
  /** Where the answer text is; without it the whole response body (trimmed) is the text. */
  responsePath: jsonPathSchema.optional(),
  params: decodingParamsSchema.optional(),
  limits: limitsSchema,
});

export type HttpSpec = z.output<typeof httpSpecSchema>;
