import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoSidedZ } from './distributions';
import { farringtonManningScoreAt, restrictedP2 } from './farrington-manning';
import { newcombeInterval } from './newcombe';
import { comparePairedProportion, tangoScoreAt } from './paired-proportion';
import { compareTwoProportions } from './two-proportion';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('newcombeInterval', () => {
  it("reproduces Newcombe's (1998) method 10 examples: 56/70 − 48/80 and 9/10 − 3/10", () => {
    const a = newcombeInterval(56, 70, 48, 80);
    close(a.low, 0.0524, 5e-5);
    close(a.high, 0.3339, 5e-5);
    const b = newcombeInterval(9, 10, 3, 10);
    close(b.low, 0.1705, 5e-5);
    close(b.high, 0.809, 5e-5);
  });
});

describe('Farrington–Manning score', () => {
  it('is the pooled two-proportion z at a null difference of 0 (56/70 vs 48/80: z = 2.65017)', () => {
    close(farringtonManningScoreAt(56, 70, 48, 80)(0), 2.6501719512585336, 1e-9);
  });

  it('uses the p2 that maximizes the likelihood under p1 − p2 = d0 (checked on a fine grid)', () => {
    const [x1, n1, x2, n2, d0] = [12, 40, 30, 60, 0.1];
    const logLik = (p2: number) =>
      x1 * Math.log(p2 + d0) +
      (n1 - x1) * Math.log(1 - p2 - d0) +
      x2 * Math.log(p2) +
      (n2 - x2) * Math.log(1 - p2);
    let best = 0.001;
    for (let p = 0.001; p < 0.9; p += 1e-5) if (logLik(p) > logLik(best)) best = p;
    close(restrictedP2(x1, n1, x2, n2, d0), best, 2e-5);
  });

  it('stays finite when one group has no successes', () => {
    assert.ok(Number.isFinite(farringtonManningScoreAt(0, 50, 5, 50)(0.01)));
  });
});

describe('Tango paired score', () => {
  it("reduces to McNemar's z = (gained − lost)/√(gained + lost) at a null difference of 0", () => {
    close(tangoScoreAt({ n: 100, lost: 4, gained: 13 })(0), 9 / Math.sqrt(17), 1e-12);
  });

  it('has a 95% interval whose ends are where the score equals ∓1.96', () => {
    const counts = { n: 161, lost: 16, gained: 6 };
    const scoreAt = tangoScoreAt(counts);
    const { deltaInterval, delta } = comparePairedProportion(counts, -1, 0);
    close(delta, -10 / 161, 1e-12);
    close(scoreAt(deltaInterval.low), twoSidedZ(0.95), 1e-6);
    close(scoreAt(deltaInterval.high), -twoSidedZ(0.95), 1e-6);
    assert.ok(deltaInterval.low < delta && delta < deltaInterval.high);
  });
});

describe('comparePairedProportion', () => {
  it('uses exact McNemar with no minimum effect, oriented by which direction is bad', () => {
    // Accuracy (higher is better): 6 items lost, 1 gained -> worse tail P(X ≥ 6; 7, ½) = 8/128.
    const result = comparePairedProportion({ n: 50, lost: 6, gained: 1 }, -1, 0);
    assert.equal(result.test, 'mcnemar-exact');
    close(result.oneSided.worse, 8 / 128, 1e-12);
    close(result.pValue, 16 / 128, 1e-12);
  });

  it("switches to Tango's score test for a shifted null, which is harder to reject", () => {
    const counts = { n: 400, lost: 30, gained: 10 };
    const plain = comparePairedProportion(counts, -1, 0);
    const shifted = comparePairedProportion(counts, -1, 0.02);
    assert.equal(shifted.test, 'paired-score-z');
    assert.ok(shifted.oneSided.worse > plain.oneSided.worse);
  });
});

describe('compareTwoProportions', () => {
  it('uses the pooled z for large samples: p = 1 − Φ(2.65017) for 56/70 against 48/80', () => {
    // Success is bad here (sign +1), so the increase from 0.6 to 0.8 is the worse direction.
    const result = compareTwoProportions({ successes: 56, n: 70 }, { successes: 48, n: 80 }, 1, 0);
    assert.equal(result.test, 'two-proportion-z');
    close(result.oneSided.worse, 0.004022540684098352, 1e-9);
    close(result.pValue, 2 * 0.004022540684098352, 1e-9);
  });

  it('uses Fisher exact when an expected cell count is below 5', () => {
    const result = compareTwoProportions({ successes: 3, n: 4 }, { successes: 1, n: 4 }, 1, 0);
    assert.equal(result.test, 'fisher-exact');
    close(result.oneSided.worse, 17 / 70, 1e-12);
  });
});
