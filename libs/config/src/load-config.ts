import { ConfigError } from './config-error';
import { envSchema, type AppConfig } from './env.schema';

export { ConfigError };

/** Parses the environment; throws one message naming every bad variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/**
 * The process environment, for the one thing beyond settings that may read it: model and scorer
 * keys named by apiKeyEnv, which the runner filters through the operator's SecretEnvPolicy first.
 */
export function operatorEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
