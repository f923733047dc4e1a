import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { objectProperties, toOpenApiSchema } from '../openapi/zod-schema';
import { ApiProblems, type ProblemSpec } from './api-problems.decorator';

export interface EndpointResponse {
  /** A success status, or another one that has a body of its own (503 of /health). */
  status: number;
  description: string;
  /** The body's schema; omit for a response without one (204). */
  schema?: z.ZodType;
  /** Component name for an anonymous schema (one with `.meta({ id })` is named already). */
  name?: string;
  /**
   * application/json unless said otherwise (text/html for the run report). Give one response per
   * media type for a status answered in several (by Accept).
   */
  mediaType?: string;
}

export interface PathParam {
  description: string;
  schema: Record<string, unknown>;
}

/** `:id` path parameters: a UUID (UuidParamPipe answers 404 for anything else). */
export const uuidParam = (what: string): PathParam => ({
  description: `The ${what}'s id (a UUID).`,
  schema: { type: 'string', format: 'uuid' },
});

/** `:tenant` path parameters. */
export const tenantParam: PathParam = {
  description: "The tenant's id or slug.",
  schema: { type: 'string' },
};

export interface ApiEndpointOptions {
  /** A short imperative phrase: "Create a plan". Shown in every client and in /docs. */
  summary: string;
  /** What a caller needs beyond the summary: side effects, visibility, what is never returned. */
  description?: string;
  /** At least one success (2xx) response. */
  responses: [EndpointResponse, ...EndpointResponse[]];
  /** The zod schema ZodPipe validates the query with: each property becomes a parameter. */
  query?: z.ZodObject;
  /** Descriptions of query parameters, by name (JSDoc on the schema is not visible at run time). */
  queryDescriptions?: Record<string, string>;
  params?: Record<string, PathParam>;
  /** Error responses beyond the automatic 401/403/429 (and 400/413 of ApiZodBody). */
  problems?: ProblemSpec[];
}

/**
 * The OpenAPI documentation of one route: summary, success responses with their zod schemas,
 * query and path parameters, and its problem+json errors. Every route has one (the OpenAPI spec
 * fails otherwise); a JSON body adds ApiZodBody.
 */
export function ApiEndpoint(options: ApiEndpointOptions): MethodDecorator {
  const query = options.query
    ? [
        ...objectProperties(options.query).map((parameter) =>
          ApiQuery({
            name: parameter.name,
            required: parameter.required,
            schema: parameter.schema,
            ...(options.queryDescriptions?.[parameter.name]
              ? { description: options.queryDescriptions[parameter.name] }
              : {}),
          }),
        ),
        ApiProblems(400),
      ]
    : [];
  return applyDecorators(
    ApiOperation({
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    ...groupByStatus(options.responses).map((responses) => ApiZodResponse(...responses)),
    ...Object.entries(options.params ?? {}).map(([name, param]) =>
      ApiParam({ name, required: true, ...param }),
    ),
    ...query,
    ApiProblems(...(options.problems ?? [])),
  );
}

/** Responses of one status together: one body per media type (a card as JSON, Markdown, HTML). */
function groupByStatus(responses: EndpointResponse[]): [EndpointResponse, ...EndpointResponse[]][] {
  const byStatus = new Map<number, [EndpointResponse, ...EndpointResponse[]]>();
  for (const response of responses)
    byStatus.set(response.status, [...(byStatus.get(response.status) ?? []), response]);
  return [...byStatus.values()];
}

/**
 * One success response from its zod schema; several of one status are its media types (Nest
 * would keep only the last one's content), their descriptions joined.
 */
export function ApiZodResponse(
  ...responses: [EndpointResponse, ...EndpointResponse[]]
): MethodDecorator {
  const content: Record<string, { schema: ReturnType<typeof toOpenApiSchema> }> = {};
  for (const { schema, name, mediaType = 'application/json' } of responses)
    if (schema) content[mediaType] = { schema: toOpenApiSchema(schema, name) };
  return ApiResponse({
    status: responses[0].status,
    description: [...new Set(responses.map((response) => response.description))].join(' '),
    ...(Object.keys(content).length ? { content } : {}),
  });
}
