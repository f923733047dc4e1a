import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findArxivIds, normalizeArxivId } from './arxiv';

describe('findArxivIds', () => {
  it('finds ids marked as arXiv, lowercased and without version', () => {
    const text =
      'arXiv:1706.03762v5, https://arxiv.org/abs/2005.14165, arxiv.org/pdf/1810.04805v2.pdf, ' +
      '10.48550/arXiv.2303.08774 and arXiv: hep-th/9901001, arXiv:math.AG/0601001';
    assert.deepEqual(
      findArxivIds(text).map((f) => f.arxivId),
      ['1706.03762', '2005.14165', '1810.04805', '2303.08774', 'hep-th/9901001', 'math.ag/0601001'],
    );
  });

  it('gives the span of the marked id', () => {
    assert.deepEqual(findArxivIds('see arXiv:1706.03762.'), [
      { arxivId: '1706.03762', start: 4, end: 20 },
    ]);
  });

  it('ignores bare numbers that are not marked as arXiv', () => {
    assert.deepEqual(findArxivIds('Version 1706.03762 of the report'), []);
    assert.deepEqual(findArxivIds(''), []);
  });
});

describe('normalizeArxivId', () => {
  it('reads a bare eprint field', () => {
    assert.equal(normalizeArxivId(' 1706.03762v5 '), '1706.03762');
    assert.equal(normalizeArxivId('hep-th/9901001'), 'hep-th/9901001');
  });

  it('reads a marked id inside other text, or gives null', () => {
    assert.equal(normalizeArxivId('arXiv preprint arXiv:2005.14165'), '2005.14165');
    assert.equal(normalizeArxivId('Nature 521'), null);
  });
});
