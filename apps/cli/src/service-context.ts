import type { DataSource } from 'typeorm';
import { loadConfig, processEnv, type AppConfig } from '@lastmile/config';
import {
  createDataSource,
  resolveDatabase,
  runMigrations,
  type EmbeddedDatabase,
} from '@lastmile/persistence';
import { createLogger, logger } from '@lastmile/telemetry';

export interface ServiceContext {
  config: AppConfig;
  databaseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Config validated, database up (embedded unless DATABASE_URL), migrations applied. `started` is a
 * database the caller began starting earlier (`lastmile run`), used instead of starting one here.
 */
export async function openServiceContext(
  env: NodeJS.ProcessEnv = processEnv(),
  started?: Promise<EmbeddedDatabase>,
): Promise<ServiceContext> {
  const config = loadConfig(env);
  // The validated level, not whatever the first log line found in the environment.
  createLogger(config.LOG_LEVEL);
  const database = await (started ?? resolveDatabase(config, (message) => logger().info(message)));
  const dataSource = createDataSource({ url: database.url, poolSize: 20 });
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length) logger().info({ migrations: applied }, 'applied migrations');
  } catch (error) {
    await database.stop();
    throw error;
  }
  return {
    config,
    databaseUrl: database.url,
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.stop();
    },
  };
}
