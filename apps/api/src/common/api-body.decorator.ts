import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { z } from 'zod';
import { toOpenApiSchema } from '../openapi/zod-schema';
import { ApiProblems } from './api-problems.decorator';

// Bodies stay inline in their operation, never components/schemas: openapi-typescript types a
// property with a default as always present, except under a requestBody (where the caller may
// leave it out), so a body component with defaults would make generated clients demand every field.
export interface ApiZodBodyOptions {
  description?: string;
  /** Named examples; each value must pass the schema (test/api/openapi.e2e-spec checks). */
  examples?: Record<string, { summary: string; value: unknown }>;
}

/** Every documented example, with the schema it must pass: the OpenAPI spec parses each. */
export const documentedExamples: { name: string; schema: z.ZodType; value: unknown }[] = [];

/**
 * Documents a zod-validated JSON body from the same schema that validates it, with the 400 its
 * validation answers and the 413 of the JSON body limit. A body the schema accepts when absent
 * (a `.default({})`) is documented as optional.
 */
export function ApiZodBody(schema: z.ZodType, options: ApiZodBodyOptions = {}): MethodDecorator {
  for (const [name, example] of Object.entries(options.examples ?? {}))
    documentedExamples.push({ name, schema, ...example });
  return applyDecorators(
    ApiBody({
      schema: toOpenApiSchema(schema),
      required: !schema.safeParse(undefined).success,
      ...(options.description ? { description: options.description } : {}),
      ...(options.examples ? { examples: options.examples } : {}),
    }),
    ApiProblems(400, { status: 413, description: 'The JSON body is larger than 1 MB.' }),
  );
}

export interface ApiZodMultipartOptions {
  /** The file part: its form field name and what it may hold. */
  file: { field: string; description: string };
  /** The largest accepted upload, named in the 413's description. */
  limit: string;
}

/**
 * Documents a multipart/form-data upload: the text fields from the zod schema that validates them
 * (a field added there, such as an optional `purpose`, appears here by itself) plus the file part.
 */
export function ApiZodMultipart(
  fields: z.ZodObject,
  options: ApiZodMultipartOptions,
): MethodDecorator {
  const {
    properties = {},
    required = [],
    additionalProperties,
  } = toOpenApiSchema(fields) as {
    properties?: Record<string, unknown>;
    required?: string[];
    additionalProperties?: unknown;
  };
  const schema = {
    type: 'object',
    properties: {
      ...properties,
      [options.file.field]: {
        type: 'string',
        // format: binary is what Swagger UI renders as a file picker; contentMediaType is 3.1's word.
        format: 'binary',
        contentMediaType: 'application/octet-stream',
        description: options.file.description,
      },
    },
    required: [...required, options.file.field],
    // A strict fields schema refuses other fields (400): say so.
    ...(additionalProperties === false ? { additionalProperties } : {}),
  };
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: schema as never }),
    ApiProblems(400, { status: 413, description: `The upload is larger than ${options.limit}.` }),
  );
}
