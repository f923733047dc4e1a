import type { OpenApiDocument } from './openapi-rules';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Where a response body departs from its documented schema: wrong types, missing required fields,
 * enum values not listed — and, stricter than JSON Schema, fields the schema does not name (an
 * object schema is open for clients, but every field the API sends should be documented).
 * Enough of JSON Schema 2020-12 for this API's documents; unknown keywords are ignored.
 */
export function schemaViolations(
  document: OpenApiDocument,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas?.[name] as Schema | undefined;
    return target ? schemaViolations(document, target, value, at) : [`${at}: $ref ${schema.$ref}`];
  }
  const violations: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const matches = types.includes(actual) || (actual === 'integer' && types.includes('number'));
    if (!matches) return [`${at}: ${actual} where the schema says ${types.join(' | ')}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    violations.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && schema.const !== value)
    violations.push(`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (schema.format === 'uuid' && typeof value === 'string' && !UUID.test(value))
    violations.push(`${at}: ${value} is not a UUID`);
  if (schema.format === 'date-time' && typeof value === 'string' && Number.isNaN(Date.parse(value)))
    violations.push(`${at}: ${value} is not a date-time`);
  for (const part of schema.allOf ?? [])
    violations.push(...schemaViolations(document, part, value, at));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const results = alternatives.map((part) => schemaViolations(document, part, value, at));
    const passing = results.filter((result) => result.length === 0).length;
    if (passing === 0) violations.push(...results.sort((a, b) => a.length - b.length)[0]);
    else if (schema.oneOf && passing > 1) violations.push(`${at}: matches ${passing} of oneOf`);
  }
  if (actual === 'array' && schema.items)
    (value as unknown[]).forEach((item, i) =>
      violations.push(...schemaViolations(document, schema.items!, item, `${at}[${i}]`)),
    );
  if (actual === 'object' && (schema.properties || schema.additionalProperties !== undefined)) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? [])
      if (!(name in object)) violations.push(`${at}.${name}: required but missing`);
    for (const [name, item] of Object.entries(object)) {
      const property = schema.properties?.[name];
      if (property) violations.push(...schemaViolations(document, property, item, `${at}.${name}`));
      else if (typeof schema.additionalProperties === 'object')
        violations.push(
          ...schemaViolations(document, schema.additionalProperties, item, `${at}.${name}`),
        );
      else if (schema.additionalProperties !== true)
        violations.push(`${at}.${name}: sent but not documented`);
    }
  }
  return violations;
}

/** The documented schema of an operation's response with this status, as the client sees it. */
export function responseSchema(
  document: OpenApiDocument,
  method: string,
  path: string,
  status: number,
): Schema {
  const operation = document.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
  const response = operation.responses[status];
  if (!response) throw new Error(`${method.toUpperCase()} ${path} does not document ${status}`);
  const content = response.content ?? {};
  const media = content['application/json'] ?? content['application/problem+json'];
  if (!media?.schema) throw new Error(`${method.toUpperCase()} ${path} ${status} has no JSON body`);
  return media.schema as Schema;
}
