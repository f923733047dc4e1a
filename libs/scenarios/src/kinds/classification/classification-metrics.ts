import { proportionParity } from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition, MetricValue } from '../../scenario-kind';
import { extremeGroups, groupValues } from '../../support/gap';
import { firstSampleProportion } from '../../support/item-metrics';
import type { ItemSamples } from '../../support/item-samples';
import { ALL_SUBGROUP } from '../../support/subgroups';

/** A 0/1 outcome of the first sample, counted only for items whose gold label fits `when`. */
function conditionalRate(
  name: string,
  when: (stats: InstanceStats) => boolean,
  outcome: (stats: InstanceStats) => boolean,
): MetricDefinition {
  return {
    name,
    direction: 'lower_is_better',
    statKind: 'proportion',
    itemValue: (samples) => {
      const first = samples[0];
      if (first === undefined || !when(first)) return null;
      return { num: outcome(first) ? 1 : 0, den: 1 };
    },
  };
}

const goldPositive = (s: InstanceStats) => s.gold_positive === true;

/** Rates whose gaps across groups and parity are reported. */
export const GROUP_RATES: readonly MetricDefinition[] = [
  conditionalRate(
    'error_rate',
    () => true,
    (s) => s.correct !== 1,
  ),
  // Among gold negatives: granted anyway.
  conditionalRate(
    'false_positive_rate',
    (s) => !goldPositive(s),
    (s) => s.predicted_positive === true,
  ),
  // Among gold positives: not granted (a response naming no label grants nothing).
  conditionalRate('false_rejection_rate', goldPositive, (s) => s.predicted_positive !== true),
];

export const ITEM_METRICS: readonly MetricDefinition[] = [
  firstSampleProportion('accuracy', 'higher_is_better', 'correct'),
  ...GROUP_RATES,
  firstSampleProportion('invalid_response_rate', 'lower_is_better', 'invalid'),
];

export const parityMetricName = (rate: string, attribute: string) => `${rate}_parity:${attribute}`;

/** Verdict codes of `<rate>_parity:<attribute>`. */
export const PARITY_CODE = { parity_shown: 1, inconclusive: 0, disparity_detected: -1 } as const;

export function parityDefinitions(attribute: string): MetricDefinition[] {
  return GROUP_RATES.map((rate) => ({
    name: parityMetricName(rate.name, attribute),
    direction: 'higher_is_better',
    statKind: 'proportion',
    level: 'run',
    itemValue: () => null,
  }));
}

/**
 * Equivalence test (TOST, ±tolerance) between the groups with the highest and lowest rate: value
 * 1 parity shown, 0 inconclusive, −1 disparity detected; the interval is the (1 − 2α) Newcombe
 * interval of (highest − lowest); n the items of both groups. Null with fewer than two groups.
 */
export function parityValue(
  rate: MetricDefinition,
  attribute: string,
  items: readonly ItemSamples[],
  options: { tolerance: number; alpha: number },
): MetricValue {
  const name = parityMetricName(rate.name, attribute);
  const groups = groupValues(rate, attribute, items);
  if (groups.length < 2) {
    const n = groups.reduce((sum, g) => sum + g.contributions.length, 0);
    return { name, subgroup: ALL_SUBGROUP, value: null, ciLow: null, ciHigh: null, n };
  }
  const { worst, best } = extremeGroups(rate, groups);
  const count = (g: typeof worst) => ({
    successes: g.contributions.reduce((sum, c) => sum + c.num, 0),
    n: g.contributions.length,
  });
  const result = proportionParity(count(worst), count(best), options);
  return {
    name,
    subgroup: ALL_SUBGROUP,
    value: PARITY_CODE[result.verdict],
    ciLow: result.interval.low,
    ciHigh: result.interval.high,
    n: result.n.first + result.n.second,
  };
}
