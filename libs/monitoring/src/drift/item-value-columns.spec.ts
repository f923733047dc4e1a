import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alignItems, ItemValues } from './item-value-columns';

describe('ItemValues', () => {
  const values = ItemValues.fromRecord({
    a: { num: 1, den: 2 },
    b: { num: 0, den: 0 },
    c: { num: 3, den: 4 },
  });

  it('reads items by position and by id, and shares num/den as num/den', () => {
    assert.equal(values.size, 3);
    assert.deepEqual(values.valueAt(values.indexOf('c')), { num: 3, den: 4 });
    assert.equal(values.indexOf('z'), -1);
    assert.equal(values.indexOf('b'), 1);
    assert.deepEqual([values.shareAt(0), values.shareAt(1), values.shareAt(2)], [0.5, 0, 0.75]);
    assert.deepEqual(values.ids.list, ['a', 'b', 'c']);
    assert.deepEqual([values.idAt(2), values.idAt(0)], ['c', 'a']);
  });

  it('writes the keyed JSON form and refuses columns of different lengths', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(values)), values.toRecord());
    assert.throws(
      () => ItemValues.fromColumns(['a'], new Float64Array(2), new Float64Array(1)),
      /differ in length/,
    );
  });

  it('lines up shared items in the current order, whatever the baseline order', () => {
    const baseline = ItemValues.fromRecord({
      z: { num: 1, den: 1 },
      c: { num: 1, den: 1 },
      a: { num: 0, den: 1 },
    });
    const aligned = alignItems(values, baseline);
    assert.deepEqual([...aligned.current], [0, 2]);
    assert.deepEqual([...aligned.baseline], [2, 1]);
    // Two sets on one id list (the metrics of one subgroup) line up without a lookup.
    const sameIds = ItemValues.fromColumns(values.ids, new Float64Array(3), new Float64Array(3));
    const self = alignItems(values, sameIds);
    assert.deepEqual([...self.current], [0, 1, 2]);
  });
});
