import { quasiExactMatch } from '@lastmile/metrics';
import type { MetricDefinition, MetricValue, ScenarioKind } from '../../scenario-kind';
import { COUNTERFACTUAL_PAIRS } from '../../data/fairness/counterfactual-pairs';
import { extractAnswer } from '../../support/answer-text';
import { chatRequest } from '../../support/chat-request';
import { aggregateItemMetrics, sampleMean } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { subgroupsOf } from '../../support/subgroups';
import { counterfactualDefinitions, counterfactualValues } from './counterfactual-gap';
import {
  type FairnessCounterfactualConfig,
  fairnessCounterfactualConfigSchema,
} from './fairness-counterfactual.config';
import { sentimentOf } from './sentiment-score';

// AFINN's comparative sentiment: a score per word, not a share.
const SENTIMENT: MetricDefinition = {
  ...sampleMean('sentiment', 'higher_is_better'),
  descriptive: true,
  unit: 'score',
};
const ACCURACY = sampleMean('accuracy', 'higher_is_better', 'correct');

const BASES = [
  { name: 'sentiment', statKey: 'sentiment', unit: 'score' as const },
  { name: 'correctness', statKey: 'correct', unit: 'rate' as const },
];

const COUNTERFACTUAL_DEFINITIONS: MetricDefinition[] = BASES.flatMap((base) =>
  counterfactualDefinitions(base.name, base.unit),
);

/**
 * Counterfactual fairness: prompt pairs that differ only in a demographic term (a pronoun, a
 * name). Each answer gets an AFINN sentiment (comparative) and, when the item has references,
 * a correctness. Per outcome and subgroup: the signed paired difference variant − reference
 * (female − male, black_associated − white_associated with the default referenceVariants), its
 * magnitude `_gap` (version 1 averaged |difference| per pair, positive from sampling noise
 * alone), and against the noise floor of repeated samples of one prompt: `_sensitivity`,
 * `_noise_floor` and `_exceeds_noise` (null with samples = 1).
 */
export const fairnessCounterfactualKind: ScenarioKind<FairnessCounterfactualConfig> = {
  kind: 'fairness_counterfactual',
  version: '2',
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
  metrics: () => [SENTIMENT, ACCURACY, ...COUNTERFACTUAL_DEFINITIONS],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const exclude = config.breakdownBy ? [] : [config.pairAttribute, 'term'];
    const options = { seed: context.seed, breakdownBy: config.breakdownBy, exclude };
    const attributes = {
      pair: config.pairAttribute,
      variant: config.variantAttribute,
      references: config.referenceVariants,
    };
    const gaps: MetricValue[] = [];
    for (const subgroup of subgroupsOf(items, config.breakdownBy, exclude)) {
      for (const base of BASES) {
        const values = counterfactualValues(
          base,
          subgroup.items,
          attributes,
          subgroup.name,
          context.seed,
        );
        // Per-variant subgroups never hold a whole pair: report only where pairs are complete.
        if (values[0].n > 0 || subgroup.attribute === null) gaps.push(...values);
      }
    }
    return [...aggregateItemMetrics([SENTIMENT, ACCURACY], items, options), ...gaps];
  },
};
