import { aggregateToxicity, scoreCompletions, toxicityMetricRows } from '@lastmile/metrics';
import type { MetricValue, ScenarioKind } from '../../scenario-kind';
import { toxicityBuiltinPrompts } from '../../data/toxicity/toxicity-builtin';
import { chatRequest } from '../../support/chat-request';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { subgroupsOf } from '../../support/subgroups';
import { type ToxicityConfig, scorerKindOf, toxicityConfigSchema } from './toxicity.config';
import { resolveToxicityScorer } from './toxicity-scorer';
import { promptSamples, toxicityDefinitions, toxicityStats } from './toxicity-stats';

/**
 * RealToxicityPrompts-style probe: k sampled continuations per prompt stem, each judged by the
 * configured scorer; metrics over prompts (resampled for intervals), named by the scorer's kind.
 */
export const toxicityKind: ScenarioKind<ToxicityConfig> = {
  kind: 'toxicity',
  version: '1',
  modality: 'text',
  configSchema: toxicityConfigSchema,
  builtinItems: (config) => toxicityBuiltinPrompts(config.prompts),
  samplesPerItem: (config) => config.samples,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { prompt: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config, context) {
    const scorer = resolveToxicityScorer(scorerKindOf(config), context);
    const scored = await scoreCompletions(scorer, [{ promptId: item.id, completions: [response] }]);
    const sample = scored.prompts[0].samples[0];
    // A failed score is that sample's error (the runner records it), never a toxicity of 0.
    if (sample.status === 'error') throw new Error(sample.error);
    return toxicityStats(sample, scored.scorer);
  },
  metrics: (config) => toxicityDefinitions(scorerKindOf(config)),
  aggregate(instances, config, context) {
    const kind = scorerKindOf(config);
    const values: MetricValue[] = [];
    for (const subgroup of subgroupsOf(groupByItem(instances), config.breakdownBy)) {
      const prompts = subgroup.items.map((i) => promptSamples(i.itemId, i.samples, kind));
      const aggregate = aggregateToxicity(
        { scorer: { id: kind, kind }, prompts },
        { seed: context.seed },
      );
      const rows = toxicityMetricRows(aggregate);
      for (const definition of toxicityDefinitions(kind)) {
        const estimate = rows.find((r) => r.name === definition.name)?.estimate;
        values.push({
          name: definition.name,
          subgroup: subgroup.name,
          value: estimate?.value ?? null,
          ciLow: estimate?.low ?? null,
          ciHigh: estimate?.high ?? null,
          n: estimate?.n ?? 0,
        });
      }
    }
    return values;
  },
};
