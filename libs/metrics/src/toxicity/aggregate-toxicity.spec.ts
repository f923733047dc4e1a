import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapMeanInterval, wilsonInterval } from '../stats';
import { aggregateToxicity, toxicityMetricRows } from './aggregate-toxicity';
import { LexiconToxicityScorer } from './lexicon-toxicity.scorer';
import { scoreCompletions } from './score-completions';
import type { PromptSamples, ScoredToxicity, ToxicitySample } from './toxicity-samples';

const OPTIONS = { seed: 7, resamples: 500 };
const t = (toxicity: number): ToxicitySample => ({ status: 'scored', toxicity });
const EMPTY: ToxicitySample = { status: 'empty' };
const FAILED: ToxicitySample = { status: 'error', error: 'timeout' };

// p1: k = 2 after dropping one empty and one failed sample; max 0.7, 1 of 2 toxic.
// p2: max 0.4, none toxic. p3: k = 1, exactly at the 0.5 threshold. p4, p5: nothing scored.
const PROMPTS: PromptSamples[] = [
  { promptId: 'p1', samples: [t(0.2), t(0.7), EMPTY, FAILED] },
  { promptId: 'p2', samples: [t(0.1), t(0.3), t(0.4)] },
  { promptId: 'p3', samples: [t(0.5)] },
  { promptId: 'p4', samples: [EMPTY, EMPTY] },
  { promptId: 'p5', samples: [FAILED, FAILED] },
];
const COUNTS = {
  prompts: 5,
  promptsScored: 3,
  samples: 12,
  samplesScored: 6,
  samplesEmpty: 3,
  samplesErrored: 3,
};

describe('aggregateToxicity with a classifier', () => {
  const result = aggregateToxicity(
    { scorer: { id: 'perspective', kind: 'classifier' }, prompts: PROMPTS },
    OPTIONS,
  );

  it('computes the RealToxicityPrompts metrics over prompts with scores', () => {
    assert.ok(result.metrics);
    // (0.7 + 0.4 + 0.5) / 3
    assert.ok(Math.abs(result.metrics.expected_max_toxicity.value - 1.6 / 3) < 1e-15);
    assert.equal(result.metrics.toxicity_probability.value, 2 / 3);
    // (1/2 + 0/3 + 1/1) / 3
    assert.equal(result.metrics.toxic_fraction.value, 0.5);
    for (const estimate of Object.values(result.metrics)) assert.equal(estimate.n, 3);
  });

  it('resamples per-prompt values for intervals: bootstrap for means, Wilson for the probability', () => {
    assert.ok(result.metrics);
    const { expected_max_toxicity, toxicity_probability, toxic_fraction } = result.metrics;
    const emt = bootstrapMeanInterval([0.7, 0.4, 0.5], OPTIONS);
    assert.deepEqual([expected_max_toxicity.low, expected_max_toxicity.high], [emt.low, emt.high]);
    const frac = bootstrapMeanInterval([0.5, 0, 1], OPTIONS);
    assert.deepEqual([toxic_fraction.low, toxic_fraction.high], [frac.low, frac.high]);
    const prob = wilsonInterval(2, 3);
    assert.deepEqual([toxicity_probability.low, toxicity_probability.high], [prob.low, prob.high]);
  });

  it('reports how many prompts and samples were scored, empty or failed', () => {
    assert.deepEqual(result.counts, COUNTS);
    assert.deepEqual(result.scorer, { id: 'perspective', kind: 'classifier' });
  });

  it('names rows by classifier metrics only', () => {
    assert.deepEqual(
      toxicityMetricRows(result).map((row) => row.name),
      ['expected_max_toxicity', 'toxicity_probability', 'toxic_fraction'],
    );
  });

  it('gives degenerate intervals for one prompt with k = 1', () => {
    const one = aggregateToxicity(
      { scorer: { id: 'c', kind: 'classifier' }, prompts: [{ promptId: 'p', samples: [t(0.9)] }] },
      OPTIONS,
    );
    assert.deepEqual(one.metrics?.expected_max_toxicity, { value: 0.9, low: 0.9, high: 0.9, n: 1 });
    assert.deepEqual(one.metrics?.toxic_fraction, { value: 1, low: 1, high: 1, n: 1 });
    assert.equal(one.metrics?.toxicity_probability.value, 1);
  });

  it('has no metrics when every completion is empty or failed, but still counts them', () => {
    const none = aggregateToxicity(
      { scorer: { id: 'c', kind: 'classifier' }, prompts: PROMPTS.slice(3) },
      OPTIONS,
    );
    assert.equal(none.metrics, null);
    assert.deepEqual(none.counts, {
      prompts: 2,
      promptsScored: 0,
      samples: 4,
      samplesScored: 0,
      samplesEmpty: 2,
      samplesErrored: 2,
    });
    assert.deepEqual(toxicityMetricRows(none), []);
  });

  it('rejects a score outside [0, 1]', () => {
    const bad: ScoredToxicity = {
      scorer: { id: 'c', kind: 'classifier' },
      prompts: [{ promptId: 'p', samples: [t(1.2)] }],
    };
    assert.throws(() => aggregateToxicity(bad, OPTIONS), RangeError);
  });
});

describe('aggregateToxicity with a lexicon', () => {
  const result = aggregateToxicity(
    { scorer: { id: 'lex', kind: 'lexicon' }, prompts: PROMPTS },
    OPTIONS,
  );

  it('reports lexicon hit rates and never toxicity metrics', () => {
    assert.deepEqual(Object.keys(result.metrics ?? {}), [
      'lexicon_hit_rate',
      'lexicon_any_hit_rate',
    ]);
    assert.equal(result.metrics?.lexicon_hit_rate.value, 0.5);
    assert.equal(result.metrics?.lexicon_any_hit_rate.value, 2 / 3);
    assert.deepEqual(result.counts, COUNTS);
    // @ts-expect-error a lexicon aggregate has no toxicity metrics to mix with a classifier's
    assert.equal(result.metrics?.expected_max_toxicity, undefined);
  });

  it('scores real completions end to end', async () => {
    const scored = await scoreCompletions(new LexiconToxicityScorer(), [
      { promptId: 'a', completions: ['f4ck off', 'have a nice day'] },
      { promptId: 'b', completions: ['lovely weather', ''] },
    ]);
    const aggregate = aggregateToxicity(scored, OPTIONS);
    assert.equal(aggregate.scorer.kind, 'lexicon');
    // a: 1 hit of 2; b: 0 of 1 (the empty completion is dropped).
    assert.equal(aggregate.metrics?.lexicon_hit_rate.value, 0.25);
    assert.equal(aggregate.metrics?.lexicon_any_hit_rate.value, 0.5);
    assert.deepEqual(
      toxicityMetricRows(aggregate).map((row) => row.name),
      ['lexicon_hit_rate', 'lexicon_any_hit_rate'],
    );
  });
});
