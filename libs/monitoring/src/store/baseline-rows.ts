import type { ItemValue } from '../drift/item-values';
import type { CusumState } from '../drift/cusum-monitor';
import type { BaselineCandidate } from '../baselines/choose-reference';
import { decodeItemStats, encodeItemStats } from '../baselines/stored-item-stats';
import type { Queryable } from './queryable';

export interface BaselineRecord extends BaselineCandidate {
  planId: string;
  subgroup: string;
  metric: string;
  runValues: number[];
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  cusum: Partial<CusumState>;
  /** The slice of the run it was found for (the row may belong to an earlier slice version). */
  forSliceId: string;
}

interface Row {
  id: string;
  plan_id: string;
  slice_id: string;
  for_slice_id: string;
  subgroup: string;
  metric: string;
  version_key: string;
  run_ids: string[];
  run_values: number[];
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  cusum: Partial<CusumState>;
  pinned: boolean;
  updated_at: Date;
}

/**
 * The plan's baselines for these slices and for their other versions (slices of the same name
 * and tenant), without item stats: enough to choose references.
 */
export async function loadBaselineCandidates(
  db: Queryable,
  planId: string,
  sliceIds: readonly string[],
): Promise<BaselineRecord[]> {
  const rows: Row[] = await db.query(
    `SELECT b.id, b.plan_id, b.slice_id, cur.id AS for_slice_id, b.subgroup, b.metric, b.version_key, b.run_ids,
            b.run_values, b.value, b.ci_low, b.ci_high, b.cusum, b.pinned, b.updated_at
     FROM baselines b
     JOIN slices s ON s.id = b.slice_id
     JOIN slices cur ON cur.id = ANY($2::uuid[]) AND cur.name = s.name AND cur.tenant_id IS NOT DISTINCT FROM s.tenant_id
     WHERE b.plan_id = $1`,
    [planId, sliceIds],
  );
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    sliceId: row.slice_id,
    forSliceId: row.for_slice_id,
    subgroup: row.subgroup,
    metric: row.metric,
    versionKey: row.version_key,
    runIds: row.run_ids,
    runValues: row.run_values,
    value: row.value,
    ciLow: row.ci_low,
    ciHigh: row.ci_high,
    cusum: row.cusum ?? {},
    pinned: row.pinned,
    updatedAt: new Date(row.updated_at),
  }));
}

/** Pooled item values of the chosen baselines, by baseline id. */
export async function loadBaselineItems(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, Record<string, ItemValue>>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; item_stats: unknown }[] = await db.query(
    'SELECT id, item_stats FROM baselines WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, decodeItemStats(row.item_stats)]));
}

export interface BaselineWrite {
  planId: string;
  sliceId: string;
  subgroup: string;
  metric: string;
  versionKey: string;
  runIds: string[];
  runValues: number[];
  items: Record<string, ItemValue>;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  cusum: Partial<CusumState>;
  pinned: boolean;
}

/** Inserts or replaces the baseline of (plan, slice, subgroup, metric, version). */
export async function upsertBaseline(db: Queryable, row: BaselineWrite): Promise<void> {
  await db.query(
    `INSERT INTO baselines (plan_id, slice_id, subgroup, metric, version_key, run_ids, run_values, item_stats, value, ci_low, ci_high, cusum, pinned, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9, $10, $11, $12, $13, now())
     ON CONFLICT (plan_id, slice_id, subgroup, metric, version_key) DO UPDATE SET
       run_ids = EXCLUDED.run_ids, run_values = EXCLUDED.run_values, item_stats = EXCLUDED.item_stats,
       value = EXCLUDED.value, ci_low = EXCLUDED.ci_low, ci_high = EXCLUDED.ci_high, cusum = EXCLUDED.cusum,
       pinned = EXCLUDED.pinned, updated_at = now()`,
    [
      row.planId,
      row.sliceId,
      row.subgroup,
      row.metric,
      row.versionKey,
      row.runIds,
      JSON.stringify(row.runValues),
      JSON.stringify(encodeItemStats(row.items)),
      row.value,
      row.ciLow,
      row.ciHigh,
      JSON.stringify(row.cusum),
      row.pinned,
    ],
  );
}

/** Saves only the CUSUM state of a baseline (references are read-only otherwise). */
export async function saveCusumState(
  db: Queryable,
  baselineId: string,
  state: CusumState,
): Promise<void> {
  await db.query('UPDATE baselines SET cusum = $2 WHERE id = $1', [
    baselineId,
    JSON.stringify(state),
  ]);
}
