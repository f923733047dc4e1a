export type JsonSchema = Record<string, unknown>;

/** Key order does not change a schema's meaning: compare schemas by this. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * components/schemas of the document, filled as decorators convert their zod schemas (at import,
 * before the document is built). One name, one schema: a second, different schema under a name
 * already taken is a mistake that would make every client wrong, so it throws at start-up.
 */
const registry = new Map<string, { schema: JsonSchema; canonical: string }>();

export function registerSchemaComponents(components: Record<string, JsonSchema>): void {
  for (const [name, schema] of Object.entries(components)) {
    const canonical = canonicalJson(schema);
    const existing = registry.get(name);
    if (existing && existing.canonical !== canonical)
      throw new Error(
        `two different schemas are both named ${name} in the OpenAPI document: rename one (.meta({ id }) or the decorator's name)`,
      );
    registry.set(name, { schema, canonical });
  }
}

/** Every registered component, sorted by name. */
export function schemaComponents(): Record<string, JsonSchema> {
  return Object.fromEntries(
    [...registry.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, { schema }]) => [name, schema]),
  );
}
