import { In, type EntityManager } from 'typeorm';
import type { Plan } from '../entities/plan.entity';
import { Run, type Provenance, type RunMonitoring, type RunStatus } from '../entities/run.entity';

/** The statuses a run ends in; a run in any of them never changes again. The one definition. */
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = [
  'succeeded',
  'partial',
  'failed',
  'cancelled',
];

export function isFinishedRun(status: string): boolean {
  return (FINISHED_RUN_STATUSES as readonly string[]).includes(status);
}

export const QUOTA_EXCEEDED = 'quota_exceeded';

export interface TenantUsage {
  /** Runs of the tenant queued in the past hour (quota refusals not counted). */
  runs: number;
  /** Model calls those runs planned (items × samples, plus their judges' and paraphrasers' calls). */
  plannedCalls: number;
  /** When the oldest of those runs was queued: the window frees a place an hour after it. */
  oldestQueuedAt: Date | null;
}

export interface RunResultCounts {
  done: number;
  errors: number;
  byCode: Record<string, number> | null;
}

export interface LostRun {
  id: string;
  status: 'queued' | 'running';
  trigger: Run['trigger'];
}

/**
 * The runs table: a run's whole lifecycle — queued (by the API or a schedule tick), started,
 * progressing, finished, cancelled, failed — and the reads the API and the quotas make of it.
 */
export class RunsStore {
  constructor(private readonly db: EntityManager) {}

  /** The queued run record for a plan; API (manual) and runner (schedule) create runs alike. */
  createForPlan(plan: Plan, trigger: Run['trigger'], id?: string): Promise<Run> {
    return this.db.getRepository(Run).save({
      ...(id ? { id } : {}),
      planId: plan.id,
      modelId: plan.modelId,
      scenarioId: plan.scenarioId,
      tenantId: plan.tenantId,
      status: 'queued',
      trigger,
    });
  }

  /** A schedule tick's run, under an id derived from the tick: a retried tick finds it again. */
  async createScheduled(id: string, plan: Plan): Promise<void> {
    await this.db.query(
      `INSERT INTO runs (id, plan_id, model_id, scenario_id, tenant_id, status, trigger)
       VALUES ($1, $2, $3, $4, $5, 'queued', 'schedule') ON CONFLICT (id) DO NOTHING`,
      [id, plan.id, plan.modelId, plan.scenarioId, plan.tenantId],
    );
  }

  /** A run the CLI registers for itself (no plan). */
  createForCli(fields: Pick<Run, 'modelId' | 'scenarioId'>): Promise<Run> {
    return this.db
      .getRepository(Run)
      .save({ ...fields, planId: null, tenantId: null, status: 'queued', trigger: 'cli' });
  }

  find(id: string): Promise<Run | null> {
    return this.db.getRepository(Run).findOneBy({ id });
  }

  /** A run as a caller may see it: null when absent or (tenantId set) another tenant's. */
  findVisible(id: string, tenantId: string | null): Promise<Run | null> {
    return this.db.getRepository(Run).findOneBy({ id, ...(tenantId ? { tenantId } : {}) });
  }

