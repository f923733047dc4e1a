import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continuationOverlap, normalizeNewlineSpaceTab } from './continuation-overlap';
import { splitAtTokens, splitAtWords } from './split-prefix';

describe('continuationOverlap', () => {
  it('cuts the continuation to the completion length in characters before tokenizing, as HELM', () => {
    // Completion "the quick brown fox" is 19 characters; the continuation cut to 19 is
    // "the quick brown cat" (4 tokens): prefix 3, substring 3, one substitution.
    const overlap = continuationOverlap('  the quick brown fox ', 'the quick brown cat jumps over');
    assert.deepEqual(overlap, {
      longestCommonPrefix: 3,
      longestCommonSubstring: 3,
      editDistance: 1,
      editSimilarity: 0.75,
      completionTokens: 4,
      referenceTokens: 4,
    });
  });

  it('scores an exact copy 1 and an empty completion 0', () => {
    const copy = continuationOverlap('four score and seven', 'four score and seven years ago');
    assert.equal(copy.editSimilarity, 1);
    assert.equal(copy.longestCommonPrefix, 4);
    const empty = continuationOverlap('   ', 'four score');
    assert.deepEqual([empty.editSimilarity, empty.longestCommonPrefix], [0, 0]);
  });

  it("normalizes newlines and tabs only when asked (HELM's normalize_newline_space_tab)", () => {
    assert.equal(normalizeNewlineSpaceTab('a\n\tb   c'), 'a b c');
    // Without normalization "a\nb" (3 chars) against "a b c": the cut "a b" tokenizes the same.
    const overlap = continuationOverlap('a\nb', 'a b c', { normalizeWhitespace: true });
    assert.equal(overlap.longestCommonPrefix, 2);
  });
});

describe('prefix splits', () => {
  it('cuts after the nth word and keeps the continuation whole', () => {
    const split = splitAtWords('Four score and  seven years ago', 3);
    assert.deepEqual(split, {
      prefix: 'Four score and',
      continuation: '  seven years ago',
      prefixUnits: 3,
    });
    assert.equal(splitAtWords('two words', 5).continuation, '');
  });

  it('cuts after the nth BPE token', () => {
    // A toy codec: one token per character.
    const codec = {
      encode: (text: string) => Array.from(text, (c) => c.codePointAt(0)!),
      decode: (ids: number[]) => String.fromCodePoint(...ids),
    };
    assert.deepEqual(splitAtTokens('abcdef', 4, codec), {
      prefix: 'abcd',
      continuation: 'ef',
      prefixUnits: 4,
    });
  });
});
