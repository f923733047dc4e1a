import type { FieldProblem } from './problem.exception';

const REASON = 'must not contain NUL characters (U+0000)';

/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a value with one would fail at the database
 * as a 500. Found here, before validation, it is a 400 that names the field.
 */
export function nulCharacterProblems(value: unknown, field = ''): FieldProblem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ field: field || '(body)', reason: REASON }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterProblems(item, `${field}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = field ? `${field}.${key}` : key;
    return key.includes('\u0000') ? [{ field: path, reason: REASON }] : nulCharacterProblems(item, path);
  });
}
