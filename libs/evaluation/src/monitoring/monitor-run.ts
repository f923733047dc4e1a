import { dashboardLink, itemAudioLink, runReportLink } from '@lastmile/monitoring';
import type { Plan, Run, RunMonitoring, Stores } from '@lastmile/persistence';
import { logger } from '@lastmile/telemetry';
import type { RunPlan } from '../runs/run-plan';
import type { AlertObservation } from './alert-observation';
import { writeAlerts, type IncidentOutcome } from './alert-writer';
import { loadBaselineCandidates, loadBaselineItems } from './baseline-records';
import { updateBaselines } from './baseline-updater';
import type { MonitoringSettings } from './monitoring-settings';
import type { PendingNotification } from './notifications';
import { assessRun } from './run-assessment';
import { recordComparisons } from './run-comparisons';
import { loadSliceState } from './slice-state';

export interface MonitorRunInput {
  run: Run;
  /** Null only for a run that failed before it could be planned. */
  runPlan: RunPlan | null;
  plan: Plan;
  settings: MonitoringSettings;
  health: AlertObservation;
}

/**
 * One finished run of a plan, inside one transaction holding the plan's monitoring lock: a
 * failed run only raises (or keeps) the health alert; a succeeded or partial run is tested
 * against its baselines, its findings and clean tests update the alerts, then it joins the
 * baselines its policy lets it join. Returns the notifications to queue after commit.
 */
export interface MonitorRunOutcome {
  notify: Omit<PendingNotification, 'channels'>[];
  incidents: IncidentOutcome[];
  underpowered: NonNullable<RunMonitoring['underpowered']>;
  /** How many (slice, metric, subgroup) were compared with a baseline. */
  comparisons: number;
}

export async function monitorRun(
  stores: Stores,
  input: MonitorRunInput,
): Promise<MonitorRunOutcome> {
  const { run, runPlan, plan } = input;
  await stores.alerts.lockPlan(plan.id);
  const autoResolveAfter = plan.alertPolicy.autoResolveAfter ?? 2;
  if (run.status === 'failed')
    return {
      ...(await writeAlerts(stores, run, [input.health], autoResolveAfter)),
      underpowered: [],
      comparisons: 0,
    };
  if (!runPlan) throw new Error(`run ${run.id} ended ${run.status} without a run plan`);

  const metrics = runPlan.kind.metrics(runPlan.config);
  const candidates = await loadBaselineCandidates(
    stores.baselines,
    plan.id,
    runPlan.slices.map((s) => s.id),
  );
  const slices = [];
  for (const slice of runPlan.slices) {
    slices.push(
      await loadSliceState(stores, {
        runId: run.id,
        slice,
        modelSpecHash: runPlan.model.adapterHash,
        scoringHash: run.provenance?.scoringHash,
        metrics,
        candidates,
        policy: plan.baselinePolicy,
        watched: plan.watchedSubgroups ?? [],
      }),
    );
  }
  const needed = new Set<string>();
  for (const slice of slices) {
    for (const choice of slice.choices.values()) {
      if (choice.reference) needed.add(choice.reference.id);
      if (choice.own) needed.add(choice.own.id);
    }
  }
  const storedItems = await loadBaselineItems(stores.baselines, [...needed]);
  const assessment = await assessRun({
    stores,
    run,
    planId: plan.id,
    alertPolicy: plan.alertPolicy,
    baselinePolicy: plan.baselinePolicy,
    seed: plan.seed,
    metrics,
    slices,
    referenceItems: storedItems,
    links: (sliceId, metric) => ({
      report: runReportLink(input.settings.publicUrl, run.id),
      dashboard: dashboardLink(input.settings.grafanaUrl, {
        sliceId,
        tenantId: run.tenantId,
        metric,
      }),
    }),
    audioLink: (sliceId, itemId) => {
      const slice = runPlan.slices.find((s) => s.id === sliceId);
      if (slice?.modality !== 'audio' || !slice.tenantId) return null;
      return itemAudioLink(input.settings.publicUrl, { tenantId: slice.tenantId, sliceId, itemId });
    },
  });
  const written = await writeAlerts(
    stores,
    run,
    [input.health, ...assessment.observations],
    autoResolveAfter,
  );
  // Before the run joins any baseline: what it was compared with, for its report.
  const comparisons = await recordComparisons(stores, run.id, slices, plan.baselinePolicy);
  const joined = await updateBaselines({
    stores,
    runId: run.id,
    planId: plan.id,
    seed: plan.seed,
    policy: plan.baselinePolicy,
    metrics,
    slices,
    storedItems,
    drifted: assessment.drifted,
    cusum: assessment.cusum,
  });
  const findings = assessment.observations.filter((o) => o.finding).length;
  logger().info(
    {
      runId: run.id,
      planId: plan.id,
      tests: assessment.observations.length,
      findings,
      baselinesJoined: joined,
    },
    'drift monitoring done',
  );
  return { ...written, underpowered: assessment.underpowered, comparisons };
}
