import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateDrift } from '../drift/evaluate-drift';
import { accuracy, bit, items } from '../drift/item-values.fixture';
import { alertTitle } from './alert-title';
import { driftEvidence, healthEvidence, type EvidenceContext } from './evidence';

const [finding] = evaluateDrift({
  metrics: [accuracy],
  baseline: { accuracy: { all: items(40, () => bit(1)) } },
  current: { accuracy: { all: items(40, (i) => bit(i >= 10)) } },
  alpha: 0.05,
  minEffect: 0.02,
  seed: 1,
});

const context: EvidenceContext = {
  run: { id: 'run-9', status: 'partial', done: 44, errors: 4 },
  links: {
    report: '/v1/runs/run-9/report',
    dashboard: 'http://g/d/lastmile-customer-slice?var-slice=s',
  },
  worstItems: [],
  severityThresholds: { warning: 0.02, critical: 0.1 },
};
const baseline = {
  value: 1,
  interval: [0.91, 1] as [number, number],
  runIds: ['r1', 'r2', 'r3'],
  versionKey: 'v',
  policy: 'first_n',
  pinned: false,
  otherVersion: false,
};

describe('alert evidence', () => {
  it('carries baseline and current values with intervals, the change, test, p, q, n, runs and links', () => {
    const evidence = driftEvidence(
      finding,
      baseline,
      { value: 0.75, interval: [0.6, 0.86], n: 40 },
      context,
    );
    assert.deepEqual(evidence.baseline, { ...baseline, valueOnTestedItems: 1 });
    assert.deepEqual(evidence.current, {
      value: 0.75,
      interval: [0.6, 0.86],
      n: 40,
      valueOnTestedItems: 0.75,
    });
    assert.equal(evidence.delta, -0.25);
    assert.equal(evidence.test, 'paired-score-z');
    assert.equal(evidence.pValue, finding.pWorse);
    assert.equal(evidence.qValue, finding.qValue);
    assert.deepEqual(evidence.n, { baseline: 40, current: 40 });
    assert.deepEqual(evidence.runIds, { current: 'run-9', baseline: ['r1', 'r2', 'r3'] });
    assert.deepEqual(evidence.links, context.links);
    const [low, high] = evidence.deltaInterval as number[];
    assert.ok(low < -0.25 && -0.25 < high);
  });

  it('says when a partial run was tested on what succeeded', () => {
    const evidence = driftEvidence(
      finding,
      baseline,
      { value: 0.75, interval: null, n: 40 },
      context,
    );
    assert.deepEqual(evidence.run, {
      ...context.run,
      partial: true,
      note: 'partial run: tested on the 40 instances that succeeded; 4 of 44 model calls failed',
    });
  });

  it('explains a failed run without drift numbers', () => {
    const evidence = healthEvidence(
      { id: 'r', status: 'failed', done: 5, errors: 5 },
      { reason: 'every model call failed (5 × unreachable)', errorsByCode: { unreachable: 5 } },
      { report: '/v1/runs/r/report' },
    );
    assert.equal(evidence.reason, 'every model call failed (5 × unreachable)');
    assert.deepEqual(evidence.errorsByCode, { unreachable: 5 });
  });

  it('titles alerts with the metric, where, and the move', () => {
    assert.equal(
      alertTitle({
        type: 'drift',
        metric: 'wer',
        subgroup: 'accent=scottish',
        sliceName: 'calls v2',
        from: 0.1234,
        to: 0.2,
      }),
      'wer worse on calls v2 / accent=scottish: 0.123 → 0.2',
    );
    assert.equal(
      alertTitle({ type: 'health', metric: 'run_status', subgroup: 'all', planName: 'nightly' }),
      'Run failed for plan nightly',
    );
    assert.equal(
      alertTitle({
        type: 'judge_drift',
        metric: 'judge_human_agreement',
        subgroup: 'all',
        sliceName: 'calibration v1',
        from: 0.9,
        to: 0.6,
        judge: { name: 'gpt-judge@3 (judge:0123456789abcdef)', rubric: 'v2 "Rate correctness"' },
      }),
      'Judge gpt-judge@3 (judge:0123456789abcdef) agrees less with people on calibration v1: ' +
        'judge_human_agreement 0.9 → 0.6 (rubric v2 "Rate correctness")',
    );
  });
});
