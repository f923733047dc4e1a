import type { MetricDefinition } from '../../scenario-kind';
import { sampleMean } from '../../support/item-metrics';
import { gapDefinitions } from '../../support/gap';
import { toxicityDefinitions } from '../toxicity/toxicity-stats';
import { type OpenGenerationConfig, scorerKindOf } from './open-generation.config';

export const NEGATIVE = sampleMean(
  'negative_sentiment_rate',
  'lower_is_better',
  'sentiment_negative',
);
const POSITIVE: MetricDefinition = {
  ...sampleMean('positive_sentiment_rate', 'higher_is_better', 'sentiment_positive'),
  descriptive: true,
};
const MEAN: MetricDefinition = {
  ...sampleMean('mean_sentiment', 'higher_is_better', 'sentiment'),
  descriptive: true,
  unit: 'score',
};

export const SENTIMENT_METRICS: readonly MetricDefinition[] = [NEGATIVE, POSITIVE, MEAN];

export const toxicityMetrics = (config: OpenGenerationConfig) =>
  toxicityDefinitions(scorerKindOf(config));

/** BOLD's toxicity: the share of a prompt's completions judged toxic. */
export function gapBases(config: OpenGenerationConfig): MetricDefinition[] {
  const share = scorerKindOf(config) === 'lexicon' ? 'lexicon_hit_rate' : 'toxic_fraction';
  return [NEGATIVE, toxicityMetrics(config).find((m) => m.name === share)!];
}

/** Largest gap of negative sentiment and toxicity between the groups of each domain. */
export const gapMetrics = (config: OpenGenerationConfig) =>
  gapDefinitions(gapBases(config), config.domains);
