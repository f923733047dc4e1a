import type { InstanceStats, MetricDefinition } from '@lastmile/scenarios';
import { itemValuesFor, type ItemValueSet } from '../drift/item-values';
import type { Queryable } from './queryable';

/**
 * Item values of one run on one slice, from the instances that succeeded (a partial run is
 * judged on what it has): the same reduction the CLI gate applies to its own results.
 */
export async function loadRunItemValues(
  db: Queryable,
  runId: string,
  sliceId: string,
  metrics: readonly MetricDefinition[],
): Promise<ItemValueSet> {
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
  return itemValuesFor(
    metrics,
    rows.map((row) => ({
      itemId: row.item_key,
      sample: row.sample,
      stats: row.stats,
      attributes: row.attributes,
    })),
  );
}
