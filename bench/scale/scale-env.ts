import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@lastmile/persistence';
import { configureQueueBackend, RUNS_QUEUE } from '@lastmile/queue';
import type { BenchPostgres } from '../support/bench-postgres';

export interface PhaseEnvironment {
  dataSource: DataSource;
  databaseUrl: string;
  redisUrl: string;
  queue: Queue;
  close(): Promise<void>;
}

/** A fresh migrated database and Redis logical database for one phase, so phases share nothing. */
export async function phaseEnvironment(
  pg: BenchPostgres,
  redisServerUrl: string,
  name: string,
  redisDb: number,
): Promise<PhaseEnvironment> {
  await pg.query(`CREATE DATABASE ${name}`);
  const databaseUrl = pg.url.replace(/\/lastmile$/, `/${name}`);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const redisUrl = `${redisServerUrl}/${redisDb}`;
  const { connection } = configureQueueBackend({ redisUrl, databaseUrl });
  const queue = new Queue(RUNS_QUEUE, { connection });
  return {
    dataSource,
    databaseUrl,
    redisUrl,
    queue,
    close: async () => {
      await queue.close();
      await dataSource.destroy();
    },
  };
}

/** Until `count` workers are connected to the runs queue (the runners have finished starting). */
export async function waitForWorkers(
  queue: Queue,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queue.getWorkers()).length < count) {
    if (Date.now() > deadline)
      throw new Error(`fewer than ${count} runner workers connected within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
