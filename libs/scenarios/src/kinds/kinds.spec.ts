import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getScenarioKind, METRIC_UNITS, metricUnit, scenarioKindNames } from '../index';

// Kinds that cannot run without a setting (a judge model) are checked with the smallest valid config.
const MINIMAL_CONFIG: Record<string, unknown> = {
  open_answer: {
    judge: { model: { kind: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'j' } },
  },
};
const minimalConfig = (name: string) => MINIMAL_CONFIG[name] ?? {};

describe('built-in scenario kinds', () => {
  it('are all registered under the names of the issue', () => {
    assert.deepEqual(scenarioKindNames(), [
      'asr',
      'bias_qa',
      'classification',
      'coreference_pronouns',
      'domain',
      'fairness_counterfactual',
      'fairness_pronouns',
      'guardrail',
      'hallucinated_citations',
      'judge_calibration',
      'multiple_choice',
      'open_answer',
      'open_generation',
      'qa',
      'toxicity',
      'verbatim',
      'watermark',
    ]);
  });

  it('accept an empty config and build a request for their first built-in item', () => {
    for (const name of scenarioKindNames()) {
      const kind = getScenarioKind(name);
      const config = kind.configSchema.parse(minimalConfig(name));
      assert.ok(kind.samplesPerItem(config) >= 1, name);
      assert.ok(kind.version.length > 0, name);
      const items = kind.builtinItems?.(config) ?? [];
      if (kind.modality === 'audio' || name === 'domain') {
        assert.equal(items.length, 0, `${name} has no text built-ins`);
        continue;
      }
      assert.ok(items.length >= 18, `${name} ships ${items.length} items`);
      const request = kind.buildRequest(items[0], config, 0);
      assert.equal(request.messages?.at(-1)?.role, 'user', name);
    }
  });

  it('declare unique metric names with a direction and a stat kind', () => {
    for (const name of scenarioKindNames()) {
      const kind = getScenarioKind(name);
      const metrics = kind.metrics(kind.configSchema.parse(minimalConfig(name)));
      assert.equal(new Set(metrics.map((m) => m.name)).size, metrics.length, name);
      for (const metric of metrics) {
        assert.match(metric.direction, /^(higher|lower)_is_better$/);
        assert.match(metric.statKind, /^(proportion|ratio|mean)$/);
        assert.ok(METRIC_UNITS.includes(metricUnit(metric)), `${name} ${metric.name}`);
      }
    }
  });

  it('declare the unit of every metric that is not a rate, so none is shown as a percent', () => {
    const unitOf = (kind: string, metric: string) => {
      const scenarioKind = getScenarioKind(kind);
      const definition = scenarioKind
        .metrics(scenarioKind.configSchema.parse(minimalConfig(kind)))
        .find((m) => m.name === metric);
      assert.ok(definition, `${kind} ${metric}`);
      return metricUnit(definition);
    };
    const expected: [string, string, string][] = [
      ['asr', 'wer', 'rate'],
      ['asr', 'wer_gap:accent', 'rate'],
      ['asr', 'snr_db', 'db'],
      ['asr', 'tonal_peak_prominence_db', 'db'],
      ['asr', 'rms_dbfs', 'dbfs'],
      ['asr', 'duration_seconds', 'seconds'],
      ['asr', 'words_per_second', 'words_per_second'],
      ['asr', 'hyp_words', 'count'],
      ['asr', 'tonal_peak_hz', 'hz'],
      ['asr', 'confidence', 'score'],
      ['hallucinated_citations', 'citations_per_answer', 'count'],
      ['hallucinated_citations', 'citation_verified_rate', 'rate'],
      ['verbatim', 'longest_common_prefix', 'count'],
      ['verbatim', 'longest_common_substring', 'count'],
      ['verbatim', 'longest_common_prefix_ratio', 'ratio'],
      ['verbatim', 'edit_similarity', 'score'],
      ['watermark', 'mean_z', 'z'],
      ['open_answer', 'judge_score', 'score'],
      ['open_answer', 'judge_pass_rate', 'rate'],
      ['qa', 'f1', 'score'],
      ['bias_qa', 'ambiguous_bias_score', 'score'],
      ['bias_qa', 'ambiguous_bias_score_gap:category', 'score'],
      ['fairness_counterfactual', 'sentiment_counterfactual_gap', 'score'],
      ['fairness_counterfactual', 'sentiment_counterfactual_exceeds_noise', 'rate'],
    ];
    assert.deepEqual(
      expected.map(([kind, metric]) => [kind, metric, unitOf(kind, metric)]),
      expected,
    );
  });

  it('report every declared metric for the run as a whole, even with no scored instances', () => {
    for (const name of scenarioKindNames()) {
      const kind = getScenarioKind(name);
      const config = kind.configSchema.parse(minimalConfig(name));
      const overall = kind.aggregate([], config, { seed: 1 }).filter((v) => v.subgroup === 'all');
      assert.deepEqual(
        overall.map((v) => v.name).sort(),
        kind
          .metrics(config)
          .map((m) => m.name)
          .sort(),
        name,
      );
      for (const value of overall)
        assert.deepEqual([value.value, value.n], [null, 0], `${name} ${value.name}`);
    }
  });
});
