import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDois, normalizeDoi } from './doi';

describe('normalizeDoi', () => {
  it('lowercases and strips resolver prefixes and trailing punctuation', () => {
    assert.equal(normalizeDoi('https://doi.org/10.1109/CVPR.2016.90.'), '10.1109/cvpr.2016.90');
    assert.equal(normalizeDoi('https://dx.doi.org/10.1109/CVPR.2016.90'), '10.1109/cvpr.2016.90');
    assert.equal(normalizeDoi('doi:10.18653/v1/N19-1423;'), '10.18653/v1/n19-1423');
    assert.equal(normalizeDoi('DOI: 10.1145/3442188.3445922),'), '10.1145/3442188.3445922');
  });

  it('keeps a closing parenthesis that belongs to the DOI', () => {
    assert.equal(
      normalizeDoi('(doi: 10.1016/0021-9991(92)90324-R).'),
      '10.1016/0021-9991(92)90324-r',
    );
  });

  it('strips Markdown marks around a DOI', () => {
    assert.equal(normalizeDoi('**DOI:** `10.1109/CVPR.2016.90`'), '10.1109/cvpr.2016.90');
  });

  it('keeps non-ASCII characters of a DOI suffix', () => {
    assert.equal(normalizeDoi('10.1000/Café-42'), '10.1000/café-42');
  });

  it('finds no DOI in text without one, or with a registrant code under 4 digits', () => {
    assert.equal(normalizeDoi(''), null);
    assert.equal(normalizeDoi('see page 10.5'), null);
    assert.equal(normalizeDoi('10.123/abc'), null);
  });
});

describe('findDois', () => {
  it('finds every DOI with its position, stopping at a Markdown link bracket', () => {
    const text = 'Link: [10.1000/ABC](https://doi.org/10.1000/ABC) and 10.5555/x1.';
    assert.deepEqual(findDois(text), [
      { doi: '10.1000/abc', start: 7, end: 18 },
      { doi: '10.1000/abc', start: 36, end: 47 },
      { doi: '10.5555/x1', start: 53, end: 63 },
    ]);
  });

  it('finds nothing in empty or punctuation-only text', () => {
    assert.deepEqual(findDois(''), []);
    assert.deepEqual(findDois('.,;)'), []);
  });
});
