import type { InstanceStats, MetricDefinition, ScoredInstance } from '@lastmile/scenarios';
import { itemValuesFor, type ItemValueSet } from '../drift/item-values';
import type { Queryable } from './queryable';

/** Instances of one run on one slice that succeeded (a partial run is judged on what it has). */
export async function loadScoredInstances(
  db: Queryable,
  runId: string,
  sliceId: string,
): Promise<ScoredInstance[]> {
  const rows: {
    item_key: string;
    sample: number;
    stats: InstanceStats;
    attributes: Record<string, string>;
  }[] = await db.query(
    `SELECT item_key, sample, stats, attributes FROM instance_results
     WHERE run_id = $1 AND slice_id = $2 AND error IS NULL ORDER BY item_key, sample`,
    [runId, sliceId],
  );
  return rows.map((row) => ({
    itemId: row.item_key,
    sample: row.sample,
    stats: row.stats,
    attributes: row.attributes,
  }));
}

/** Item values of one run on one slice: the same reduction the CLI gate applies to its own results. */
export async function loadRunItemValues(
  db: Queryable,
  runId: string,
  sliceId: string,
  metrics: readonly MetricDefinition[],
): Promise<ItemValueSet> {
  return itemValuesFor(metrics, await loadScoredInstances(db, runId, sliceId));
}
