import type { AppConfig } from '@lastmile/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

export type { EmbeddedDatabase };

/** DATABASE_URL when set; otherwise the embedded server under LASTMILE_HOME. */
export async function resolveDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'LASTMILE_HOME'>,
  log?: (message: string) => void,
): Promise<EmbeddedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  return startEmbeddedDatabase(config.LASTMILE_HOME, log);
}
