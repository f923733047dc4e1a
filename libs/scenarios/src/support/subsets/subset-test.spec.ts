import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTwoProportions } from '@lastmile/metrics';
import type { ScoredInstance } from '../../scenario-kind';
import { firstSampleProportion, sampleMean } from '../item-metrics';
import type { ItemSamples } from '../item-samples';
import { parsePredicate } from './predicate-parser';
import { subsetPool, testSubset } from './subset-test';
import { watchedSubgroupMetrics, watchLabel } from './watched-subgroups';

const exactMatch = firstSampleProportion('exact_match', 'higher_is_better');

/** `right` correct and `wrong` wrong items with these attributes. */
function items(prefix: string, attributes: Record<string, string>, right: number, wrong: number) {
  return Array.from({ length: right + wrong }, (_, i): ItemSamples => ({
    itemId: `${prefix}${i}`,
    attributes,
    samples: [{ exact_match: i < right ? 1 : 0 }],
  }));
}

describe('testSubset', () => {
  const pool = [
    ...items('a', { accent: 'en-029', noise: 'hum' }, 4, 6),
    ...items('b', { accent: 'en-us', noise: 'hum' }, 18, 2),
    ...items('c', { accent: 'en-us', noise: 'none' }, 19, 1),
  ];
  const options = { minEffect: 0.05, minItems: 5, seed: 1 };

  it('tests a proportion subset against its complement with the shifted score test', () => {
    const result = testSubset(
      subsetPool(exactMatch, pool),
      parsePredicate('accent = en-029'),
      options,
    );
    const reference = compareTwoProportions(
      { successes: 4, n: 10 },
      { successes: 37, n: 40 },
      -1,
      0.05,
    );
    assert.equal(result.status, 'tested');
    if (result.status !== 'tested') return;
    assert.deepEqual([result.nSubset, result.nComplement], [10, 40]);
    assert.equal(result.subsetValue, 0.4);
    assert.equal(result.complementValue, 37 / 40);
    assert.equal(result.delta, 0.4 - 37 / 40);
    assert.equal(result.shortfall, 37 / 40 - 0.4);
    assert.equal(result.pWorse, reference.oneSided.worse);
    assert.deepEqual(result.interval, reference.deltaInterval);
    assert.ok(result.pWorse < 0.001, `p ${result.pWorse}`);
  });

  it('says too_small when the subset or its complement has fewer items than the minimum', () => {
    const tested = subsetPool(exactMatch, pool);
    assert.deepEqual(
      testSubset(tested, parsePredicate('accent = en-029'), { ...options, minItems: 11 }),
      {
        status: 'too_small',
        nSubset: 10,
        nComplement: 40,
      },
    );
    assert.equal(
      testSubset(tested, parsePredicate('noise IN (hum, none)'), options).status,
      'too_small',
    );
  });

  it('leaves out excluded items (the public sample) and items without a value', () => {
    const withGap = [...pool, { itemId: 'x', attributes: { accent: 'en-029' }, samples: [{}] }];
    const sealed = subsetPool(exactMatch, withGap, new Set(['a0', 'a1']));
    assert.equal(sealed.items, 48);
    const result = testSubset(sealed, parsePredicate('accent = en-029'), options);
    assert.equal(result.nSubset, 8);
  });

  it('bootstraps the difference for a mean metric', () => {
    const mean = sampleMean('f1', 'higher_is_better');
    const scored = pool.map((item, i) => ({
      ...item,
      samples: [
        { f1: item.attributes.accent === 'en-029' ? 0.2 + (i % 3) / 10 : 0.8 + (i % 2) / 10 },
      ],
    }));
    const result = testSubset(subsetPool(mean, scored), parsePredicate('accent = en-029'), options);
    assert.equal(result.status, 'tested');
    if (result.status !== 'tested') return;
    assert.equal(result.test, 'bootstrap');
    assert.ok(result.shortfall > 0.5 && result.pWorse < 0.01, JSON.stringify(result));
    assert.ok(result.interval.low < result.delta && result.delta < result.interval.high);
  });
});

describe('watched subgroups', () => {
  const instances: ScoredInstance[] = [
    ...items('a', { accent: 'en-029', noise: 'hum' }, 1, 3),
    ...items('b', { accent: 'en-us', noise: 'hum' }, 4, 0),
  ].map((item) => ({
    itemId: item.itemId,
    sample: 0,
    attributes: item.attributes,
    stats: item.samples[0],
  }));

  it('labels a subset by its canonical form, however it was written', () => {
    assert.equal(
      watchLabel('accent = en-029 AND noise != none'),
      watchLabel('noise != "none" and accent = "en-029"'),
    );
    assert.match(watchLabel('accent = en-029'), /^watch:[0-9a-f]{10}$/);
  });

  it("computes the item-level metrics on each watched subset under the watch's label", () => {
    const label = watchLabel('accent = en-029');
    const rows = watchedSubgroupMetrics(
      [exactMatch],
      instances,
      [{ label, predicate: 'accent = en-029' }],
      {
        seed: 0,
      },
    );
    assert.equal(rows.length, 1);
    assert.deepEqual(
      [rows[0].name, rows[0].subgroup, rows[0].value, rows[0].n],
      ['exact_match', label, 0.25, 4],
    );
    assert.ok(rows[0].ciLow! < 0.25 && rows[0].ciHigh! > 0.25);
  });

  it('skips a watch matching nothing or no longer parsing, and nothing at all without watches', () => {
    const watches = [
      { label: 'watch:none', predicate: 'accent = en-gb' },
      { label: 'watch:broken', predicate: 'accent ==' },
    ];
    assert.deepEqual(watchedSubgroupMetrics([exactMatch], instances, watches, { seed: 0 }), []);
    assert.deepEqual(watchedSubgroupMetrics([exactMatch], instances, [], { seed: 0 }), []);
  });
});
