import { AdapterConfigError } from '../errors/adapter-config-error';
import type { Environment } from '../model-adapter';
import { invalidRequest } from './request-input';

/** At creation: fail fast when the named variable is missing (its value is not kept). */
export function assertApiKeyPresent(env: Environment, name: string | undefined): void {
  if (name !== undefined && !env[name]) {
    throw new AdapterConfigError(`environment variable ${name} (apiKeyEnv) is not set`);
  }
}

/** At call time, so a rotated key is picked up without recreating the adapter. */
export function readApiKey(env: Environment, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const key = env[name];
  if (!key) throw invalidRequest(`environment variable ${name} (apiKeyEnv) is not set`);
  return key;
}
