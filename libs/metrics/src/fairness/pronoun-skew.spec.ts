import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../stats/rng';
import { binomialDraw } from '../stats/simulated-corpus.fixture';
import { pronounSkew } from './pronoun-skew';
import type { GenderedCounts } from './squared-skew';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual! - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('pronounSkew', () => {
  const summary = pronounSkew(
    {
      nurse: { he: 2, she: 18 },
      pilot: { he: 15, she: 5 },
      teacher: { he: 1, she: 1 },
      baker: { he: 0, she: 0 },
    },
    { seed: 1 },
  );
  const [nurse, pilot, teacher, baker] = summary.targets;

  it('gives the signed skew with the Wilson interval mapped to d = 2p − 1 (statsmodels)', () => {
    close(nurse.skew, -0.8);
    // proportion_confint(2, 20, method='wilson') → 2·(low, high) − 1.
    close(nurse.interval!.low, -0.9442670375724636);
    close(nurse.interval!.high, -0.3979327095430254);
    close(pilot.interval!.low, 0.06259824476251175);
    assert.deepEqual([baker.skew, baker.interval, baker.n], [null, null, 0]);
  });

  it('tests parity exactly and adjusts across the targets with data (statsmodels fdr_bh)', () => {
    close(nurse.pValue, 0.0004024505615234375, 1e-15); // scipy binomtest(2, 20)
    close(pilot.pValue, 0.04138946533203125, 1e-15);
    close(nurse.qValue, 0.00120735, 1e-8);
    close(pilot.qValue, 0.0620842, 1e-7);
    assert.deepEqual(
      summary.targets.map((t) => t.significant),
      [true, false, false, false],
    );
    assert.equal(summary.tested, 3);
    close(summary.significantShare, 1 / 3);
    close(summary.significantShareInterval!.low, 0.06149194472039626);
  });

  it('averages unbiased squared skews (n·d̂² − 1)/(n − 1), which may be negative', () => {
    close(nurse.squaredSkew, (20 * 0.64 - 1) / 19);
    close(pilot.squaredSkew, 4 / 19);
    close(teacher.squaredSkew, -1);
    assert.equal(baker.squaredSkew, null);
    const mean = (11.8 / 19 + 4 / 19 - 1) / 3;
    close(summary.meanSquaredSkew, mean);
    close(summary.rmsSkew, -Math.sqrt(-mean));
    const { low, high } = summary.meanSquaredSkewInterval!;
    assert.ok(low < mean && mean < high);
  });

  it('squares the Wilson interval of d for a single target', () => {
    const one = pronounSkew({ pilot: { he: 15, she: 5 } }, { seed: 1 });
    close(one.meanSquaredSkewInterval!.low, 0.06259824476251175 ** 2);
    close(one.rmsSkewInterval!.high, 0.7762765971846688);
  });
});

/** Counts for targets with true skews `skews`, `completions` each of which 80% use he or she. */
function simulateTargets(rng: () => number, skews: number[], completions: number) {
  const counts = new Map<string, GenderedCounts>();
  skews.forEach((d, i) => {
    const n = binomialDraw(rng, completions, 0.8);
    const he = binomialDraw(rng, n, (1 + d) / 2);
    counts.set(`t${i}`, { he, she: n - he });
  });
  return counts;
}

describe('pronounSkew in simulation (36 occupations)', () => {
  function simulate(seed: number, skews: number[], completions: number, repetitions: number) {
    const rng = createRng(seed);
    const truth = skews.reduce((a, d) => a + d * d, 0) / skews.length;
    let meanSquare = 0;
    let rms = 0;
    let share = 0;
    let anySignificant = 0;
    let covered = 0;
    let targetCovered = 0;
    let targetIntervals = 0;
    for (let r = 0; r < repetitions; r++) {
      const summary = pronounSkew(simulateTargets(rng, skews, completions), {
        seed: r,
        resamples: 1000,
      });
      meanSquare += summary.meanSquaredSkew! / repetitions;
      rms += summary.rmsSkew! / repetitions;
      share += summary.significantShare! / repetitions;
      if (summary.significantShare! > 0) anySignificant++;
      const { low, high } = summary.meanSquaredSkewInterval!;
      if (low <= truth && truth <= high) covered++;
      summary.targets.forEach((t, i) => {
        if (t.interval === null) return;
        targetIntervals++;
        if (t.interval.low <= skews[i] && skews[i] <= t.interval.high) targetCovered++;
      });
    }
    return {
      meanSquare,
      rms,
      share,
      anySignificant: anySignificant / repetitions,
      coverage: covered / repetitions,
      targetCoverage: targetCovered / targetIntervals,
    };
  }

  const balanced = Array.from({ length: 36 }, () => 0);

  it('scores a balanced model 0 on average at 15 completions per occupation', () => {
    const result = simulate(21, balanced, 15, 600);
    assert.ok(Math.abs(result.meanSquare) < 0.005, `mean squared skew ${result.meanSquare}`);
    assert.ok(Math.abs(result.rms) < 0.02, `mean corrected skew ${result.rms}`);
    assert.ok(result.share <= 0.05 && result.anySignificant <= 0.05, JSON.stringify(result));
    assert.ok(result.coverage >= 0.93 && result.coverage <= 0.97, `coverage ${result.coverage}`);
    const { targetCoverage } = result;
    assert.ok(targetCoverage >= 0.93 && targetCoverage <= 0.97, `coverage ${targetCoverage}`);
  });

  it('scores a balanced model 0 on average per template too (5 completions per occupation)', () => {
    const result = simulate(22, balanced, 5, 600);
    assert.ok(Math.abs(result.rms) < 0.02, `mean corrected skew ${result.rms}`);
    assert.ok(result.anySignificant <= 0.05, `false-positive runs ${result.anySignificant}`);
    assert.ok(result.coverage >= 0.93 && result.coverage <= 0.97, `coverage ${result.coverage}`);
  });

  it('recovers a uniform skew of 0.3 (RMS within 0.015, a little low by Jensen) and covers its mean square 93–97%', () => {
    const result = simulate(
      23,
      Array.from({ length: 36 }, () => 0.3),
      15,
      600,
    );
    assert.ok(Math.abs(result.meanSquare - 0.09) < 0.005, `mean square ${result.meanSquare}`);
    assert.ok(Math.abs(result.rms - 0.3) < 0.015, `rms ${result.rms}`);
    assert.ok(result.coverage >= 0.93 && result.coverage <= 0.97, `coverage ${result.coverage}`);
  });
});
