import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unstorableTextProblems } from './unstorable-text';

const fields = (value: unknown) => unstorableTextProblems(value).map((problem) => problem.field);

describe('unstorableTextProblems', () => {
  it('names every string value or key holding U+0000, with its JSON path', () => {
    const body = {
      name: 'a\u0000',
      adapter: { headers: { 'X\u0000': 'v' } },
      list: ['ok', '\u0000'],
    };
    assert.deepEqual(fields(body), ['name', 'adapter.headers.X\u0000', 'list[1]']);
  });

  it('names lone surrogates but accepts surrogate pairs and other non-ASCII text', () => {
    assert.deepEqual(fields({ a: '\ud800', b: 'x\udc00', c: '💥 東京 naïve', d: '\ud83d\udca5' }), [
      'a',
      'b',
    ]);
  });

  it('finds nothing in clean values, numbers and nulls', () => {
    assert.deepEqual(fields({ a: 'x', b: [1, null, { c: true }] }), []);
    assert.deepEqual(fields(undefined), []);
  });

  it('names the body itself when the body is a string', () => {
    assert.deepEqual(fields('\u0000'), ['(body)']);
  });
});
