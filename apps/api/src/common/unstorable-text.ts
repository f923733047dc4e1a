import type { FieldProblem } from './problem.exception';

// With the u flag a surrogate pair is one code point, so \p{Cs} matches lone surrogates only.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL could not store this string (text refuses U+0000, jsonb also lone surrogates). */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text))
    return 'must be valid Unicode (a lone surrogate such as \\ud800 is not)';
  return null;
}

/**
 * Strings PostgreSQL would refuse would fail at the database as a 500. Found here, before
 * validation, they are a 400 that names the field.
 */
export function unstorableTextProblems(value: unknown, field = ''): FieldProblem[] {
  if (typeof value === 'string') {
    const reason = unstorable(value);
    return reason ? [{ field: field || '(body)', reason }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => unstorableTextProblems(item, `${field}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = field ? `${field}.${key}` : key;
    const reason = unstorable(key);
    return reason ? [{ field: path, reason }] : unstorableTextProblems(item, path);
  });
}
