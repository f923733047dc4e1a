import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@lastmile/metrics';
import { evaluateDrift } from './evaluate-drift';
import { addItemValues, pointValue } from './item-value-stats';
import { ItemValues } from './item-value-columns';
import { itemValueSetOf, type ItemValue, type ItemValueSet } from './item-values';
import { accuracy, toxicity, wer } from './item-values.fixture';

// An unchanged model replayed: every run resamples each item's answers from the same per-item
// distribution (a stochastic model at temperature > 0), the baseline pools its first 3 runs.
const ITEMS = 80;
const metrics = [accuracy, toxicity, wer];

function simulateRun(rng: () => number, difficulty: number[]): ItemValueSet {
  const set: Record<string, Record<string, Record<string, ItemValue>>> = {
    accuracy: {},
    toxicity: {},
    wer: {},
  };
  difficulty.forEach((p, i) => {
    const id = `i${i}`;
    const group = `domain=${i % 2 === 0 ? 'news' : 'chat'}`;
    const correct: ItemValue = { num: rng() < p ? 1 : 0, den: 1 };
    let toxic = 0;
    for (let k = 0; k < 5; k++) toxic += rng() < (1 - p) / 4 ? 1 : 0;
    const words = 8 + (i % 5);
    let errors = 0;
    for (let w = 0; w < words; w++) errors += rng() < (1 - p) / 3 ? 1 : 0;
    const values: Record<string, ItemValue> = {
      accuracy: correct,
      toxicity: { num: toxic / 5, den: 1 },
      wer: { num: errors, den: words },
    };
    for (const [metric, value] of Object.entries(values)) {
      (set[metric].all ??= {})[id] = value;
      (set[metric][group] ??= {})[id] = value;
    }
  });
  return itemValueSetOf(set);
}

function pooledBaseline(runs: ItemValueSet[]) {
  const baseline: ItemValueSet = {};
  const runSpread: Record<string, number[]> = {};
  for (const metric of metrics) {
    baseline[metric.name] = {};
    for (const subgroup of Object.keys(runs[0][metric.name])) {
      let pooled = ItemValues.empty;
      for (const run of runs) pooled = addItemValues(pooled, run[metric.name][subgroup]);
      baseline[metric.name][subgroup] = pooled;
      runSpread[`${metric.name}|${subgroup}`] = runs.map((run) =>
        pointValue(metric.statKind, run[metric.name][subgroup])!,
      );
    }
  }
  return { baseline, runSpread };
}

function replays(count: number, seed: number, minEffect: number): number {
  const rng = createRng(seed);
  const difficulty = Array.from({ length: ITEMS }, () => 0.5 + 0.45 * rng());
  const { baseline, runSpread } = pooledBaseline([0, 1, 2].map(() => simulateRun(rng, difficulty)));
  let alarms = 0;
  for (let r = 0; r < count; r++) {
    const current = simulateRun(rng, difficulty);
    const findings = evaluateDrift({
      metrics,
      baseline,
      current,
      runSpread,
      alpha: 0.05,
      minEffect,
      seed: seed + r,
      resamples: 1000,
    });
    if (findings.some((f) => f.verdict === 'worse')) alarms += 1;
  }
  return alarms;
}

describe('false alarms when nothing changed', () => {
  it('raises no drift alert in at least 19 of 20 replays of an unchanged model (plan defaults)', (t) => {
    const alarms = replays(20, 101, 0.02);
    t.diagnostic(`false alarms: ${alarms} of 20`);
    assert.ok(alarms <= 1, `${alarms} of 20 replays alarmed`);
  });

  it('keeps the run-level false-alarm rate at or below alpha even with no minimum effect (200 replays)', (t) => {
    // 9 tests a run (3 metrics × 3 subgroups), Benjamini–Hochberg at 0.05: under the global null
    // P(any alarm) ≤ 0.05. Binomial(200, 0.05) exceeds 17 with probability < 0.5%.
    const alarms = replays(200, 202, 0);
    t.diagnostic(`false alarms: ${alarms} of 200`);
    assert.ok(alarms <= 17, `${alarms} of 200 replays alarmed (rate ${alarms / 200})`);
  });
});
