import { Client } from 'pg';

export interface ResultCounts {
  rows: number;
  /** Distinct (slice, item, sample): equal to rows when nothing was written twice. */
  distinct: number;
  errors: number;
}

export interface MetricRow {
  slice_id: string;
  subgroup: string;
  name: string;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
}

/**
 * Reads what a run left in the database. Each call opens its own short connection, so a probe
 * survives the database restarting between calls and never holds a pool that could error idle.
 */
export class RunProbe {
  constructor(private readonly databaseUrl: string) {}

  async resultCounts(runId: string): Promise<ResultCounts> {
    const [row] = await this.query<ResultCounts>(
      `SELECT count(*)::int AS rows, count(DISTINCT (slice_id, item_key, sample))::int AS distinct,
              count(*) FILTER (WHERE error IS NOT NULL)::int AS errors
       FROM instance_results WHERE run_id = $1`,
      [runId],
    );
    return row;
  }

  /** The plan's runs, newest first. */
  runsOf(planId: string): Promise<{ id: string; status: string }[]> {
    return this.query('SELECT id, status FROM runs WHERE plan_id = $1 ORDER BY queued_at DESC', [
      planId,
    ]);
  }

  /** Marks a run running as a runner would (a test's stand-in for a runner lost with its job). */
  async markRunning(runId: string): Promise<void> {
    await this.query(`UPDATE runs SET status = 'running', started_at = now() WHERE id = $1`, [
      runId,
    ]);
  }

  metrics(runId: string): Promise<MetricRow[]> {
    return this.query<MetricRow>(
      `SELECT slice_id, subgroup, name, value, ci_low, ci_high, n FROM metrics
       WHERE run_id = $1 ORDER BY slice_id, name, subgroup`,
      [runId],
    );
  }

  /** item key -> error code of every failed instance of the run. */
  async errorCodes(runId: string): Promise<Map<string, string>> {
    const rows = await this.query<{ item_key: string; code: string }>(
      `SELECT item_key, error->>'code' AS code FROM instance_results WHERE run_id = $1 AND error IS NOT NULL`,
      [runId],
    );
    return new Map(rows.map((row) => [row.item_key, row.code]));
  }

  /** Successful instances: item key -> exact_match stat. */
  async exactMatches(runId: string): Promise<Map<string, number>> {
    const rows = await this.query<{ item_key: string; exact: number }>(
      `SELECT item_key, (stats->>'exact_match')::float8 AS exact FROM instance_results WHERE run_id = $1 AND error IS NULL`,
      [runId],
    );
    return new Map(rows.map((row) => [row.item_key, row.exact]));
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 5000,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