  list(filter: {
    planId?: string;
    status?: RunStatus;
    tenantId: string | null;
    limit: number;
  }): Promise<Run[]> {
    return this.db.getRepository(Run).find({
      where: {
        ...(filter.planId ? { planId: filter.planId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
      },
      order: { queuedAt: 'DESC' },
      take: filter.limit,
    });
  }

  /** The latest run of each plan (by queued time): one probe of ix_runs_plan_queued per plan. */
  async latestOfPlans(planIds: readonly string[]): Promise<Run[]> {
    if (planIds.length === 0) return [];
    const rows: { id: string }[] = await this.db.query(
      `SELECT latest.id FROM unnest($1::uuid[]) AS p(id)
         CROSS JOIN LATERAL (SELECT r.id FROM runs r WHERE r.plan_id = p.id
                              ORDER BY r.queued_at DESC LIMIT 1) latest`,
      [planIds],
    );
    if (rows.length === 0) return [];
    return this.db.getRepository(Run).findBy({ id: In(rows.map((row) => row.id)) });
  }

  /**
   * Marks the run running with its total and provenance, and recounts what earlier attempts
   * stored; returns that count (a resumed run looks its stored results up instead of re-asking).
   */
  async start(
    id: string,
    total: number,
    provenance: Provenance,
  ): Promise<{ storedBefore: number }> {
    // TypeORM returns [rows, rowCount] for an UPDATE … RETURNING (not the rows).
    const [rows]: [{ done: number }[], number] = await this.db.query(
      `UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), total = $2, provenance = $3,
         done = (SELECT count(*) FROM instance_results WHERE run_id = $1),
         errors = (SELECT count(*) FROM instance_results WHERE run_id = $1 AND error IS NOT NULL)
       WHERE id = $1 RETURNING done`,
      [id, total, provenance],
    );
    if (rows.length === 0) throw new Error(`run ${id} does not exist`);
    return { storedBefore: Number(rows[0].done) };
  }

  async addProgress(id: string, done: number, errors: number): Promise<void> {
    await this.db.query('UPDATE runs SET done = done + $2, errors = errors + $3 WHERE id = $1', [
      id,
      done,
      errors,
    ]);
  }

  async isCancelRequested(id: string): Promise<boolean> {
    const rows: { cancel_requested: boolean }[] = await this.db.query(
      'SELECT cancel_requested FROM runs WHERE id = $1',
      [id],
    );
    return rows[0]?.cancel_requested ?? false;
  }

  /** A queued run is cancelled at once; a running one is asked to stop at its next batch. */
  async requestCancel(id: string): Promise<void> {
    await this.db.query('UPDATE runs SET cancel_requested = true WHERE id = $1', [id]);
    await this.db.query(
      `UPDATE runs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status = 'queued'`,
      [id],
    );
  }

  /** What the stored instance results say: how many, how many failed, failures by code. */
  async resultCounts(id: string): Promise<RunResultCounts> {
    const rows: { done: number; errors: number; by_code: Record<string, number> | null }[] =
      await this.db.query(
        `SELECT count(*)::int AS done, count(*) FILTER (WHERE error IS NOT NULL)::int AS errors,
              (SELECT jsonb_object_agg(code, n) FROM (
                 SELECT error->>'code' AS code, count(*)::int AS n FROM instance_results
                 WHERE run_id = $1 AND error IS NOT NULL GROUP BY 1) codes) AS by_code
       FROM instance_results WHERE run_id = $1`,
        [id],
      );
    return { done: rows[0].done, errors: rows[0].errors, byCode: rows[0].by_code };
  }

  /** What the run's drift monitoring concluded (see RunMonitoring). */
  async setMonitoring(id: string, monitoring: RunMonitoring): Promise<void> {
    await this.db.query('UPDATE runs SET monitoring = $2 WHERE id = $1', [id, monitoring]);
  }

  /** The run's end: status, summary, and its counters recounted from the stored results. */
  async finish(
    id: string,
    status: RunStatus,
    errorSummary: Record<string, unknown> | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE runs SET status = $2, error_summary = $3, finished_at = now(),
         monitoring = CASE WHEN $2 = 'cancelled' THEN monitoring ELSE '{"status":"pending"}'::jsonb END,
         done = (SELECT count(*) FROM instance_results WHERE run_id = $1),
         errors = (SELECT count(*) FROM instance_results WHERE run_id = $1 AND error IS NOT NULL)
       WHERE id = $1`,
      [id, status, errorSummary],
    );
  }

  /** Fails a run that has not ended, with the reason; false when it had already ended. */
  async failUnfinished(id: string, reason: string, code?: string): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `UPDATE runs SET status = 'failed', finished_at = now(), error_summary = $2,
              monitoring = '{"status":"pending"}'::jsonb
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id, code ? { reason, code } : { reason }],
    );
    return rows.length > 0;
  }

  /** The tenant's spending over the rolling hour, leaving out one run (the one being judged). */
  async tenantUsageLastHour(
    tenantId: string,
    exceptRunId: string | null = null,
  ): Promise<TenantUsage> {
    const rows: TenantUsage[] = await this.db.query(
      `SELECT count(*)::int AS runs,
              coalesce(sum(coalesce((provenance->>'modelCalls')::int, total)), 0)::int AS "plannedCalls",
              min(queued_at) AS "oldestQueuedAt"
         FROM runs
        WHERE tenant_id = $1 AND queued_at > now() - interval '1 hour'
          AND ($2::uuid IS NULL OR id <> $2::uuid)
          AND coalesce(error_summary->>'code', '') <> '${QUOTA_EXCEEDED}'`,
      [tenantId, exceptRunId],
    );
    return rows[0];
  }

  /**
   * Runs that may have lost their job: queued or running, untouched for `olderThanSeconds`
   * (queued_at, or started_at for a running one). The caller asks the queue whether a job exists.
   */
  lostCandidates(olderThanSeconds: number, limit = 100): Promise<LostRun[]> {
    return this.db.query(
      `SELECT id, status, trigger FROM runs
        WHERE (status = 'queued' AND queued_at < now() - make_interval(secs => $1))
           OR (status = 'running' AND coalesce(started_at, queued_at) < now() - make_interval(secs => $1))
        ORDER BY queued_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
  }
}
