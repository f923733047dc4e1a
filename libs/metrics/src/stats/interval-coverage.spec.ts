import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapMeanInterval } from './bootstrap-mean';
import { bootstrapRatioInterval, type RatioItem } from './bootstrap-ratio';
import type { Interval } from './interval';
import { createRng } from './rng';
import { binomialDraw, scoreRun, simulateCorpus } from './simulated-corpus.fixture';
import { wilsonInterval } from './wilson';

// Seeded, deterministic simulations: how often a 95% interval covers the true value.
function coverage(
  simulations: number,
  truth: number,
  draw: (rng: () => number, seed: number) => Interval,
) {
  const rng = createRng(2024);
  let covered = 0;
  for (let seed = 1; seed <= simulations; seed++) {
    const { low, high } = draw(rng, seed);
    if (low <= truth && truth <= high) covered++;
  }
  return covered / simulations;
}

const assertNominal = (rate: number) => assert.ok(rate >= 0.93 && rate <= 0.97, `coverage ${rate}`);

describe('95% intervals on simulated samples', () => {
  it('Wilson covers a true rate of 0.25 with n = 60 in 93–97% of samples', () => {
    assertNominal(coverage(4000, 0.25, (rng) => wilsonInterval(binomialDraw(rng, 60, 0.25), 60)));
  });

  it('Wilson covers a true rate of 0.05 with n = 400 in 93–97% of samples', () => {
    assertNominal(coverage(4000, 0.05, (rng) => wilsonInterval(binomialDraw(rng, 400, 0.05), 400)));
  });

  it('the bootstrap mean interval covers the true mean of skewed [0, 1] scores in 93–97% of samples', () => {
    // Scores U³ pile up near 0 like per-prompt toxicity; true mean ¼. (Heavier tails, e.g.
    // log-normal at n = 100, bring the percentile interval down to about 91%.)
    const rate = coverage(600, 0.25, (rng, seed) => {
      const values = Array.from({ length: 100 }, () => rng() ** 3);
      return bootstrapMeanInterval(values, { seed, resamples: 500 });
    });
    assertNominal(rate);
  });

  it('the bootstrap corpus-WER interval covers the true WER of 15% in 93–97% of corpora', () => {
    const rate = coverage(600, 0.15, (rng, seed) => {
      const run = scoreRun(rng, simulateCorpus(rng, 100, 0.15));
      return bootstrapRatioInterval([...run.values()], { seed, resamples: 500 });
    });
    assertNominal(rate);
  });

  it('with speaker effects, only the blockwise interval keeps 93–97% coverage', () => {
    const speakers = (rng: () => number): RatioItem[] => {
      const items: RatioItem[] = [];
      for (let s = 0; s < 40; s++) {
        const rate = 0.15 * (0.2 + 1.6 * rng()); // speakers differ a lot; mean 0.15
        for (let u = 0; u < 5; u++) {
          const den = 10 + Math.floor(rng() * 31);
          items.push({ num: binomialDraw(rng, den, rate), den, group: `spk${s}` });
        }
      }
      return items;
    };
    const blockwise = coverage(400, 0.15, (rng, seed) =>
      bootstrapRatioInterval(speakers(rng), { seed, resamples: 500 }),
    );
    const itemwise = coverage(400, 0.15, (rng, seed) =>
      bootstrapRatioInterval(
        speakers(rng).map(({ num, den }) => ({ num, den })),
        { seed, resamples: 500 },
      ),
    );
    assertNominal(blockwise);
    assert.ok(itemwise < 0.9, `item-level coverage ${itemwise} should fall short`);
  });
});
