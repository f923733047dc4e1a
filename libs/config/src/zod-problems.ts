import type { z } from 'zod';
/** A problem with one field of an input: its JSON path and the reason. */
export interface FieldProblem {
  /** JSON path of the offending field, e.g. "adapter.baseUrl" or "rows[3].id". */
  field: string;
  reason: string;
}

// Nest-free on purpose: the CLI reports config errors with it without loading @nestjs/common.
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
