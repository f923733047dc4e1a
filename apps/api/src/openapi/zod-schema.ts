import { z } from 'zod';
import { canonicalJson, registerSchemaComponents, type JsonSchema } from './schema-components';

const DEFS_REF = /^#\/\$defs\/(.+)$/;
const componentRef = (name: string) => `#/components/schemas/${name}`;

function mapRefs(value: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, rename));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? rename(item) : mapRefs(item, rename),
    ]),
  );
}

/** A recursive def as zod writes it, its self-references made comparable across documents. */
const selfRelative = (key: string, def: unknown) =>
  canonicalJson(mapRefs(def, (ref) => (ref === `#/$defs/${key}` ? '#self' : ref)));

// z.json() (adapter params, default params) is recursive, so zod gives it an anonymous $def.
const JSON_VALUE = (() => {
  // Inside an object, as in our schemas: at the root zod would refer to it as '#'.
  const { $defs } = z.toJSONSchema(z.object({ value: z.json() })) as {
    $defs: Record<string, unknown>;
  };
  const [[key, def]] = Object.entries($defs);
  return selfRelative(key, def);
})();

/**
 * Every value a JSON body can hold is a JSON value, so the recursive union says nothing an empty
 * schema does not — and generated clients choke on it (openapi-typescript writes a type alias
 * that refers to itself, which tsc refuses): `unknown` is the honest client type.
 */
const JSON_VALUE_SCHEMA: JsonSchema = {
  description: 'Any JSON value: a string, number, boolean, null, array or object.',
};

function componentName(key: string, def: unknown, owner: string | undefined): string {
  // Keys other than zod's __schemaN are ids given with .meta({ id }).
  if (!key.startsWith('__schema')) return key;
  if (selfRelative(key, def) === JSON_VALUE) return 'JsonValue';
  if (owner) return `${owner}${key.slice('__schema'.length)}`;
  throw new Error(
    `a recursive schema has no name: give it one with .meta({ id: 'Name' }) (found ${canonicalJson(def).slice(0, 120)})`,
  );
}

/**
 * A zod schema as OpenAPI 3.1 takes it (JSON Schema 2020-12): its $defs — ids given with
 * `.meta({ id })` and zod's anonymous recursive defs — become components/schemas, registered for
 * the document, and every $ref points there. With `name`, the schema itself becomes that
 * component and the result is a $ref to it (a schema with its own id is referenced by that id).
 */
export function toOpenApiSchema(schema: z.ZodType, name?: string): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    // Request bodies are validated as input; response schemas are written without transforms
    // or defaults, so their input is their output (and z.object stays open to new fields).
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const {
    $schema: _dialect,
    $defs = {},
    ...root
  } = json as JsonSchema & {
    $defs?: Record<string, unknown>;
  };
  const names = new Map(
    Object.entries($defs).map(([key, def]) => [key, componentName(key, def, name)]),
  );
  const rewrite = (value: unknown) =>
    mapRefs(value, (ref) => {
      const key = DEFS_REF.exec(ref)?.[1];
      return key !== undefined && names.has(key) ? componentRef(names.get(key)!) : ref;
    }) as JsonSchema;
  const components: Record<string, JsonSchema> = {};
  for (const [key, def] of Object.entries($defs))
    components[names.get(key)!] = names.get(key) === 'JsonValue' ? JSON_VALUE_SCHEMA : rewrite(def);
  const rewritten = rewrite(root);
  const isReference = Object.keys(rewritten).length === 1 && '$ref' in rewritten;
  if (name && !isReference) {
    components[name] = rewritten;
    registerSchemaComponents(components);
    return { $ref: componentRef(name) };
  }
  registerSchemaComponents(components);
  return rewritten;
}

/** The properties of an object schema, each with whether it is required (query parameters). */
export function objectProperties(
  schema: z.ZodType,
): { name: string; schema: JsonSchema; required: boolean }[] {
  const json = toOpenApiSchema(schema) as {
    type?: string;
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  if (json.type !== 'object' || !json.properties)
    throw new Error('query parameters are documented from a z.object schema');
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    schema: property,
    required: json.required?.includes(name) ?? false,
  }));
}
