import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benjaminiHochbergQValues } from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import { decideRunDrift, driftTests, evaluateDrift, type SkippedTest } from './evaluate-drift';
import { accuracy, bit, errorRate, items, toxicity, wer } from './item-values.fixture';
import { itemValueSetOf } from './item-values';

const options = { alpha: 0.05, minEffect: 0, seed: 7, resamples: 2000 };
const near = (actual: number[], expected: number[]) =>
  assert.ok(
    actual.every((x, i) => Math.abs(x - expected[i]) < 1e-12),
    `${actual} ≉ ${expected}`,
  );

describe('evaluateDrift', () => {
  it('flags 10 of 40 items turning wrong as worse with the exact McNemar test (p = 2⁻¹⁰)', () => {
    const [finding] = evaluateDrift({
      ...options,
      metrics: [accuracy],
      baseline: { accuracy: { all: items(40, () => bit(1)) } },
      current: { accuracy: { all: items(40, (i) => bit(i >= 10)) } },
    });
    assert.equal(finding.test, 'mcnemar-exact');
    assert.equal(finding.paired, true);
    near([finding.pWorse, finding.qValue], [1 / 1024, 1 / 1024]);
    assert.equal(finding.delta, -0.25);
    assert.equal(finding.verdict, 'worse');
    assert.deepEqual([finding.metric, finding.subgroup], ['accuracy', 'all']);
  });

  it('judges the direction by the metric: fewer errors is no regression however significant', () => {
    const baseline = { error_rate: { all: items(40, () => bit(1)) } };
    const current = { error_rate: { all: items(40, (i) => bit(i >= 10)) } };
    const [finding] = evaluateDrift({ ...options, metrics: [errorRate], baseline, current });
    assert.equal(finding.verdict, 'no_change');
    assert.equal(finding.pWorse, 1);
    const [reverse] = evaluateDrift({
      ...options,
      metrics: [errorRate],
      baseline: current,
      current: baseline,
    });
    assert.equal(reverse.verdict, 'worse');
  });

  it('needs the change to reach the minimum effect', () => {
    const input = {
      ...options,
      metrics: [accuracy],
      baseline: { accuracy: { all: items(2000, () => bit(1)) } },
      current: { accuracy: { all: items(2000, (i) => bit(i >= 40)) } },
    };
    assert.equal(
      evaluateDrift(input)[0].verdict,
      'worse',
      'a 2-point drop on 2000 items is significant',
    );
    assert.equal(evaluateDrift({ ...input, minEffect: 0.05 })[0].verdict, 'no_change');
  });

  it('adjusts across every metric and subgroup of the run with Benjamini–Hochberg', () => {
    // accuracy: all and 3 subgroups; 6 items lost in 'g=a' (p = 1/64), 1 in 'g=c' (p = 1/2), 7 in all.
    const group = (i: number) => ['a', 'b', 'c'][i % 3];
    const baseline = {
      accuracy: { all: items(60, () => bit(1)).toRecord() } as Record<
        string,
        Record<string, { num: number; den: number }>
      >,
    };
    const current = {
      accuracy: {
        all: items(60, (i) => bit(!(group(i) === 'a' && i < 18) && i !== 59)).toRecord(),
      } as typeof baseline.accuracy,
    };
    for (const g of ['a', 'b', 'c']) {
      const pick = (all: Record<string, { num: number; den: number }>) =>
        Object.fromEntries(Object.entries(all).filter(([id]) => group(Number(id.slice(1))) === g));
      baseline.accuracy[`g=${g}`] = pick(baseline.accuracy.all);
      current.accuracy[`g=${g}`] = pick(current.accuracy.all);
    }
    const findings = evaluateDrift({
      ...options,
      metrics: [accuracy],
      baseline: itemValueSetOf(baseline),
      current: itemValueSetOf(current),
    });
    assert.deepEqual(
      findings.map((f) => f.subgroup),
      ['all', 'g=a', 'g=b', 'g=c'],
    );
    near(
      findings.map((f) => f.pWorse),
      [1 / 128, 1 / 64, 1, 1 / 2],
    );
    near(
      findings.map((f) => f.qValue),
      benjaminiHochbergQValues([1 / 128, 1 / 64, 1, 1 / 2]),
    );
    assert.deepEqual(
      findings.map((f) => f.verdict),
      ['worse', 'worse', 'no_change', 'no_change'],
    );
    // The same p of 1/64 alone among 40 tests would not survive: q = 40/64.
    const crowd = Array.from({ length: 39 }, () => ({ ...findings[2] }));
    assert.equal(decideRunDrift([findings[1], ...crowd], options)[0].verdict, 'no_change');
  });

  it('tests a ratio metric with the paired bootstrap and a mean with the paired bootstrap of shares', () => {
    const findings = evaluateDrift({
      ...options,
      metrics: [wer, toxicity],
      baseline: {
        wer: { all: items(30, () => ({ num: 1, den: 10 })) },
        toxicity: { all: items(30, () => bit(0)) },
      },
      current: {
        wer: { all: items(30, (i) => ({ num: i < 15 ? 4 : 1, den: 10 })) },
        toxicity: { all: items(30, (i) => bit(i < 15)) },
      },
    });
    assert.deepEqual(
      findings.map((f) => [f.metric, f.test, f.verdict]),
      [
        ['wer', 'paired-bootstrap', 'worse'],
        ['toxicity', 'paired-bootstrap', 'worse'],
      ],
    );
    assert.ok(Math.abs(findings[0].delta - 0.15) < 1e-12, 'WER 0.10 -> 0.25');
  });

  it('compares a proportion pooled over several baseline runs as a mean of item shares', () => {
    const [finding] = evaluateDrift({
      ...options,
      metrics: [accuracy],
      baseline: { accuracy: { all: items(30, (i) => ({ num: i % 3, den: 2 })) } },
      current: { accuracy: { all: items(30, () => bit(0)) } },
    });
    assert.equal(finding.test, 'paired-bootstrap');
    assert.equal(finding.verdict, 'worse');
  });

  it('tests small subgroups with a small-n test, reports ones too small to test, and skips run-level and descriptive metrics', () => {
    const runLevel = { ...accuracy, name: 'accuracy_gap:g', level: 'run' } as MetricDefinition;
    const descriptive = { ...accuracy, name: 'share_she', descriptive: true } as MetricDefinition;
    const side = (n: number) => ({
      all: items(n, () => bit(1)),
      'g=x': items(9, () => bit(1)),
      'g=y': items(2, () => bit(1)),
    });
    const skipped: SkippedTest[] = [];
    const tests = driftTests({
      ...options,
      metrics: [accuracy, runLevel, descriptive],
      baseline: { accuracy: side(20), 'accuracy_gap:g': side(20), share_she: side(20) },
      current: { accuracy: side(20), 'accuracy_gap:g': side(20), share_she: side(20) },
      skipped,
    });
    assert.deepEqual(
      tests.map((t) => `${t.metric}|${t.subgroup}|${t.test}`),
      ['accuracy|all|mcnemar-exact', 'accuracy|g=x|mcnemar-exact'],
      'under 30 shared items: exact McNemar on the 0/1 items',
    );
    // 9 unchanged items cannot reach α at all: the test runs, and says it is underpowered.
    assert.equal(tests[1].status, 'underpowered');
    assert.deepEqual(
      skipped.map((s) => [s.metric, s.subgroup, s.n, s.status]),
      [['accuracy', 'g=y', 2, 'too_small']],
    );
  });

  it('widens the test to the between-run spread of the baseline runs', () => {
    const input = {
      ...options,
      metrics: [toxicity],
      baseline: { toxicity: { all: items(200, () => bit(0)) } },
      current: { toxicity: { all: items(200, (i) => bit(i < 20)) } },
    };
    const [plain] = evaluateDrift(input);
    const [spread] = evaluateDrift({ ...input, runSpread: { 'toxicity|all': [0, 0.1, 0.2] } });
    assert.equal(plain.verdict, 'worse');
    assert.equal(spread.test, 'run-spread-z');
    assert.equal(spread.verdict, 'no_change', 'a 0.1 rise is within reruns that vary by 0.1');
  });
});
