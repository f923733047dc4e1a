import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemException } from '../common/problem.exception';
import { decodeCursor, encodeCursor } from './alert-cursor';

describe('alert list cursors', () => {
  it('round-trips a keyset position, microseconds kept', () => {
    const cursor = {
      at: '2026-12-06T01:02:03.123456Z',
      id: '5d1b1d0e-0000-4000-8000-000000000001',
    };
    assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
  });

  it('refuses anything it did not issue with a 400 naming the field', () => {
    for (const text of [
      'nonsense',
      encodeCursor({ at: 'yesterday', id: 'x' }),
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      assert.throws(
        () => decodeCursor(text),
        (error: unknown) =>
          error instanceof ProblemException &&
          error.getStatus() === 400 &&
          error.errors[0].field === 'cursor',
      );
    }
  });
});
