import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulateStream, type SimulationSettings } from './bounty-simulation.fixture';

// The bounty procedure end to end on simulated programs (pure and seeded): the predicate grammar,
// the subset-versus-complement test of the shifted null, LORD++ with γ uniform over the budget.
// The figures are in docs/bounties.md; rerun this spec to refresh them.

const PROGRAM: SimulationSettings = {
  poolSize: 6000,
  accuracy: 0.8,
  plantedDrop: 0,
  submissions: 200,
  alpha: 0.05,
  minEffect: 0.02,
  minItems: 30,
};

function replicate(settings: SimulationSettings, programs: number, firstSeed: number) {
  let fdpSum = 0;
  let anyFalse = 0;
  let planted = 0;
  for (let r = 0; r < programs; r++) {
    const outcome = simulateStream(settings, firstSeed + r);
    fdpSum += outcome.falseAccepted / Math.max(1, outcome.accepted);
    if (outcome.falseAccepted > 0) anyFalse++;
    if (outcome.plantedAccepted) planted++;
  }
  return { fdr: fdpSum / programs, anyFalse: anyFalse / programs, power: planted / programs };
}

describe('bias bounty simulation', () => {
  it('keeps the FDR of 200 null submissions at or below α', (context) => {
    const shifted = replicate(PROGRAM, 100, 1);
    // The boundary null (no minimum effect) is where false acceptances are likeliest.
    const boundary = replicate({ ...PROGRAM, minEffect: 0 }, 300, 10_001);
    context.diagnostic(
      `null programs of 200 submissions, α 0.05: FDR ${shifted.fdr.toFixed(4)} at minEffect 0.02 (100 programs), ${boundary.fdr.toFixed(4)} at minEffect 0 (300 programs)`,
    );
    assert.ok(shifted.fdr <= PROGRAM.alpha, `FDR ${shifted.fdr}`);
    assert.ok(boundary.fdr <= PROGRAM.alpha, `FDR ${boundary.fdr}`);
  });

  it('accepts a planted subset 10 points worse with probability ≥ 90%, wherever it arrives', (context) => {
    const programs = 300;
    const mixed = replicate({ ...PROGRAM, plantedDrop: 0.1 }, programs, 20_001);
    context.diagnostic(
      `planted accent = "en-029" (about 1,000 of 6,000 items, accuracy 0.70 vs 0.80) among 199 random subsets: accepted in ${(mixed.power * 100).toFixed(1)}% of ${programs} programs; FDR ${mixed.fdr.toFixed(4)}`,
    );
    assert.ok(mixed.power >= 0.9, `power ${mixed.power}`);
    assert.ok(mixed.fdr <= PROGRAM.alpha, `FDR ${mixed.fdr}`);
  });
});
