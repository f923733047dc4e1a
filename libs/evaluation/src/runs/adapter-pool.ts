import {
  AdapterConfigError,
  createAdapter,
  parseUrlAllowlist,
  ServerPolicy,
  type Environment,
  type KeyHostBindings,
  type ModelAdapter,
  type UrlPolicy,
} from '@lastmile/adapters';
import { processEnv, RESERVED_ENV_NAMES, type AppConfig } from '@lastmile/config';
import type { Model } from '@lastmile/persistence';

export interface AdapterPoolOptions {
  allowCommand: boolean;
  urlAllowlist: string;
  /** What apiKeyEnv names may read; the service passes only the operator-permitted variables. */
  env?: Environment;
  /** Why a command adapter's program may not run (the operator's allow-list), or null. */
  commandRefusal?: (program: string | undefined) => string | null;
  /** Hosts the operator binds key variables to (LASTMILE_SECRET_ENV_HOSTS). */
  keyHosts?: KeyHostBindings;
}

/** One adapter per model version per process: its concurrency and rate limits live in it. */
export class AdapterPool {
  private readonly adapters = new Map<string, ModelAdapter>();
  private readonly urlPolicy: UrlPolicy;

  constructor(private readonly options: AdapterPoolOptions) {
    this.urlPolicy = parseUrlAllowlist(options.urlAllowlist);
  }

  /** The URL policy and environment adapters were built with; scorers the runner creates use them too. */
  get scorerOptions(): { urlPolicy: UrlPolicy; env?: Environment; keyHosts?: KeyHostBindings } {
    return { urlPolicy: this.urlPolicy, env: this.options.env, keyHosts: this.options.keyHosts };
  }

  get(model: Model): ModelAdapter {
    const key = `${model.id}:${model.adapterHash}`;
    let adapter = this.adapters.get(key);
    if (!adapter) {
      const spec = model.adapter as { kind: string; argv?: string[] };
      const refusal =
        spec.kind === 'command' ? this.options.commandRefusal?.(spec.argv?.[0]) : null;
      if (refusal) throw new AdapterConfigError(refusal);
      adapter = createAdapter(model.adapter as never, {
        allowCommand: this.options.allowCommand,
        urlPolicy: this.urlPolicy,
        env: this.options.env,
        keyHosts: this.options.keyHosts,
      });
      this.adapters.set(key, adapter);
    }
    return adapter;
  }

  async close(): Promise<void> {
    await Promise.all([...this.adapters.values()].map((adapter) => adapter.close?.()));
    this.adapters.clear();
  }
}

/**
 * The service's pool: adapters read only the environment variables the operator's policy permits
 * (never the admin key or the database URL, whatever a stored spec names) and run only allowed programs.
 */
export function adapterPoolFor(config: AppConfig): AdapterPool {
  const policy = new ServerPolicy(config, RESERVED_ENV_NAMES);
  return new AdapterPool({
    allowCommand: config.LASTMILE_ALLOW_COMMAND_ADAPTERS,
    urlAllowlist: config.LASTMILE_URL_ALLOWLIST,
    env: policy.secretEnv.filter(processEnv()),
    commandRefusal: (program) => policy.commandRefusal(program),
    keyHosts: policy.keyHosts,
  });
}
