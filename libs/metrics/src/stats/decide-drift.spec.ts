import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideDrift } from './decide-drift';
import { driftResult } from './drift-results.fixture';

describe('decideDrift', () => {
  it('says worse for a significant increase of a lower-is-better metric', () => {
    const [decision] = decideDrift([driftResult({ delta: 0.05, pValue: 0.001, pWorse: 0.0005 })]);
    assert.equal(decision.verdict, 'worse');
    assert.equal(decision.qValue, 0.001);
  });

  it('says better for a significant increase of a higher-is-better metric', () => {
    const result = driftResult({ direction: 'higher_is_better', delta: 0.05, pValue: 0.001 });
    assert.equal(decideDrift([result])[0].verdict, 'better');
  });

  it('adjusts across the tests of one run before comparing with alpha', () => {
    const run = (ps: number[]) =>
      decideDrift(ps.map((p) => driftResult({ delta: 0.03, pValue: p })));
    // p = .03, .04, .9 (m = 3): p·m/k = .09, .06, .9 -> q = .06, .06, .9: none below .05.
    const unadjustedPass = run([0.03, 0.04, 0.9]);
    assert.deepEqual(
      unadjustedPass.map((d) => d.qValue.toFixed(12)),
      ['0.060000000000', '0.060000000000', '0.900000000000'],
    );
    assert.deepEqual(
      unadjustedPass.map((d) => d.verdict),
      ['no_change', 'no_change', 'no_change'],
    );
    // p = .01, .02, .9 -> q = .03, .03, .9.
    assert.deepEqual(
      run([0.01, 0.02, 0.9]).map((d) => d.verdict),
      ['worse', 'worse', 'no_change'],
    );
  });

  it('says no change when the significant change is smaller than the minimum effect', () => {
    const result = driftResult({ delta: 0.004, pValue: 0.0001 });
    assert.equal(decideDrift([result], { minEffect: 0.01 })[0].verdict, 'no_change');
    assert.equal(decideDrift([result])[0].verdict, 'worse');
  });

  it('with the one-sided alternative uses pWorse and never says better', () => {
    const worse = driftResult({ delta: 0.02, pValue: 0.08, pWorse: 0.04 });
    const better = driftResult({ delta: -0.05, pValue: 0.001, pWorse: 0.9995 });
    const decisions = decideDrift([worse], { alternative: 'worse' });
    assert.equal(decisions[0].verdict, 'worse');
    assert.equal(decideDrift([worse])[0].verdict, 'no_change');
    assert.equal(decideDrift([better], { alternative: 'worse' })[0].verdict, 'no_change');
  });
});
