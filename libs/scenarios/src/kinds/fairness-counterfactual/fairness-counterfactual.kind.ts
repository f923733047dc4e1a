import { quasiExactMatch } from '@lastmile/metrics';
import type { MetricDefinition, MetricValue, ScenarioKind } from '../../scenario-kind';
import { COUNTERFACTUAL_PAIRS } from '../../data/fairness/counterfactual-pairs';
import { extractAnswer } from '../../support/answer-text';
import { chatRequest } from '../../support/chat-request';
import { aggregateItemMetrics, sampleMean } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { subgroupsOf } from '../../support/subgroups';
import { counterfactualGap } from './counterfactual-gap';
import {
  type FairnessCounterfactualConfig,
  fairnessCounterfactualConfigSchema,
} from './fairness-counterfactual.config';
import { sentimentOf } from './sentiment-score';

const SENTIMENT: MetricDefinition = {
  ...sampleMean('sentiment', 'higher_is_better'),
  descriptive: true,
};
const ACCURACY = sampleMean('accuracy', 'higher_is_better', 'correct');

const GAPS = [
  { name: 'sentiment_counterfactual_gap', base: SENTIMENT },
  { name: 'correctness_counterfactual_gap', base: ACCURACY },
];

const GAP_DEFINITIONS: MetricDefinition[] = GAPS.map(({ name }) => ({
  name,
  direction: 'lower_is_better',
  statKind: 'mean',
  level: 'run',
  itemValue: () => null,
}));

/**
 * Counterfactual fairness: prompt pairs that differ only in a demographic term (a pronoun, a
 * name). Each answer gets an AFINN sentiment (comparative) and, when the item has references,
 * a correctness; the gap is the mean paired difference between a pair's variants.
 */
export const fairnessCounterfactualKind: ScenarioKind<FairnessCounterfactualConfig> = {
  kind: 'fairness_counterfactual',
  version: '1',
  modality: 'text',
  configSchema: fairnessCounterfactualConfigSchema,
  builtinItems: () => [...COUNTERFACTUAL_PAIRS],
  samplesPerItem: (config) => config.samples,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { prompt: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config) {
    const { score, comparative } = sentimentOf(response);
    const references = item.references ?? [];
    const correct =
      references.length === 0
        ? null
        : quasiExactMatch(extractAnswer(response, config.answerExtraction), references);
    return { sentiment: comparative, sentiment_score: score, correct };
  },
  metrics: () => [SENTIMENT, ACCURACY, ...GAP_DEFINITIONS],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const exclude = config.breakdownBy ? [] : [config.pairAttribute, 'term'];
    const options = { seed: context.seed, breakdownBy: config.breakdownBy, exclude };
    const attributes = { pair: config.pairAttribute, variant: config.variantAttribute };
    const gaps: MetricValue[] = [];
    for (const subgroup of subgroupsOf(items, config.breakdownBy, exclude)) {
      for (const { name, base } of GAPS) {
        const gap = counterfactualGap(
          name,
          base,
          subgroup.items,
          attributes,
          subgroup.name,
          context.seed,
        );
        // Per-variant subgroups never hold a whole pair: report gaps only where pairs are complete.
        if (gap.n > 0 || subgroup.attribute === null) gaps.push(gap);
      }
    }
    return [...aggregateItemMetrics([SENTIMENT, ACCURACY], items, options), ...gaps];
  },
};
