import {
  type GroupRateName,
  confusionByGroup,
  groupParity,
  groupRates,
  rateCounts,
  rateGap,
} from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition, MetricValue } from '../../scenario-kind';
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
  // The decision error (granted or not), as group fairness rates count it; accuracy is label match.
  conditionalRate(
    'error_rate',
    () => true,
    (s) => (s.predicted_positive === true) !== goldPositive(s),
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

const LIBRARY_RATE: Readonly<Record<string, GroupRateName>> = {
  error_rate: 'errorRate',
  false_positive_rate: 'falsePositiveRate',
  false_rejection_rate: 'falseRejectionRate',
};

/** Confusion counts per value of the group attribute, from each item's first sample. */
function countsByGroup(items: readonly ItemSamples[], attribute: string) {
  const classified = items.flatMap((item) => {
    const group = item.attributes[attribute];
    const first = item.samples[0];
    if (group === undefined || first === undefined) return [];
    return [{ group, actual: goldPositive(first), predicted: first.predicted_positive === true }];
  });
  return confusionByGroup(classified);
}

/**
 * Parity of a rate across all groups (groupParity: pairwise TOST within ±tolerance, parity only
 * when every pair shows it): value 1 parity shown, 0 inconclusive, −1 disparity detected. The
 * interval is the (1 − 2α) Newcombe interval of (highest − lowest rate); n the items of the
 * groups with data. Null with fewer than two such groups.
 */
export function parityValue(
  rate: MetricDefinition,
  attribute: string,
  items: readonly ItemSamples[],
  options: { tolerance: number; alpha: number },
): MetricValue {
  const name = parityMetricName(rate.name, attribute);
  const libraryRate = LIBRARY_RATE[rate.name];
  const counts = countsByGroup(items, attribute);
  const withData = [...counts.entries()].filter(([, c]) => rateCounts(c, libraryRate).n > 0);
  const n = withData.reduce((sum, [, c]) => sum + rateCounts(c, libraryRate).n, 0);
  if (withData.length < 2)
    return { name, subgroup: ALL_SUBGROUP, value: null, ciLow: null, ciHigh: null, n };
  const parity = groupParity(new Map(withData), { rate: libraryRate, ...options });
  const range = rateGap(groupRates(new Map(withData)), libraryRate)!;
  const extremes = parity.pairs.find(
    (p) => p.groups.includes(range.highest.group) && p.groups.includes(range.lowest.group),
  )!;
  const sign = extremes.groups[0] === range.highest.group ? 1 : -1;
  const [low, high] = [
    sign * extremes.result.interval.low,
    sign * extremes.result.interval.high,
  ].sort((a, b) => a - b);
  return {
    name,
    subgroup: ALL_SUBGROUP,
    value: PARITY_CODE[parity.verdict],
    ciLow: low,
    ciHigh: high,
    n,
  };
}
