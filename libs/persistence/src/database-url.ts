import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseSettings } from '@lastmile/config/database';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
  type StartOptions,
} from './embedded-database';

export type { EmbeddedDatabase };

/** DATABASE_URL when set; otherwise the embedded server under LASTMILE_HOME. */
export async function resolveDatabase(
  config: DatabaseSettings,
  log?: (message: string) => void,
  options: StartOptions = {},
): Promise<EmbeddedDatabase> {
  if (config.DATABASE_URL) {
    options.onSpawned?.();
    return { url: config.DATABASE_URL, stop: async () => undefined };
  }
  return startEmbeddedDatabase(config.LASTMILE_HOME, log, options);
}

/** Whether the embedded server's data directory exists already (no initdb needed to start it). */
export function embeddedHomeInitialised(config: DatabaseSettings): boolean {
  return existsSync(join(resolve(config.LASTMILE_HOME), 'postgres', 'PG_VERSION'));
}
