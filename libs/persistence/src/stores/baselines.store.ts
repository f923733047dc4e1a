import type { EntityManager } from 'typeorm';
import { Baseline } from '../entities/baseline.entity';
import type { RunComparison } from '../entities/run-comparison.entity';

/** A stored baseline without its item stats: enough to choose a reference. */
export interface StoredBaseline {
  id: string;
  planId: string;
  sliceId: string;
  /** The slice of the run it was found for (the row may belong to an earlier slice version). */
  forSliceId: string;
  subgroup: string;
  metric: string;
  versionKey: string;
  runIds: string[];
  runValues: number[];
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  cusum: Record<string, number>;
  pinned: boolean;
  updatedAt: Date;
}

/** A baseline to insert or replace; itemStats is the encoded per-item stats (opaque here). */
export interface BaselineWrite {
  planId: string;
  sliceId: string;
  subgroup: string;
  metric: string;
  versionKey: string;
  runIds: string[];
  runValues: number[];
  itemStats: unknown;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  cusum: Record<string, number>;
  pinned: boolean;
}

// Rows per INSERT: each carries its items' stats (up to a run's size), so a batch stays a few MB.
const UPSERT_BATCH = 100;

/** The baselines table: per plan, slice, subgroup, metric and version, the pinned or pooled runs. */
export class BaselinesStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * The plan's baselines for these slices and for their other versions (slices of the same name
   * and tenant), without item stats.
   */
  async candidates(planId: string, sliceIds: readonly string[]): Promise<StoredBaseline[]> {
    const rows: (Omit<StoredBaseline, 'updatedAt'> & { updatedAt: string | Date })[] =
      await this.db.query(
        `SELECT b.id, b.plan_id AS "planId", b.slice_id AS "sliceId", cur.id AS "forSliceId", b.subgroup, b.metric,
                b.version_key AS "versionKey", b.run_ids AS "runIds", b.run_values AS "runValues", b.value,
                b.ci_low AS "ciLow", b.ci_high AS "ciHigh", b.cusum, b.pinned, b.updated_at AS "updatedAt"
           FROM baselines b
           JOIN slices s ON s.id = b.slice_id
           JOIN slices cur ON cur.id = ANY($2::uuid[]) AND cur.name = s.name AND cur.tenant_id IS NOT DISTINCT FROM s.tenant_id
          WHERE b.plan_id = $1`,
        [planId, sliceIds],
      );
    return rows.map((row) => ({
      ...row,
      cusum: row.cusum ?? {},
      updatedAt: new Date(row.updatedAt),
    }));
  }

  /** The encoded item stats of these baselines, by id. */
  async itemStats(ids: readonly string[]): Promise<Map<string, unknown>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; item_stats: unknown }[] = await this.db.query(
      'SELECT id, item_stats FROM baselines WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.item_stats]));
  }

  /**
   * Inserts or replaces baselines of (plan, slice, subgroup, metric, version), a batch per
   * statement: a run joins one baseline per metric and subgroup, hundreds of them, and one
   * round trip each was most of the cost of a run joining its baseline. Keys must be distinct.
   */
  async upsertMany(rows: readonly BaselineWrite[]): Promise<void> {
    for (let at = 0; at < rows.length; at += UPSERT_BATCH) {
      const batch = rows.slice(at, at + UPSERT_BATCH);
      const column = <T>(of: (row: BaselineWrite) => T) => batch.map(of);
      await this.db.query(
        `INSERT INTO baselines (plan_id, slice_id, subgroup, metric, version_key, run_ids, run_values, item_stats, value, ci_low, ci_high, cusum, pinned, updated_at)
         SELECT plan_id, slice_id, subgroup, metric, version_key,
                ARRAY(SELECT jsonb_array_elements_text(run_ids)::uuid), run_values, item_stats,
                value, ci_low, ci_high, cusum, pinned, now()
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[],
                       $7::jsonb[], $8::json[], $9::float8[], $10::float8[], $11::float8[],
                       $12::jsonb[], $13::boolean[])
             AS t(plan_id, slice_id, subgroup, metric, version_key, run_ids, run_values,
                  item_stats, value, ci_low, ci_high, cusum, pinned)
         ON CONFLICT (plan_id, slice_id, subgroup, metric, version_key) DO UPDATE SET
           run_ids = EXCLUDED.run_ids, run_values = EXCLUDED.run_values, item_stats = EXCLUDED.item_stats,
           value = EXCLUDED.value, ci_low = EXCLUDED.ci_low, ci_high = EXCLUDED.ci_high, cusum = EXCLUDED.cusum,
           pinned = EXCLUDED.pinned, updated_at = now()`,
        [
          column((row) => row.planId),
          column((row) => row.sliceId),
          column((row) => row.subgroup),
          column((row) => row.metric),
          column((row) => row.versionKey),
          column((row) => JSON.stringify(row.runIds)),
          column((row) => JSON.stringify(row.runValues)),
          column((row) => JSON.stringify(row.itemStats)),
          column((row) => row.value),
          column((row) => row.ciLow),
          column((row) => row.ciHigh),
          column((row) => JSON.stringify(row.cusum)),
          column((row) => row.pinned),
        ],
      );
    }
  }

  /** Saves only the CUSUM states of baselines, by id, in one statement (references are read-only otherwise). */
  async saveCusums(states: ReadonlyMap<string, Record<string, number>>): Promise<void> {
    if (states.size === 0) return;
    await this.db.query(
      `UPDATE baselines SET cusum = t.cusum
         FROM unnest($1::uuid[], $2::jsonb[]) AS t(id, cusum) WHERE baselines.id = t.id`,
      [[...states.keys()], [...states.values()].map((state) => JSON.stringify(state))],
    );
  }

  /** A new pin replaces every earlier one of the plan. */
  async deletePinned(planId: string): Promise<void> {
    await this.db.query('DELETE FROM baselines WHERE plan_id = $1 AND pinned', [planId]);
  }

  /** The plan's baselines without their per-item stats (the API list). */
  listForPlan(planId: string): Promise<Omit<Baseline, 'planId' | 'itemStats' | 'cusum'>[]> {
    return this.db.getRepository(Baseline).find({
      where: { planId },
      select: {
        id: true,
        sliceId: true,
        subgroup: true,
        metric: true,
        versionKey: true,
        runIds: true,
        runValues: true,
        value: true,
        ciLow: true,
        ciHigh: true,
        pinned: true,
        updatedAt: true,
      },
      order: { sliceId: 'ASC', metric: 'ASC', subgroup: 'ASC', updatedAt: 'DESC' },
    });
  }

  /**
   * What a run was compared with, per slice, metric and subgroup (see RunComparison), replacing
   * whatever an earlier monitoring of the run recorded. One statement.
   */
  async recordComparisons(runId: string, rows: readonly Omit<RunComparison, 'runId'>[]) {
    await this.db.query('DELETE FROM run_comparisons WHERE run_id = $1', [runId]);
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO run_comparisons (run_id, slice_id, metric, subgroup, baseline_id, baseline_slice_id,
                                    version_key, policy, pinned, other_version, run_ids, value, ci_low, ci_high)
       SELECT $1, c.slice_id, c.metric, c.subgroup, c.baseline_id, c.baseline_slice_id, c.version_key,
              c.policy, c.pinned, c.other_version,
              ARRAY(SELECT jsonb_array_elements_text(c.run_ids))::uuid[], c.value, c.ci_low, c.ci_high
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[],
                     $9::boolean[], $10::boolean[], $11::jsonb[], $12::float8[], $13::float8[], $14::float8[])
           AS c(slice_id, metric, subgroup, baseline_id, baseline_slice_id, version_key, policy,
                pinned, other_version, run_ids, value, ci_low, ci_high)`,
      [
        runId,
        rows.map((r) => r.sliceId),
        rows.map((r) => r.metric),
        rows.map((r) => r.subgroup),
        rows.map((r) => r.baselineId),
        rows.map((r) => r.baselineSliceId),
        rows.map((r) => r.versionKey),
        rows.map((r) => r.policy),
        rows.map((r) => r.pinned),
        rows.map((r) => r.otherVersion),
        // A uuid[][] would need equal lengths: each run list travels as a JSON array.
        rows.map((r) => JSON.stringify(r.runIds)),
        rows.map((r) => r.value),
        rows.map((r) => r.ciLow),
        rows.map((r) => r.ciHigh),
      ],
    );
  }

  /** What the run was compared with (the run report), by slice, metric and subgroup. */
  comparisonsOfRun(runId: string): Promise<RunComparison[]> {
    return this.db.query(
      `SELECT run_id AS "runId", slice_id AS "sliceId", metric, subgroup, baseline_id AS "baselineId",
              baseline_slice_id AS "baselineSliceId", version_key AS "versionKey", policy, pinned,
              other_version AS "otherVersion", run_ids AS "runIds", value, ci_low AS "ciLow",
              ci_high AS "ciHigh"
         FROM run_comparisons WHERE run_id = $1 ORDER BY slice_id, metric, subgroup`,
      [runId],
    );
  }
}
