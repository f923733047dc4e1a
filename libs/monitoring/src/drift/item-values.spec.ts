import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, toxicity } from './item-values.fixture';
import { itemValuesFor } from './item-values';

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
    assert.deepEqual(set.accuracy, {
      all: { a: { num: 1, den: 1 }, b: { num: 0, den: 1 } },
      'accent=scottish': { a: { num: 1, den: 1 } },
      'accent=irish': { b: { num: 0, den: 1 } },
      'device=phone': { b: { num: 0, den: 1 } },
    });
    assert.deepEqual(set.toxicity.all, { a: { num: 0.5, den: 1 }, b: { num: 1, den: 1 } });
  });

  it('leaves out items whose value is null or not finite', () => {
    const set = itemValuesFor(
      [accuracy],
      [
        { itemId: 'a', sample: 0, attributes: {}, stats: { correct: 'x' } },
        { itemId: 'b', sample: 0, attributes: {}, stats: { correct: 1 } },
      ],
    );
    assert.deepEqual(set.accuracy, { all: { b: { num: 1, den: 1 } } });
    assert.deepEqual(itemValuesFor([accuracy], []), { accuracy: {} });
  });
});
