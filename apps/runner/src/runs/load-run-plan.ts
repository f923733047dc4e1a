import { In, type DataSource } from 'typeorm';
import { Model, Plan, Run, Scenario, Slice } from '@lastmile/persistence';
import { getScenarioKind } from '@lastmile/scenarios';
import { ensureBuiltinSlice } from './builtin-slice';
import type { RunPlan } from './run-plan';

/** Loads a queued run with its plan, model, scenario and slices (built-in data when none). */
export async function loadRunPlan(dataSource: DataSource, runId: string): Promise<RunPlan | null> {
  const run = await dataSource.getRepository(Run).findOneBy({ id: runId });
  if (!run) return null;
  const plan = run.planId
    ? await dataSource.getRepository(Plan).findOneBy({ id: run.planId })
    : null;
  const model = await dataSource.getRepository(Model).findOneByOrFail({ id: run.modelId });
  if (!run.scenarioId) throw new Error(`run ${run.id} has no scenario`);
  const scenario = await dataSource.getRepository(Scenario).findOneByOrFail({ id: run.scenarioId });
  const kind = getScenarioKind(scenario.kind);
  const config = kind.configSchema.parse(scenario.config);
  const sliceIds = plan?.sliceIds ?? [];
  const slices = sliceIds.length
    ? orderLike(sliceIds, await dataSource.getRepository(Slice).findBy({ id: In(sliceIds) }))
    : [await ensureBuiltinSlice(dataSource, kind, config)];
  return {
    run,
    plan,
    model,
    scenario,
    kind,
    config,
    slices,
    sampleSize: plan?.sampleSize ?? null,
    seed: plan?.seed ?? 0,
    cacheResponses: plan?.cacheResponses ?? false,
  };
}

function orderLike(ids: string[], slices: Slice[]): Slice[] {
  const byId = new Map(slices.map((slice) => [slice.id, slice]));
  return ids.map((id) => byId.get(id)).filter((slice): slice is Slice => slice !== undefined);
}
