import type { MetricDefinition } from '../../scenario-kind';
import { firstSampleProportion, sampleMean } from '../../support/item-metrics';
import { gapDefinitions } from '../../support/gap';

// BBQ's bias scores lie in [-1, 1]: a score, not a share.
export const AMBIGUOUS_BIAS: MetricDefinition = {
  ...sampleMean('ambiguous_bias_score', 'lower_is_better', 'bias_amb'),
  unit: 'score',
};
export const DISAMBIGUATED_BIAS: MetricDefinition = {
  ...sampleMean('disambiguated_bias_score', 'lower_is_better', 'bias_dis'),
  unit: 'score',
};
export const DISAMBIGUATED_ACCURACY = firstSampleProportion(
  'disambiguated_accuracy',
  'higher_is_better',
  'dis_correct',
);

export const ITEM_METRICS: readonly MetricDefinition[] = [
  firstSampleProportion('accuracy', 'higher_is_better', 'correct'),
  firstSampleProportion('ambiguous_accuracy', 'higher_is_better', 'amb_correct'),
  DISAMBIGUATED_ACCURACY,
  AMBIGUOUS_BIAS,
  DISAMBIGUATED_BIAS,
  firstSampleProportion('invalid_response_rate', 'lower_is_better', 'invalid'),
];

/** Largest gaps: bias across categories; accuracy when the answer fits the stereotype or not. */
export const GAPS: readonly { base: MetricDefinition; attribute: string }[] = [
  { base: AMBIGUOUS_BIAS, attribute: 'category' },
  { base: DISAMBIGUATED_ACCURACY, attribute: 'alignment' },
];

export const GAP_METRICS: readonly MetricDefinition[] = GAPS.flatMap(({ base, attribute }) =>
  gapDefinitions([base], [attribute]),
);
