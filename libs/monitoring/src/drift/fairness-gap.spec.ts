import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MetricDefinition } from '@lastmile/scenarios';
import { fairnessGapFindings } from './fairness-gap';
import { itemValueSetOf, type ItemValue } from './item-values';
import { bit, errorRate, items } from './item-values.fixture';

const gapOfErrorRate: MetricDefinition = {
  ...errorRate,
  name: 'error_rate_gap:group',
  level: 'run',
  itemValue: () => null,
} as MetricDefinition;

/** error_rate per group: `errors` wrong answers among `n` items of each group. */
function run(groups: Record<string, { n: number; errors: number }>) {
  const subgroups: Record<string, Record<string, ItemValue>> = { all: {} };
  for (const [group, { n, errors }] of Object.entries(groups)) {
    subgroups[`group=${group}`] = items(n, (i) => bit(i < errors), `${group}-`).toRecord();
    Object.assign(subgroups.all, subgroups[`group=${group}`]);
  }
  return itemValueSetOf({ error_rate: subgroups });
}

const base = { metrics: [errorRate, gapOfErrorRate], alpha: 0.05, seed: 3 };

describe('fairnessGapFindings', () => {
  it('flags a gap between groups beyond the tolerance, with the worst and best group', () => {
    const [finding] = fairnessGapFindings({
      ...base,
      tolerance: 0.05,
      current: run({ a: { n: 40, errors: 4 }, b: { n: 40, errors: 24 } }),
    });
    assert.equal(finding.metric, 'error_rate_gap:group');
    assert.deepEqual([finding.worst.value, finding.best.value], ['b', 'a']);
    assert.ok(Math.abs(finding.gap - 0.5) < 1e-12);
    assert.equal(finding.test, 'two-proportion-z');
    assert.ok(finding.gapInterval.low > 0.05 && finding.gapInterval.high < 0.75);
    assert.equal(finding.pValue, Math.min(1, finding.rawPValue * 2), 'two groups: 2 ordered pairs');
    assert.equal(finding.verdict, 'beyond_tolerance');
  });

  it('leaves a gap the kind marks as a fairness magnitude to the magnitude test', () => {
    const magnitude = { ...gapOfErrorRate, fairnessMagnitude: true } as MetricDefinition;
    const current = run({ a: { n: 40, errors: 4 }, b: { n: 40, errors: 24 } });
    assert.deepEqual(
      fairnessGapFindings({ ...base, metrics: [errorRate, magnitude], tolerance: 0.05, current }),
      [],
    );
  });

  it('stays within tolerance when the gap is no larger than the tolerance allows', () => {
    const current = run({ a: { n: 40, errors: 4 }, b: { n: 40, errors: 24 } });
    assert.equal(
      fairnessGapFindings({ ...base, tolerance: 0.5, current })[0].verdict,
      'within_tolerance',
    );
    const close = run({ a: { n: 40, errors: 8 }, b: { n: 40, errors: 10 } });
    assert.equal(
      fairnessGapFindings({ ...base, tolerance: 0.02, current: close })[0].verdict,
      'within_tolerance',
    );
  });

  it('corrects for picking the extremes out of G groups: p × G(G − 1)', () => {
    const current = run({
      a: { n: 30, errors: 3 },
      b: { n: 30, errors: 12 },
      c: { n: 30, errors: 6 },
    });
    const [finding] = fairnessGapFindings({ ...base, tolerance: 0.05, current });
    assert.deepEqual(
      finding.groups.map((g) => g.value),
      ['a', 'b', 'c'],
    );
    assert.equal(finding.pValue, Math.min(1, finding.rawPValue * 6));
  });

  it('checks only the gaps the kind declares, and only groups of at least 3 items', () => {
    const current = run({ a: { n: 40, errors: 0 }, b: { n: 40, errors: 30 } });
    assert.deepEqual(
      fairnessGapFindings({ ...base, metrics: [errorRate], tolerance: 0.05, current }),
      [],
    );
    const declared = fairnessGapFindings({
      ...base,
      metrics: [errorRate],
      attributes: ['group'],
      tolerance: 0.05,
      current,
    });
    assert.equal(declared.length, 1);
    const small = run({ a: { n: 40, errors: 0 }, b: { n: 2, errors: 2 } });
    assert.deepEqual(fairnessGapFindings({ ...base, tolerance: 0.05, current: small }), []);
  });
});
