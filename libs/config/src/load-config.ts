import { ConfigError } from './config-error';
import { envSchema, type AppConfig } from './env.schema';
import { processEnv } from './process-env';

export { ConfigError };

/** Parses the environment; throws one message naming every bad variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = processEnv()): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
