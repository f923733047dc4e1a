import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { treebankTokenize } from './treebank-tokenize';

// Expected tokens are the doctests of NLTK's TreebankWordTokenizer (nltk/tokenize/treebank.py).
describe('treebankTokenize', () => {
  it('splits currency, parentheses and only the final period, as NLTK', () => {
    const text =
      'Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.';
    assert.deepEqual(treebankTokenize(text), [
      ...['Good', 'muffins', 'cost', '$', '3.88', '(', 'roughly', '3,36', 'euros', ')'],
      ...['in', 'New', 'York.', 'Please', 'buy', 'me', 'two', 'of', 'them.', 'Thanks', '.'],
    ]);
  });

  it("splits clitics and can't as NLTK", () => {
    assert.deepEqual(treebankTokenize("They'll save and invest more."), [
      'They',
      "'ll",
      'save',
      'and',
      'invest',
      'more',
      '.',
    ]);
    assert.deepEqual(treebankTokenize("hi, my name can't hello,"), [
      ...['hi', ',', 'my', 'name', 'ca', "n't", 'hello', ','],
    ]);
  });

  it("turns double quotes into `` and '' and separates dashes and ellipses", () => {
    assert.deepEqual(treebankTokenize('"Stop--now..." she said'), [
      ...['``', 'Stop', '--', 'now', '...', "''", 'she', 'said'],
    ]);
    assert.deepEqual(treebankTokenize(''), []);
  });
});
