import type { DataSource } from 'typeorm';
import { jsonOrNull, type InstanceResult } from '@lastmile/persistence';

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

/**
 * Buffers instance results and writes them in multi-row inserts. The unique key
 * (run, slice, item, sample) with ON CONFLICT DO NOTHING makes a replayed batch harmless.
 */
export class ResultWriter {
  private buffer: ResultRow[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly onWritten: (written: { done: number; errors: number }) => Promise<void>,
    private readonly batchSize = 200,
  ) {}

  add(row: ResultRow): Promise<void> {
    this.buffer.push(row);
    return this.buffer.length >= this.batchSize ? this.flush() : Promise.resolve();
  }

  /** Writes are serialized so progress counters are updated in order. */
  flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(() => (rows.length ? this.write(rows) : undefined));
    return this.flushing;
  }

  private async write(rows: ResultRow[]): Promise<void> {
    const inserted: { failed: boolean }[] = await this.dataSource.query(
      INSERT_ROWS,
      columnsOf(rows),
    );
    const errors = inserted.filter((row) => row.failed).length;
    await this.onWritten({ done: inserted.length, errors });
  }
}

// One statement over column arrays (ten parameters, not ten per row): TypeORM's insert builder
// spent about 0.2-0.3 ms of CPU per row escaping and binding them, this about 0.02 ms.
const INSERT_ROWS = `
  INSERT INTO instance_results (run_id, slice_id, item_key, sample, request, response, latency_ms, error, stats, attributes)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::jsonb[])
  ON CONFLICT DO NOTHING
  RETURNING (error IS NOT NULL) AS failed`;

function columnsOf(rows: ResultRow[]): unknown[] {
  return [
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
  ];
}
