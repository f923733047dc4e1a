import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cusum } from './cusum';
import { chooseCusumThreshold, simulateCusumArl } from './cusum-threshold';

// Reference ARL: one-sided CUSUM, N(0, 1), k = 0.5, h = 4, from the Page integral equation
// solved by 400-point Gauss–Legendre quadrature (NumPy): 335.37 (Siegmund's approximation 338).
const ARL_H4 = 335.37;

describe('cusum', () => {
  it('accumulates excesses over μ₀ + K and alarms only once S exceeds H (hand-worked)', () => {
    // S: 0.5, 2, 1.5, 4 (not > 4), 2.5, 4, 4.5 -> alarm at index 6, then restart from 0.
    const result = cusum([1, 2, 0, 3, -1, 2, 1, 0.2], { target: 0, sd: 1 });
    assert.deepEqual(result.statistics, [0.5, 2, 1.5, 4, 2.5, 4, 4.5, 0]);
    assert.deepEqual(result.alarms, [6]);
    assert.equal(result.firstAlarm, 6);
  });

  it('scales K and H with σ and watches decreases when asked', () => {
    const result = cusum([10, 8, 6, 6], { target: 10, sd: 2, k: 0.5, h: 2, direction: 'decrease' });
    // Per step: (10 − x) − 1 -> S: 0, 1, 4 (= H, no alarm), 7 > 4 -> alarm at 3.
    assert.deepEqual(result.statistics, [0, 1, 4, 7]);
    assert.equal(result.firstAlarm, 3);
  });

  it('never alarms on an in-control series that stays at the target', () => {
    assert.equal(cusum(new Array(1000).fill(0.3), { target: 0.3, sd: 0.05 }).firstAlarm, null);
  });
});

describe('CUSUM threshold by simulation', () => {
  it('simulates an in-control ARL within 5% of 335.4 for h = 4, k = 0.5', () => {
    const arl = simulateCusumArl(4, { targetArl: ARL_H4, seed: 1, runs: 2000 });
    assert.ok(Math.abs(arl / ARL_H4 - 1) < 0.05, `ARL ${arl}`);
  });

  it('chooses h ≈ 4 for a wanted in-control ARL of 335.4, reproducibly', () => {
    const options = { targetArl: ARL_H4, seed: 3, runs: 1000 };
    const { h, arl } = chooseCusumThreshold(options);
    assert.ok(Math.abs(h - 4) < 0.1, `h ${h}`);
    assert.ok(arl >= ARL_H4);
    assert.deepEqual(chooseCusumThreshold(options), { h, arl });
  });
});
