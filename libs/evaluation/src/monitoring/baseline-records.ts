import {
  decodeItemStats,
  encodeItemStats,
  type BaselineCandidate,
  type CusumState,
  type ItemValues,
} from '@lastmile/monitoring';
import type { BaselinesStore, StoredBaseline } from '@lastmile/persistence';

/** A stored baseline as the monitor reads it (see BaselinesStore.candidates). */
export interface BaselineRecord extends BaselineCandidate, Omit<StoredBaseline, 'cusum'> {
  cusum: Partial<CusumState>;
}

export interface BaselineRecordWrite {
  planId: string;
  sliceId: string;
  subgroup: string;
  metric: string;
  versionKey: string;
  runIds: string[];
  runValues: number[];
  items: ItemValues;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  cusum: Partial<CusumState>;
  pinned: boolean;
}

/** The plan's baselines for these slices and their other versions, without item stats. */
export async function loadBaselineCandidates(
  baselines: BaselinesStore,
  planId: string,
  sliceIds: readonly string[],
): Promise<BaselineRecord[]> {
  return (await baselines.candidates(planId, sliceIds)) as BaselineRecord[];
}

/** Pooled item values of the chosen baselines, by baseline id. */
export async function loadBaselineItems(
  baselines: BaselinesStore,
  ids: readonly string[],
): Promise<Map<string, ItemValues>> {
  const stats = await baselines.itemStats(ids);
  return new Map([...stats].map(([id, encoded]) => [id, decodeItemStats(encoded)]));
}

/** Inserts or replaces baselines, their item values encoded for storage. */
export function saveBaselines(
  baselines: BaselinesStore,
  rows: readonly BaselineRecordWrite[],
): Promise<void> {
  return baselines.upsertMany(
    rows.map(({ items, cusum, ...rest }) => ({
      ...rest,
      itemStats: encodeItemStats(items),
      cusum: cusum as Record<string, number>,
    })),
  );
}
