import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a zod-validated body in OpenAPI from the same schema that validates it. */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  const jsonSchema = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  delete jsonSchema.$schema;
  return applyDecorators(ApiBody({ schema: jsonSchema as never }));
}
