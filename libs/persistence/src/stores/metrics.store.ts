import type { EntityManager } from 'typeorm';
import { Metric } from '../entities/metric.entity';
import { isoTimestampSql } from './sql-timestamp';

/** A metric of one run as its slice's monitor reads it. */
export interface StoredMetric {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

/** A metric as the API lists it, timestamp as JSON renders it. */
export interface RunMetricRow extends StoredMetric {
  slice: string;
  at: string;
}

const INSERT_CHUNK = 500;

/** The metrics table: a run's numbers per slice, subgroup and name — the series Grafana draws. */
export class MetricsStore {
  constructor(private readonly db: EntityManager) {}

  /** Replaces the run's metrics in one transaction (safe to redo). */
  async replaceForRun(runId: string, rows: Partial<Metric>[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.delete(Metric, { runId });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await manager.insert(Metric, rows.slice(i, i + INSERT_CHUNK) as never);
    });
  }

  ofRunSlice(runId: string, sliceId: string): Promise<StoredMetric[]> {
    return this.db.query(
      `SELECT name, subgroup, value, ci_low AS "ciLow", ci_high AS "ciHigh", n
         FROM metrics WHERE run_id = $1 AND slice_id = $2`,
      [runId, sliceId],
    );
  }

  /** The overall ('all') values of these runs' metrics, for lists of runs. */
  overallOfRuns(
    runIds: readonly string[],
  ): Promise<{ runId: string; sliceId: string; name: string; value: number | null }[]> {
    if (runIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT run_id AS "runId", slice_id AS "sliceId", name, value FROM metrics
        WHERE run_id = ANY($1::uuid[]) AND subgroup = 'all' ORDER BY run_id, slice_id, name`,
      [runIds],
    );
  }

  ofRun(runId: string): Promise<Metric[]> {
    return this.db
      .getRepository(Metric)
      .find({ where: { runId }, order: { name: 'ASC', subgroup: 'ASC' } });
  }

  /**
   * One round trip: the run (null when absent or another tenant's) joined with its metrics,
   * filtered. The API's hot read.
   */
  async forApi(
    runId: string,
    tenantId: string | null,
    filter: { name?: string; subgroup?: string; sliceId?: string },
  ): Promise<RunMetricRow[] | null> {
    const rows: (RunMetricRow & { run_id: string | null })[] = await this.db.query(
      `SELECT m.run_id, m.slice_id AS slice, m.subgroup, m.name, m.value, m.ci_low AS "ciLow",
              m.ci_high AS "ciHigh", m.n,
              ${isoTimestampSql('m.at')} AS at
         FROM runs r
         LEFT JOIN metrics m ON m.run_id = r.id
           AND ($3::text IS NULL OR m.name = $3)
           AND ($4::text IS NULL OR m.subgroup = $4)
           AND ($5::uuid IS NULL OR m.slice_id = $5)
        WHERE r.id = $1 AND ($2::uuid IS NULL OR r.tenant_id = $2)
        ORDER BY m.slice_id, m.name, m.subgroup`,
      [runId, tenantId, filter.name ?? null, filter.subgroup ?? null, filter.sliceId ?? null],
    );
    if (rows.length === 0) return null;
    return rows.filter((row) => row.run_id !== null).map(({ run_id: _run, ...metric }) => metric);
  }
}
