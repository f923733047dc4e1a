import {
  HttpToxicityScorer,
  type Environment,
  type ToxicityScorerSpec,
  type UrlPolicy,
} from '@lastmile/adapters';
import type { ScenarioContext } from '@lastmile/scenarios';
import type { RunPlan } from './run-plan';

/** What a kind's scorer needs beyond its config: the HTTP toxicity classifier a config names. */
export function resolveScenarioContext(
  plan: RunPlan,
  options: { urlPolicy: UrlPolicy; env?: Environment },
): { context: ScenarioContext; close(): Promise<void> } {
  const classifier = (plan.config as { scorer?: string; classifier?: ToxicityScorerSpec })
    .classifier;
  if ((plan.config as { scorer?: string }).scorer !== 'http' || !classifier) {
    return { context: { seed: plan.seed }, close: async () => undefined };
  }
  const scorer = new HttpToxicityScorer(classifier, options);
  return { context: { seed: plan.seed, toxicityScorer: scorer }, close: () => scorer.close() };
}
