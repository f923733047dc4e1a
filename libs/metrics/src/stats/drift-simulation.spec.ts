import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareToBaseline } from './compare-to-baseline';
import type { DriftComparison } from './drift-comparison';
import { decideDrift, type DecideDriftOptions } from './decide-drift';
import { createRng } from './rng';
import { binomialDraw, scoreRun, simulateCorpus } from './simulated-corpus.fixture';

// Seeded simulations: deterministic, so the thresholds below are checks of the method, not flaky.
const ALPHA = 0.05;

function werComparison(seed: number, rateShift: number, minEffect = 0): DriftComparison {
  const rng = createRng(seed);
  const corpus = simulateCorpus(rng, 200, 0.15);
  return compareToBaseline({
    kind: 'ratio',
    direction: 'lower_is_better',
    baseline: scoreRun(rng, corpus),
    current: scoreRun(rng, corpus, rateShift),
    minEffect,
    seed,
    resamples: 500,
  });
}

function shareWorse(
  simulations: number,
  run: (seed: number) => DriftComparison[],
  options?: DecideDriftOptions,
) {
  let worse = 0;
  for (let seed = 1; seed <= simulations; seed++) {
    if (decideDrift(run(seed), options).some((d) => d.verdict === 'worse')) worse++;
  }
  return worse / simulations;
}

describe('drift decisions on simulated runs', () => {
  it('raise a false alarm in at most alpha of runs of an unchanged ASR model (paired WER)', () => {
    const rate = shareWorse(300, (seed) => [werComparison(seed, 0)]);
    assert.ok(rate <= ALPHA, `false-alarm rate ${rate}`);
  });

  it('raise a false alarm in at most alpha of runs with three unchanged metrics, after BH', () => {
    const rate = shareWorse(150, (seed) => {
      const rng = createRng(10_000 + seed);
      const accuracy = (p: number) =>
        new Map(Array.from({ length: 300 }, (_, i) => [`q${i}`, rng() < p ? 1 : 0]));
      const scores = () =>
        new Map(Array.from({ length: 100 }, (_, i) => [`p${i}`, binomialDraw(rng, 5, 0.3) / 5]));
      return [
        werComparison(seed, 0),
        compareToBaseline({
          kind: 'proportion',
          direction: 'higher_is_better',
          baseline: accuracy(0.8),
          current: accuracy(0.8),
          seed,
        }),
        compareToBaseline({
          kind: 'mean',
          direction: 'lower_is_better',
          baseline: scores(),
          current: scores(),
          seed,
          resamples: 500,
        }),
      ];
    });
    assert.ok(rate <= ALPHA, `false-alarm rate ${rate}`);
  });

  it('detect a WER rise from 15% to 20% on 200 paired utterances in at least 90% of runs', () => {
    const power = shareWorse(100, (seed) => [werComparison(seed, 0.05)]);
    assert.ok(power >= 0.9, `detection rate ${power}`);
  });

  it('still detect it in at least 90% of runs when changes under 2 points are not worth an alert', () => {
    const power = shareWorse(100, (seed) => [werComparison(seed, 0.05, 0.02)]);
    assert.ok(power >= 0.9, `detection rate ${power}`);
  });
});
