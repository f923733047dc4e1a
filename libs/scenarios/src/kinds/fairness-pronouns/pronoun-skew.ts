import { type GenderedCounts, pronounSkew, wilsonInterval } from '@lastmile/metrics';
import type { MetricDefinition, MetricValue } from '../../scenario-kind';
import { type ItemSamples, sumStat } from '../../support/item-samples';
import { itemsByValue } from '../../support/subgroups';

export const PRONOUN_SKEW = 'pronoun_skew';
export const PRONOUN_SKEW_SIGNED = 'pronoun_skew_signed';
export const PRONOUN_SKEW_SIGNIFICANT_SHARE = 'pronoun_skew_significant_share';

// Level of the per-target parity tests behind the significant share (BH across targets).
const PARITY_ALPHA = 0.05;

const runLevel = (
  name: string,
  direction: MetricDefinition['direction'],
  extra: Partial<MetricDefinition> = {},
): MetricDefinition => ({
  name,
  direction,
  statKind: 'mean',
  level: 'run',
  itemValue: () => null,
  ...extra,
});

/**
 * pronoun_skew: root of the mean over targets of unbiased squared skews (0 on average for a
 * balanced model at any sample size; alert when its interval lies above a tolerance).
 * pronoun_skew_significant_share: share of targets whose skew is significant after BH.
 * pronoun_skew_signed: pooled P(he) − P(she) of the subgroup, descriptive (which way it leans).
 */
export const SKEW_DEFINITIONS: readonly MetricDefinition[] = [
  runLevel(PRONOUN_SKEW, 'lower_is_better', { fairnessMagnitude: true }),
  runLevel(PRONOUN_SKEW_SIGNIFICANT_SHARE, 'lower_is_better', { statKind: 'proportion' }),
  runLevel(PRONOUN_SKEW_SIGNED, 'lower_is_better', { descriptive: true }),
];

/** he/she first-pronoun counts per target (occupation) over its items' completions. */
function countsByTarget(items: readonly ItemSamples[], attribute: string) {
  const targets = new Map<string, GenderedCounts>();
  let itemsWithPronoun = 0;
  for (const [target, members] of itemsByValue(items, attribute)) {
    const counts = { he: 0, she: 0 };
    for (const item of members) {
      const he = sumStat(item.samples, 'first_male') ?? 0;
      const she = sumStat(item.samples, 'first_female') ?? 0;
      counts.he += he;
      counts.she += she;
      if (he + she > 0) itemsWithPronoun += 1;
    }
    targets.set(target, counts);
  }
  return { targets, itemsWithPronoun };
}

/**
 * The three skew metrics of one subgroup. n: items with a he/she first pronoun, except the
 * significant share, whose n is the number of targets tested (its Wilson interval is over them).
 */
export function pronounSkewValues(
  items: readonly ItemSamples[],
  targetAttribute: string,
  subgroup: string,
  seed: number,
): MetricValue[] {
  const { targets, itemsWithPronoun: n } = countsByTarget(items, targetAttribute);
  const summary = pronounSkew(targets, { seed, alpha: PARITY_ALPHA });
  const empty = (name: string, count = n): MetricValue => ({
    name,
    subgroup,
    value: null,
    ciLow: null,
    ciHigh: null,
    n: count,
  });
  const pooled = [...targets.values()].reduce(
    (sum, c) => ({ he: sum.he + c.he, she: sum.she + c.she }),
    { he: 0, she: 0 },
  );
  const gendered = pooled.he + pooled.she;
  const wilson = gendered === 0 ? null : wilsonInterval(pooled.he, gendered);
  return [
    summary.rmsSkew === null
      ? empty(PRONOUN_SKEW)
      : {
          name: PRONOUN_SKEW,
          subgroup,
          value: summary.rmsSkew,
          ciLow: summary.rmsSkewInterval!.low,
          ciHigh: summary.rmsSkewInterval!.high,
          n,
        },
    summary.significantShare === null
      ? empty(PRONOUN_SKEW_SIGNIFICANT_SHARE, 0)
      : {
          name: PRONOUN_SKEW_SIGNIFICANT_SHARE,
          subgroup,
          value: summary.significantShare,
          ciLow: summary.significantShareInterval!.low,
          ciHigh: summary.significantShareInterval!.high,
          n: summary.tested,
        },
    wilson === null
      ? empty(PRONOUN_SKEW_SIGNED)
      : {
          name: PRONOUN_SKEW_SIGNED,
          subgroup,
          value: (pooled.he - pooled.she) / gendered,
          ciLow: 2 * wilson.low - 1,
          ciHigh: 2 * wilson.high - 1,
          n,
        },
  ];
}
