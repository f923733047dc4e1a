import { loadConfig } from '@lastmile/config';
import { resolveDatabase, type EmbeddedDatabase } from '@lastmile/persistence/database';
import { logger } from '@lastmile/telemetry';

/**
 * DATABASE_URL, or the embedded server started now: this module loads no TypeORM, so the server's
 * start-up runs while the caller loads the rest. A bad environment throws here (exit 2).
 */
export function startDatabaseEarly(
  env: NodeJS.ProcessEnv = process.env,
): Promise<EmbeddedDatabase> {
  const started = resolveDatabase(loadConfig(env), (message) => logger().info(message));
  // Awaited later by openServiceContext, which reports a failure; not an unhandled rejection meanwhile.
  started.catch(() => undefined);
  return started;
}
