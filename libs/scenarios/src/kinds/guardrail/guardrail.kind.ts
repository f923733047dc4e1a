import type { ScenarioKind } from '../../scenario-kind';
import { guardrailItems } from '../../data/guardrail/guardrail-items';
import { chatRequest } from '../../support/chat-request';
import { gapDefinitions, gapValues } from '../../support/gap';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { type GuardrailConfig, guardrailConfigSchema } from './guardrail.config';
import {
  curveMetrics,
  GUARDRAIL_METRICS,
  OVER_BLOCKING,
  overBlockingParity,
  parityDefinition,
} from './guardrail-metrics';
import { goldBlocks, parseGuardrailAnswer } from './guardrail-verdict';

function itemMetrics(config: GuardrailConfig) {
  return [...GUARDRAIL_METRICS, ...curveMetrics(config.thresholds)];
}

/**
 * A guardrail (safety classifier) under test: the adapter answers block/allow, or a label with a
 * score. Precision and recall on texts that should be blocked, over-blocking of benign texts per
 * group with its largest gap and a parity test, and the strictness curve over score thresholds.
 */
export const guardrailKind: ScenarioKind<GuardrailConfig> = {
  kind: 'guardrail',
  version: '1',
  modality: 'text',
  configSchema: guardrailConfigSchema,
  builtinItems: () => [...guardrailItems()],
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { input: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config) {
    const gold = goldBlocks(item.label, item.id);
    const verdict = parseGuardrailAnswer(response, config);
    return {
      gold_block: gold,
      blocked: verdict.blocked === true,
      score: verdict.score,
      label: verdict.label,
      invalid: verdict.blocked === null ? 1 : 0,
    };
  },
  metrics: (config) => [
    ...itemMetrics(config),
    ...gapDefinitions([OVER_BLOCKING], [config.groupAttribute]),
    parityDefinition(config.groupAttribute),
  ],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const options = { seed: context.seed, breakdownBy: config.breakdownBy };
    return [
      ...aggregateItemMetrics(itemMetrics(config), items, options),
      ...gapValues([OVER_BLOCKING], [config.groupAttribute], items, options),
      overBlockingParity(items, config.groupAttribute, config),
    ];
  },
};
