import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DriftComparison } from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import { effectScale, eitherWay, orientedDefinition } from './condition-effect';
import { stepBaselineCusum, stepTwoSidedCusum, type CusumState } from './cusum-monitor';
import { decideRunDrift, driftTests } from './evaluate-drift';
import { items } from './item-values.fixture';

/** The asr kind's transcript length: a condition signal with no better side. */
const hypWords: MetricDefinition = {
  name: 'hyp_words',
  direction: 'higher_is_better',
  statKind: 'mean',
  unit: 'count',
  signal: 'condition',
  twoSided: true,
  itemValue: () => null,
};
const snr: MetricDefinition = {
  name: 'snr_db',
  direction: 'higher_is_better',
  statKind: 'mean',
  unit: 'db',
  signal: 'condition',
  itemValue: () => null,
};
const mean = (x: number) => ({ num: x, den: 1 });
/** Ten recordings of 7–11 words (mean 9), and the same recordings with `change` words each. */
const recordings = (change: number) => items(10, (i) => mean(7 + (i % 5) + change));
const options = { alpha: 0.05, minEffect: 0.05, seed: 3 };

describe('condition signals: minimum effect in their own units, two-sided when no side is better', () => {
  it('reads the policy minEffect as points of a rate, decibels, or a share of the baseline', () => {
    const quality = { unit: 'count' as const };
    assert.equal(effectScale(quality, 9), 1, 'a quality count metric is left as it is');
    assert.equal(effectScale({ signal: 'condition' }, 0.2), 1, 'a rate');
    assert.equal(effectScale({ signal: 'condition', unit: 'score' }, 0.9), 1);
    assert.equal(effectScale(snr, 24), 100, 'one decibel per point');
    assert.equal(effectScale({ signal: 'condition', unit: 'dbfs' }, -30), 100);
    assert.equal(effectScale(hypWords, 9), 9, 'a share of the baseline');
    assert.equal(effectScale({ signal: 'condition', unit: 'seconds' }, 0.5), 1, 'at least 1 unit');
    assert.equal(effectScale({ signal: 'condition', unit: 'hz' }, -1000), 1000);
    assert.equal(effectScale(hypWords, null), 1);
  });

  it('doubles the smaller one-sided p and turns the test toward the change it saw', () => {
    const base = {
      delta: -3,
      pWorse: 0.01,
      pBetter: 0.99,
      pValue: 0.02,
      direction: 'higher_is_better',
    } as DriftComparison;
    const down = eitherWay(base);
    assert.deepEqual(
      [down.pWorse, down.pBetter, down.pValue, down.direction, down.twoSided],
      [0.02, 1, 0.02, 'higher_is_better', true],
    );
    const up = eitherWay({ ...base, delta: 2, pWorse: 0.998, pBetter: 0.004 });
    assert.deepEqual([up.pWorse, up.direction], [0.008, 'lower_is_better']);
    assert.equal(eitherWay({ ...base, pWorse: 0.7, pBetter: 0.6 }).pWorse, 1, 'capped at 1');
  });

  it('finds transcripts 3 words shorter and 3 words longer alike, by the exact sign-flip test', () => {
    for (const change of [-3, 3]) {
      const tests = driftTests({
        ...options,
        metrics: [hypWords],
        baseline: { hyp_words: { all: recordings(0) } },
        current: { hyp_words: { all: recordings(change) } },
      });
      const [finding] = decideRunDrift(tests, options);
      // 10 recordings all moved the same way: one-sided p = 2⁻¹⁰ of 1,024 flips, doubled.
      assert.deepEqual(
        [
          finding.test,
          finding.delta,
          finding.pWorse,
          finding.minEffect,
          finding.verdict,
          finding.twoSided,
        ],
        ['sign-flip-exact', change, 2 / 1024, 0.05 * 9, 'worse', true],
      );
      assert.equal(finding.direction, change < 0 ? 'higher_is_better' : 'lower_is_better');
    }
  });

  it('needs a change of 5% of the baseline length, however consistent a smaller one is', () => {
    const [finding] = decideRunDrift(
      driftTests({
        ...options,
        metrics: [hypWords],
        baseline: { hyp_words: { all: recordings(0) } },
        current: { hyp_words: { all: recordings(-0.25) } },
      }),
      options,
    );
    assert.deepEqual(
      [finding.delta, finding.minEffect, finding.verdict],
      [-0.25, 0.45, 'no_change'],
    );
  });

  it('ranks worst items the way a two-sided signal moved, and leaves other metrics alone', () => {
    assert.equal(orientedDefinition(hypWords, 9, 6).direction, 'higher_is_better');
    assert.equal(orientedDefinition(hypWords, 9, 12).direction, 'lower_is_better');
    assert.equal(orientedDefinition(snr, 24, 30).direction, 'higher_is_better');
  });

  it('runs a CUSUM on each side of a two-sided signal and alarms on the side that moved', () => {
    let state: CusumState | undefined;
    const steps = [8, 8, 8].map((value) => {
      const step = stepTwoSidedCusum(state, { value, target: 10, sd: 1, minEffect: 0.5 });
      state = step.state;
      return step;
    });
    // z = 2 below target each run: S⁻ = 1.5, 3.0, 4.5 (k = 0.5); h = 3.492 is passed at run 3.
    assert.deepEqual(
      steps.map((s) => [s.state.s, s.state.sLow, s.state.runLow, s.alarm, s.side]),
      [
        [0, 1.5, 1, false, 'decrease'],
        [0, 3, 2, false, 'decrease'],
        [0, 4.5, 3, true, 'decrease'],
      ],
    );
    assert.equal(steps[2].shift, 2, '(k + S/run)·σ = (0.5 + 4.5/3)·1');
  });

  it('floors the CUSUM σ at half the minimum effect in decibels', () => {
    const flat = (value: number) => items(10, () => mean(value));
    const step = stepBaselineCusum({
      metric: snr,
      baselineItems: flat(20),
      baselineValue: 20,
      runValues: [20, 20],
      state: undefined,
      currentItems: flat(14),
      minEffect: 0.05,
    })!;
    // σ = 5 dB / 2; z = 6 / 2.5 = 2.4 on the bad side; S = 2.4 − 0.5.
    assert.deepEqual(
      [step.state.sd, step.state.z, step.state.s, step.alarm],
      [2.5, 2.4, 1.9, false],
    );
  });
});
