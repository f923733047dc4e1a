import type { Metric, Stores } from '@lastmile/persistence';
import { watchedSubgroupMetrics } from '@lastmile/scenarios';
import type { RunPlan } from './run-plan';

/** Aggregates every slice and replaces the run's metrics in one transaction (safe to redo). */
export async function writeRunMetrics(
  stores: Pick<Stores, 'results' | 'metrics'>,
  plan: RunPlan,
): Promise<number> {
  const rows: Partial<Metric>[] = [];
  for (const slice of plan.slices) {
    const instances = await stores.results.scoredInstances(plan.run.id, slice.id);
    if (instances.length === 0) continue;
    const values = [
      ...plan.kind.aggregate(instances, plan.config, { seed: plan.seed }),
      // Subsets the plan watches (accepted bias-bounty findings): docs/bounties.md.
      ...watchedSubgroupMetrics(
        plan.kind.metrics(plan.config),
        instances,
        plan.plan?.watchedSubgroups ?? [],
        { seed: plan.seed },
      ),
    ];
    for (const value of values) {
      rows.push({
        runId: plan.run.id,
        planId: plan.run.planId,
        modelId: plan.run.modelId,
        tenantId: plan.run.tenantId,
        sliceId: slice.id,
        subgroup: value.subgroup,
        name: value.name,
        value: finiteOrNull(value.value),
        ciLow: finiteOrNull(value.ciLow),
        ciHigh: finiteOrNull(value.ciHigh),
        n: value.n,
      });
    }
  }
  await stores.metrics.replaceForRun(plan.run.id, rows);
  return rows.length;
}

const finiteOrNull = (value: number | null) =>
  value === null || !Number.isFinite(value) ? null : value;
