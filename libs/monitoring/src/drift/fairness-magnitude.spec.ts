import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricDefinition } from '@lastmile/scenarios';
import { decideFairnessMagnitudes } from './fairness-magnitude';

const magnitude = (name: string): MetricDefinition => ({
  name,
  direction: 'lower_is_better',
  statKind: 'mean',
  level: 'run',
  itemValue: () => null,
  fairnessMagnitude: true,
});
const metrics = [
  magnitude('pronoun_skew'),
  { ...magnitude('pronoun_share'), fairnessMagnitude: false },
];
const row = (name: string, subgroup: string, value: number, low: number, high: number) => ({
  name,
  subgroup,
  value,
  ciLow: low,
  ciHigh: high,
  n: 36,
});

describe('decideFairnessMagnitudes', () => {
  it('reads the standard error from the 95% interval and tests "magnitude ≤ tolerance", BH across the run', () => {
    // 0.3 [0.2, 0.4]: se = 0.2 / 3.919928, z = 0.1 / se = 1.959964, p = 0.025.
    // 0.1 [0, 0.2]: z = −1.959964, p = 0.975. BH over two: q = 0.05 and 0.975.
    const decided = decideFairnessMagnitudes(
      metrics,
      [
        row('pronoun_skew', 'all', 0.3, 0.2, 0.4),
        row('pronoun_skew', 'template=t1', 0.1, 0, 0.2),
        row('pronoun_share', 'all', 0.9, 0.8, 1),
      ],
      0.2,
      0.049,
    );
    assert.deepEqual(
      decided.map((d) => d.metric + '@' + d.subgroup),
      ['pronoun_skew@all', 'pronoun_skew@template=t1'],
      'only metrics marked as fairness magnitudes',
    );
    assert.ok(Math.abs(decided[0].pValue - 0.025) < 1e-6);
    assert.ok(Math.abs(decided[1].pValue - 0.975) < 1e-6);
    assert.ok(Math.abs(decided[0].qValue - 0.05) < 1e-6);
    assert.deepEqual(
      decided.map((d) => d.verdict),
      ['within_tolerance', 'within_tolerance'],
      'q = 0.05 is not below α = 0.049',
    );
    const looser = decideFairnessMagnitudes(
      metrics,
      [row('pronoun_skew', 'all', 0.3, 0.2, 0.4)],
      0.2,
      0.06,
    );
    assert.equal(looser[0].verdict, 'beyond_tolerance');
  });

  it('never calls a value at or under the tolerance beyond it, and skips values without an interval', () => {
    const decided = decideFairnessMagnitudes(
      metrics,
      [
        row('pronoun_skew', 'all', 0.2, 0.2, 0.2),
        { ...row('pronoun_skew', 'template=t2', 0.5, 0, 0), ciLow: null, ciHigh: null },
      ],
      0.2,
      0.05,
    );
    assert.deepEqual(
      decided.map((d) => [d.subgroup, d.pValue, d.verdict]),
      [['all', 1, 'within_tolerance']],
    );
  });
});
