import {
  chooseReference,
  CLUSTER_ATTRIBUTES,
  itemClusters,
  isItemLevelAlertable,
  baselineVersionKey,
  itemValuesFor,
  type BaselinePolicyInput,
  type ItemIds,
  type ItemValueSet,
  type ItemValues,
  type LabelledSubgroup,
  type ReferenceChoice,
} from '@lastmile/monitoring';
import type { Slice, Stores } from '@lastmile/persistence';
import type { BaselineRecord } from './baseline-records';

import {
  matchesPredicate,
  parsePredicate,
  WATCH_PREFIX,
  type MetricDefinition,
  type WatchedSubgroupSpec,
} from '@lastmile/scenarios';

export interface MetricRow {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

/** Everything about one slice of a finished run that drift detection reads. */
export interface SliceState {
  slice: Slice;
  versionKey: string;
  current: ItemValueSet;
  /** `${metric}|${subgroup}` -> which baseline this run is compared with, and its own. */
  choices: Map<string, ReferenceChoice<BaselineRecord>>;
  /** The run's stored metrics: `${metric}|${subgroup}` -> value and interval. */
  metricRows: Map<string, MetricRow>;
  /** Each item's attributes in this run (groups and speaker clusters for the disparity test). */
  itemAttributes: ReadonlyMap<string, Record<string, string>>;
  /** Each clustered item's cluster (`speaker=…`), worked out once: tests ask per item. */
  clusters: ReadonlyMap<string, string>;
}

export const cellKey = (metric: string, subgroup: string) => `${metric}|${subgroup}`;

export async function loadSliceState(
  stores: Pick<Stores, 'results' | 'metrics'>,
  input: {
    runId: string;
    slice: Slice;
    modelSpecHash: string;
    /** The run's scoring provenance hash (normalizer, judge), when its kind has one. */
    scoringHash?: string;
    metrics: readonly MetricDefinition[];
    candidates: readonly BaselineRecord[];
    policy: BaselinePolicyInput;
    /** Subsets the plan watches (accepted bounty findings), tested like any subgroup. */
    watched?: readonly WatchedSubgroupSpec[];
  },
): Promise<SliceState> {
  const { slice } = input;
  const versionKey = baselineVersionKey(input.modelSpecHash, slice.contentHash, input.scoringHash);
  const rows = await stores.metrics.ofRunSlice(input.runId, slice.id);
  const instances = await stores.results.scoredInstances(input.runId, slice.id);
  // The subgroups the kind reports (its breakdown and cross cells), tested as they are reported,
  // except one speaker's (or session's): those rows are results, never alert tests.
  const subgroups = [...new Set(rows.map((row) => row.subgroup))].filter(
    (subgroup) => !isClusterSubgroup(subgroup),
  );
  const current = itemValuesFor(
    input.metrics,
    instances,
    subgroups,
    labelledSubgroups(input.watched ?? []),
  );
  const itemAttributes = new Map(instances.map((i) => [i.itemId, i.attributes]));
  const choices = new Map<string, ReferenceChoice<BaselineRecord>>();
  for (const metric of input.metrics.filter(isItemLevelAlertable)) {
    for (const subgroup of Object.keys(current[metric.name] ?? {})) {
      const candidates = input.candidates.filter(
        (c) => c.forSliceId === slice.id && c.metric === metric.name && c.subgroup === subgroup,
      );
      choices.set(
        cellKey(metric.name, subgroup),
        chooseReference(candidates, { sliceId: slice.id, versionKey }, input.policy),
      );
    }
  }
  const metricRows = new Map(
    rows.map((r) => [
      cellKey(r.name, r.subgroup),
      { value: r.value, ciLow: r.ciLow, ciHigh: r.ciHigh, n: r.n },
    ]),
  );
  return {
    slice,
    versionKey,
    current,
    choices,
    metricRows,
    itemAttributes,
    clusters: itemClusters(
      [...itemAttributes].map(([itemId, attributes]) => ({ itemId, attributes })),
    ),
  };
}

/** Watched predicates as subgroups; one that no longer parses is skipped, as the metric writer does. */
function labelledSubgroups(watched: readonly WatchedSubgroupSpec[]): LabelledSubgroup[] {
  return watched.flatMap((watch) => {
    try {
      const predicate = parsePredicate(watch.predicate);
      return [
        {
          label: watch.label,
          matches: (attrs: Record<string, string>) => matchesPredicate(predicate, attrs),
        },
      ];
    } catch {
      return [];
    }
  });
}

/**
 * A subgroup of one speaker (session, cluster), alone or in a cross cell. Not alert-tested: the
 * tests resample whole speakers, of which it has one, so its drift test cannot run (too small)
 * and a disparity test across speakers would compare single clusters; and one test per speaker
 * and metric would swell the run's Benjamini–Hochberg family, costing the accent and overall
 * tests their power. Speakers are reported per speaker and covered by the clustered intervals.
 */
export function isClusterSubgroup(subgroup: string): boolean {
  // A watched subset is tested because someone asked for it, whatever its predicate names.
  if (subgroup === 'all' || subgroup.startsWith(WATCH_PREFIX)) return false;
  return subgroup
    .split('&')
    .some((part) => CLUSTER_ATTRIBUTES.includes(part.slice(0, part.indexOf('='))));
}

const clusterIndexes = new WeakMap<ItemIds, Int32Array | undefined>();

/**
 * Each item's cluster as a number (equal numbers, same speaker), by position in `items`; −1 for
 * an item in no cluster; undefined when no item has one. Worked out once per id list.
 */
export function clusterIndex(slice: SliceState, items: ItemValues): Int32Array | undefined {
  if (clusterIndexes.has(items.ids)) return clusterIndexes.get(items.ids);
  let index: Int32Array | undefined;
  if (slice.clusters.size > 0) {
    const numbers = new Map<string, number>();
    index = Int32Array.from(items.ids.list, (itemId) => {
      const cluster = slice.clusters.get(itemId);
      if (cluster === undefined) return -1;
      return numbers.get(cluster) ?? numbers.set(cluster, numbers.size).get(cluster)!;
    });
  }
  clusterIndexes.set(items.ids, index);
  return index;
}

/** The cluster (speaker, session) of an item, for tests that resample clusters; none: the item. */
export function clusterOf(slice: SliceState, itemId: string): string | undefined {
  return slice.clusters.get(itemId);
}
