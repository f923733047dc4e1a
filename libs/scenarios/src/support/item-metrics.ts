import type {
  InstanceStats,
  MetricDefinition,
  MetricDirection,
  MetricValue,
} from '../scenario-kind';
import { type Contribution, estimate } from './estimate';
import { type ItemSamples, numericStat, sumStat } from './item-samples';
import { type Breakdown, subgroupsOf } from './subgroups';

export interface ItemMetricsOptions {
  seed: number;
  /** Attributes (and cross cells) to break down by; default every attribute the items carry. */
  breakdownBy?: Breakdown;
  /** Attributes never broken down by (ids). */
  exclude?: readonly string[];
  /** Items sharing the value of the first of these they carry are resampled together. */
  blockAttributes?: readonly string[];
}

/** The items' contributions to one metric; items whose itemValue is null are left out. */
export function contributionsOf(
  definition: MetricDefinition,
  items: readonly ItemSamples[],
  blockAttributes: readonly string[] = [],
): Contribution[] {
  const contributions: Contribution[] = [];
  for (const item of items) {
    const value = definition.itemValue(item.samples);
    if (value === null) continue;
    const blockKey = blockAttributes.find((a) => item.attributes[a] !== undefined);
    const block =
      blockKey === undefined ? {} : { block: `${blockKey}=${item.attributes[blockKey]}` };
    contributions.push({ itemId: item.itemId, ...value, ...block });
  }
  return contributions;
}

/** Every definition over 'all' and each breakdown subgroup, with intervals. */
export function aggregateItemMetrics(
  definitions: readonly MetricDefinition[],
  items: readonly ItemSamples[],
  options: ItemMetricsOptions,
): MetricValue[] {
  const values: MetricValue[] = [];
  for (const subgroup of subgroupsOf(items, options.breakdownBy, options.exclude)) {
    // Within one speaker's subgroup the speaker is no resampling unit (a single block would give
    // a zero-width interval): its utterances are resampled, or the next block attribute's values.
    const defining = subgroup.attribute?.split('&') ?? [];
    const blocks = options.blockAttributes?.filter((a) => !defining.includes(a));
    for (const definition of definitions) {
      const contributions = contributionsOf(definition, subgroup.items, blocks);
      values.push({
        name: definition.name,
        subgroup: subgroup.name,
        ...estimate(definition.statKind, contributions, options.seed),
      });
    }
  }
  return values;
}

/** A 0/1 stat of the item's first sample (kinds scored once per item). */
export function firstSampleProportion(
  name: string,
  direction: MetricDirection,
  statKey: string = name,
): MetricDefinition {
  return {
    name,
    direction,
    statKind: 'proportion',
    itemValue: (samples: InstanceStats[]) => {
      const value = samples.length === 0 ? null : numericStat(samples[0], statKey);
      return value === null ? null : { num: value, den: 1 };
    },
  };
}

/** A per-sample value averaged over the item's samples, then over items. */
export function sampleMean(
  name: string,
  direction: MetricDirection,
  statKey: string = name,
): MetricDefinition {
  return {
    name,
    direction,
    statKind: 'mean',
    itemValue: (samples: InstanceStats[]) => {
      const values = samples.map((s) => numericStat(s, statKey)).filter((v) => v !== null);
      if (values.length === 0) return null;
      return { num: values.reduce((a, b) => a + b, 0) / values.length, den: 1 };
    },
  };
}

/** Σnum / Σden over samples and items, e.g. word errors over reference words. */
export function ratioOfSums(
  name: string,
  direction: MetricDirection,
  numKey: string,
  denKey: string,
): MetricDefinition {
  return {
    name,
    direction,
    statKind: 'ratio',
    itemValue: (samples: InstanceStats[]) => {
      const num = sumStat(samples, numKey);
      const den = sumStat(samples, denKey);
      return num === null || den === null ? null : { num, den };
    },
  };
}
