import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exactMatch, quasiExactMatch } from './exact-match';

describe('exactMatch', () => {
  it('matches after stripping surrounding whitespace only', () => {
    assert.equal(exactMatch(' Paris\n', ['Paris']), 1);
    assert.equal(exactMatch('paris', ['Paris']), 0);
    assert.equal(exactMatch('Paris.', ['Paris']), 0);
  });

  it('strips Python whitespace such as \\x1c but not a byte-order mark', () => {
    assert.equal(exactMatch('\x1cParis\u3000', ['Paris']), 1);
    assert.equal(exactMatch('\ufeffParis', ['Paris']), 0);
  });

  it('takes the best reference', () => {
    assert.equal(exactMatch('NYC', ['New York', 'NYC']), 1);
    assert.equal(exactMatch('LA', ['New York', 'NYC']), 0);
  });

  it('scores an empty prediction 0, even against an empty reference', () => {
    assert.equal(exactMatch('', ['']), 0);
    assert.equal(exactMatch('', ['Paris']), 0);
  });

  it('rejects an item with no references', () => {
    assert.throws(() => exactMatch('Paris', []), RangeError);
  });
});

describe('quasiExactMatch', () => {
  it('ignores case, punctuation, articles and spacing', () => {
    assert.equal(quasiExactMatch('The  Eiffel Tower!', ['eiffel tower']), 1);
    assert.equal(quasiExactMatch('Eiffel', ['eiffel tower']), 0);
  });

  it('matches unicode text lowercased but with its accents and curly quotes kept', () => {
    assert.equal(quasiExactMatch('CAFÉ', ['café']), 1);
    assert.equal(quasiExactMatch('cafe', ['café']), 0);
    assert.equal(quasiExactMatch('“Paris”', ['Paris']), 0);
  });

  it('counts a non-empty prediction that normalizes to nothing as matching an empty reference', () => {
    // HELM only refuses a literally empty prediction; "the" and "a" both normalize to "".
    assert.equal(quasiExactMatch('the', ['a']), 1);
    assert.equal(quasiExactMatch('?!', ['...']), 1);
    assert.equal(quasiExactMatch('', ['']), 0);
  });

  it('takes the best reference', () => {
    assert.equal(quasiExactMatch('new york', ['NYC', 'New York.']), 1);
  });

  it('rejects an item with no references', () => {
    assert.throws(() => quasiExactMatch('Paris', []), RangeError);
  });
});
