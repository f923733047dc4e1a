import type { Database } from '@lastmile/persistence';
import { getScenarioKind } from '@lastmile/scenarios';
import { ensureBuiltinSlice } from './builtin-slice';
import type { RunPlan } from './run-plan';

/** Loads a queued run with its plan, model, scenario and slices (built-in data when none). */
export async function loadRunPlan(database: Database, runId: string): Promise<RunPlan | null> {
  const { runs, plans, models, scenarios, slices } = database.stores;
  const run = await runs.find(runId);
  if (!run) return null;
  const plan = run.planId ? await plans.find(run.planId) : null;
  const model = await models.find(run.modelId);
  if (!model) throw new Error(`run ${run.id}: model ${run.modelId} does not exist`);
  if (!run.scenarioId) throw new Error(`run ${run.id} has no scenario`);
  const scenario = await scenarios.find(run.scenarioId);
  if (!scenario) throw new Error(`run ${run.id}: scenario ${run.scenarioId} does not exist`);
  const kind = getScenarioKind(scenario.kind);
  const config = kind.configSchema.parse(scenario.config);
  const sliceIds = plan?.sliceIds ?? [];
  return {
    run,
    plan,
    model,
    scenario,
    kind,
    config,
    slices: sliceIds.length
      ? await slices.byIds(sliceIds)
      : [await ensureBuiltinSlice(database, kind, config, plan?.sample ?? null)],
    sampleSize: plan?.sampleSize ?? null,
    seed: plan?.seed ?? 0,
    cacheResponses: plan?.cacheResponses ?? false,
  };
}
