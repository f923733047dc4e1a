import {
  chooseReference,
  isItemLevelAlertable,
  baselineVersionKey,
  type BaselinePolicyInput,
  type ItemValueSet,
  type ReferenceChoice,
} from '@lastmile/monitoring';
import type { Slice, Stores } from '@lastmile/persistence';
import type { BaselineRecord } from './baseline-records';
import { loadRunItemValues } from './run-item-values';
import type { MetricDefinition } from '@lastmile/scenarios';

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
}

export const cellKey = (metric: string, subgroup: string) => `${metric}|${subgroup}`;

export async function loadSliceState(
  stores: Pick<Stores, 'results' | 'metrics'>,
  input: {
    runId: string;
    slice: Slice;
    modelSpecHash: string;
    metrics: readonly MetricDefinition[];
    candidates: readonly BaselineRecord[];
    policy: BaselinePolicyInput;
  },
): Promise<SliceState> {
  const { slice } = input;
  const versionKey = baselineVersionKey(input.modelSpecHash, slice.contentHash);
  const current = await loadRunItemValues(stores.results, input.runId, slice.id, input.metrics);
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
  const rows = await stores.metrics.ofRunSlice(input.runId, slice.id);
  const metricRows = new Map(
    rows.map((r) => [
      cellKey(r.name, r.subgroup),
      { value: r.value, ciLow: r.ciLow, ciHigh: r.ciHigh, n: r.n },
    ]),
  );
  return { slice, versionKey, current, choices, metricRows };
}
