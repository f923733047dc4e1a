import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nulCharacterProblems } from './nul-characters';

describe('nulCharacterProblems', () => {
  it('names every string value or key holding U+0000, with its JSON path', () => {
    const body = { name: 'a\u0000', adapter: { headers: { 'X\u0000': 'v' } }, list: ['ok', '\u0000'] };
    assert.deepEqual(
      nulCharacterProblems(body).map((problem) => problem.field),
      ['name', 'adapter.headers.X\u0000', 'list[1]'],
    );
  });

  it('finds nothing in clean values, numbers and nulls', () => {
    assert.deepEqual(nulCharacterProblems({ a: 'x', b: [1, null, { c: true }] }), []);
    assert.deepEqual(nulCharacterProblems(undefined), []);
  });

  it('names the body itself when the body is a string', () => {
    assert.deepEqual(nulCharacterProblems('\u0000').map((problem) => problem.field), ['(body)']);
  });
});
