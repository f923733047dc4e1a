import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accents, simulateDisparity } from './disparity-simulation.fixture';

const hurt40 = accents([0.07, 0.05, 0.1, 0.2], [0.4, 0.15, 0.15, 0.15]);

// Power runs sample 499–999 relabellings (the default is 4,000): a coarser p loses some power to
// the BH threshold of 0.0125, so these figures are, if anything, low.

describe('disparity drift power and coverage (BH across four groups at 5%)', () => {
  // With 8 utterances of ~8 words the contrast's standard error is 0.089 (measured over 2,000
  // simulated slices): even a z test that knew it would name the group in only 71% of runs
  // after BH. The 90% the issue asks for needs about 16 utterances per group.
  it('names a group whose WER rose 40 points while the others rose 15 in over half the runs at 8 items', () => {
    const { firstNamed, anyNamed } = simulateDisparity(4, hurt40, 8, 250, { permutations: 999 });
    assert.ok(firstNamed >= 0.5, `power ${firstNamed}`);
    assert.equal(anyNamed, firstNamed, 'no other group named');
  });

  it('names it in at least 85% of runs at 16 items per group', () => {
    const { firstNamed } = simulateDisparity(5, hurt40, 16, 150, { permutations: 499 });
    assert.ok(firstNamed >= 0.85, `power ${firstNamed}`);
  });

  it('names en-029 in at least 90% of runs for the demo’s hum (+80 points against +24), 8 items', () => {
    const demo = accents([0.07, 0, 0.02, 0.03], [0.8, 0.24, 0.24, 0.24]);
    const { firstNamed } = simulateDisparity(6, demo, 8, 150, { permutations: 499 });
    assert.ok(firstNamed >= 0.9, `power ${firstNamed}`);
  });

  it('covers the true contrast 93–97% of the time with 95% intervals', () => {
    const summary = simulateDisparity(7, hurt40, 8, 250, { resamples: 1000 });
    const { contrastCoverage, currentCoverage } = summary;
    assert.ok(contrastCoverage >= 0.93 && contrastCoverage <= 0.97, `coverage ${contrastCoverage}`);
    // The groups' own WER intervals: 8 utterances, expanded percentiles.
    assert.ok(currentCoverage >= 0.92 && currentCoverage <= 0.97, `coverage ${currentCoverage}`);
  });
});
