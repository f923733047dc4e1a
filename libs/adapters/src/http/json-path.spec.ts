import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidJsonPath, parseJsonPath, selectJsonPath } from './json-path';

describe('parseJsonPath', () => {
  it('reads dotted names, indexes and quoted keys, with or without a leading $', () => {
    assert.deepEqual(parseJsonPath('$.choices[0].text'), ['choices', 0, 'text']);
    assert.deepEqual(parseJsonPath('data.output'), ['data', 'output']);
    assert.deepEqual(parseJsonPath(`$['odd key']["it's"][12]`), ['odd key', "it's", 12]);
    assert.deepEqual(parseJsonPath('$.a-b.$c'), ['a-b', '$c']);
  });

  it('rejects filters, wildcards and unbalanced brackets', () => {
    for (const path of ['$..text', '$.a[*]', '$.a[?(@.x)]', '$.a[0', '', '$', 'a b']) {
      assert.equal(isValidJsonPath(path), false, path);
    }
  });
});

describe('selectJsonPath', () => {
  const value = { choices: [{ text: 'hi' }], data: { output: null, n: 0 } };

  it('follows the path into objects and arrays', () => {
    assert.equal(selectJsonPath(value, ['choices', 0, 'text']), 'hi');
    assert.equal(selectJsonPath(value, ['data', 'n']), 0);
    assert.equal(selectJsonPath(value, ['data', 'output']), null);
  });

  it('gives undefined for a missing step, an index into an object or a key into an array', () => {
    assert.equal(selectJsonPath(value, ['choices', 1, 'text']), undefined);
    assert.equal(selectJsonPath(value, ['data', 0]), undefined);
    assert.equal(selectJsonPath(value, ['choices', 'length']), undefined);
    assert.equal(selectJsonPath(value, ['constructor']), undefined);
  });
});
