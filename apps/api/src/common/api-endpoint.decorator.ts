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
  /** application/json unless said otherwise (text/html for the run report). */
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
    ...options.responses.map((response) => ApiZodResponse(response)),
    ...Object.entries(options.params ?? {}).map(([name, param]) =>
      ApiParam({ name, required: true, ...param }),
    ),
    ...query,
    ApiProblems(...(options.problems ?? [])),
  );
}

/** One success response from its zod schema. */
export function ApiZodResponse(response: EndpointResponse): MethodDecorator {
  const { status, description, schema, name, mediaType = 'application/json' } = response;
  return ApiResponse({
    status,
    description,
    ...(schema ? { content: { [mediaType]: { schema: toOpenApiSchema(schema, name) } } } : {}),
  });
}
