import {
  baselineEstimate,
  EMPTY_BASELINE,
  isItemLevelAlertable,
  pointValue,
  runsBeyondWindow,
  shouldJoinBaseline,
  withRun,
  withoutRun,
  type BaselinePolicyInput,
  type CusumState,
  ItemValues,
  type ItemValueSet,
} from '@lastmile/monitoring';
import type { Stores } from '@lastmile/persistence';
import type { MetricDefinition } from '@lastmile/scenarios';
import { saveBaselines, type BaselineRecordWrite } from './baseline-records';
import { loadRunItemValues } from './run-item-values';
import { cellKey, type SliceState } from './slice-state';

export interface BaselineUpdateInput {
  stores: Pick<Stores, 'baselines' | 'results'>;
  runId: string;
  planId: string;
  seed: number;
  policy: BaselinePolicyInput;
  metrics: readonly MetricDefinition[];
  slices: readonly SliceState[];
  /** Pooled items of references and own baselines, by baseline id. */
  storedItems: ReadonlyMap<string, ItemValues>;
  drifted: ReadonlySet<string>;
  cusum: ReadonlyMap<string, CusumState>;
}

/**
 * After detection: the run joins its own version's baseline where the policy says so (first_n
 * filling, rolling with the oldest run rolled out and its items read back from its results),
 * and every stepped CUSUM state is saved. Returns how many baselines the run joined.
 */
export async function updateBaselines(input: BaselineUpdateInput): Promise<number> {
  const droppedRuns = new Map<string, ItemValueSet>();
  const savedCusum = new Set<string>();
  const joined: BaselineRecordWrite[] = [];
  for (const slice of input.slices) {
    for (const metric of input.metrics.filter(isItemLevelAlertable)) {
      for (const [subgroup, items] of Object.entries(slice.current[metric.name] ?? {})) {
        const key = cellKey(metric.name, subgroup);
        const choice = slice.choices.get(key);
        const own = choice?.own ?? null;
        const join = shouldJoinBaseline(input.policy, {
          runs: own?.runIds.length ?? 0,
          drifted: input.drifted.has(`${slice.slice.id}|${key}`),
          comparedWithOtherVersion: choice?.otherVersion ?? false,
        });
        if (!join) continue;
        let state = own
          ? {
              runIds: own.runIds,
              runValues: own.runValues,
              items: input.storedItems.get(own.id) ?? ItemValues.empty,
            }
          : EMPTY_BASELINE;
        state = withRun(state, input.runId, items, pointValue(metric.statKind, items));
        for (const oldest of runsBeyondWindow(state, input.policy)) {
          const dropped =
            droppedRuns.get(`${oldest}|${slice.slice.id}`) ??
            (await loadRunItemValues(input.stores.results, oldest, slice.slice.id, input.metrics));
          droppedRuns.set(`${oldest}|${slice.slice.id}`, dropped);
          state = withoutRun(state, oldest, dropped[metric.name]?.[subgroup] ?? ItemValues.empty);
        }
        const cusum = own ? (input.cusum.get(own.id) ?? own.cusum) : {};
        if (own) savedCusum.add(own.id);
        joined.push({
          planId: input.planId,
          sliceId: slice.slice.id,
          subgroup,
          metric: metric.name,
          versionKey: slice.versionKey,
          ...state,
          ...baselineEstimate(metric.statKind, state.items, input.seed),
          cusum,
          pinned: false,
        });
      }
    }
  }
  await saveBaselines(input.stores.baselines, joined);
  await input.stores.baselines.saveCusums(
    new Map(
      [...input.cusum]
        .filter(([id]) => !savedCusum.has(id))
        .map(([id, state]) => [id, state as unknown as Record<string, number>]),
    ),
  );
  return joined.length;
}
