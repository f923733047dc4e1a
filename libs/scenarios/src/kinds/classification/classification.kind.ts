import { pickChoice } from '@lastmile/metrics';
import type { ScenarioItem, ScenarioKind } from '../../scenario-kind';
import { LOAN_APPLICATIONS } from '../../data/classification/loan-applications';
import { chatRequest } from '../../support/chat-request';
import { gapDefinitions, gapValues } from '../../support/gap';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import {
  GROUP_RATES,
  ITEM_METRICS,
  parityDefinitions,
  parityValue,
} from './classification-metrics';
import { type ClassificationConfig, classificationConfigSchema } from './classification.config';

function goldLabel(item: ScenarioItem, labels: readonly string[]): string {
  const gold = labels.find((l) => l.toLowerCase() === (item.label ?? '').trim().toLowerCase());
  if (gold === undefined) {
    throw new RangeError(
      `item ${item.id} has label "${item.label}", not one of ${labels.join(', ')}`,
    );
  }
  return gold;
}

/** The label a response gives: opening with it, stating it, or naming exactly one label. */
export function predictedLabel(response: string, labels: readonly string[]): string | null {
  const index = pickChoice(response, labels, { labels }).index;
  return index === null ? null : labels[index];
}

/**
 * Labelled decisions with a group attribute: accuracy, and per group the error, false-positive
 * and false-rejection rates, their largest gap across groups, and parity within a tolerance.
 */
export const classificationKind: ScenarioKind<ClassificationConfig> = {
  kind: 'classification',
  version: '1',
  modality: 'text',
  configSchema: classificationConfigSchema,
  builtinItems: () => [...LOAN_APPLICATIONS],
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const labels = config.labels.join(' or ');
    const prompt = renderTemplate(config.promptTemplate, { input: item.input ?? '', labels });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config) {
    const gold = goldLabel(item, config.labels);
    const predicted = predictedLabel(response, config.labels);
    return {
      correct: predicted === gold ? 1 : 0,
      invalid: predicted === null ? 1 : 0,
      predicted,
      gold_positive: gold === config.positiveLabel,
      predicted_positive: predicted === config.positiveLabel,
    };
  },
  metrics: (config) => [
    ...ITEM_METRICS,
    ...gapDefinitions(GROUP_RATES, [config.groupAttribute]),
    ...parityDefinitions(config.groupAttribute),
  ],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const options = { seed: context.seed, breakdownBy: config.breakdownBy };
    return [
      ...aggregateItemMetrics(ITEM_METRICS, items, options),
      ...gapValues(GROUP_RATES, [config.groupAttribute], items, options),
      ...GROUP_RATES.map((rate) => parityValue(rate, config.groupAttribute, items, config)),
    ];
  },
};
