import type { EntityManager } from 'typeorm';

/** The operator's caps on what one tenant's plans may spend (see docs/security.md). */
export interface TenantQuota {
  runsPerHour: number;
  modelCallsPerHour: number;
}

export interface TenantUsage {
  /** Runs of the tenant queued in the past hour (quota refusals not counted). */
  runs: number;
  /** Model calls those runs planned (items × samples). */
  plannedCalls: number;
  /** When the oldest of those runs was queued: the window frees a place an hour after it. */
  oldestQueuedAt: Date | null;
}

export const QUOTA_EXCEEDED = 'quota_exceeded';

/** The tenant's spending over the rolling hour, leaving out one run (the one being judged). */
export async function tenantUsageLastHour(
  manager: EntityManager,
  tenantId: string,
  exceptRunId: string | null = null,
): Promise<TenantUsage> {
  const rows: TenantUsage[] = await manager.query(
    `SELECT count(*)::int AS runs, coalesce(sum(total), 0)::int AS "plannedCalls",
            min(queued_at) AS "oldestQueuedAt"
       FROM runs
      WHERE tenant_id = $1 AND queued_at > now() - interval '1 hour'
        AND ($2::uuid IS NULL OR id <> $2::uuid)
        AND coalesce(error_summary->>'code', '') <> '${QUOTA_EXCEEDED}'`,
    [tenantId, exceptRunId],
  );
  return rows[0];
}

/** Why one more run (planning `calls` model calls) would exceed the quota, or null. */
export function quotaRefusal(usage: TenantUsage, quota: TenantQuota, calls = 0): string | null {
  if (usage.runs >= quota.runsPerHour)
    return `the tenant started ${usage.runs} runs in the past hour, its limit (LASTMILE_TENANT_RUNS_PER_HOUR=${quota.runsPerHour})`;
  if (usage.plannedCalls + calls > quota.modelCallsPerHour)
    return `this run's ${calls} model calls would bring the tenant's past hour to ${usage.plannedCalls + calls}, over its limit (LASTMILE_TENANT_MODEL_CALLS_PER_HOUR=${quota.modelCallsPerHour})`;
  return null;
}

/** Seconds until the rolling window frees a place (for Retry-After). */
export function quotaRetryAfterSeconds(usage: TenantUsage, now = Date.now()): number {
  if (!usage.oldestQueuedAt) return 60;
  return Math.max(1, Math.ceil((usage.oldestQueuedAt.getTime() + 3_600_000 - now) / 1000));
}
