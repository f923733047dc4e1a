import type { EntityManager } from 'typeorm';
import type { InstanceResult } from '../entities/instance-result.entity';
import { jsonOrNull } from './json-parameter';

export type ResultRow = Pick<
  InstanceResult,
  | 'runId'
  | 'sliceId'
  | 'itemKey'
  | 'sample'
  | 'request'
  | 'response'
  | 'latencyMs'
  | 'error'
  | 'stats'
  | 'attributes'
>;

/** One succeeded instance as scorers aggregate it. */
export interface StoredInstance {
  itemId: string;
  sample: number;
  stats: Record<string, number | string | boolean | null>;
  attributes: Record<string, string>;
}

/** A stored result with its item's text, for evidence and reports. */
export interface ResultWithItem {
  itemKey: string;
  sliceId: string;
  response: string | null;
  error: Record<string, unknown> | null;
  stats: Record<string, unknown>;
  attributes: Record<string, string>;
  input: string | null;
  references: string[] | null;
}

/** Key of one (item, sample) in a set of stored results. */
export const resultKey = (itemKey: string, sample: number) => `${sample}\u0000${itemKey}`;

// One statement over column arrays (ten parameters, not ten per row): TypeORM's insert builder
// spent about 0.2-0.3 ms of CPU per row escaping and binding them, this about 0.02 ms.
const INSERT_ROWS = `
  INSERT INTO instance_results (run_id, slice_id, item_key, sample, request, response, latency_ms, error, stats, attributes)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::jsonb[])
  ON CONFLICT DO NOTHING
  RETURNING (error IS NOT NULL) AS failed`;

/**
 * The instance_results table (one row per run, item and sample; unique, so a replayed batch is
 * harmless) and the optional response cache.
 */
export class ResultsStore {
  constructor(private readonly db: EntityManager) {}

  /** Inserts a batch; answers how many rows were new, and how many of those failed. */
  async insertBatch(rows: readonly ResultRow[]): Promise<{ done: number; errors: number }> {
    if (rows.length === 0) return { done: 0, errors: 0 };
    const inserted: { failed: boolean }[] = await this.db.query(INSERT_ROWS, [
      rows.map((row) => row.runId),
      rows.map((row) => row.sliceId),
      rows.map((row) => row.itemKey),
      rows.map((row) => row.sample),
      rows.map((row) => jsonOrNull(row.request)),
      rows.map((row) => row.response),
      rows.map((row) => row.latencyMs),
      rows.map((row) => jsonOrNull(row.error)),
      rows.map((row) => jsonOrNull(row.stats ?? {})),
      rows.map((row) => jsonOrNull(row.attributes ?? {})),
    ]);
    return { done: inserted.length, errors: inserted.filter((row) => row.failed).length };
  }

  /** (item, sample) pairs of these items already stored for the run (see resultKey). */
  async existingKeys(runId: string, sliceId: string, itemKeys: string[]): Promise<Set<string>> {
    const rows: { item_key: string; sample: number }[] = await this.db.query(
      'SELECT item_key, sample FROM instance_results WHERE run_id = $1 AND slice_id = $2 AND item_key = ANY($3)',
      [runId, sliceId, itemKeys],
    );
    return new Set(rows.map((row) => resultKey(row.item_key, row.sample)));
  }

  /** Instances of one run on one slice that succeeded (a partial run is judged on what it has). */
  async scoredInstances(runId: string, sliceId: string): Promise<StoredInstance[]> {
    const rows: {
      item_key: string;
      sample: number;
      stats: StoredInstance['stats'];
      attributes: Record<string, string>;
    }[] = await this.db.query(
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

  /** Succeeded results of these items of one run, with what was asked and the references. */
  withItems(
    runId: string,
    sliceId: string,
    itemKeys: readonly string[],
  ): Promise<ResultWithItem[]> {
    return this.db.query(
      `SELECT r.item_key AS "itemKey", r.slice_id AS "sliceId", r.response, r.error, r.stats, r.attributes,
              i.input, i."references"
         FROM instance_results r
         LEFT JOIN slice_items i ON i.slice_id = r.slice_id AND i.item_key = r.item_key
        WHERE r.run_id = $1 AND r.slice_id = $2 AND r.item_key = ANY($3::text[]) AND r.error IS NULL
        ORDER BY r.item_key, r.sample`,
      [runId, sliceId, itemKeys],
    );
  }

  /** Every first sample of a run (errors included), for its report. */
  firstSamples(runId: string): Promise<Omit<ResultWithItem, 'input' | 'references'>[]> {
    return this.db.query(
      `SELECT item_key AS "itemKey", slice_id AS "sliceId", response, error, stats, attributes
         FROM instance_results WHERE run_id = $1 AND sample = 0`,
      [runId],
    );
  }

  async cachedResponse(key: string): Promise<string | undefined> {
    const rows: { response: string }[] = await this.db.query(
      'SELECT response FROM response_cache WHERE key = $1',
      [key],
    );
    return rows[0]?.response;
  }

  async cacheResponse(key: string, response: string): Promise<void> {
    await this.db.query(
      'INSERT INTO response_cache (key, response) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [key, response],
    );
  }
}
