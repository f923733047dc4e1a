import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { items } from './item-values.fixture';
import { chooseCusumThreshold, createRng, standardNormal } from '@lastmile/metrics';
import {
  CUSUM_H,
  CUSUM_K,
  CUSUM_TARGET_ARL,
  stepBaselineCusum,
  stepCusum,
  type CusumState,
} from './cusum-monitor';

const observe = (value: number, extra: Partial<Parameters<typeof stepCusum>[1]> = {}) => ({
  value,
  target: 0.1,
  sd: 0.01,
  direction: 'lower_is_better' as const,
  minEffect: 0,
  ...extra,
});

function replay(values: number[], extra: Partial<Parameters<typeof stepCusum>[1]> = {}) {
  let state: CusumState | undefined;
  return values.map((value) => {
    const step = stepCusum(state, observe(value, extra));
    state = step.state;
    return step;
  });
}

describe('CUSUM slow-drift detector', () => {
  it('uses the threshold a seeded simulation picks for an in-control ARL of 200 runs', () => {
    const chosen = chooseCusumThreshold({
      targetArl: CUSUM_TARGET_ARL,
      k: CUSUM_K,
      seed: 20240601,
      runs: 4000,
    });
    assert.ok(Math.abs(chosen.h - CUSUM_H) < 0.01, `simulation gives h = ${chosen.h}`);
  });

  it('runs about 200 in-control observations between false alarms', () => {
    const rng = createRng(11);
    let total = 0;
    const streams = 400;
    for (let r = 0; r < streams; r++) {
      let state: CusumState | undefined;
      let t = 0;
      for (;;) {
        t++;
        const step = stepCusum(state, observe(0.1 + 0.01 * standardNormal(rng)));
        state = step.state;
        if (step.alarm || t > 20_000) break;
      }
      total += t;
    }
    // SE of the mean run length ≈ 200/√400 = 10.
    const arl = total / streams;
    assert.ok(arl > 170 && arl < 235, `ARL ${arl}`);
  });

  it('accumulates standardized excesses over k, alarms past h and estimates the shift', () => {
    // z = (x − 0.1)/0.01: 1.5, 1.5, 1.5, 1.5 -> S = 1, 2, 3, 4 (> h = 3.492 on the 4th run)
    const steps = replay([0.115, 0.115, 0.115, 0.115]);
    assert.deepEqual(
      steps.map((s) => Number(s.state.s.toFixed(9))),
      [1, 2, 3, 4],
    );
    assert.deepEqual(
      steps.map((s) => s.alarm),
      [false, false, false, true],
    );
    assert.ok(Math.abs(steps[3].shift - 0.015) < 1e-12, 'shift (k + S/run)·σ = (0.5 + 1)·0.01');
    assert.equal(steps[3].state.run, 4);
  });

  it('watches the bad direction only and falls back to 0', () => {
    assert.ok(
      replay([0.05, 0.05, 0.05]).every((s) => s.state.s === 0 && !s.alarm),
      'lower WER is not drift',
    );
    const accuracy = replay([0.05, 0.05, 0.05, 0.05], { direction: 'higher_is_better' });
    assert.equal(accuracy[3].alarm, true);
    const back = replay([0.12, 0.1, 0.1, 0.1, 0.1]);
    assert.deepEqual(
      back.map((s) => Number(s.state.s.toFixed(9))),
      [1.5, 1, 0.5, 0, 0],
    );
  });

  it('does not alarm on a shift smaller than the plan minimum effect, and caps S at 2h', () => {
    const small = replay(Array(30).fill(0.115), { minEffect: 0.02 });
    assert.ok(small.every((s) => !s.alarm));
    assert.equal(small.at(-1)!.state.s, 2 * CUSUM_H);
  });

  it('floors σ at half the minimum effect when the baseline has no spread', () => {
    const [step] = replay([0.13], { sd: 0, minEffect: 0.02 });
    assert.equal(step.state.sd, 0.01);
    assert.ok(Math.abs(step.state.z - 3) < 1e-12);
  });
});

describe('stepBaselineCusum', () => {
  const zeros = (n: number) => items(n, () => ({ num: 0, den: 1 }));
  const ones = (n: number) => items(n, () => ({ num: 1, den: 1 }));
  const metric = { statKind: 'proportion' as const, direction: 'lower_is_better' as const };

  it('standardizes with the smoothed binomial SE when the baseline has no spread', () => {
    const step = stepBaselineCusum({
      metric,
      baselineItems: zeros(24),
      baselineValue: 0,
      runValues: [0, 0, 0],
      state: undefined,
      currentItems: items(24, (i) => ({ num: i === 23 ? 1 : 0, den: 1 })),
      minEffect: 0.02,
    })!;
    const sd = Math.sqrt((0.02 * 0.98) / 24);
    assert.ok(Math.abs(step.state.sd - sd) < 1e-15);
    assert.ok(Math.abs(step.state.z - 1 / 24 / sd) < 1e-9);
    assert.equal(step.alarm, false, 'one item of 24 changing once is no alarm');
  });

  it('skips subgroups with fewer than CUSUM_MIN_ITEMS (10) items on either side', () => {
    const input = { metric, baselineValue: 0, runValues: [], state: undefined, minEffect: 0 };
    assert.equal(
      stepBaselineCusum({ ...input, baselineItems: zeros(9), currentItems: ones(9) }),
      null,
    );
    assert.equal(
      stepBaselineCusum({ ...input, baselineItems: zeros(10), currentItems: ones(10) })!.alarm,
      true,
    );
  });
});
