import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined members', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, é: 'x' }),
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"é":"x"}',
    );
  });
});

describe('canonicalJson as the slice content hash has always written it', () => {
  it('writes slice items (strings, arrays, attributes, audio digests) exactly as before it was shared', () => {
    const item = {
      id: 'u1',
      input: 'Ärzte "quoted" \\ text',
      references: ['a', 'b'],
      attributes: { noise: 'hum', accent: 'en-029' },
      audio: { sha256: 'ab'.repeat(32), mimeType: 'audio/wav' },
      label: undefined,
    };
    assert.equal(
      canonicalJson(item),
      '{"attributes":{"accent":"en-029","noise":"hum"},"audio":{"mimeType":"audio/wav","sha256":"' +
        'ab'.repeat(32) +
        '"},"id":"u1","input":"Ärzte \\"quoted\\" \\\\ text","references":["a","b"]}',
    );
  });

  it('writes JSON for the inputs the two old copies disagreed on: undefined in arrays or alone', () => {
    assert.equal(canonicalJson([1, undefined, 2]), '[1,null,2]');
    assert.equal(canonicalJson(undefined), 'null');
    assert.doesNotThrow(() => JSON.parse(canonicalJson({ a: [undefined] })));
  });
});
