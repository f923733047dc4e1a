import type { Command } from 'commander';
import { createApiApp } from '@lastmile/api-app';
import { configureQueueBackend } from '@lastmile/queue';
import { logger, startMetricsServer } from '@lastmile/telemetry';
import { openServiceContext } from '../service-context';
import { version } from '../version';
import { startRunner } from '@lastmile/runner-app';

/** api + runner in one process, on embedded defaults unless DATABASE_URL / REDIS_URL are set. */
export async function serve(options: {
  api: boolean;
  runner: boolean;
  /** The environment to configure the service from (default: the process's). */
  env?: NodeJS.ProcessEnv;
}): Promise<() => Promise<void>> {
  const context = await openServiceContext(options.env);
  const queue = configureQueueBackend({
    redisUrl: context.config.REDIS_URL,
    databaseUrl: context.databaseUrl,
  });
  const stops: (() => Promise<void>)[] = [];
  try {
    if (options.runner)
      stops.push(
        await startRunner({
          config: context.config,
          dataSource: context.dataSource,
          queue,
          harnessVersion: version,
        }),
      );
    if (!options.api && context.config.LASTMILE_RUNNER_METRICS_PORT !== undefined) {
      stops.push(await startMetricsServer(context.config.LASTMILE_RUNNER_METRICS_PORT));
    }
    if (options.api) {
      const app = await createApiApp({
        config: context.config,
        dataSource: context.dataSource,
        queue,
      });
      await app.listen(context.config.PORT, context.config.HOST);
      const url = `http://${context.config.HOST}:${context.config.PORT}`;
      logger().info({ url, docs: `${url}/docs`, queue: queue.kind }, 'lastmile API listening');
      stops.push(() => app.close());
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    await context.close();
    throw error;
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
    await context.close();
  };
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the API and the runner (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--no-runner', 'API only')
    .option('--no-api', 'runner only (scale these out)')
    .action(async (options: { api: boolean; runner: boolean }) => {
      const stop = await serve(options);
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger().info({ signal }, 'shutting down');
        stop().then(
          () => process.exit(0),
          (error) => {
            logger().error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    });
}
