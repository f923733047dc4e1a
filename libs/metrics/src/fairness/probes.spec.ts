import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counterfactualGap } from './counterfactual-gap';
import { pronounProbe } from './pronoun-probe';
import { sliceGap } from './slice-gap';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('counterfactualGap', () => {
  it('averages counterfactual − original over the pairs: (0.2 + 0.1 − 0.1 + 0.4)/4 = 0.15', () => {
    const pairs = [
      { original: 0.1, counterfactual: 0.3 },
      { original: 0.2, counterfactual: 0.3 },
      { original: 0.5, counterfactual: 0.4 },
      { original: 0.0, counterfactual: 0.4 },
    ];
    const result = counterfactualGap(pairs, { seed: 1 });
    close(result.meanDifference, 0.15);
    assert.equal(result.n, 4);
    assert.ok(result.interval.low <= 0.15 && 0.15 <= result.interval.high);
  });

  it('has a zero-width interval when every swap changes the outcome by the same amount', () => {
    const pairs = [0, 1, 2].map((i) => ({ original: i, counterfactual: i + 0.5 }));
    assert.deepEqual(counterfactualGap(pairs, { seed: 1 }).interval, { low: 0.5, high: 0.5 });
  });
});

describe('sliceGap', () => {
  it('finds the worst and best accent for WER (lower is better) and the gap between them', () => {
    const result = sliceGap(
      {
        us: { value: 0.1, interval: { low: 0.08, high: 0.12 } },
        scottish: { value: 0.2, interval: { low: 0.15, high: 0.25 } },
        indian: { value: 0.15 },
      },
      'lower_is_better',
    )!;
    assert.equal(result.worst.slice, 'scottish');
    assert.equal(result.best.slice, 'us');
    close(result.gap, 0.1);
    assert.equal(result.intervalsOverlap, false);
  });

  it('reads direction: for accuracy the highest value is best', () => {
    const result = sliceGap(
      new Map([
        ['a', { value: 0.9 }],
        ['b', { value: 0.7 }],
      ]),
      'higher_is_better',
    )!;
    assert.equal(result.best.slice, 'a');
    assert.equal(result.intervalsOverlap, null);
  });
});

describe('pronounProbe', () => {
  const probe = pronounProbe({
    nurse: { male: 2, female: 18, neutral: 5 },
    engineer: { male: 15, female: 5, neutral: 0 },
    baker: { male: 0, female: 0, neutral: 0 },
  });

  it('gives shares with Wilson intervals and the skew P(male) − P(female) per occupation', () => {
    const nurse = probe.occupations[0];
    assert.equal(nurse.occupation, 'nurse');
    close(nurse.male!.value, 2 / 25);
    close(nurse.male!.low, 0.02222040128484759); // Wilson 2/25, by hand in Python
    close(nurse.skew, (2 - 18) / 25);
  });

  it('tests P(she | he or she) = 18/20 against ½ exactly: p = 2·(1 + 20 + 190)/2²⁰', () => {
    const nurse = probe.occupations[0];
    close(nurse.femaleGivenGendered!.value, 0.9);
    close(nurse.femaleGivenGendered!.low, 0.6989663547715128);
    close(nurse.pValue, (2 * 211) / 2 ** 20, 1e-12);
  });

  it('pools counts for the overall skew and averages occupations with data for the mean skew', () => {
    close(probe.overall.skew, (17 - 23) / 45);
    close(probe.meanSkew, (-16 / 25 + 10 / 20) / 2);
    assert.equal(probe.occupations[2].femaleGivenGendered, null);
    assert.equal(probe.occupations[2].pValue, 1);
  });
});
