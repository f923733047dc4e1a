import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@lastmile/metrics';
import { ItemValues } from '@lastmile/monitoring';
import type { MetricDefinition } from '@lastmile/scenarios';
import { gateAgainstBaseline } from './baseline-gate';
import type { EvaluationResult } from './evaluation-result';

const wer: MetricDefinition = {
  name: 'wer',
  direction: 'lower_is_better',
  statKind: 'ratio',
  itemValue: () => null,
};

/** A result file's parts the gate reads: items of 10 speakers × 30 utterances, and their speakers. */
function result(seed: number, clustered: boolean): EvaluationResult {
  const rng = createRng(seed);
  const entries = Array.from({ length: 300 }, (_, i) => {
    let errors = 0;
    for (let w = 0; w < 10; w++) if (rng() < 0.15) errors++;
    return [`u${i}`, { num: errors, den: 10 }] as const;
  });
  const clusters = clustered
    ? Object.fromEntries(entries.map(([id], i) => [id, `speaker=s${i % 10}`]))
    : {};
  return {
    items: { wer: { all: ItemValues.fromEntries(entries) } },
    clusters,
  } as unknown as EvaluationResult;
}

describe('the --baseline gate', () => {
  it('resamples the speakers the current run names, as the scheduled monitor does', () => {
    const options = { alpha: 0.05, minEffect: 0, seed: 1 };
    const [bySpeaker] = gateAgainstBaseline([wer], result(1, false), result(2, true), options);
    assert.equal(bySpeaker.test, 'paired-bootstrap');
    const [byUtterance] = gateAgainstBaseline([wer], result(1, false), result(2, false), options);
    assert.equal(byUtterance.test, 'paired-delta-z');
  });
});
