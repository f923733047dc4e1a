import type { Environment } from '../model-adapter';

/**
 * Which environment variables a stored spec may name as its `apiKeyEnv` (models, scorers).
 * The environment is the operator's: a name must start with the operator's prefix or be listed,
 * and is never one of the service's own settings (the admin key, the database URL...).
 */
export class SecretEnvPolicy {
  private readonly names: ReadonlySet<string>;
  private readonly reserved: ReadonlySet<string>;

  constructor(
    private readonly prefix: string,
    names: readonly string[],
    reserved: readonly string[],
  ) {
    this.names = new Set(names);
    this.reserved = new Set(reserved);
  }

  /** Null when the name may be used; otherwise why not, in words an API caller can act on. */
  refusal(name: string): string | null {
    if (this.reserved.has(name)) return `${name} is one of the service's own settings`;
    if (this.names.has(name) || (this.prefix !== '' && name.startsWith(this.prefix))) return null;
    return `must start with ${this.prefix}${this.names.size ? ' or be listed in LASTMILE_SECRET_ENV_NAMES' : ''} (set by the operator)`;
  }

  /** The part of an environment that specs may read: adapters never see anything else. */
  filter(env: Environment): Environment {
    const permitted: Record<string, string> = {};
    for (const [name, value] of Object.entries(env)) {
      if (value !== undefined && this.refusal(name) === null) permitted[name] = value;
    }
    return permitted;
  }
}

/** Reads the comma/space separated list form of LASTMILE_SECRET_ENV_NAMES-style settings. */
export function settingList(value: string): string[] {
  return value.split(/[\s,]+/).filter((entry) => entry !== '');
}

/** Every `apiKeyEnv` in a spec or config, at any depth, with its path (for field errors). */
export function apiKeyEnvNames(value: unknown, path = ''): { path: string; name: string }[] {
  if (Array.isArray(value))
    return value.flatMap((entry, i) => apiKeyEnvNames(entry, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const at = path ? `${path}.${key}` : key;
    if (key === 'apiKeyEnv' && typeof entry === 'string') return [{ path: at, name: entry }];
    return apiKeyEnvNames(entry, at);
  });
}
