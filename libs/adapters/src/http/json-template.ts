// Hand-written: substitution works on the parsed JSON tree, not on text, so a value can never
// break out of its string (no library fills JSON templates this way).

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const wholePlaceholder = /^\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}$/;
const inlinePlaceholder = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;

/** Reads a dotted name (`params.temperature`) from the variables; undefined when absent. */
export function resolveVariable(variables: object, name: string): unknown {
  let current: unknown = variables;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Fills `{{name}}` inside text; values are stringified (objects as JSON), absent ones become ''. */
export function renderText(
  text: string,
  variables: object,
  encode: (value: string) => string = (value) => value,
): string {
  return text.replace(inlinePlaceholder, (_match, name: string) => {
    const value = resolveVariable(variables, name);
    if (value === undefined || value === null) return '';
    return encode(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

/**
 * Fills a JSON template. A string that is exactly `"{{name}}"` becomes the variable's JSON value
 * (so `{{messages}}` yields an array, `{{params.temperature}}` a number) and is dropped when the
 * variable is absent; placeholders inside longer strings are interpolated as text.
 */
export function renderJsonTemplate(template: JsonValue, variables: object): JsonValue | undefined {
  if (typeof template === 'string') {
    const whole = wholePlaceholder.exec(template);
    if (!whole) return renderText(template, variables);
    const value = resolveVariable(variables, whole[1]);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonValue);
  }
  if (Array.isArray(template)) {
    return template
      .map((item) => renderJsonTemplate(item, variables))
      .filter((item): item is JsonValue => item !== undefined);
  }
  if (template !== null && typeof template === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(template)) {
      const rendered = renderJsonTemplate(item, variables);
      if (rendered !== undefined) out[key] = rendered;
    }
    return out;
  }
  return template;
}

/** Every placeholder name used anywhere in a template (strings, keys excluded). */
export function templatePlaceholders(template: unknown): string[] {
  if (typeof template === 'string')
    return [...template.matchAll(inlinePlaceholder)].map((m) => m[1]);
  if (Array.isArray(template)) return template.flatMap(templatePlaceholders);
  if (template !== null && typeof template === 'object') {
    return Object.values(template).flatMap(templatePlaceholders);
  }
  return [];
}
