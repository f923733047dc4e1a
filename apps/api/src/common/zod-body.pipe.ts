import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { unstorableTextProblems } from './unstorable-text';
import { invalid, type FieldProblem } from './problem.exception';

/** Turns zod issues into field-level problems; shared by every validated body and query. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const keys = (issue as { keys?: string[] }).keys;
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part)));
    const field = path.join('.').replace(/\.\[/g, '[') || '(body)';
    if (issue.code === 'unrecognized_keys' && keys) {
      return {
        field: keys.map((key) => (field === '(body)' ? key : `${field}.${key}`)).join(', '),
        reason: 'unknown field',
      };
    }
    return { field, reason: issue.message };
  });
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what = 'request body'): T {
  const parsed = schema.safeParse(value);
  const unstorable = unstorableTextProblems(value);
  if (parsed.success && unstorable.length === 0) return parsed.data;
  const errors = [...unstorable, ...(parsed.success ? [] : zodProblems(parsed.error))];
  throw invalid(
    `${what} is invalid: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`,
    errors,
  );
}

@Injectable()
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly what = 'request body',
  ) {}

  transform(value: unknown): T {
    return parseOrThrow(this.schema, value, this.what);
  }
}
