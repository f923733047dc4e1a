import type { z } from 'zod';
import type { FieldProblem } from './problem.exception';

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
