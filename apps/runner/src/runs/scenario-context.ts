import type { ScenarioContext } from '@lastmile/scenarios';
import type { RunPlan } from './run-plan';

/** What a kind's scorer needs beyond its config; the toxicity scorer is wired in here. */
export async function resolveScenarioContext(plan: RunPlan): Promise<ScenarioContext> {
  return { seed: plan.seed };
}
