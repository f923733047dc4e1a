import { z } from 'zod';

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholder names used in a template, e.g. "Q: {question}" -> ['question']. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Replaces each {name} with values[name]; other braces are left as they are. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new RangeError(`template placeholder {${name}} has no value`);
    return value;
  });
}

/**
 * A prompt template that may use only `allowed` placeholders and must use `required` ones, so a
 * typo such as {qestion} fails when the scenario is saved, not mid-run.
 */
export function templateSchema(
  defaultTemplate: string,
  allowed: readonly string[],
  required: readonly string[] = [],
) {
  return z
    .string()
    .min(1, 'prompt template must not be empty')
    .superRefine((template, ctx) => {
      const used = placeholdersOf(template);
      for (const name of used.filter((n) => !allowed.includes(n))) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {${name}}; allowed: ${allowed.map((a) => `{${a}}`).join(', ')}`,
        });
      }
      for (const name of required.filter((r) => !used.includes(r))) {
        ctx.addIssue({ code: 'custom', message: `template must contain {${name}}` });
      }
    })
    .default(defaultTemplate);
}
