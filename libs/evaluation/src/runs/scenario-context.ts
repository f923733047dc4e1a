import {
  createJudgeClient,
  createParaphraser,
  HttpToxicityScorer,
  type AdapterSpec,
  type Environment,
  type KeyHostBindings,
  type ToxicityScorerSpec,
  type UrlPolicy,
} from '@lastmile/adapters';
import {
  judgeProvenance,
  paraphraserId,
  type JudgeConfig,
  type ScenarioContext,
} from '@lastmile/scenarios';
import type { RunPlan } from './run-plan';

/** How scorers the runner builds reach the network and read keys: as the model adapters do. */
export interface ScorerOptions {
  urlPolicy: UrlPolicy;
  /** The environment apiKeyEnv names are read from: the operator-permitted variables only. */
  env?: Environment;
  /** Hosts the operator binds key variables to (LASTMILE_SECRET_ENV_HOSTS). */
  keyHosts?: KeyHostBindings;
}

interface ScorerConfig {
  scorer?: string;
  classifier?: ToxicityScorerSpec;
  judge?: JudgeConfig;
  paraphrase?: { model: AdapterSpec };
}

/**
 * What a kind's scorer needs beyond its config, built from the config's own specs: the HTTP
 * toxicity classifier, the judge model (`judge`, as context.judge, carrying the judge id its
 * config names) and the paraphrasing model (`paraphrase.model`). Their adapters get the same URL
 * policy and the same filtered environment as the model adapters, so an apiKeyEnv in a scenario
 * reads only what the operator permits (LASTMILE_SECRET_ENV_PREFIX, default LASTMILE_MODEL_KEY_).
 * Throws AdapterConfigError when a spec cannot be built (URL refused, key not set).
 */
export function resolveScenarioContext(
  plan: RunPlan,
  options: ScorerOptions,
): { context: ScenarioContext; close(): Promise<void> } {
  const config = plan.config as ScorerConfig;
  const context: ScenarioContext = { seed: plan.seed };
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    await Promise.all(closers.map((c) => c()));
  };
  try {
    if (config.scorer === 'http' && config.classifier) {
      const scorer = new HttpToxicityScorer(config.classifier, options);
      context.toxicityScorer = scorer;
      closers.push(() => scorer.close());
    }
    if (config.judge) {
      const judge = createJudgeClient(
        config.judge.model,
        judgeProvenance(config.judge).id,
        options,
      );
      context.judge = judge;
      closers.push(() => judge.close());
    }
    if (config.paraphrase?.model) {
      const model = config.paraphrase.model;
      const paraphraser = createParaphraser(model, paraphraserId(model), options);
      context.paraphraser = paraphraser;
      closers.push(() => paraphraser.close());
    }
  } catch (error) {
    void close();
    throw error;
  }
  return { context, close };
}

/**
 * Model calls a kind's scorers make per instance besides the model's own: the judge's samples
 * (both orders in pairwise mode) and one paraphrase. They count toward the tenant's quota.
 */
export function scorerCallsPerInstance(config: unknown): number {
  const { judge, paraphrase } = (config ?? {}) as ScorerConfig;
  const judgeCalls = judge ? judge.samples * (judge.mode === 'pairwise' ? 2 : 1) : 0;
  return judgeCalls + (paraphrase?.model ? 1 : 0);
}
