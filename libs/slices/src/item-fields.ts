import type { ProblemList } from './slice-problem';
import type { SliceLimits } from './slice-limits';

/** Names a row in problems: `rows[12]` or `manifest.jsonl line 3`, and its fields under it. */
export interface RowRef {
  row: string;
  field(name: string): string;
}

export function rowRef(row: string, separator = '.'): RowRef {
  return { row, field: (name) => `${row}${separator}${name}` };
}

const MAX_ID_LENGTH = 256;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const ATTRIBUTE_NAME_RULE =
  'attribute names start with a letter and use only letters, digits, _ . - (at most 64 characters)';

export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Item ids are strings; a JSON integer is accepted and becomes its decimal text. */
export function readId(value: unknown, at: string, problems: ProblemList): string | undefined {
  if (value === undefined || value === null) return void problems.add(at, 'is required');
  const id = Number.isSafeInteger(value) ? String(value) : value;
  if (typeof id !== 'string')
    return void problems.add(at, `must be a string, got ${describe(value)}`);
  if (id.trim() === '') return void problems.add(at, 'is empty');
  if (id.length > MAX_ID_LENGTH) {
    return void problems.add(at, `is ${id.length} characters; the limit is ${MAX_ID_LENGTH}`);
  }
  if (/[\u0000-\u001f\u007f]/.test(id)) return void problems.add(at, 'contains control characters');
  return id;
}

/** A required, non-blank string. */
export function readText(value: unknown, at: string, problems: ProblemList): string | undefined {
  if (value === undefined || value === null) return void problems.add(at, 'is required');
  if (typeof value !== 'string')
    return void problems.add(at, `must be a string, got ${describe(value)}`);
  if (value.trim() === '') return void problems.add(at, 'is empty');
  return value;
}

/** Label and attribute values: strings; finite numbers and booleans are coerced to their JSON text. */
export function readScalar(value: unknown, at: string, problems: ProblemList): string | undefined {
  const text =
    typeof value === 'string'
      ? value
      : (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
        ? JSON.stringify(value)
        : undefined;
  if (text === undefined) {
    return void problems.add(at, `must be a string, number or boolean, got ${describe(value)}`);
  }
  if (text.trim() === '') return void problems.add(at, 'is empty');
  return text;
}

/** A non-empty array of non-blank strings (references, choices). */
export function readStringList(
  value: unknown,
  at: string,
  problems: ProblemList,
  minLength = 1,
): string[] | undefined {
  if (!Array.isArray(value))
    return void problems.add(at, `must be an array of strings, got ${describe(value)}`);
  if (value.length < minLength) {
    return void problems.add(
      at,
      `must hold at least ${minLength} ${minLength === 1 ? 'entry' : 'entries'}`,
    );
  }
  const before = problems.count;
  value.forEach((entry, index) => readText(entry, `${at}[${index}]`, problems));
  return problems.count === before ? (value as string[]) : undefined;
}

/** Attribute names start with a letter (so no `__proto__`); values follow readScalar. */
export function readAttributes(
  value: unknown,
  at: string,
  problems: ProblemList,
  limits: SliceLimits,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return void problems.add(at, `must be an object, got ${describe(value)}`);
  const names = Object.keys(value);
  if (names.length > limits.maxAttributes) {
    return void problems.add(
      at,
      `has ${names.length} attributes; the limit is ${limits.maxAttributes}`,
    );
  }
  const before = problems.count;
  const entries: Array<[string, string]> = [];
  for (const name of names) {
    if (!isAttributeName(name)) {
      problems.add(`${at}.${name}`, ATTRIBUTE_NAME_RULE);
      continue;
    }
    const text = readScalar(value[name], `${at}.${name}`, problems);
    if (text !== undefined && text.length > limits.maxAttributeValueLength) {
      problems.add(
        `${at}.${name}`,
        `is ${text.length} characters; the limit is ${limits.maxAttributeValueLength}`,
      );
    } else if (text !== undefined) entries.push([name, text]);
  }
  return problems.count === before ? Object.fromEntries(entries) : undefined;
}

/** Fields the row may not carry: typos such as "refrences" are refused rather than dropped. */
export function reportUnknownFields(
  row: Record<string, unknown>,
  known: readonly string[],
  ref: RowRef,
  problems: ProblemList,
): void {
  for (const key of Object.keys(row)) {
    if (!known.includes(key))
      problems.add(ref.field(key), `unknown field; expected one of ${known.join(', ')}`);
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? 'an object'
    : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}
