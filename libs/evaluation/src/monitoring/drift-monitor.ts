import { alertDedupKey, alertTitle, healthEvidence, runReportLink } from '@lastmile/monitoring';
import type { Database, Run } from '@lastmile/persistence';
import { logger } from '@lastmile/telemetry';
import type { RunFinishedListener } from '../runs/run-executor';
import type { RunPlan } from '../runs/run-plan';
import type { AlertObservation } from './alert-observation';
import type { MonitoringSettings } from './monitoring-settings';
import { monitorRun } from './monitor-run';
import { enqueueNotifications, type NotificationQueue } from './notifications';

/**
 * The run-finished listener: drift detection, alerts and baselines after every run of a plan.
 * It never fails the run: whatever goes wrong is logged, and the run keeps its status.
 */
export class DriftMonitor {
  constructor(
    private readonly database: Database,
    private readonly notifications: NotificationQueue,
    private readonly settings: MonitoringSettings,
  ) {}

  readonly listener: RunFinishedListener = async (run, plan) => {
    try {
      await this.onRunFinished(run, plan);
    } catch (error) {
      logger().error(
        { err: error, runId: run.id, planId: run.planId },
        'drift monitoring failed for this run; the run itself is unaffected',
      );
    }
  };

  private async onRunFinished(run: Run, runPlan: RunPlan | null): Promise<void> {
    const plan =
      runPlan?.plan ?? (run.planId ? await this.database.stores.plans.find(run.planId) : null);
    if (
      !plan ||
      plan.deletedAt ||
      run.status === 'cancelled' ||
      run.status === 'queued' ||
      run.status === 'running'
    )
      return;
    const pending = await this.database.transaction((stores) =>
      monitorRun(stores, {
        run,
        runPlan,
        plan,
        settings: this.settings,
        health: healthObservation(run, plan.name, this.settings),
      }),
    );
    await enqueueNotifications(
      this.notifications,
      pending.map((p) => ({ ...p, channels: plan.channels ?? [] })),
    );
    logger().info(
      { runId: run.id, planId: plan.id, status: run.status, notified: pending.length },
      'run monitored',
    );
  }
}

/** A failed run is a health finding (no drift computed); any run with results is a clean one. */
function healthObservation(
  run: Run,
  planName: string,
  settings: MonitoringSettings,
): AlertObservation {
  const parts = {
    type: 'health' as const,
    planId: run.planId!,
    sliceId: null,
    subgroup: 'all',
    metric: 'run_status',
  };
  const dedupKey = alertDedupKey(parts);
  if (run.status !== 'failed') return { parts, dedupKey, finding: null };
  const report = runReportLink(settings.publicUrl, run.id);
  const evidence = healthEvidence(
    { id: run.id, status: run.status, done: run.done, errors: run.errors },
    run.errorSummary,
    { report },
  );
  return {
    parts,
    dedupKey,
    finding: {
      severity: 'critical',
      title: alertTitle({ type: 'health', metric: 'run_status', subgroup: 'all', planName }),
      evidence,
    },
  };
}
