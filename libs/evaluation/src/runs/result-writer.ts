import type { ResultRow, ResultsStore } from '@lastmile/persistence';

export type { ResultRow } from '@lastmile/persistence';

/**
 * Buffers instance results and writes them in multi-row inserts. The unique key
 * (run, slice, item, sample) with ON CONFLICT DO NOTHING makes a replayed batch harmless.
 */
export class ResultWriter {
  private buffer: ResultRow[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly results: Pick<ResultsStore, 'insertBatch'>,
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
    await this.onWritten(await this.results.insertBatch(rows));
  }
}
