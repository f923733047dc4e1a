import type { BaselinePolicyInput } from '@lastmile/monitoring';
import type { RunComparison, Stores } from '@lastmile/persistence';
import { splitCellKey } from './assessment-context';
import type { SliceState } from './slice-state';

/**
 * Records what each (slice, metric, subgroup) of the run was compared with: the reference the
 * monitor chose (chooseReference, in loadSliceState), copied as it stands before the run joins
 * any baseline. The run report reads these instead of choosing again after the fact.
 */
export async function recordComparisons(
  stores: Pick<Stores, 'baselines'>,
  runId: string,
  slices: readonly SliceState[],
  policy: BaselinePolicyInput,
): Promise<number> {
  const rows: Omit<RunComparison, 'runId'>[] = [];
  for (const slice of slices) {
    for (const [key, choice] of slice.choices) {
      const reference = choice.reference;
      if (!reference) continue;
      const [metric, subgroup] = splitCellKey(key);
      rows.push({
        sliceId: slice.slice.id,
        metric,
        subgroup,
        baselineId: reference.id,
        baselineSliceId: reference.sliceId,
        versionKey: reference.versionKey,
        policy: policy.kind,
        pinned: reference.pinned,
        otherVersion: choice.otherVersion,
        runIds: [...reference.runIds],
        value: reference.value,
        ciLow: reference.ciLow,
        ciHigh: reference.ciHigh,
      });
    }
  }
  await stores.baselines.recordComparisons(runId, rows);
  return rows.length;
}
