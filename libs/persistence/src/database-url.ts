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
