import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, toxicity } from './item-values.fixture';
import { itemValuesFor } from './item-values';

/** Item values in their keyed JSON form (what `lastmile run --json` writes). */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('itemValuesFor', () => {
  it('reduces the samples of each item with the metric and files it under all and each attribute value', () => {
    const set = itemValuesFor(
      [accuracy, toxicity],
      [
        {
          itemId: 'a',
          sample: 0,
          attributes: { accent: 'scottish' },
          stats: { correct: 1, toxic: 0 },
        },
        {
          itemId: 'a',
          sample: 1,
          attributes: { accent: 'scottish' },
          stats: { correct: 0, toxic: 1 },
        },
        {
          itemId: 'b',
          sample: 0,
          attributes: { accent: 'irish', device: 'phone' },
          stats: { correct: 0, toxic: 1 },
        },
      ],
    );
    assert.deepEqual(plain(set.accuracy), {
      all: { a: { num: 1, den: 1 }, b: { num: 0, den: 1 } },
      'accent=scottish': { a: { num: 1, den: 1 } },
      'accent=irish': { b: { num: 0, den: 1 } },
      'device=phone': { b: { num: 0, den: 1 } },
    });
    assert.deepEqual(plain(set.toxicity.all), { a: { num: 0.5, den: 1 }, b: { num: 1, den: 1 } });
  });

  it('leaves out items whose value is null or not finite', () => {
    const set = itemValuesFor(
      [accuracy],
      [
        { itemId: 'a', sample: 0, attributes: {}, stats: { correct: 'x' } },
        { itemId: 'b', sample: 0, attributes: {}, stats: { correct: 1 } },
      ],
    );
    assert.deepEqual(plain(set.accuracy), { all: { b: { num: 1, den: 1 } } });
    assert.deepEqual(itemValuesFor([accuracy], []), { accuracy: {} });
  });

  it('shares one id list per subgroup across metrics whose value every item has', () => {
    const set = itemValuesFor(
      [accuracy, toxicity],
      [
        { itemId: 'a', sample: 0, attributes: { g: 'x' }, stats: { correct: 1, toxic: 0 } },
        { itemId: 'b', sample: 0, attributes: { g: 'y' }, stats: { correct: 0, toxic: 1 } },
        { itemId: 'c', sample: 0, attributes: { g: 'x' }, stats: { correct: 'no', toxic: 1 } },
      ],
    );
    assert.equal(set.toxicity['g=x'].ids, set.toxicity['g=x'].ids);
    assert.deepEqual(set.toxicity['g=x'].ids.list, ['a', 'c']);
    // accuracy has no value for c: its own list, without c.
    assert.deepEqual(set.accuracy['g=x'].ids.list, ['a']);
    assert.notEqual(set.accuracy.all.ids, set.toxicity.all.ids);
    assert.equal(set.toxicity.all.indexOf('c'), 2);
    assert.equal(set.toxicity.all.indexOf('z'), -1);
  });
});
