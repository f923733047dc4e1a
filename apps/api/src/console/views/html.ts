/** Markup that is already safe: the only thing `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML content and attribute values (both quote kinds). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/**
 * The console's one templating rule: every interpolated value is escaped unless it is SafeHtml
 * (what another `html` call returned), so no page can forget to escape a tenant's text.
 * null, undefined and false render as nothing; arrays are rendered and joined.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  const parts = compact(strings);
  let out = parts[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + parts[i + 1];
  return new SafeHtml(out);
}

const compacted = new WeakMap<TemplateStringsArray, string[]>();

/**
 * A template's own text without its source indentation: a run of whitespace holding a line break
 * becomes one line break (the same to HTML outside <pre> and <textarea>, which the console's
 * templates never indent). Values are left as they are. Halved the inbox's bytes.
 */
function compact(strings: TemplateStringsArray): string[] {
  let parts = compacted.get(strings);
  if (!parts) {
    parts = strings.map((part) => part.replace(/\s*\n\s*/g, '\n'));
    compacted.set(strings, parts);
  }
  return parts;
}

/** Markup from trusted code (an SVG the console drew from numbers), never from input. */
export const trusted = (markup: string) => new SafeHtml(markup);
