import type { TenantUsage } from './stores/runs.store';

/** The operator's caps on what one tenant's plans may spend (see docs/security.md). */
export interface TenantQuota {
  runsPerHour: number;
  modelCallsPerHour: number;
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
  return Math.max(
    1,
    Math.ceil((new Date(usage.oldestQueuedAt).getTime() + 3_600_000 - now) / 1000),
  );
}
