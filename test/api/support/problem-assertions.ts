import assert from 'node:assert/strict';
import type { Response } from 'supertest';

/** The `errors[].field` names of a problem response, in order. */
export function problemFields(response: Response): string[] {
  const errors = (response.body as { errors?: { field: string }[] }).errors ?? [];
  return errors.map((error) => error.field);
}

/**
 * An RFC 9457 problem with this status; with `fields`, exactly these fields are named
 * (a validation error that names too much is as unhelpful as one that names too little).
 */
export function assertProblem(response: Response, status: number, fields?: string[]): void {
  assert.equal(
    response.status,
    status,
    `expected ${status}, got ${response.status}: ${response.text}`,
  );
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  assert.equal(response.body.status, status);
  assert.equal(typeof response.body.title, 'string');
  assert.equal(typeof response.body.detail, 'string');
  if (fields) assert.deepEqual(problemFields(response), fields, response.text);
}
