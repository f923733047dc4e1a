import {
  bootstrapMeanInterval,
  bootstrapRatioInterval,
  DELTA_METHOD_MIN_UNITS,
  linearizedRatioInterval,
  wilsonInterval,
} from '@lastmile/metrics';
import type { MetricStatKind } from '@lastmile/scenarios';
import { ItemValues } from '../drift/item-value-columns';
import { addItemValues, isBinary, pointValue } from '../drift/item-value-stats';
import { requiredRuns, type BaselinePolicyInput } from './baseline-policy';

/** One baseline (plan, slice, subgroup, metric, version): its runs and pooled item values. */
export interface BaselineState {
  runIds: string[];
  /** The metric in each baseline run, aligned with runIds: the between-run spread. */
  runValues: number[];
  /** Item values summed over the runs: paired tests compare the current run with these. */
  items: ItemValues;
}

export const EMPTY_BASELINE: BaselineState = {
  runIds: [],
  runValues: [],
  items: ItemValues.empty,
};

/** The state with one more run (a run already in it is not added twice). */
export function withRun(
  state: BaselineState,
  runId: string,
  items: ItemValues,
  value: number | null,
): BaselineState {
  if (state.runIds.includes(runId)) return state;
  return {
    runIds: [...state.runIds, runId],
    runValues: value === null ? state.runValues : [...state.runValues, value],
    items: addItemValues(state.items, items),
  };
}

/** Rolling window: the oldest runs beyond the window, to be taken out (oldest first). */
export function runsBeyondWindow(state: BaselineState, policy: BaselinePolicyInput): string[] {
  if (policy.kind !== 'rolling') return [];
  const excess = state.runIds.length - requiredRuns(policy);
  return excess > 0 ? state.runIds.slice(0, excess) : [];
}

/** Takes a run back out: its id, its value and its item values (read again from its results). */
export function withoutRun(state: BaselineState, runId: string, items: ItemValues): BaselineState {
  const index = state.runIds.indexOf(runId);
  if (index < 0) return state;
  const aligned = state.runValues.length === state.runIds.length;
  return {
    runIds: state.runIds.filter((id) => id !== runId),
    runValues: aligned ? state.runValues.filter((_, i) => i !== index) : state.runValues,
    items: addItemValues(state.items, items, -1),
  };
}

/**
 * The baseline's value and 95% interval over its pooled items: Wilson for 0/1 proportions,
 * otherwise a seeded bootstrap over items (mean of shares, or Σnum/Σden for ratios), and from
 * DELTA_METHOD_MIN_UNITS items the linearized normal interval (the bootstrap's cost without its
 * benefit there).
 */
export function baselineEstimate(
  statKind: MetricStatKind,
  items: ItemValues,
  seed: number,
): { value: number | null; ciLow: number | null; ciHigh: number | null } {
  const value = pointValue(statKind, items);
  const n = items.size;
  if (value === null || n === 0) return { value, ciLow: null, ciHigh: null };
  const shares = Float64Array.from({ length: n }, (_, i) => items.shareAt(i));
  if (n >= DELTA_METHOD_MIN_UNITS && !(statKind === 'proportion' && isBinary(items))) {
    const columns =
      statKind === 'ratio'
        ? { num: items.num, den: items.den }
        : { num: shares, den: new Float64Array(n).fill(1) };
    const { low, high } = linearizedRatioInterval(columns);
    return { value, ciLow: low, ciHigh: high };
  }
  if (statKind === 'ratio') {
    const ratios = Array.from({ length: n }, (_, i) => items.valueAt(i));
    const { low, high } = bootstrapRatioInterval(ratios, { seed });
    return { value, ciLow: low, ciHigh: high };
  }
  if (statKind === 'proportion' && isBinary(items)) {
    const { low, high } = wilsonInterval(
      shares.reduce((sum, share) => sum + share, 0),
      n,
    );
    return { value, ciLow: low, ciHigh: high };
  }
  const { low, high } = bootstrapMeanInterval(Array.from(shares), { seed });
  return { value, ciLow: low, ciHigh: high };
}
