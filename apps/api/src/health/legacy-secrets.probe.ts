import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ServerPolicy } from '@lastmile/adapters';
import { Database } from '@lastmile/persistence';
import { logger } from '@lastmile/telemetry';
import { SERVER_POLICY } from '../security/server-policy.provider';

export interface LegacySecretUse {
  /** What to fix, in words. */
  problem: string;
  planIds: string[];
  modelIds: string[];
}

const CHANNEL_SECRET_ENV = `$[*] ? (exists(@.secretEnv))`;
const SLACK_URL_IN_PLAN = `$[*] ? (@.kind == "slack" && exists(@.url))`;

/**
 * Rows stored before secrets moved out of the environment: channels naming an environment
 * variable (refused at every delivery), Slack webhook URLs kept in plain plan config, and models
 * whose apiKeyEnv the operator's policy no longer permits (their calls fail with "not set") or
 * whose key goes to a host its binding does not list (their adapters are not built).
 * Reported in /health and logged at start-up, so an operator finds them before on-call does.
 */
@Injectable()
export class LegacySecretsProbe implements OnApplicationBootstrap {
  constructor(
    private readonly database: Database,
    @Inject(SERVER_POLICY) private readonly policy: ServerPolicy,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const use of await this.find().catch(() => [])) logger().warn(use, use.problem);
  }

  async find(): Promise<LegacySecretUse[]> {
    const { plans, models: modelRows } = this.database.stores;
    const plansWith = (path: string) => plans.withChannelsMatching(path);
    const models = await modelRows.withApiKeyEnv();
    const refusedModels = models
      .filter((model) => this.policy.specRefusals(model.adapter).length > 0)
      .map((model) => model.id);
    const found: LegacySecretUse[] = [];
    const secretEnvPlans = await plansWith(CHANNEL_SECRET_ENV);
    if (secretEnvPlans.length)
      found.push({
        problem:
          'plan channels name an environment variable (secretEnv): their notifications are refused until the secret is stored (PUT …/secrets/{name}) and the channel names it in "secret"',
        planIds: secretEnvPlans,
        modelIds: [],
      });
    const slackPlans = await plansWith(SLACK_URL_IN_PLAN);
    if (slackPlans.length)
      found.push({
        problem:
          'Slack webhook URLs are stored in plain plan config: store each as a secret and name it in the channel\'s "secret"',
        planIds: slackPlans,
        modelIds: [],
      });
    if (refusedModels.length)
      found.push({
        problem:
          "models name an apiKeyEnv the operator's policy does not permit (LASTMILE_SECRET_ENV_PREFIX / LASTMILE_SECRET_ENV_NAMES) or send it to a host LASTMILE_SECRET_ENV_HOSTS does not bind it to: their model calls fail until a new model version names a permitted variable and host",
        planIds: [],
        modelIds: refusedModels,
      });
    return found;
  }
}
