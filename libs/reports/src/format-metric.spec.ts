import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatMetricChange, formatMetricInterval, formatMetricValue } from './format-metric';

describe('formatMetricValue', () => {
  it('shows a rate as a percent, and a rate is what a metric without a unit is', () => {
    assert.equal(formatMetricValue(0.079, 'rate'), '7.9%');
    assert.equal(formatMetricValue(0.648), '64.8%');
    assert.equal(formatMetricValue(1.25, 'rate'), '125.0%', 'a WER above 1 is still a rate');
    assert.equal(formatMetricValue(0.07904, 'rate', { digits: 2 }), '7.90%');
  });

  it('never shows a count, a ratio, a score or a physical unit as a percent', () => {
    assert.equal(formatMetricValue(7 / 6, 'count'), '1.17');
    assert.equal(formatMetricValue(0.4125, 'ratio'), '0.412');
    assert.equal(formatMetricValue(0.8333, 'score'), '0.833');
    assert.equal(formatMetricValue(4.2049, 'z'), '4.20');
    assert.equal(formatMetricValue(75.08, 'db'), '75.1 dB');
    assert.equal(formatMetricValue(-23.44, 'dbfs'), '-23.4 dBFS');
    assert.equal(formatMetricValue(2.345, 'seconds'), '2.35 s');
    assert.equal(formatMetricValue(999.6, 'hz'), '1000 Hz');
    assert.equal(formatMetricValue(2.5, 'words_per_second'), '2.50 words/s');
  });

  it('shows a missing or non-finite value as a dash', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      assert.equal(formatMetricValue(value, 'count'), '—');
  });
});

describe('formatMetricChange', () => {
  it("signs a rate's change in percentage points and anything else in its own unit", () => {
    assert.equal(formatMetricChange(0.5692, 'rate'), '+56.9 pp');
    assert.equal(formatMetricChange(-0.25, 'rate'), '-25.0 pp');
    assert.equal(formatMetricChange(1 / 6, 'count'), '+0.17');
    assert.equal(formatMetricChange(-3.21, 'db'), '-3.2 dB');
  });

  it('shows a magnitude (an effect, an MDE) without a plus', () => {
    assert.equal(formatMetricChange(0.5692, 'rate', { signed: false }), '56.9 pp');
    assert.equal(formatMetricChange(0.25, 'count', { signed: false }), '0.25');
  });

  it('gives a change of exactly zero no sign', () => {
    assert.equal(formatMetricChange(0, 'rate'), '0.0 pp');
    assert.equal(formatMetricChange(-0, 'count'), '0.00');
  });
});

describe('formatMetricInterval', () => {
  it('formats both ends in the unit, or nothing without an interval', () => {
    assert.equal(formatMetricInterval(0.05, 0.1, 'rate'), '[5.0%, 10.0%]');
    assert.equal(formatMetricInterval(1, 1.5, 'count'), '[1.00, 1.50]');
    assert.equal(formatMetricInterval(null, 0.1, 'rate'), '');
  });
});
