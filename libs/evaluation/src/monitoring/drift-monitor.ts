import { alertTitle, healthEvidence, runReportLink } from '@lastmile/monitoring';
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
      await this.database.stores.runs
        .setMonitoring(run.id, {
          status: 'failed',
          finishedAt: new Date().toISOString(),
          error: (error as Error).message,
        })
        .catch(() => undefined);
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
    ) {
      await this.database.stores.runs.setMonitoring(run.id, {
        status: 'skipped',
        finishedAt: new Date().toISOString(),
      });
      return;
    }
    const outcome = await this.database.transaction(async (stores) => {
      const monitored = await monitorRun(stores, {
        run,
        runPlan,
        plan,
        settings: this.settings,
        health: healthObservation(run, plan.name, this.settings),
      });
      // Written with the incidents, so a client that sees 'done' also sees them.
      await stores.runs.setMonitoring(run.id, {
        status: 'done',
        finishedAt: new Date().toISOString(),
        incidents: monitored.incidents.filter((i) => i.action !== 'clean'),
        underpowered: monitored.underpowered,
        comparisons: monitored.comparisons,
      });
      return monitored;
    });
    await enqueueNotifications(
      this.notifications,
      outcome.notify.map((p) => ({ ...p, channels: plan.channels ?? [] })),
    );
    logger().info(
      { runId: run.id, planId: plan.id, status: run.status, notified: outcome.notify.length },
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
  const test = {
    kind: 'health' as const,
    planId: run.planId!,
    sliceId: null,
    metric: 'run_status',
    subgroup: 'all',
  };
  if (run.status !== 'failed') return { ...test, finding: null };
  const report = runReportLink(settings.publicUrl, run.id);
  const evidence = healthEvidence(
    { id: run.id, status: run.status, done: run.done, errors: run.errors },
    run.errorSummary,
    { report },
  );
  return {
    ...test,
    finding: {
      ...test,
      severity: 'critical',
      title: alertTitle({ type: 'health', metric: 'run_status', subgroup: 'all', planName }),
      evidence,
      test: null,
      pValue: null,
      qValue: null,
      effect: null,
    },
  };
}
