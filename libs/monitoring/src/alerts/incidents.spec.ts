import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  groupIntoIncidents,
  incidentDedupKey,
  rankFindings,
  type FindingDraft,
  type TestObservation,
} from './incidents';

const plan = '11111111-1111-4111-8111-111111111111';
const slice = '22222222-2222-4222-8222-222222222222';

const finding = (over: Partial<FindingDraft>): FindingDraft => ({
  kind: 'drift',
  metric: 'wer',
  subgroup: 'all',
  severity: 'warning',
  title: 'wer worse',
  test: 'paired-bootstrap',
  pValue: 0.001,
  qValue: 0.01,
  effect: 0.1,
  evidence: {},
  ...over,
});
const test = (
  over: Partial<TestObservation> & { finding: FindingDraft | null },
): TestObservation => ({
  kind: 'drift',
  planId: plan,
  sliceId: slice,
  metric: over.finding?.metric ?? 'wer',
  subgroup: over.finding?.subgroup ?? 'all',
  ...over,
});

describe('incidents', () => {
  it('keys one incident per cause, plan and slice (health: per plan); CUSUM is quality drift', () => {
    assert.equal(
      incidentDedupKey({ type: 'drift', planId: plan, sliceId: slice }),
      `drift:${plan}:${slice}`,
    );
    assert.equal(
      incidentDedupKey({ type: 'health', planId: plan, sliceId: null }),
      `health:${plan}`,
    );
    const [incident] = groupIntoIncidents([
      test({ kind: 'cusum', finding: finding({ kind: 'cusum', test: 'cusum' }) }),
    ]);
    assert.equal(incident.dedupKey, `drift:${plan}:${slice}`);
  });

  it('makes WER, CER and deletions moving together one incident with three ranked findings', () => {
    const incidents = groupIntoIncidents([
      test({ finding: finding({ metric: 'deletion_rate', severity: 'warning', qValue: 0.001 }) }),
      test({
        finding: finding({
          metric: 'wer',
          severity: 'critical',
          qValue: 0.002,
          title: 'wer 8% → 65%',
        }),
      }),
      test({ finding: finding({ metric: 'cer', severity: 'critical', qValue: 0.001 }) }),
      test({ finding: null, metric: 'wer', subgroup: 'accent=en-us' }),
      test({ kind: 'fairness_gap', finding: null, metric: 'wer_gap:accent' }),
    ]);
    assert.equal(incidents.length, 2);
    const [drift, gap] = incidents;
    assert.deepEqual(
      drift.findings.map((f) => f.metric),
      ['cer', 'wer', 'deletion_rate'],
      'critical first, then by q-value',
    );
    assert.equal(drift.summary!.severity, 'critical');
    assert.match(drift.summary!.title, /\(\+2 more findings\)$/);
    assert.equal((drift.summary!.evidence.findings as unknown[]).length, 3);
    // Every test of the fairness scope was clean: a clean observation, no summary.
    assert.deepEqual([gap.findings, gap.summary], [[], null]);
  });

  it('ranks by severity, then q-value, then the size of the effect', () => {
    const ranked = rankFindings([
      finding({ metric: 'a', severity: 'warning', qValue: 0.01, effect: 0.5 }),
      finding({ metric: 'b', severity: 'warning', qValue: 0.01, effect: 0.9 }),
      finding({ metric: 'c', severity: 'info', qValue: 0.0001 }),
      finding({ metric: 'd', severity: 'warning', qValue: null }),
    ]);
    assert.deepEqual(
      ranked.map((f) => f.metric),
      ['b', 'a', 'd', 'c'],
    );
  });
});
