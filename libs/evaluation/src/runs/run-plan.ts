import type { Model, Plan, Run, Scenario, Slice } from '@lastmile/persistence';
import type { ScenarioKind } from '@lastmile/scenarios';

/** Everything a run needs, loaded once before the first item. */
export interface RunPlan {
  run: Run;
  plan: Plan | null;
  model: Model;
  scenario: Pick<Scenario, 'id' | 'kind' | 'config'>;
  kind: ScenarioKind<unknown>;
  config: unknown;
  slices: Slice[];
  sampleSize: number | null;
  seed: number;
  cacheResponses: boolean;
}
