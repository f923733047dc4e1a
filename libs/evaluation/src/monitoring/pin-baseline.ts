import {
  baselineEstimate,
  baselineVersionKey,
  EMPTY_BASELINE,
  isItemLevelAlertable,
  pinnedVersionKey,
  pointValue,
  withRun,
} from '@lastmile/monitoring';
import type { Stores } from '@lastmile/persistence';
import type { MetricDefinition } from '@lastmile/scenarios';
import { saveBaselines, type BaselineRecordWrite } from './baseline-records';
import { loadRunItemValues } from './run-item-values';

export interface PinInput {
  planId: string;
  seed: number;
  runId: string;
  /** The run's provenance: model spec hash and the content hash of each slice it evaluated. */
  modelSpecHash: string;
  sliceHashes: Record<string, string>;
  scoringHash?: string;
  metrics: readonly MetricDefinition[];
}

/**
 * Makes one run the plan's baseline: earlier pins go, and every alertable metric and subgroup of
 * each slice the run evaluated gets a pinned row with the run's item values. Call inside a
 * transaction. Returns the number of baselines written.
 */
export async function pinRunAsBaseline(stores: Stores, input: PinInput): Promise<number> {
  await stores.alerts.lockPlan(input.planId);
  await stores.baselines.deletePinned(input.planId);
  const written: BaselineRecordWrite[] = [];
  for (const [sliceId, contentHash] of Object.entries(input.sliceHashes)) {
    const values = await loadRunItemValues(stores.results, input.runId, sliceId, input.metrics);
    for (const metric of input.metrics.filter(isItemLevelAlertable)) {
      for (const [subgroup, items] of Object.entries(values[metric.name] ?? {})) {
        const state = withRun(
          EMPTY_BASELINE,
          input.runId,
          items,
          pointValue(metric.statKind, items),
        );
        written.push({
          planId: input.planId,
          sliceId,
          subgroup,
          metric: metric.name,
          versionKey: pinnedVersionKey(
            baselineVersionKey(input.modelSpecHash, contentHash, input.scoringHash),
          ),
          ...state,
          ...baselineEstimate(metric.statKind, state.items, input.seed),
          cusum: {},
          pinned: true,
        });
      }
    }
  }
  await saveBaselines(stores.baselines, written);
  return written.length;
}
