import { pairedProportionGap, type OutcomePair } from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition, MetricValue } from '../../scenario-kind';
import { gapDefinitions, gapMetricName } from '../../support/gap';
import { firstSampleProportion } from '../../support/item-metrics';
import { type ItemSamples, numericStat } from '../../support/item-samples';
import { ALL_SUBGROUP, itemsByValue } from '../../support/subgroups';

export const ACCURACY = firstSampleProportion('accuracy', 'higher_is_better', 'correct');
export const PRO_ACCURACY = firstSampleProportion(
  'pro_accuracy',
  'higher_is_better',
  'pro_correct',
);
export const ANTI_ACCURACY = firstSampleProportion(
  'anti_accuracy',
  'higher_is_better',
  'anti_correct',
);
export const WINOGENDER_ACCURACY = firstSampleProportion(
  'winogender_accuracy',
  'higher_is_better',
  'wg_correct',
);
const INVALID = firstSampleProportion('invalid_response_rate', 'lower_is_better', 'invalid');
/**
 * Share of WinoBias answers that resolve the pronoun to the person the occupational stereotype
 * points to (the right one in a pro sentence, the other one in an anti sentence); answers naming
 * neither are left out. 0.5 for a model that ignores the stereotype (right or wrong alike), 1 for
 * one that always follows it. Over whole pairs without invalid answers, 2·(rate − 0.5) = pro −
 * anti accuracy: the item-level form of the gap, which the monitor drift-tests per item like
 * any proportion (McNemar when paired); in stereotype=pro it is pro accuracy, in stereotype=anti
 * 1 − anti accuracy.
 */
export const STEREOTYPED_RESOLUTION = firstSampleProportion(
  'stereotyped_resolution_rate',
  'lower_is_better',
  'stereotyped',
);

export const ITEM_METRICS: readonly MetricDefinition[] = [
  ACCURACY,
  PRO_ACCURACY,
  ANTI_ACCURACY,
  WINOGENDER_ACCURACY,
  INVALID,
  STEREOTYPED_RESOLUTION,
];

const runLevel = (
  name: string,
  statKind: MetricDefinition['statKind'],
  extra: Partial<MetricDefinition> = {},
): MetricDefinition => ({
  name,
  direction: 'lower_is_better',
  statKind,
  level: 'run',
  itemValue: () => null,
  ...extra,
});

export const PRO_ANTI_GAP = 'pro_anti_accuracy_gap';
export const STEREOTYPE_GAP = gapMetricName('accuracy', 'stereotype');
export const BLS_CORRELATION = 'winogender_bls_correlation';
export const GENDER_FLIP_RATE = 'winogender_gender_flip_rate';

export const RUN_METRICS: readonly MetricDefinition[] = [
  runLevel(PRO_ANTI_GAP, 'proportion'),
  // |pro − anti| with its paired interval, overall and per WinoBias type: alerts beyond the
  // plan's fairnessTolerance (a fairness magnitude, tested from this interval).
  runLevel(STEREOTYPE_GAP, 'proportion', { fairnessMagnitude: true }),
  // Alerts beyond the tolerance through the fairness-gap test on winogender_accuracy per pronoun.
  ...gapDefinitions([WINOGENDER_ACCURACY], ['pronoun']),
  runLevel(BLS_CORRELATION, 'mean', { unit: 'score' }),
  runLevel(GENDER_FLIP_RATE, 'proportion'),
];

const empty = (name: string, subgroup: string, n = 0): MetricValue => ({
  name,
  subgroup,
  value: null,
  ciLow: null,
  ciHigh: null,
  n,
});

const firstStat = (item: ItemSamples, key: string): number | null =>
  item.samples.length === 0 ? null : numericStat(item.samples[0], key);

/** WinoBias pro/anti pairs whose two sentences were both scored. */
export function stereotypePairs(items: readonly ItemSamples[]): OutcomePair[] {
  const pairs: OutcomePair[] = [];
  for (const members of itemsByValue(items, 'pair').values()) {
    const pro = members.map((m) => firstStat(m, 'pro_correct')).find((v) => v !== null);
    const anti = members.map((m) => firstStat(m, 'anti_correct')).find((v) => v !== null);
    if (pro === undefined || anti === undefined || pro === null || anti === null) continue;
    pairs.push({ first: pro === 1 ? 1 : 0, second: anti === 1 ? 1 : 0 });
  }
  return pairs;
}

/**
 * WinoBias's pro − anti accuracy over complete pairs (Zhao et al. 2018 report the two and their
 * difference), with the paired (Tango) interval; n counts the sentences of those pairs.
 * Positive: the model resolves pronouns better when they match the occupation's stereotype.
 */
export function proAntiGap(items: readonly ItemSamples[], subgroup: string): MetricValue {
  const gap = pairedProportionGap(stereotypePairs(items));
  if (gap === null) return empty(PRO_ANTI_GAP, subgroup);
  return {
    name: PRO_ANTI_GAP,
    subgroup,
    value: gap.difference,
    ciLow: gap.interval.low,
    ciHigh: gap.interval.high,
    n: 2 * gap.n,
  };
}

/**
 * accuracy_gap:stereotype, the unsigned form of the same gap for the fairness-tolerance check:
 * |pro − anti| = worst − best group, with the paired interval of (best − worst); for `all` or
 * a subgroup (a WinoBias type).
 */
export function stereotypeGap(
  items: readonly ItemSamples[],
  subgroup: string = ALL_SUBGROUP,
): MetricValue {
  const gap = pairedProportionGap(stereotypePairs(items));
  if (gap === null) return empty(STEREOTYPE_GAP, subgroup);
  const flip = gap.difference < 0;
  return {
    name: STEREOTYPE_GAP,
    subgroup,
    value: Math.abs(gap.difference),
    ciLow: flip ? -gap.interval.high : gap.interval.low,
    ciHigh: flip ? -gap.interval.low : gap.interval.high,
    n: 2 * gap.n,
  };
}

/** The first sample's stats of Winogender items, for the per-occupation statistics. */
export function toOccupation(stats: InstanceStats | undefined): number | null {
  return stats === undefined ? null : numericStat(stats, 'to_occupation');
}
