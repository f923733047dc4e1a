import 'reflect-metadata';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig } from '@lastmile/config';
import { createDataSource, runMigrations } from '@lastmile/persistence';
import { configureQueueBackend, type QueueConnection } from '@lastmile/queue';
import { createLogger } from '@lastmile/telemetry';
import { createApiApp } from '../../apps/api/src/create-api-app';
import type { RunFinishedListener } from '@lastmile/evaluation';
import { startRunner } from '../../apps/runner/src/start-runner';
import { createTestDatabase } from './database';

export const TEST_ADMIN_KEY = 'lm_test_admin_key_0123456789';
/** Seals tenant secrets in e2e apps (32 bytes, hex); a real operator sets its own. */
export const TEST_SECRETS_KEY = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  dataSource: DataSource;
  queue: QueueConnection;
  databaseUrl: string;
  /** Every log line written while the app ran (for the secrets test). */
  logs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Start the runner in the same process (the e2e default for run tests). */
  runner?: boolean;
  listeners?: RunFinishedListener[];
}

/** The real API (and optionally the runner) on a fresh, migrated database of the test server. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const logs: string[] = [];
  createLogger(
    'debug',
    new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY,
    LASTMILE_SECRETS_KEY: TEST_SECRETS_KEY,
    ...options.env,
  });
  const dataSource = createDataSource({ url: database.url });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const queue = configureQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: database.url });
  const stopRunner = options.runner
    ? await startRunner({
        config,
        dataSource,
        queue,
        harnessVersion: 'test',
        listeners: options.listeners,
      })
    : undefined;
  const app = await createApiApp({ config, dataSource, queue });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    dataSource,
    queue,
    databaseUrl: database.url,
    logs,
    close: async () => {
      await app.close();
      await stopRunner?.();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
