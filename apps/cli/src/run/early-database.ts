import { databaseSettings } from '@lastmile/config/database';
import { resolveDatabase, type EmbeddedDatabase } from '@lastmile/persistence/database';
import { processEnv } from '@lastmile/config/process-env';

export interface EarlyDatabase {
  database: Promise<EmbeddedDatabase>;
  /** Resolves once the server's process exists (or none is needed, or starting failed). */
  spawned: Promise<void>;
}

/**
 * DATABASE_URL, or the embedded server started now. This module loads neither TypeORM nor the
 * config validator (zod) nor the logger, and the caller waits for `spawned` before it loads the
 * rest, so the server's start-up (a child process) runs while the evaluation code loads. The
 * environment is validated later, by openServiceContext (exit 2).
 */
export function startDatabaseEarly(env: NodeJS.ProcessEnv = processEnv()): EarlyDatabase {
  let onSpawned!: () => void;
  const spawned = new Promise<void>((resolve) => (onSpawned = resolve));
  const database = resolveDatabase(databaseSettings(env), log, { onSpawned });
  // Awaited later by openServiceContext, which reports a failure; not an unhandled rejection meanwhile.
  database.then(onSpawned, onSpawned);
  return { database, spawned };
}

// The logger loads with the rest (prom-client and pino would hold the spawn back ~90 ms).
const log = (message: string) =>
  void import('@lastmile/telemetry').then(({ logger }) => logger().info(message));
