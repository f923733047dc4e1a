import { In, type EntityManager } from 'typeorm';
import { Baseline } from '../entities/baseline.entity';

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

  /** Inserts or replaces the baseline of (plan, slice, subgroup, metric, version). */
  async upsert(row: BaselineWrite): Promise<void> {
    await this.db.query(
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
        JSON.stringify(row.itemStats),
        row.value,
        row.ciLow,
        row.ciHigh,
        JSON.stringify(row.cusum),
        row.pinned,
      ],
    );
  }

  /** Saves only the CUSUM state of a baseline (references are read-only otherwise). */
  async saveCusum(id: string, state: Record<string, number>): Promise<void> {
    await this.db.query('UPDATE baselines SET cusum = $2 WHERE id = $1', [
      id,
      JSON.stringify(state),
    ]);
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

  /** The plan's baselines on these slices, newest first (the run report). */
  forPlanSlices(planId: string, sliceIds: readonly string[]): Promise<Baseline[]> {
    return this.db.getRepository(Baseline).find({
      where: { planId, sliceId: In([...sliceIds]) },
      order: { updatedAt: 'DESC' },
    });
  }
}
