import type { DataSource } from 'typeorm';

/** (item, sample) pairs of a page already stored by an earlier attempt of this run. */
export async function existingResultKeys(
  dataSource: DataSource,
  runId: string,
  sliceId: string,
  itemKeys: string[],
): Promise<Set<string>> {
  const rows: { item_key: string; sample: number }[] = await dataSource.query(
    'SELECT item_key, sample FROM instance_results WHERE run_id = $1 AND slice_id = $2 AND item_key = ANY($3)',
    [runId, sliceId, itemKeys],
  );
  return new Set(rows.map((row) => resultKey(row.item_key, row.sample)));
}

export const resultKey = (itemKey: string, sample: number) => `${sample}\u0000${itemKey}`;
