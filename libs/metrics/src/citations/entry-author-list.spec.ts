import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findAuthorList } from './entry-author-list';

describe('findAuthorList', () => {
  it('reads APA, ACL, IEEE and Vancouver lists up to the year', () => {
    assert.deepEqual(
      findAuthorList('He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep residual learning.', 'He'),
      ['He', 'Zhang', 'Ren', 'Sun'],
    );
    assert.deepEqual(
      findAuthorList(
        'Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT.',
        'Devlin',
      ),
      ['Devlin', 'Chang', 'Lee', 'Toutanova'],
    );
    assert.deepEqual(findAuthorList('K. He and J. Sun, 2016', 'He'), ['He', 'Sun']);
    assert.deepEqual(findAuthorList('Smith J, Jones K, Lee AB. 2020', 'Smith'), [
      'Smith',
      'Jones',
      'Lee',
    ]);
  });

  it('reads an "Authors:" field and stops at a quoted title', () => {
    assert.deepEqual(findAuthorList('Title\n- Authors: Kaiming He, Jian Sun\n- Year: 2016', 'He'), [
      'He',
      'Sun',
    ]);
    const ieee = 'A. Vaswani and N. Shazeer, "Attention is all you need," 2017.';
    assert.deepEqual(findAuthorList(ieee, 'Vaswani', ieee.indexOf('Attention')), [
      'Vaswani',
      'Shazeer',
    ]);
  });

  it('gives up on mixed styles, one name, or a first name other than the first author', () => {
    assert.equal(findAuthorList('He, K., Sun and colleagues (2016).', 'He'), undefined);
    assert.equal(findAuthorList('Vaswani, A., et al. (2017).', 'Vaswani'), undefined);
    assert.equal(findAuthorList('Kaiming He, Jian Sun. 2016.', 'Sun'), undefined);
    assert.equal(findAuthorList('Kaiming He, Jian Sun. 2016.', undefined), undefined);
  });
});
